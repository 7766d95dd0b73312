# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The complaints on the agent's day (issue #16 point 5) and the complaint
stages, frozen at Monday 23 November 2026 10:00 in Shanghai."""

from datetime import timedelta

from odoo.tests import tagged

from odoo.addons.customer_callback.tests.common import FROZEN_NOW, CallbackCase
from odoo.addons.customer_callback.tools import call_window

HOUR = timedelta(hours=1)


@tagged("post_install", "-at_install")
class TestComplaintWorkday(CallbackCase):
    def test_workday_complaints(self):
        self.agent1.tz = "Asia/Shanghai"
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "Leaking filter",
                "description": "It leaks",
                "partner_id": self.partner_sh.id,
                "company_id": self.company.id,
                "is_complaint": True,
                "user_id": self.agent1.id,
                "team_id": self.team.id,
            }
        )
        late = self.env["helpdesk.ticket"].create(
            {
                "name": "Broken tap",
                "description": "Broken",
                "partner_id": self.partner_sh.id,
                "company_id": self.company.id,
                "is_complaint": True,
                "complaint_date": FROZEN_NOW - 30 * HOUR,
                "user_id": self.agent1.id,
                "team_id": self.team.id,
            }
        )
        data = (
            self.env["customer.callback.workday"]
            .with_user(self.agent1)
            .with_context(tz="Asia/Shanghai")
            .get_workday_data()
        )
        # the earliest unmet deadline first: the breached complaint
        self.assertEqual([row["id"] for row in data["complaints"]], [late.id, ticket.id])
        first_response = ticket.first_response_deadline
        self.assertTrue(first_response)
        self.assertEqual(
            data["complaints"][1]["deadline"],
            call_window.to_local(first_response, call_window.get_zone("Asia/Shanghai")).strftime(
                "%H:%M"
            ),
        )
        self.assertEqual((data["counts"]["complaints"], data["counts"]["breached"]), (2, 1))
        # another agent's day holds none of it
        other = self.env["customer.callback.workday"].with_user(self.agent2).get_workday_data()
        self.assertEqual(other["counts"]["complaints"], 0)

    def test_complaint_reminders_among_the_reminders(self):
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "Leaking filter",
                "description": "It leaks",
                "partner_id": self.partner_sh.id,
                "company_id": self.company.id,
                "is_complaint": True,
                "user_id": self.agent1.id,
            }
        )
        ticket.activity_schedule(
            "customer_callback_complaint.mail_activity_type_complaint_owner_update",
            user_id=self.agent1.id,
        )
        data = self.env["customer.callback.workday"].with_user(self.agent1).get_workday_data()
        self.assertEqual([row["res_id"] for row in data["activities"]], [ticket.id])


@tagged("post_install", "-at_install")
class TestComplaintStages(CallbackCase):
    def test_an_ordinary_ticket_is_in_an_ordinary_stage(self):
        ticket = self.env["helpdesk.ticket"].create(
            {"name": "Question", "description": "?", "partner_id": self.partner_sh.id}
        )
        self.assertFalse(ticket.is_complaint)
        self.assertFalse(ticket.stage_id.complaint_step)

    def test_complaint_stages_only_on_complaints(self):
        Ticket = self.env["helpdesk.ticket"]
        domain = Ticket.fields_get(["stage_id"])["stage_id"]["domain"]
        self.assertIn("complaint_stage", domain)
        Stage = self.env["helpdesk.ticket.stage"]
        ordinary = Stage.search([("complaint_stage", "=", False)])
        complaint = Stage.search([("complaint_stage", "=", True)])
        self.assertTrue(ordinary)
        self.assertFalse(ordinary.filtered("complaint_step"))
        self.assertEqual(complaint, Stage.search([("complaint_step", "!=", False)]))
