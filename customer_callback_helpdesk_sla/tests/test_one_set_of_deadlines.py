# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command
from odoo.tests import tagged

from odoo.addons.customer_callback.tests.common import FROZEN_NOW, CallbackCase

HOUR = timedelta(hours=1)


@tagged("post_install", "-at_install")
class TestOneSetOfDeadlines(CallbackCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.urgent = ref("customer_callback_complaint.customer_complaint_grade_urgent")
        cls.normal = ref("customer_callback_complaint.customer_complaint_grade_normal")
        cls.stage_done = ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        calendar = cls.env["resource.calendar"].create(
            {
                "name": "24x7",
                "company_id": cls.company.id,
                "attendance_ids": [
                    Command.create(
                        {"name": str(day), "dayofweek": str(day), "hour_from": 0, "hour_to": 24}
                    )
                    for day in range(7)
                ],
            }
        )
        cls.team.write({"use_sla": True, "resource_calendar_id": calendar.id})
        cls.sla = cls.env["helpdesk.sla"].create(
            {
                "name": "Reply within 4 hours",
                "company_id": cls.company.id,
                "team_ids": [Command.set(cls.team.ids)],
                "stage_id": cls.stage_done.id,
                "hours": 4,
            }
        )
        cls.Ticket = cls.env["helpdesk.ticket"]

    def make_ticket(self, **values):
        vals = {
            "name": "Purifier leaks",
            "description": "<p>Water on the floor</p>",
            "partner_id": self.partner_sh.id,
            "team_id": self.team.id,
            "user_id": self.agent1.id,
        }
        vals.update(values)
        return self.Ticket.create(vals)

    def assert_grade_deadlines(self, ticket, grade, response_hours, resolution_hours):
        self.assertEqual(ticket.complaint_grade_id, grade)
        self.assertEqual(ticket.first_response_deadline, FROZEN_NOW + timedelta(minutes=10))
        self.assertEqual(ticket.response_deadline, FROZEN_NOW + response_hours * HOUR)
        self.assertEqual(ticket.resolution_deadline, FROZEN_NOW + resolution_hours * HOUR)

    def test_plain_ticket_keeps_the_team_sla(self):
        ticket = self.make_ticket()
        self.assertEqual(ticket.ticket_sla_ids.sla_id, self.sla)
        self.assertEqual(ticket.sla_deadline, ticket.create_date + 4 * HOUR)
        self.assertFalse(ticket.resolution_deadline)
        ticket.write({"stage_id": self.stage_done.id})
        self.assertEqual(ticket.ticket_sla_ids.state, "accomplished")

    def test_graded_complaint_follows_its_grade_only(self):
        complaint = self.make_ticket(is_complaint=True, complaint_grade_id=self.urgent.id)
        self.assertFalse(complaint.ticket_sla_ids, "one set of deadlines: the grade's")
        self.assertFalse(complaint.sla_deadline)
        self.assert_grade_deadlines(complaint, self.urgent, 2, 8)
        # the SLA's own buttons keep it so
        complaint.refresh_sla()
        complaint.set_sla()
        self.assertFalse(complaint.ticket_sla_ids)
        # flagged later: the SLA line goes, the grade's deadlines come
        ticket = self.make_ticket()
        self.assertTrue(ticket.ticket_sla_ids)
        ticket.is_complaint = True
        self.assertEqual(ticket.complaint_grade_id, self.normal)
        self.assertFalse(ticket.ticket_sla_ids)
        self.assertTrue(ticket.resolution_deadline)

    def test_unflagged_complaint_gets_the_sla_back(self):
        complaint = self.make_ticket(is_complaint=True, complaint_grade_id=self.urgent.id)
        complaint.write(
            {
                "is_complaint": False,
                "complaint_grade_id": False,
                "stage_id": self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new").id,
            }
        )
        self.assertEqual(complaint.ticket_sla_ids.sla_id, self.sla)
        self.assertEqual(complaint.sla_deadline, complaint.create_date + 4 * HOUR)

    def test_sla_also_on_complaints_runs_beside_the_grade(self):
        # helpdesk_mgmt_sla compares stage sequences: the complaint steps come
        # after "Done", so an SLA aiming at "Done" is met at once on a complaint
        self.sla.callback_graded_complaints = True
        complaint = self.make_ticket(is_complaint=True, complaint_grade_id=self.urgent.id)
        self.assertEqual(complaint.ticket_sla_ids.state, "accomplished")
        self.assertFalse(complaint.sla_deadline)
        # an SLA for complaints aims at a complaint step
        self.sla.stage_id = self.env.ref(
            "customer_callback_complaint.helpdesk_ticket_stage_complaint_closed"
        )
        complaint = self.make_ticket(is_complaint=True, complaint_grade_id=self.urgent.id)
        self.assertEqual(complaint.ticket_sla_ids.sla_id, self.sla)
        self.assertEqual(complaint.ticket_sla_ids.state, "in_progress")
        self.assertEqual(complaint.sla_deadline, complaint.create_date + 4 * HOUR)
        # neither changes the other's computation
        self.assert_grade_deadlines(complaint, self.urgent, 2, 8)
        complaint.write({"complaint_grade_id": self.normal.id})
        self.assertEqual(complaint.resolution_deadline, FROZEN_NOW + 24 * HOUR)
        self.assertEqual(complaint.sla_deadline, complaint.create_date + 4 * HOUR)
