# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""服务看板 (issue #17 point 5) from a fixture with hand-computed figures:
the frozen day is Monday 23 November 2026 in Shanghai, in the fourth
quarter; the trend runs from June to November."""

from datetime import datetime, timedelta

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.customer_callback.tests.common import FROZEN_NOW, CallbackCase

HOUR = timedelta(hours=1)


class DashboardCase(CallbackCase):
    """The fixture, shared with customer_callback_complaint_report's test
    (which adds complaints)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {"callback_satisfaction_target": 4.0, "callback_spot_check_below_min": "warn"}
        )
        cls.supervisor.tz = "Asia/Shanghai"
        Partner = cls.env["res.partner"]

        def callback(name, deadline, state="planned", score=0, done=None, **values):
            record = cls.make_callback(
                cls,
                Partner.create({"name": name}),
                planned_date=datetime.combine(deadline, datetime.min.time()) - 20 * HOUR
                if deadline
                else FROZEN_NOW,
                deadline=deadline,
                **values,
            )
            if state != "planned":
                record.sudo().write({"state": state, "score": score, "done_date": done})
            return record

        day = datetime(2026, 1, 1).date().replace
        # November: due on the 10th done (4), due on the 12th missed, due on the 30th not due yet
        callback("Nov done", day(month=11, day=10), "done", 4, datetime(2026, 11, 10, 2))
        callback("Nov missed", day(month=11, day=12))
        callback("Nov later", day(month=11, day=30))
        # October: done (2); July: done (5); June: done (3)
        callback("Oct done", day(month=10, day=5), "done", 2, datetime(2026, 10, 5, 2))
        callback("Jul done", day(month=7, day=5), "done", 5, datetime(2026, 7, 5, 2))
        callback("Jun done", day(month=6, day=12), "done", 3, datetime(2026, 6, 10, 2))
        # the spot-check of November: two drawn, one called (3), none with a due date
        cls.batch = (
            cls.env["customer.callback.spot.check"]
            .with_user(cls.supervisor)
            .create(
                {
                    "date_from": day(month=11, day=1),
                    "leader_id": cls.supervisor.id,
                    "company_id": cls.company.id,
                    "sample_size": 2,
                }
            )
        )
        spot = {"segment": "spot_check", "spot_check_id": cls.batch.id, "user_id": cls.agent2.id}
        spot["checked_user_id"] = cls.agent1.id
        callback("Spot called", False, "done", 3, datetime(2026, 11, 20, 2), **spot)
        callback("Spot open", False, **spot)

    def data(self, user=None, tz="Asia/Shanghai"):
        dashboard = self.env["customer.callback.dashboard"].with_user(user or self.supervisor)
        return dashboard.with_context(tz=tz).get_dashboard_data()

    def figures(self, data):
        return {figure["key"]: figure for figure in data["figures"]}


