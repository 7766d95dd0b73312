# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime, timedelta

import freezegun

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.customer_callback.tests.common import FROZEN_NOW, TODAY, CallbackCase

HOUR = timedelta(hours=1)
DAY = timedelta(days=1)
SCOPES = ("today", "overdue", "week")


class WorkloadCase(CallbackCase):
    """Team workload per agent (issue #16 point 13). The clock is frozen on
    Monday 23 November 2026, 10:00 in Shanghai. Shared with
    customer_callback_complaint_report's test (which adds complaints)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.supervisor.tz = "Asia/Shanghai"
        cls.cb_today = cls.make_callback(cls, planned_date=FROZEN_NOW + HOUR)
        cls.cb_overdue = cls.make_callback(
            cls, planned_date=FROZEN_NOW - 2 * DAY, deadline=TODAY - DAY
        )
        cls.cb_thursday = cls.make_callback(cls, planned_date=FROZEN_NOW + 3 * DAY)
        cls.cb_next_week = cls.make_callback(
            cls, planned_date=FROZEN_NOW + 8 * DAY, deadline=TODAY + 9 * DAY
        )
        cls.cb_done = cls.make_callback(
            cls, state="done", done_date=FROZEN_NOW, close_reason="completed", score=4
        )
        cls.cb_other = cls.make_callback(cls, user_id=cls.agent2.id)

    def row(self, user, reader=None):
        Workload = self.env["customer.callback.workload"].with_user(reader or self.supervisor)
        return Workload.search([("user_id", "=", user.id)])


@tagged("post_install", "-at_install")
class TestWorkload(WorkloadCase):
    def test_counts_per_agent(self):
        row = self.row(self.agent1)
        self.assertEqual(
            [
                row.callback_count,
                row.callback_today_count,
                row.callback_overdue_count,
                row.callback_week_count,
            ],
            [4, 1, 1, 2],
        )
        self.assertEqual(row.total_count, 4)
        self.assertEqual(self.row(self.agent2).callback_count, 1)

    def test_counts_are_the_records_opened(self):
        """Each count is the number of records its action and the reassign wizard use."""
        Workload = self.env["customer.callback.workload"].with_user(self.supervisor)
        row = self.row(self.agent1)
        for scope in SCOPES:
            callbacks = self.env["customer.callback"].search(
                Workload._callback_domain(self.agent1, scope)
            )
            self.assertEqual(len(callbacks), row[f"callback_{scope}_count"], scope)
        self.assertEqual(
            self.env["customer.callback"].search(Workload._callback_domain(self.agent1, "overdue")),
            self.cb_overdue,
        )
        action = row.action_open_callbacks()
        self.assertEqual(
            self.env["customer.callback"].search(action["domain"]),
            self.cb_today | self.cb_overdue | self.cb_thursday | self.cb_next_week,
        )

    def test_today_is_the_readers_day(self):
        """At 02:00 UTC it is Monday in Shanghai but still Sunday in New York:
        the callback planned at 03:00 UTC is today for both, Thursday's is
        not in New York's week (16-22 November)."""
        self.supervisor.tz = "America/New_York"
        row = self.row(self.agent1)
        self.assertEqual(row.callback_today_count, 1)
        self.assertEqual(row.callback_week_count, 2, "yesterday's (Saturday 21st) and today's")
        self.assertEqual(
            self.env["customer.callback"].search(row._callback_domain(self.agent1, "week")),
            self.cb_today | self.cb_overdue,
        )

    def test_my_team(self):
        Workload = self.env["customer.callback.workload"].with_user(self.supervisor)
        rows = Workload.search([("in_my_team", "=", True)])
        self.assertEqual(rows.user_id, self.agent1 | self.agent2)
        self.assertTrue(all(rows.mapped("in_my_team")))

    def test_lead_reassigns_overdue_work_in_bulk(self):
        Wizard = self.env["customer.callback.workload.reassign"].with_user(self.supervisor)
        action = self.row(self.agent1).action_reassign()
        wizard = Wizard.with_context(**action["context"]).create(
            {"to_user_ids": [(6, 0, self.agent2.ids)], "scope": "overdue"}
        )
        self.assertEqual(wizard.from_user_ids, self.agent1)
        self.assertEqual(wizard.callback_count, 1)
        wizard.action_reassign()
        self.assertEqual(self.cb_overdue.user_id, self.agent2)
        self.assertEqual(self.cb_today.user_id, self.agent1)
        self.assertEqual(self.row(self.agent1).callback_overdue_count, 0)
        self.assertEqual(self.row(self.agent2).callback_overdue_count, 1)

    def test_reassign_spreads_by_load_and_never_to_the_agent_checked(self):
        self.cb_thursday.write({"segment": "spot_check", "checked_user_id": self.agent2.id})
        wizard = (
            self.env["customer.callback.workload.reassign"]
            .with_user(self.supervisor)
            .create(
                {
                    "from_user_ids": [(6, 0, self.agent1.ids)],
                    "to_user_ids": [(6, 0, (self.agent1 | self.agent2).ids)],
                }
            )
        )
        wizard.action_reassign()
        self.assertEqual(self.cb_thursday.user_id, self.agent1, "agent 2 is being checked")
        callbacks = self.cb_today | self.cb_overdue | self.cb_thursday | self.cb_next_week
        # agent 2 had 1 open callback: 4 callbacks + 1 spread 3 / 2 at most... balanced
        counts = [
            len(callbacks.filtered(lambda c, u=u: c.user_id == u))
            for u in (self.agent1, self.agent2)
        ]
        self.assertEqual(sorted([counts[0], counts[1] + 1]), [2, 3])

    def test_only_supervisors_see_and_reassign(self):
        with self.assertRaises(AccessError):
            self.env["customer.callback.workload"].with_user(self.agent1).search([])
        with self.assertRaises(AccessError):
            self.env["customer.callback.workload.reassign"].with_user(self.agent1).create(
                {
                    "from_user_ids": [(6, 0, self.agent2.ids)],
                    "to_user_ids": [(6, 0, self.agent1.ids)],
                }
            )


