# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The spot-checks' XLSX export and the agents' callback analysis (moved from
customer_callback's test_spot_check with the reports, issue #31)."""

import io
from datetime import date, timedelta

import openpyxl
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.customer_callback.tests.common import FROZEN_NOW
from odoo.addons.customer_callback_spot_check.tests.test_spot_check import MONTH, SpotCheckCase

from ..tools import xlsx_rows


@tagged("post_install", "-at_install")
class TestSpotCheckExport(SpotCheckCase):
    def test_xlsx_has_detail_and_summary_with_escaped_cells(self):
        batch = self.make_batch()
        batch.state = "sampled"
        evil = self.make_partner("@SUM(1+1)*cmd")
        ticket = self.make_ticket(evil, self.agent1)
        good = self.spot_callback(
            batch,
            evil,
            ticket_id=ticket.id,
            state="done",
            score=5,
            feedback='=HYPERLINK("http://evil.example","x")',
            praise="-great",
        )
        slow = self.spot_callback(
            batch,
            self.make_partner("Agent two customer"),
            checked_user_id=self.agent2.id,
            state="done",
            score=2,
            summary="+slow",
            next_action="call again",
        )
        raised = self.make_ticket(
            slow.partner_id, self.agent2, close=False, origin_callback_id=slow.id
        )
        self.make_ticket(
            slow.partner_id, self.agent2, close=False, origin_callback_id=slow.id, active=False
        )
        self.spot_callback(batch, self.make_partner("Not reached"), state="unreachable")
        queue = self.spot_callback(
            batch, self.make_partner("Queue"), checked_user_id=False, state="declined"
        )
        self.supervisor.tz = "Asia/Shanghai"
        action = batch.with_user(self.supervisor).action_export_xlsx()
        self.assertEqual(action["report_name"], "customer_callback_report.spot_check_xlsx")
        self.assertEqual(action["report_type"], "xlsx")
        self.assertFalse(
            self.env["ir.attachment"].search(
                [("res_model", "=", batch._name), ("res_id", "=", batch.id)]
            ),
            "the export is not stored",
        )
        content = (
            self.env["ir.actions.report"]
            .with_user(self.supervisor)
            ._render_xlsx(action["report_name"], batch.ids, data={})[0]
        )
        book = openpyxl.load_workbook(io.BytesIO(content))
        self.assertEqual(book.sheetnames, ["Detail", "Summary"])
        detail = list(book["Detail"].iter_rows(values_only=True))
        self.assertEqual(
            detail[0][:6], ("Reference", "Date", "Customer", "Agent checked", "Ticket", "Score")
        )
        self.assertEqual(len(detail), 5)
        row = next(r for r in detail if r[0] == good.name)
        self.assertEqual(row[2], "@SUM(1+1)*cmd")
        self.assertEqual(row[3], self.agent1.name)
        self.assertEqual(row[4], ticket.display_name)
        self.assertEqual(row[5], 5)
        self.assertEqual(row[6], '=HYPERLINK("http://evil.example","x")')
        self.assertEqual(row[7], "-great")
        self.assertEqual(row[9], "Done")
        # no feedback: the summary; follow-up: next action and the raised ticket,
        # not the archived one
        slow_row = next(r for r in detail if r[0] == slow.name)
        self.assertEqual(slow_row[4], None)
        self.assertEqual(slow_row[6], "+slow")
        self.assertEqual(slow_row[8], f"call again / {raised.number}")
        # not closed: the planned time, in the exporting supervisor's timezone
        self.assertFalse(queue.done_date)
        queue_row = next(r for r in book["Detail"].iter_rows(min_row=2) if r[0].value == queue.name)
        local = fields.Datetime.context_timestamp(
            queue.with_user(self.supervisor), queue.planned_date
        )
        self.assertEqual(queue_row[1].value, local.replace(tzinfo=None))
        self.assertNotEqual(local.utcoffset(), timedelta(0))
        self.assertEqual(queue_row[1].number_format, "yyyy-mm-dd hh:mm")
        escaped = 0
        for cells in book["Detail"].iter_rows(min_row=2):
            for cell in cells:
                self.assertNotEqual(cell.data_type, "f", f"{cell.coordinate} became a formula")
                if isinstance(cell.value, str) and cell.value[:1] in "=+-@":
                    escaped += 1
                    self.assertEqual(cell.data_type, "s")
                    if xlsx_rows.QUOTE_PREFIX_SUPPORTED:
                        self.assertTrue(cell.quotePrefix, cell.coordinate)
        self.assertEqual(escaped, 4)
        summary = list(book["Summary"].iter_rows(values_only=True))
        header = summary.index(next(r for r in summary if r and r[0] == "Agent"))
        rows = {r[0]: r for r in summary[header + 1 :]}
        self.assertEqual(set(rows), {self.agent1.name, self.agent2.name, "No agent", "Overall"})
        # agent, scored, sum, average, 1..5, unreachable, declined, open, target met
        self.assertEqual(rows[self.agent1.name][1:], (1, 5, 5, 0, 0, 0, 0, 1, 1, 0, 0, "Yes"))
        self.assertEqual(rows[self.agent2.name][1:], (1, 2, 2, 0, 1, 0, 0, 0, 0, 0, 0, "No"))
        self.assertEqual(rows["No agent"][1:4], (0, 0, None))
        self.assertEqual(rows["Overall"][1:], (2, 7, 3.5, 0, 1, 0, 0, 1, 1, 1, 0, "No"))

    def test_large_batch_is_streamed_in_chunks(self):
        batch = self.make_batch()
        partners = self.env["res.partner"].create([{"name": f"Bulk {i}"} for i in range(30)])
        self.env["customer.callback"].create(
            [
                {
                    "partner_id": p.id,
                    "segment": "spot_check",
                    "spot_check_id": batch.id,
                    "state": "done",
                    "score": 1 + i % 5,
                    "user_id": self.agent2.id,
                    "checked_user_id": self.agent1.id,
                }
                for i, p in enumerate(partners)
            ]
        )
        report = self.env["report.customer_callback_report.spot_check_xlsx"]
        from ..report import spot_check_xlsx

        original = spot_check_xlsx.CHUNK
        spot_check_xlsx.CHUNK = 7
        try:
            rows = list(report._detail_chunks(batch))
            content = report._generate(batch)
        finally:
            spot_check_xlsx.CHUNK = original
        self.assertEqual(len(rows), 30)
        book = openpyxl.load_workbook(io.BytesIO(content))
        self.assertEqual(book["Detail"].max_row, 31)