@tagged("post_install", "-at_install")
class TestDashboard(DashboardCase):
    def test_periods_of_the_reader(self):
        data = self.data()
        self.assertEqual((data["month"], data["previous_month"]), ("2026-11", "2026-10"))
        self.assertEqual((data["quarter"], data["previous_quarter"]), ("2026 Q4", "2026 Q3"))
        self.assertEqual(
            data["trend"]["months"],
            ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"],
        )

    def test_coverage(self):
        figures = self.figures(self.data())
        coverage = figures["coverage"]
        # November: 1 done of 2 due and past (the 30th is not due yet); October: 1 of 1
        self.assertEqual((coverage["month"]["value"], coverage["month"]["previous"]), (50.0, 100.0))
        self.assertEqual(coverage["month"]["change_text"], "-50.0")
        self.assertIs(coverage["month"]["better"], False)
        # the quarter: 2 done of 3; the third quarter: 1 of 1
        self.assertEqual(
            (round(coverage["quarter"]["value"], 2), coverage["quarter"]["previous"]),
            (66.67, 100.0),
        )
        self.assertEqual(coverage["quarter"]["text"], "66.7")

    def test_satisfaction_against_target_and_trend(self):
        data = self.data()
        figures = self.figures(data)
        callbacks = figures["callback_score"]
        self.assertEqual(callbacks["target"], 4.0)
        self.assertEqual((callbacks["month"]["value"], callbacks["month"]["previous"]), (4.0, 2.0))
        self.assertIs(callbacks["month"]["met"], True)
        # the quarter: (4 + 2) / 2, below the target; the third quarter: 5
        self.assertEqual(
            (callbacks["quarter"]["value"], callbacks["quarter"]["previous"]), (3.0, 5.0)
        )
        self.assertIs(callbacks["quarter"]["met"], False)
        spot = figures["spot_check_score"]
        self.assertEqual((spot["month"]["value"], spot["month"]["previous"]), (3.0, None))
        self.assertIs(spot["month"]["met"], False)
        series = {series["key"]: series for series in data["trend"]["series"]}
        self.assertEqual(
            [point["value"] for point in series["callback_score"]["points"]],
            [3.0, 5.0, None, None, 2.0, 4.0],
        )
        self.assertEqual(
            [point["text"] for point in series["spot_check_score"]["points"]],
            ["—", "—", "—", "—", "—", "3.00"],
        )
        # every source is on the 5-point scale: no coverage nor count in the trend
        self.assertNotIn("coverage", series)

    def test_months_are_the_readers(self):
        # done on 1 November 04:00 in Shanghai, still 31 October in UTC
        callback = self.make_callback(self.env["res.partner"].create({"name": "Midnight"}))
        callback.sudo().write(
            {
                "state": "done",
                "score": 1,
                "done_date": datetime(2026, 10, 31, 20),
                "deadline": False,
            }
        )
        shanghai = self.figures(self.data())["callback_score"]["month"]
        self.assertEqual((shanghai["value"], shanghai["previous"]), (2.5, 2.0))
        utc = self.figures(self.data(tz="UTC"))["callback_score"]["month"]
        self.assertEqual((utc["value"], utc["previous"]), (4.0, 1.5))

    def test_spot_check_progress(self):
        spot = self.data()["spot_check"]
        self.assertEqual(
            (spot["batches"], spot["total"], spot["called"], spot["open"], spot["progress"]),
            (1, 2, 1, 1, 50.0),
        )
        self.assertEqual((spot["sample_size"], spot["target"]), (2, 50))
        self.assertEqual((spot["previous_progress"], spot["change_text"]), (None, ""))
        self.assertEqual((spot["previous_called"], spot["previous_total"]), (0, 0))
        callbacks = self.env["customer.callback"].with_context(active_test=False)
        self.assertEqual(callbacks.search(spot["action"]["domain"]), self.batch.callback_ids)
        # October's spot-check: its one call made
        october = self.batch.copy({"date_from": datetime(2026, 10, 1).date()})
        self.make_callback(
            self.env["res.partner"].create({"name": "October spot"}),
            segment="spot_check",
            spot_check_id=october.id,
            user_id=self.agent2.id,
            checked_user_id=self.agent1.id,
            deadline=False,
        ).sudo().write({"state": "done", "score": 4, "done_date": datetime(2026, 10, 20, 2)})
        spot = self.data()["spot_check"]
        self.assertEqual(
            (spot["previous_called"], spot["previous_total"], spot["previous_progress"]),
            (1, 1, 100.0),
        )
        self.assertEqual(spot["change_text"], "-50.0")
        self.assertEqual(callbacks.search(spot["previous_action"]["domain"]).spot_check_id, october)

    def test_each_card_opens_the_records_it_counts(self):
        figures = self.figures(self.data())
        Callback = self.env["customer.callback"].with_context(active_test=False)
        due = Callback.search(figures["coverage"]["month"]["action"]["domain"])
        self.assertEqual(
            sorted(due.mapped("partner_id.name")), ["Nov done", "Nov later", "Nov missed"]
        )
        self.assertEqual(figures["coverage"]["month"]["action"]["context"]["group_by"], ["state"])
        scored = Callback.search(figures["callback_score"]["quarter"]["action"]["domain"])
        self.assertEqual(sorted(scored.mapped("partner_id.name")), ["Nov done", "Oct done"])

    def test_quarterly_report_of_the_current_quarter(self):
        action = self.data()["quarterly_report_action"]
        self.assertEqual(action["res_model"], "customer.callback.quarterly.report")
        report = (
            self.env["customer.callback.quarterly.report"]
            .with_user(self.supervisor)
            .with_context(**action["context"])
            .create({})
        )
        self.assertEqual((report.year, report.quarter), (2026, "4"))

    def test_agents_are_refused(self):
        with self.assertRaises(AccessError):
            self.data(self.agent1)

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

        queries()  # warm-up
        # the first records of each kind may bring a first read of what they
        # point to; five more of the same kinds must not add a query
        add_records(0)
        queries()
        before = queries()
        add_records(5)
        self.assertEqual(queries(), before)

    def test_routing_problems_listed_with_the_record_to_fix(self):
        """The routing problems of the company (issue #29) are on the
        dashboard, each with the record to fix (moved from the core's
        test_routing with the dashboard, issue #31)."""
        empty = self.env["helpdesk.ticket.team"].create(
            {"name": "Team without agents", "company_id": self.company.id}
        )
        rule = self.make_rule(assignment="team", team_id=empty.id)
        self.company.callback_supervisor_id = False
        lines = self.data()["routing"]
        expected = [
            issue["message"]
            for issue in self.company.with_context(tz="Asia/Shanghai")._callback_routing_issues()
        ]
        self.assertTrue(expected)
        self.assertEqual([line["message"] for line in lines], expected)
        self.assertTrue(any(rule.name in line["message"] for line in lines))
        self.assertTrue(all(line["action"]["type"] == "ir.actions.act_window" for line in lines))
