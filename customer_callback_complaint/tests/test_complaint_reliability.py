# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta
from unittest.mock import patch

from odoo import SUPERUSER_ID, api, fields
from odoo.exceptions import AccessError
from odoo.fields import Domain
from odoo.tests import TransactionCase, tagged

from odoo.addons.customer_callback.tests.common import (
    FROZEN_NOW,
    AccessMatrixMixin,
    CallbackCase,
    cron_commits,
    fail_on_call,
    run_in_two_cursors,
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

    def test_foreign_supervisor_reads_no_grade_of_the_company(self):
        """A supervisor of another company, with full model rights, finds no
        grade of this company (search, grouping) and cannot read, change or
        delete one; a shared grade (no company) stays readable."""
        Grade = self.env["customer.complaint.grade"]
        grade = Grade.create({"name": "Company grade", "company_id": self.company.id})
        shared_grade = Grade.create({"name": "Shared grade", "company_id": False})
        foreign = self.foreign_supervisor
        Model = Grade.with_user(foreign)
        self.assertFalse(Model.search([("id", "in", grade.ids)]))
        self.assertFalse(Model._read_group([("id", "in", grade.ids)], [], ["__count"])[0][0])
        with self.assertRaises(AccessError):
            grade.with_user(foreign).read(["display_name"])
        with self.assertRaises(AccessError):
            grade.with_user(foreign).write({"name": grade.name})
        with self.assertRaises(AccessError):
            grade.with_user(foreign).unlink()
        self.assertTrue(shared_grade.with_user(foreign).read(["name"]))

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


@tagged("post_install", "-at_install")
class TestConcurrentReminders(TransactionCase):
    """Two runs of the complaint reminder scheduled action at once remind
    once (real cursors: the complaint is committed, then deleted)."""

    def test_two_cursors_remind_once(self):
        registry = self.registry
        Ticket = type(self.env["helpdesk.ticket"])
        now = fields.Datetime.now()
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            partner = env["res.partner"].create({"name": "Concurrent complainer"})
            # reported 12 hours ago: reminders are due
            ticket = env["helpdesk.ticket"].create(
                {
                    "name": "Concurrent complaint",
                    "description": "<p>x</p>",
                    "partner_id": partner.id,
                    "is_complaint": True,
                    "complaint_date": now - timedelta(hours=12),
                }
            )
            ids = {"partner": partner.id, "ticket": ticket.id}
        # The runs happen after the complaint was created: its first check is
        # its creation time, to the second, which may be after ``now``.
        run_at = fields.Datetime.now()
        reminder_domain = Ticket._complaint_reminder_domain
        # only this test's complaint is looked at: the database's others stay as they are
        mine = Domain("id", "=", ids["ticket"])
        try:
            with patch.object(
                Ticket, "_complaint_reminder_domain", lambda m, n: reminder_domain(m, n) & mine
            ):
                results, errors = run_in_two_cursors(
                    registry,
                    lambda env: env["helpdesk.ticket"]._complaint_reminder_batch(now=run_at),
                    Ticket,
                    "_complaint_pairs",
                )
            # the complaint is locked by the run reminding it: the other skips it,
            # without waiting and without a serialization failure
            self.assertEqual(errors, [])
            self.assertEqual(sorted(results), [(0, 0), (1, 0)], "one run looked at it")
            with registry.cursor() as cr:
                cr.execute(
                    """SELECT activity_type_id, count(*) FROM mail_activity
                        WHERE res_model = 'helpdesk.ticket' AND res_id = %s
                        GROUP BY activity_type_id""",
                    [ids["ticket"]],
                )
                counts = dict(cr.fetchall())
            self.assertTrue(counts, "reminders were created")
            self.assertEqual(set(counts.values()), {1}, "each reminder once")
        finally:
            with registry.cursor() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                env["mail.activity"].search(
                    [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", ids["ticket"])]
                ).unlink()
                env["helpdesk.ticket"].browse(ids["ticket"]).unlink()
                env["res.partner"].browse(ids["partner"]).unlink()
