# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo.tests import tagged

from odoo.addons.customer_callback.tests.common import (
    FROZEN_NOW,
    AccessMatrixMixin,
    CallbackCase,
    cron_commits,
    fail_on_call,
)

NONE = "----"
# Model-level rights of the addon's models per profile (the core's
# ACCESS_PROFILES: portal, internal, helpdesk user, agent, supervisor,
# supervisor of another company), as "rwcu".
ACCESS_MATRIX = {
    # helpdesk users see the grade of the complaints they handle
    "customer.complaint.grade": (NONE, NONE, "r---", "r---", "rwcu", "rwcu"),
}


@tagged("post_install", "-at_install")
class TestComplaintReliability(AccessMatrixMixin, CallbackCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_access_profiles()

    def test_access_matrix_by_model_and_profile(self):
        self.assert_access_matrix(ACCESS_MATRIX)

    def test_access_matrix_lists_every_model_of_the_addon(self):
        self.assert_matrix_covers_module(ACCESS_MATRIX, "customer_callback_complaint")

    def test_interrupted_complaint_reminders_resume_without_gaps_or_duplicates(self):
        """The reminder scheduled action crashes in its second batch: the first
        batch stays done, the crashed one leaves nothing behind, and the next
        run reminds every complaint exactly once."""
        Ticket = self.env["helpdesk.ticket"]
        # reported 12 hours ago: the customer update is due, the deadlines passed
        complaints = Ticket.create(
            [
                {
                    "name": f"Complaint {i}",
                    "description": "<p>Late delivery</p>",
                    "partner_id": self.partner_sh.id,
                    "team_id": self.team.id,
                    "user_id": self.agent1.id,
                    "is_complaint": True,
                    "complaint_date": FROZEN_NOW - timedelta(hours=12),
                }
                for i in range(5)
            ]
        )
        # the database's other complaints are not looked at in this run
        Ticket.search([("is_complaint", "=", True), ("id", "not in", complaints.ids)]).write(
            {"complaint_next_check": FROZEN_NOW + timedelta(days=365)}
        )
        due = ["breached", "customer_update"]
        kind_of = {
            self.env.ref(f"customer_callback_complaint.mail_activity_type_complaint_{kind}"): kind
            for kind in due
        }

        def reminders(ticket):
            """The kinds of the ticket's activities (others by their type's name)."""
            activities = self.env["mail.activity"].search(
                [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)]
            )
            return sorted(
                kind_of.get(a.activity_type_id, a.activity_type_id.name) for a in activities
            )

        model = type(Ticket)
        with (
            fail_on_call(model, "_complaint_reminder_batch", 2),
            cron_commits(self.env, crash=RuntimeError) as run,
        ):
            Ticket._cron_complaint_reminders(batch_size=2)
        self.assertTrue(run.error, "the run crashed")
        self.assertEqual(run.commits, [(2, 3)], "the first batch was committed")
        for ticket in complaints[:2]:
            self.assertEqual(reminders(ticket), due)
            self.assertEqual(ticket.complaint_customer_reminded_date, FROZEN_NOW)
            self.assertGreater(ticket.complaint_next_check, FROZEN_NOW)
        for ticket in complaints[2:]:
            self.assertEqual(reminders(ticket), [], "the crashed batch left nothing")
            self.assertFalse(ticket.complaint_customer_reminded_date)
            self.assertLessEqual(ticket.complaint_next_check, FROZEN_NOW)
        # the next run takes up the rest
        with cron_commits(self.env) as run:
            Ticket._cron_complaint_reminders(batch_size=2)
        self.assertEqual(run.commits, [(2, 1), (1, 0)])
        for ticket in complaints:
            self.assertEqual(reminders(ticket), due, "once each, no gap")
            self.assertEqual(ticket.complaint_customer_reminded_date, FROZEN_NOW)
        with cron_commits(self.env) as run:
            Ticket._cron_complaint_reminders(batch_size=2)
        self.assertEqual(run.commits, [], "nothing left")
