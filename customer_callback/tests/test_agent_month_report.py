# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import FROZEN_NOW, CallbackCase
from .i18n_check import load_language


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
            ._render_qweb_html("customer_callback.agent_month_report", self.export.ids)[0]
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
        self.assertEqual(action["report_name"], "customer_callback.agent_month_report")

    def test_agents_cannot_print_it(self):
        with self.assertRaises(AccessError):
            self.export.with_user(self.agent1).action_print()
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.agent1)._render_qweb_html(
                "customer_callback.agent_month_report", self.export.ids
            )
