# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestComplaintTourInChinese(HttpCase):
    """Issue #16 point 8 in a real browser, in Chinese: the agent records an
    urgent complaint, graded at intake."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(
            ["customer_callback", "customer_callback_complaint"], ["zh_CN"]
        )
        cls.zhou = new_test_user(
            cls.env,
            "tour_zh_zhou",
            name="周婷",
            groups="customer_callback.customer_callback_group_agent",
            password="tour_zh_zhou_pw",
            lang="zh_CN",
            tz="Asia/Shanghai",
        )

    def test_agent_records_urgent_complaint(self):
        self.start_tour("/odoo", "customer_callback_urgent_complaint_tour", login="tour_zh_zhou")
        ticket = self.env["helpdesk.ticket"].search([("name", "=", "净水器漏水严重")])
        self.assertEqual(len(ticket), 1)
        urgent = self.env.ref("customer_callback_complaint.customer_complaint_grade_urgent")
        self.assertTrue(ticket.is_complaint)
        self.assertEqual(ticket.create_uid, self.zhou)
        self.assertEqual(ticket.complaint_grade_id, urgent, "graded at intake by the agent")
        self.assertEqual(ticket.response_deadline - ticket.complaint_date, timedelta(hours=2))
        self.assertEqual(
            ticket.first_response_deadline - ticket.complaint_date, timedelta(minutes=10)
        )
        self.assertIn("喷水", ticket.description)
