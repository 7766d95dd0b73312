# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from unittest import SkipTest

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemo(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.env.ref("base.module_customer_callback_spot_check").demo:
            raise SkipTest("customer_callback_spot_check was installed without its demo data")

    def test_the_spot_checks_ticket_is_a_complaint(self):
        batch = self.env.ref("customer_callback_spot_check.demo_spot_check_last_month")
        ticket = batch.callback_ids.spot_check_complaint_id
        self.assertTrue(ticket, "the dissatisfied spot-checked customer's complaint")
        self.assertTrue(ticket.is_complaint)
        self.assertTrue(ticket.complaint_grade_id, "graded (the default grade)")
