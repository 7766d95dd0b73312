# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The complaints in the team workload, on customer_callback_report's
fixture: the clock is frozen on Monday 23 November 2026, 10:00 in Shanghai."""

from datetime import timedelta

from odoo.tests import tagged

from odoo.addons.customer_callback.tests.common import FROZEN_NOW
from odoo.addons.customer_callback_report.tests.test_workload import SCOPES, WorkloadCase

HOUR = timedelta(hours=1)


@tagged("post_install", "-at_install")
class TestComplaintWorkload(WorkloadCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stage_closed = cls.env.ref(
            "customer_callback_complaint.helpdesk_ticket_stage_complaint_closed"
        )
        Ticket = cls.env["helpdesk.ticket"]
        complaint = {
            "description": "<p>x</p>",
            "partner_id": cls.partner_sh.id,
            "is_complaint": True,
            "team_id": cls.team.id,
            "user_id": cls.agent1.id,
            "company_id": cls.company.id,
        }
        # first response due in 10 minutes: due today
        cls.fresh = Ticket.create(dict(complaint, name="Fresh complaint"))
        # reported 3 hours ago: first response missed (overdue), response due at 15:00 today
        cls.late = Ticket.create(
            dict(complaint, name="Late complaint", complaint_date=FROZEN_NOW - 3 * HOUR)
        )
        closed = Ticket.create(dict(complaint, name="Closed complaint"))
        closed.write({"resolution_summary": "Replaced", "stage_id": cls.stage_closed.id})

    def test_complaint_counts_per_agent(self):
        row = self.row(self.agent1)
        self.assertEqual(
            [
                row.complaint_count,
                row.complaint_today_count,
                row.complaint_overdue_count,
                row.complaint_week_count,
            ],
            [2, 2, 1, 2],
        )
        self.assertEqual(row.total_count, 6)

    def test_complaint_counts_are_the_records_opened(self):
        Workload = self.env["customer.callback.workload"].with_user(self.supervisor)
        row = self.row(self.agent1)
        for scope in SCOPES:
            complaints = self.env["helpdesk.ticket"].search(
                Workload._complaint_domain(self.agent1, scope)
            )
            self.assertEqual(len(complaints), row[f"complaint_{scope}_count"], scope)
        action = row.action_open_complaints()
        self.assertEqual(
            self.env["helpdesk.ticket"].search(action["domain"]), self.fresh | self.late
        )
        self.assertEqual(
            self.env["customer.callback.workload"]
            .with_user(self.supervisor)
            .search([("user_id", "=", self.agent1.id), ("complaint_overdue_count", ">", 0)]),
            row,
        )

    def test_lead_reassigns_overdue_complaints_in_bulk(self):
        Wizard = self.env["customer.callback.workload.reassign"].with_user(self.supervisor)
        action = self.row(self.agent1).action_reassign()
        wizard = Wizard.with_context(**action["context"]).create(
            {"to_user_ids": [(6, 0, self.agent2.ids)], "scope": "overdue"}
        )
        self.assertEqual((wizard.callback_count, wizard.complaint_count), (1, 1))
        wizard.action_reassign()
        self.assertEqual(self.cb_overdue.user_id, self.agent2)
        self.assertEqual(self.late.user_id, self.agent2)
        self.assertEqual(self.fresh.user_id, self.agent1)
        self.assertEqual(self.row(self.agent2).complaint_overdue_count, 1)

    def test_complaints_left_out_on_request(self):
        wizard = (
            self.env["customer.callback.workload.reassign"]
            .with_user(self.supervisor)
            .create(
                {
                    "from_user_ids": [(6, 0, self.agent1.ids)],
                    "to_user_ids": [(6, 0, self.agent2.ids)],
                    "include_complaints": False,
                }
            )
        )
        self.assertEqual(wizard.complaint_count, 0)
        wizard.action_reassign()
        self.assertEqual((self.fresh | self.late).user_id, self.agent1)
