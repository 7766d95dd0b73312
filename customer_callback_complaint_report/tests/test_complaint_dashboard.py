# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The complaints on the dashboard (服务看板), on customer_callback_report's
fixture (the frozen day is Monday 23 November 2026 in Shanghai)."""

from datetime import datetime, timedelta

from odoo.tests import tagged

from odoo.addons.customer_callback.tests.common import FROZEN_NOW
from odoo.addons.customer_callback_report.tests.test_dashboard import DashboardCase

HOUR = timedelta(hours=1)
CC = "customer_callback_complaint"


@tagged("post_install", "-at_install")
class TestComplaintDashboard(DashboardCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.urgent = ref(f"{CC}.customer_complaint_grade_urgent")
        cls.normal = ref(f"{CC}.customer_complaint_grade_normal")
        cls.minor = ref(f"{CC}.customer_complaint_grade_minor")
        cls.stage_closed = ref(f"{CC}.helpdesk_ticket_stage_complaint_closed")
        # complaints: urgent breached, normal breaching soon (1 of its 10 minutes
        # left), normal on track, minor closed in time; October: one closed late
        Ticket = cls.env["helpdesk.ticket"]

        def complaint(name, when, grade, closed=False):
            ticket = Ticket.create(
                {
                    "name": name,
                    "description": "<p>x</p>",
                    "partner_id": cls.partner_sh.id,
                    "is_complaint": True,
                    "team_id": cls.team.id,
                    "complaint_grade_id": grade.id,
                    "complaint_date": when,
                }
            )
            if closed:
                ticket.write({"stage_id": cls.stage_closed.id, "resolution_summary": "Solved"})
            return ticket

        cls.breached = complaint("Breached", FROZEN_NOW - 3 * HOUR, cls.urgent)
        cls.soon = complaint("Soon", FROZEN_NOW - timedelta(minutes=9), cls.normal)
        cls.on_track = complaint("On track", FROZEN_NOW, cls.normal)
        cls.closed = complaint("Closed", FROZEN_NOW - timedelta(minutes=5), cls.minor, closed=True)
        cls.october = complaint("October", datetime(2026, 10, 5, 2), cls.urgent, closed=True)

    def test_on_time_rates(self):
        figures = self.figures(self.data())
        # complaints of November: 4, only the closed one answered and solved in time
        count = figures["complaint_count"]
        self.assertEqual((count["month"]["value"], count["month"]["previous"]), (4, 1))
        self.assertEqual(count["month"]["change_text"], "+3")
        self.assertIs(count["month"]["better"], False)
        self.assertEqual((count["quarter"]["value"], count["quarter"]["previous"]), (5, 0))
        response = figures["response_on_time"]
        self.assertEqual((response["month"]["value"], response["month"]["previous"]), (25.0, 0.0))
        self.assertIs(response["month"]["better"], True)
        self.assertEqual(response["quarter"]["value"], 20.0)
        self.assertEqual(response["quarter"]["previous"], None)
        self.assertEqual(response["quarter"]["change_text"], "")
        resolution = figures["resolution_on_time"]
        self.assertEqual(
            (resolution["month"]["value"], resolution["quarter"]["value"]), (25.0, 20.0)
        )

    def test_complaints_in_the_trend(self):
        series = {series["key"] for series in self.data()["trend"]["series"]}
        # a count is not on the 5-point scale
        self.assertNotIn("complaint_count", series)

    def test_open_complaints_by_grade_and_deadline_state(self):
        complaints = self.data()["complaints"]
        self.assertEqual(
            [state["state"] for state in complaints["states"]], ["on_track", "soon", "breached"]
        )
        rows = {
            row["grade"]: [cell["count"] for cell in row["cells"]] for row in complaints["rows"]
        }
        self.assertEqual(rows[self.urgent.name], [0, 0, 1])
        self.assertEqual(rows[self.normal.name], [1, 1, 0])
        # the closed one is not open
        self.assertEqual(rows[self.minor.name], [0, 0, 0])
        self.assertEqual((complaints["totals"], complaints["total"]), ([1, 1, 1], 3))
        # each cell opens its complaints
        normal = next(row for row in complaints["rows"] if row["grade"] == self.normal.name)
        action = normal["cells"][1]["action"]
        self.assertEqual(action["res_model"], "helpdesk.ticket")
        self.assertEqual(self.env["helpdesk.ticket"].search(action["domain"]), self.soon)
        self.assertEqual(
            self.env["helpdesk.ticket"].search(complaints["action"]["domain"]),
            self.breached | self.soon | self.on_track,
        )

    def test_complaints_received_card_opens_them(self):
        figures = self.figures(self.data())
        received = self.env["helpdesk.ticket"].search(
            figures["complaint_count"]["quarter"]["action"]["domain"]
        )
        self.assertEqual(
            received, self.breached | self.soon | self.on_track | self.closed | self.october
        )

    def test_queries_do_not_grow_with_the_records(self):
        def queries():
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            self.data()
            return self.cr.sql_log_count - before

        def add_records(first_index):
            Partner = self.env["res.partner"]
            for index in range(first_index, first_index + 5):
                self.make_callback(
                    Partner.create({"name": f"More {index}"}),
                    planned_date=datetime(2026, 11, 1, 2),
                    deadline=datetime(2026, 11, 2).date(),
                ).sudo().write({"state": "done", "score": 5, "done_date": datetime(2026, 11, 2, 2)})
                self.env["helpdesk.ticket"].create(
                    {
                        "name": f"More {index}",
                        "description": "<p>x</p>",
                        "partner_id": self.partner_sh.id,
                        "is_complaint": True,
                        "team_id": self.team.id,
                        "complaint_grade_id": self.normal.id,
                        "complaint_date": FROZEN_NOW - timedelta(minutes=9),
                    }
                )

        queries()  # warm-up
        # the first records of each kind may bring a first read of what they
        # point to; five more of the same kinds must not add a query
        add_records(0)
        queries()
        before = queries()
        add_records(5)
        self.assertEqual(queries(), before)
        self.assertEqual(self.data()["complaints"]["totals"], [1, 11, 1])
