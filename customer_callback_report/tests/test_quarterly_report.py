# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
from datetime import datetime, timedelta

import openpyxl

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.customer_callback.tests.common import CallbackCase
from odoo.addons.customer_callback.tests.i18n_check import load_language
from odoo.addons.customer_callback.tools import call_window


@tagged("post_install", "-at_install")
class TestQuarterlyReport(CallbackCase):
    """客户关怀与售后分析报告 from a fixture with hand-computed figures: the
    frozen day is 23 November 2026, in the fourth quarter."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_language(cls.env, "zh_CN")
        cls.company.callback_satisfaction_target = 4.0
        cls.quality = cls.env.ref("customer_callback.helpdesk_ticket_category_product_quality")
        cls.delivery = cls.env.ref("customer_callback.helpdesk_ticket_category_delivery")
        cls.normal = cls.env.ref("customer_callback.customer_complaint_grade_normal")
        cls.urgent = cls.env.ref("customer_callback.customer_complaint_grade_urgent")

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
        # Complaints of Q4: two quality (normal), one delivery (urgent); one of Q3
        Ticket = self.env["helpdesk.ticket"]

        def complaint(name, when, category, grade):
            return Ticket.create(
                {
                    "name": name,
                    "description": "<p>x</p>",
                    "partner_id": self.partner_sh.id,
                    "is_complaint": True,
                    "team_id": self.team.id,
                    "category_id": category.id,
                    "complaint_grade_id": grade.id,
                    "complaint_date": when,
                }
            )

        complaint("Leak", oct_5, self.quality, self.normal)
        complaint("Crack", oct_5, self.quality, self.normal)
        complaint("Late", oct_5, self.delivery, self.urgent)
        complaint("Old", jul_5, self.quality, self.normal)
        self.report = (
            self.env["customer.callback.quarterly.report"]
            .with_user(self.supervisor)
            .create({"year": 2026, "quarter": "4"})
        )

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
        self.assertEqual(
            (figures["Complaints received"]["value"], figures["Complaints received"]["previous"]),
            (3, 1),
        )
        self.assertEqual(
            [(c["category"], c["grade"], c["count"]) for c in data["complaints"]],
            [(self.quality.name, self.normal.name, 2), (self.delivery.name, self.urgent.name, 1)],
        )
        self.assertEqual(
            [(p["category"], p["count"], p["previous"]) for p in data["problems"]],
            [(self.quality.name, 2, 1), (self.delivery.name, 1, 0)],
        )

    def test_team_filter(self):
        other_team = self.env["helpdesk.ticket.team"].create({"name": "Other team"})
        self.report.team_id = other_team
        data = self.report._data()
        figures = {line["label"]: line for line in data["key_figures"]}
        self.assertEqual(figures["Complaints received"]["value"], 0)
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
            "按类别和等级统计的投诉",
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


@tagged("post_install", "-at_install")
class TestQuarterlyReportEdges(CallbackCase):
    """The quarters of the analysis are the company's (its callback timezone,
    Shanghai here), whoever reads it: complaints at 00:30 on a quarter's first
    day and 23:30 on its last day (Shanghai) are the quarter's, for a
    Shanghai or a New York reader; the previous quarter is cut the same way;
    another company's complaints are never counted (issue #28)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_company = cls.env["res.company"].create({"name": "Other quarterly company"})
        cls.ny_supervisor = new_test_user(
            cls.env,
            "cb_supervisor_ny_quarter",
            groups="customer_callback.customer_callback_group_supervisor",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
            tz="America/New_York",
        )
        cls.supervisor.tz = "Asia/Shanghai"
        zone = call_window.get_zone("Asia/Shanghai")
        Ticket = cls.env["helpdesk.ticket"]
        for company in (cls.company, cls.other_company):
            for local in (
                datetime(2026, 6, 30, 23, 30),  # Q2
                datetime(2026, 7, 1, 0, 30),  # Q3
                datetime(2026, 9, 30, 23, 30),  # Q3
                datetime(2026, 10, 1, 0, 30),  # Q4
                datetime(2026, 10, 1, 0, 30),  # Q4
                datetime(2026, 12, 31, 23, 30),  # Q4
                datetime(2027, 1, 1, 0, 30),  # 2027 Q1
            ):
                Ticket.create(
                    {
                        "name": "Edge complaint",
                        "description": "<p>x</p>",
                        "partner_id": cls.partner_sh.id,
                        "is_complaint": True,
                        "company_id": company.id,
                        "complaint_date": call_window.to_utc_naive(local.replace(tzinfo=zone)),
                    }
                )

    def complaints(self, reader, quarter):
        report = (
            self.env["customer.callback.quarterly.report"]
            .with_user(reader)
            .with_context(tz=reader.tz)
            .create({"year": 2026, "quarter": quarter})
        )
        figures = {line["label"]: line for line in report._data()["key_figures"]}
        complaints = figures["Complaints received"]
        return complaints["value"], complaints["previous"]

    def test_company_quarters_for_every_reader(self):
        for reader in (self.supervisor, self.ny_supervisor):
            self.assertEqual(self.complaints(reader, "4"), (3, 2), reader.tz)
            self.assertEqual(self.complaints(reader, "3"), (2, 1), reader.tz)
