# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The demo's promises of the complaints (README, *Demo data*), checked on the
database's own demo data whatever the day it was installed (CI installs the
demo at other moments too: .ci/run)."""

from unittest import SkipTest

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestComplaintDemo(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.env.ref("base.module_customer_callback_complaint").demo:
            raise SkipTest("customer_callback_complaint was installed without its demo data")
        cls.company = cls.env.ref("base.main_company")
        cls.complaints = cls.env["helpdesk.ticket"].search(
            [("company_id", "=", cls.company.id), ("is_complaint", "=", True)]
        )

    def test_complaints_at_every_grade_and_step(self):
        grades = self.env["customer.complaint.grade"].search([])
        self.assertEqual(self.complaints.complaint_grade_id, grades, "complaints at every grade")
        steps = set(self.complaints.stage_id.mapped("complaint_step")) - {False}
        stage_steps = set(
            self.env["helpdesk.ticket.stage"]
            .search([("complaint_step", "!=", False)])
            .mapped("complaint_step")
        )
        self.assertEqual(steps, stage_steps, "complaints at every handling step")

    def test_deadlines_met_breached_and_reopened(self):
        states = set(self.complaints.mapped("complaint_sla_state"))
        self.assertIn("breached", states)
        self.assertTrue(self.complaints.filtered("complaint_reopen_count"), "one reopened")
        self.assertTrue(self.complaints.filtered("resolution_late"), "one solved late")

    def test_a_follow_up_cancelled_by_hand(self):
        follow_ups = self.env["customer.callback"].search(
            [("company_id", "=", self.company.id), ("ticket_id", "in", self.complaints.ids)]
        )
        cancelled = follow_ups.filtered(lambda c: c.state == "cancelled")
        self.assertEqual(set(cancelled.mapped("close_reason")), {"manual"}, "cancelled by hand")

    def test_the_demo_is_told_once(self):
        """The demo's loader tells nothing again where the complaints are (the
        core's demo complaints moved here by the upgrade to 19.0.5.0.0)."""
        Ticket = self.env["helpdesk.ticket"].with_context(active_test=False)
        before = Ticket.search_count([])
        self.assertFalse(Ticket._complaint_load_demo_scenario())
        self.assertEqual(Ticket.search_count([]), before)