@tagged("post_install", "-at_install")
class TestSpotCheckOnTheDashboard(SpotCheckCase):
    def test_shortfall_of_the_month_on_the_dashboard(self):
        """The lead sees the shortfall against the monthly minimum on the
        dashboard (issue #27), the month's figure as it was drawn."""
        batch = self.make_batch()
        for i in range(11):
            self.spot_callback(batch, self.make_partner(f"Drawn {i}"), user_id=self.agent1.id)
        batch.write({"state": "sampled", "drawn_size": 11, "minimum_size": 50})
        dashboard = self.env["customer.callback.dashboard"].with_user(self.supervisor)
        data = dashboard._dashboard_spot_check(
            self.company,
            {"first": MONTH},
            {"first": MONTH - relativedelta(months=1)},
        )
        self.assertEqual((data["total"], data["shortfall"], data["target"]), (11, 39, 50))


@tagged("post_install", "-at_install")
class TestSpotCheckExportAccess(SpotCheckCase):
    def test_only_supervisors_export(self):
        with self.assertRaises(AccessError):
            self.env["customer.callback.agent.report.export"].with_user(self.agent1).create({})
        batch = self.make_batch()
        self.spot_callback(
            batch, self.make_partner("Mine"), user_id=self.agent1.id, checked_user_id=self.agent2.id
        )
        with self.assertRaises(AccessError):
            batch.with_user(self.agent1).action_export_xlsx()


