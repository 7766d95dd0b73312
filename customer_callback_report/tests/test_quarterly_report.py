# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
from datetime import datetime, timedelta

import openpyxl

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.customer_callback.tests.common import CallbackCase
from odoo.addons.customer_callback.tests.i18n_check import load_language


class QuarterlyCase(CallbackCase):
    """客户关怀与售后分析报告 from a fixture with hand-computed figures: the
    frozen day is 23 November 2026, in the fourth quarter. Shared with
    customer_callback_complaint_report's test (which adds complaints)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_language(cls.env, "zh_CN")
        cls.company.callback_satisfaction_target = 4.0
        cls.quality = cls.env.ref("customer_callback.helpdesk_ticket_category_product_quality")
        cls.delivery = cls.env.ref("customer_callback.helpdesk_ticket_category_delivery")

    def setUp(self):
        super().setUp()
        Partner = self.env["res.partner"]
        oct_5 = datetime(2026, 10, 5, 2, 0)
        jul_5 = datetime(2026, 7, 5, 2, 0)

        def callback(name, when, **values):
            vals = {"planned_date": when, "deadline": when.date() + timedelta(days=2)}
            vals.update(values)
            return self.make_callback(Partner.create({"name": name}), **vals)

        # Q4: 3 callbacks due and past (2 done, scores 5 and 3; 1 missed), one not due yet
        for name, score in (("Q4 a", 5), ("Q4 b", 3)):
            callback(name, oct_5).sudo().write(
                {"state": "done", "score": score, "done_date": oct_5 + timedelta(hours=1)}
            )
        callback("Q4 missed", oct_5)
        callback("Q4 later", datetime(2026, 12, 20, 2, 0))
        # Q3: 1 due, done with score 2
        callback("Q3 a", jul_5).sudo().write(
            {"state": "done", "score": 2, "done_date": jul_5 + timedelta(hours=1)}
        )
        self.report = (
            self.env["customer.callback.quarterly.report"]
            .with_user(self.supervisor)
            .create({"year": 2026, "quarter": "4"})
        )


@tagged("post_install", "-at_install")
class TestQuarterlyReport(QuarterlyCase):
    def test_defaults_to_this_quarter(self):
        report = (
            self.env["customer.callback.quarterly.report"].with_user(self.supervisor).create({})
        )
        self.assertEqual((report.year, report.quarter), (2026, "4"))

    def test_hand_computed_figures(self):
        data = self.report._data()
        self.assertEqual((data["quarter"], data["previous_quarter"]), ("2026 Q4", "2026 Q3"))
        figures = {line["label"]: line for line in data["key_figures"]}
        coverage = figures["Care coverage (%)"]
        # Q4: 2 done of 3 due (the one due in December is not due yet); Q3: 1 of 1
        self.assertEqual((round(coverage["value"], 2), coverage["previous"]), (66.67, 100.0))
        self.assertEqual(coverage["change"], -33.33)
        callbacks = figures["Satisfaction: callbacks"]
        self.assertEqual(
            (callbacks["value"], callbacks["previous"], callbacks["target"]), (4.0, 2.0, 4.0)
        )
        self.assertTrue(callbacks["met"])
        self.assertEqual(figures["Satisfaction: spot-checks"]["value"], None)

    def test_team_filter(self):
        other_team = self.env["helpdesk.ticket.team"].create({"name": "Other team"})
        self.report.team_id = other_team
        data = self.report._data()
        figures = {line["label"]: line for line in data["key_figures"]}
        self.assertEqual(figures["Care coverage (%)"]["value"], None)

    def test_print_and_xlsx_in_chinese(self):
        self.supervisor.lang = "zh_CN"
        report = self.report.with_context(lang="zh_CN")
        html = (
            self.env["ir.actions.report"]
            .with_user(self.supervisor)
            .with_context(lang="zh_CN")
            ._render_qweb_html("customer_callback_report.quarterly_report", report.ids)[0]
            .decode()
        )
        for term in (
            "客户关怀与售后分析报告",
            "关怀覆盖率",
            "2026 Q4",
            "2026 Q3",
            "66.7",
        ):
            self.assertIn(term, html)
        content = (
            self.env["ir.actions.report"]
            .with_user(self.supervisor)
            .with_context(lang="zh_CN")
            ._render_xlsx("customer_callback_report.quarterly_report_xlsx", report.ids, data={})[0]
        )
        rows = list(openpyxl.load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))
        self.assertEqual(rows[3][:3], ("指标", "2026 Q4", "2026 Q3"))
        self.assertEqual(rows[4][0], "关怀覆盖率（%）")
        self.assertAlmostEqual(rows[4][1], 66.67, places=2)

    def test_agents_cannot_read_it(self):
        with self.assertRaises(AccessError):
            self.env["customer.callback.quarterly.report"].with_user(self.agent1).create({})
        with self.assertRaises(AccessError):
            self.report.with_user(self.agent1).action_print()
