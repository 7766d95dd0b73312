# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
from datetime import date, datetime, time, timedelta

import openpyxl

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.customer_callback.tests.common import FROZEN_NOW, CallbackCase
from odoo.addons.customer_callback.tests.i18n_check import load_language
from odoo.addons.customer_callback.tools import call_window


@tagged("post_install", "-at_install")
class TestAgentMonthReport(CallbackCase):
    """The agents' monthly report printed: one page per agent and month."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_language(cls.env, "zh_CN")
        closed_stage = cls.env["helpdesk.ticket.stage"].search([("closed", "=", True)], limit=1)
        cls.closed_stage = closed_stage

    def setUp(self):
        super().setUp()
        Partner = self.env["res.partner"]
        make = self.make_callback
        self.done4 = make(
            Partner.create({"name": "王芳"}), state="done", score=4, done_date=FROZEN_NOW
        )
        self.done2 = make(
            Partner.create({"name": "李强"}), state="done", score=2, done_date=FROZEN_NOW
        )
        make(Partner.create({"name": "赵敏"}), state="unreachable", done_date=FROZEN_NOW)
        make(
            Partner.create({"name": "Hans Weber"}),
            user_id=self.agent2.id,
            state="declined",
            done_date=FROZEN_NOW,
        )
        Ticket = self.env["helpdesk.ticket"]
        values = {
            "description": "<p>problem</p>",
            "partner_id": self.done2.partner_id.id,
            "team_id": self.team.id,
            "company_id": self.company.id,
            "origin_callback_id": self.done2.id,
        }
        self.solved = Ticket.create(
            dict(values, name="Filter cracked", stage_id=self.closed_stage.id)
        )
        self.open = Ticket.create(dict(values, name="Invoice missing"))
        self.export = (
            self.env["customer.callback.agent.report.export"]
            .with_user(self.supervisor)
            .create({"date_from": date(2026, 11, 1), "date_to": date(2026, 11, 1)})
        )

    def render(self, lang):
        return (
            self.env["ir.actions.report"]
            .with_user(self.supervisor)
            .with_context(lang=lang)
            ._render_qweb_html("customer_callback_report.agent_month_report", self.export.ids)[0]
            .decode()
        )

    def test_one_page_per_agent_and_month(self):
        pages = self.export._pages()
        self.assertEqual(
            [(p["month"], p["agent"]) for p in pages],
            [
                ("2026-11", self.agent1.name),
                ("2026-11", self.agent2.name),
            ],
        )
        first = dict(pages[0]["figures"])
        self.assertEqual(
            [first[k] for k in ("Callbacks", "Done", "Unreachable", "Declined", "Average score")],
            ["3", "2", "1", "0", "3.00"],
        )
        self.assertEqual(
            [first[k] for k in ("Problems raised", "Problems solved", "Problems open")],
            ["2", "1", "1"],
        )
        self.assertEqual(
            [(p["ticket"].split(" - ")[-1], p["closed"]) for p in pages[0]["problems"]],
            [("Filter cracked", True), ("Invoice missing", False)],
        )
        self.assertEqual(pages[1]["problems"], [])

    def test_print_in_chinese_and_english(self):
        html = self.render("en_US")
        self.assertIn("Monthly callback report", html)
        self.assertEqual(html.count("customer_callback_agent_month"), 2)
        self.assertIn("Invoice missing", html)
        self.assertIn("No problem raised this month.", html)
        self.supervisor.lang = "zh_CN"
        html = self.render("zh_CN")
        for term in ("月度回访报告", "客服专员", "联系不上", "平均评分", "回访中发现的问题"):
            self.assertIn(term, html)
        action = self.export.action_print()
        self.assertEqual(action["report_name"], "customer_callback_report.agent_month_report")

    def test_agents_cannot_print_it(self):
        with self.assertRaises(AccessError):
            self.export.with_user(self.agent1).action_print()
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.agent1)._render_qweb_html(
                "customer_callback_report.agent_month_report", self.export.ids
            )


@tagged("post_install", "-at_install")
class TestAgentReportMonthEdges(CallbackCase):
    """The months of the agents' report (XLSX and print) are the reader's:
    cut at local midnight, whatever the reader's timezone, over one month and
    two consecutive ones; another company's callbacks are never counted
    (issue #28, 5). Each month has a callback *done* at 00:30 on its first
    day and one *unreachable* at 23:30 on its last day (local time); the
    evenings before and mornings after the period have a *declined* one."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.supervisor.tz = "Asia/Shanghai"
        cls.ny_supervisor = new_test_user(
            cls.env,
            "cb_supervisor_ny",
            groups="customer_callback.customer_callback_group_supervisor",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
            tz="America/New_York",
        )
        cls.other_company = cls.env["res.company"].create({"name": "Other callback company"})
        cls.customer = cls.env["res.partner"].create({"name": "月末客户"})

    def call_at(self, local, tz, state, company=None):
        """A callback closed at ``local`` (naive, in ``tz``), of ``company``."""
        moment = call_window.to_utc_naive(local.replace(tzinfo=call_window.get_zone(tz)))
        values = {"state": state, "done_date": moment, "planned_date": moment}
        if company:
            values.update(company_id=company.id, user_id=False, team_id=False)
        return self.make_callback(self.customer, **values)

    def month_edges(self, tz, months):
        """The callbacks at the edges of ``months`` ((year, month), consecutive)
        in ``tz``, and in the other company on the same edges."""
        for company in (None, self.other_company):
            for year, month in months:
                first = date(year, month, 1)
                following = (first + timedelta(days=32)).replace(day=1)
                last = following - timedelta(days=1)
                self.call_at(datetime.combine(first, time(0, 30)), tz, "done", company)
                self.call_at(datetime.combine(last, time(23, 30)), tz, "unreachable", company)
            before = date(*months[0], 1) - timedelta(days=1)
            after = (date(*months[-1], 1) + timedelta(days=32)).replace(day=1)
            self.call_at(datetime.combine(before, time(23, 30)), tz, "declined", company)
            self.call_at(datetime.combine(after, time(0, 30)), tz, "declined", company)

    def export(self, user, first, last=None, context_tz=True):
        Export = self.env["customer.callback.agent.report.export"].with_user(user)
        if context_tz:
            # the web client sends the user's timezone with every call
            Export = Export.with_context(tz=user.tz)
        return Export.create({"date_from": first, "date_to": last or first})

    def assert_months(self, export, months):
        """The export's rows, XLSX and printed pages: one row per month of
        ``months`` (labels), each with the month's two callbacks (one done,
        one unreachable) of agent 1 and nothing else."""
        expected = [(month, self.agent1.name, 2, 1, 1, 0) for month in months]
        self.assertEqual([tuple(row[:6]) for row in export._rows()], expected)
        sheet = openpyxl.load_workbook(io.BytesIO(export._generate())).active
        self.assertEqual([row[:6] for row in list(sheet.iter_rows(values_only=True))[1:]], expected)
        pages = (
            self.env["report.customer_callback_report.agent_month_report"]
            .with_user(export.env.user)
            .with_context(**export.env.context)
            ._get_report_values(export.ids)["pages"]
        )
        self.assertEqual(
            [(page["month"], page["agent"], dict(page["figures"])["Callbacks"]) for page in pages],
            [(month, self.agent1.name, "2") for month in months],
        )

    def test_shanghai_reader_month(self):
        self.month_edges("Asia/Shanghai", [(2026, 9)])
        self.assert_months(self.export(self.supervisor, date(2026, 9, 1)), ["2026-09"])

    def test_new_york_reader_month(self):
        self.month_edges("America/New_York", [(2026, 9)])
        self.assert_months(self.export(self.ny_supervisor, date(2026, 9, 1)), ["2026-09"])

    def test_shanghai_reader_two_months(self):
        self.month_edges("Asia/Shanghai", [(2026, 9), (2026, 10)])
        export = self.export(self.supervisor, date(2026, 9, 1), date(2026, 10, 1))
        self.assert_months(export, ["2026-09", "2026-10"])

    def test_new_york_reader_two_months(self):
        # the last evening of October is still summer time in New York (EDT)
        # and the first morning of November too (it ends at 02:00 that day)
        self.month_edges("America/New_York", [(2026, 9), (2026, 10)])
        export = self.export(self.ny_supervisor, date(2026, 9, 1), date(2026, 10, 1))
        self.assert_months(export, ["2026-09", "2026-10"])

    def test_reader_timezone_without_context(self):
        """Called without the web client's context (RPC, scheduled action):
        the user's timezone still decides the months."""
        self.month_edges("America/New_York", [(2026, 10)])
        export = self.export(self.ny_supervisor, date(2026, 10, 1), context_tz=False)
        self.assert_months(export, ["2026-10"])

    def test_reader_without_timezone_reads_company_months(self):
        """A reader with no timezone reads the company's callback timezone
        (Shanghai here), as the quarterly analysis does."""
        self.supervisor.tz = False
        self.month_edges("Asia/Shanghai", [(2026, 10)])
        export = self.export(self.supervisor, date(2026, 10, 1), context_tz=False)
        self.assert_months(export, ["2026-10"])
