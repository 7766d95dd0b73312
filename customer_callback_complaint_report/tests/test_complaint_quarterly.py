# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The complaints in the quarterly analysis (客户关怀与售后分析报告), on
customer_callback_report's fixture: the frozen day is 23 November 2026."""

import io
from datetime import datetime

import openpyxl

from odoo.tests import new_test_user, tagged

from odoo.addons.customer_callback.tests.common import CallbackCase
from odoo.addons.customer_callback.tools import call_window
from odoo.addons.customer_callback_report.tests.test_quarterly_report import QuarterlyCase

CC = "customer_callback_complaint"


@tagged("post_install", "-at_install")
class TestComplaintQuarterly(QuarterlyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.normal = cls.env.ref(f"{CC}.customer_complaint_grade_normal")
        cls.urgent = cls.env.ref(f"{CC}.customer_complaint_grade_urgent")

    def setUp(self):
        super().setUp()
        oct_5 = datetime(2026, 10, 5, 2, 0)
        jul_5 = datetime(2026, 7, 5, 2, 0)
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

    def test_hand_computed_complaint_figures(self):
        data = self.report._data()
        figures = {line["label"]: line for line in data["key_figures"]}
        self.assertEqual(
            (figures["Complaints received"]["value"], figures["Complaints received"]["previous"]),
            (3, 1),
        )
        labels = [line["label"] for line in data["key_figures"]]
        # the on-time rates after the care coverage, the count received last
        self.assertEqual(
            labels[:3],
            [
                "Care coverage (%)",
                "Complaints: first response on time (%)",
                "Complaints: resolved on time (%)",
            ],
        )
        self.assertEqual(labels[-1], "Complaints received")
        self.assertEqual(
            [(c["category"], c["grade"], c["count"]) for c in data["complaints"]],
            [(self.quality.name, self.normal.name, 2), (self.delivery.name, self.urgent.name, 1)],
        )
        self.assertEqual(
            [(p["category"], p["count"], p["previous"]) for p in data["problems"]],
            [(self.quality.name, 2, 1), (self.delivery.name, 1, 0)],
        )

    def test_team_filter(self):
        self.report.team_id = self.env["helpdesk.ticket.team"].create({"name": "Other team"})
        figures = {line["label"]: line for line in self.report._data()["key_figures"]}
        self.assertEqual(figures["Complaints received"]["value"], 0)

    def test_print_and_xlsx_in_chinese(self):
        self.supervisor.lang = "zh_CN"
        report = self.report.with_context(lang="zh_CN")
        Report = self.env["ir.actions.report"].with_user(self.supervisor).with_context(lang="zh_CN")
        html = Report._render_qweb_html("customer_callback_report.quarterly_report", report.ids)[
            0
        ].decode()
        self.assertIn("按类别和等级统计的投诉", html)
        self.assertLess(html.index("按类别和等级统计的投诉"), html.index("o_quarterly_problems"))
        content = Report._render_xlsx(
            "customer_callback_report.quarterly_report_xlsx", report.ids, data={}
        )[0]
        rows = list(openpyxl.load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))
        # the complaints' table after the key figures, before the problems, in Chinese
        table = [row[:3] for row in rows]
        self.assertLess(table.index(("类别", "等级", "投诉")), table.index(("产品质量", "普通", 2)))
        self.assertLess(
            table.index(("产品质量", "普通", 2)), table.index(("高频问题", "2026 Q4", "2026 Q3"))
        )


@tagged("post_install", "-at_install")
class TestComplaintQuarterEdges(CallbackCase):
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