@tagged("post_install", "-at_install")
class TestWorkloadEdges(CallbackCase):
    """The edges of the reader's day and week (Asia/Shanghai, where it is
    Monday 23 November 10:00, and America/New_York, still Sunday 22 November
    21:00), the following week, and another company's work (issue #28)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_company = cls.env["res.company"].create({"name": "Other workload company"})

    def counts(self, reader, tz, companies=None):
        """{scope: callbacks behind the count} and the row's counts."""
        reader.tz = tz
        # the rows are a view of the reader's day: nothing read before is kept
        self.env.invalidate_all()
        Workload = self.env["customer.callback.workload"].with_user(reader)
        if companies:
            Workload = Workload.with_context(allowed_company_ids=companies.ids)
        row = Workload.search([("user_id", "=", self.agent1.id)])
        Callback = self.env["customer.callback"]
        records = {
            scope: Callback.search(row._callback_domain(self.agent1, scope))
            for scope in ("all", "today", "week", "overdue")
        }
        figures = {
            "all": row.callback_count,
            "today": row.callback_today_count,
            "week": row.callback_week_count,
            "overdue": row.callback_overdue_count,
        }
        self.assertEqual(figures, {scope: len(found) for scope, found in records.items()})
        return records

    def test_shanghai_reader_day_and_week(self):
        tz = "Asia/Shanghai"
        late_today = self.local_callback(datetime(2026, 11, 23, 23, 30), tz, date(2026, 11, 23))
        early_tomorrow = self.local_callback(datetime(2026, 11, 24, 0, 30), tz, date(2026, 11, 24))
        last_evening = self.local_callback(datetime(2026, 11, 29, 23, 30), tz, date(2026, 11, 29))
        next_monday = self.local_callback(datetime(2026, 11, 30, 0, 30), tz, date(2026, 11, 30))
        yesterday = self.local_callback(datetime(2026, 11, 22, 23, 30), tz, date(2026, 11, 22))
        found = self.counts(self.supervisor, tz)
        self.assertEqual(found["today"], late_today)
        self.assertEqual(found["week"], late_today | early_tomorrow | last_evening)
        self.assertEqual(found["overdue"], yesterday)
        self.assertEqual(len(found["all"]), 5)
        # the following week: Monday 30 November
        with freezegun.freeze_time(FROZEN_NOW + timedelta(days=7)):
            found = self.counts(self.supervisor, tz)
        self.assertEqual(found["today"], next_monday)
        self.assertEqual(found["week"], next_monday)
        self.assertEqual(found["overdue"], late_today | early_tomorrow | last_evening | yesterday)

    def test_new_york_reader_day_and_week(self):
        tz = "America/New_York"
        late_today = self.local_callback(datetime(2026, 11, 22, 23, 30), tz, date(2026, 11, 22))
        monday = self.local_callback(datetime(2026, 11, 23, 0, 30), tz, date(2026, 11, 23))
        week_start = self.local_callback(datetime(2026, 11, 16, 0, 30), tz, date(2026, 11, 23))
        week_before = self.local_callback(datetime(2026, 11, 15, 23, 30), tz, date(2026, 11, 23))
        saturday = self.local_callback(datetime(2026, 11, 21, 12, 0), tz, date(2026, 11, 21))
        found = self.counts(self.supervisor, tz)
        self.assertEqual(found["today"], late_today)
        self.assertEqual(found["week"], late_today | week_start | saturday)
        self.assertEqual(found["overdue"], saturday)
        # the following day there (Monday): a new week
        with freezegun.freeze_time(FROZEN_NOW + timedelta(days=1)):
            found = self.counts(self.supervisor, tz)
        self.assertEqual(found["today"], monday)
        self.assertEqual(found["week"], monday)
        self.assertEqual(found["overdue"], late_today | saturday)
        self.assertNotIn(week_before, found["week"] | found["today"])

    def test_another_companys_work_is_not_counted(self):
        tz = "Asia/Shanghai"
        mine = self.local_callback(datetime(2026, 11, 23, 12, 0), tz, date(2026, 11, 23))
        other = self.local_callback(
            datetime(2026, 11, 23, 12, 0), tz, date(2026, 11, 22), company=self.other_company
        )
        found = self.counts(self.supervisor, tz)
        self.assertEqual(found["all"], mine)
        self.assertFalse(found["overdue"])
        both = new_test_user(
            self.env,
            "cb_supervisor_both",
            groups="customer_callback.customer_callback_group_supervisor",
            company_id=self.company.id,
            company_ids=[self.company.id, self.other_company.id],
        )
        found = self.counts(both, tz, companies=self.company)
        self.assertEqual(found["all"], mine)
        found = self.counts(both, tz, companies=self.company | self.other_company)
        self.assertEqual(found["all"], mine | other)
        self.assertEqual(found["overdue"], other)