@tagged("post_install", "-at_install")
class TestAgentReport(SpotCheckCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        P = cls.make_partner
        make = cls.make_callback.__get__(cls)
        cls.done4 = make(P("R1"), state="done", score=4, done_date=FROZEN_NOW)
        cls.done2 = make(P("R2"), state="done", score=2, done_date=FROZEN_NOW)
        cls.unreachable = make(P("R3"), state="unreachable", done_date=FROZEN_NOW)
        cls.declined = make(P("R4"), state="declined", done_date=FROZEN_NOW)
        cls.planned = make(P("R5"))
        cls.other = make(
            P("R6"), user_id=cls.agent2.id, state="done", score=5, done_date=FROZEN_NOW
        )
        # problems raised during the dissatisfied callback: one solved, one open
        solved = cls.make_ticket(cls.done2.partner_id, cls.agent1, origin_callback_id=cls.done2.id)
        cls.make_ticket(
            cls.done2.partner_id, cls.agent1, close=False, origin_callback_id=cls.done2.id
        )
        cls.solved = solved

    def test_monthly_figures_per_agent(self):
        Report = self.env["customer.callback.agent.report"].with_user(self.supervisor)
        domain = [("user_id", "in", (self.agent1 | self.agent2).ids)]
        rows = Report._read_group(
            domain,
            ["user_id", "date:month"],
            [
                "callback_count:sum",
                "done_count:sum",
                "unreachable_count:sum",
                "declined_count:sum",
                "score:avg",
                "problem_count:sum",
                "problem_open_count:sum",
                "coverage:avg",
            ],
        )
        figures = {user: values for user, _month, *values in rows}
        # coverage: 2 done of the 4 closed; the planned one is not due yet
        self.assertEqual(figures[self.agent1], [5, 2, 1, 1, 3.0, 2, 1, 50.0])
        self.assertEqual(figures[self.agent2], [1, 1, 0, 0, 5.0, 0, 0, 100.0])
        # agents see their own lines only
        mine = self.env["customer.callback.agent.report"].with_user(self.agent2).search([])
        self.assertEqual(mine.callback_id, self.other)

    def test_coverage_counts_open_callbacks_once_due(self):
        P = self.make_partner
        yesterday, tomorrow = (
            FROZEN_NOW.date() - timedelta(days=1),
            FROZEN_NOW.date() + timedelta(days=1),
        )
        missed = self.make_callback(
            P("C1"), deadline=yesterday, planned_date=FROZEN_NOW - timedelta(days=2)
        )
        not_due = self.make_callback(P("C2"), deadline=tomorrow)
        due_today = self.make_callback(P("C3"), deadline=FROZEN_NOW.date())
        Report = self.env["customer.callback.agent.report"].with_user(self.supervisor)
        rows = Report.search_read(
            [("callback_id", "in", (missed | not_due | due_today | self.done4).ids)],
            ["callback_id", "coverage"],
        )
        coverage = {row["callback_id"][0]: row["coverage"] for row in rows}
        self.assertEqual(coverage[missed.id], 0.0)
        self.assertEqual(coverage[self.done4.id], 100.0)
        # not missed yet (NULL): read as 0.0 by the ORM but left out of the average
        [[average]] = Report._read_group(
            [("callback_id", "in", (missed | not_due | due_today | self.done4).ids)],
            [],
            ["coverage:avg"],
        )
        self.assertEqual(average, 50.0)

    def test_xlsx_export(self):
        wizard = (
            self.env["customer.callback.agent.report.export"]
            .with_user(self.supervisor)
            .create({"date_from": MONTH, "date_to": MONTH})
        )
        action = wizard.action_export()
        self.assertEqual(action["report_name"], "customer_callback_report.agent_report_xlsx")
        self.assertFalse(
            self.env["ir.attachment"].search(
                [("res_model", "=", wizard._name), ("res_id", "=", wizard.id)]
            )
        )
        book = openpyxl.load_workbook(io.BytesIO(wizard._generate()))
        rows = list(book.active.iter_rows(values_only=True))
        self.assertEqual(rows[0][:3], ("Month", "Agent", "Callbacks"))
        by_agent = {row[1]: row for row in rows[1:]}
        self.assertEqual(
            by_agent[self.agent1.name], ("2026-11", self.agent1.name, 5, 2, 1, 1, 3, 2, 1, 1)
        )
        self.assertEqual(
            by_agent[self.agent2.name], ("2026-11", self.agent2.name, 1, 1, 0, 0, 5, 0, 0, 0)
        )
        with self.assertRaises(AccessError):
            wizard.with_user(self.agent1).action_export()
        with self.assertRaises(UserError):
            wizard.date_to = date(2026, 10, 1)

    def test_problem_and_kpi_actions_load(self):
        for xmlid in (
            "customer_callback_report.customer_callback_problem_action",
            "customer_callback_report.customer_callback_agent_report_action_coverage",
            "customer_callback_report.customer_callback_agent_report_action_satisfaction",
        ):
            action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
            model = self.env[action["res_model"]].with_user(self.supervisor)
            self.assertTrue(model.search_count(safe_eval_domain(action["domain"])) >= 1, xmlid)
        problems = self.env["helpdesk.ticket"]._read_group(
            [("origin_callback_id", "!=", False), ("company_id", "=", self.company.id)],
            ["category_id"],
            ["__count"],
        )
        self.assertEqual(sum(count for _category, count in problems), 2)


def safe_eval_domain(text):
    return safe_eval(text or "[]")
