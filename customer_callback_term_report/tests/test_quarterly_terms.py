# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The quarterly analysis lists the words customers use (moved from
customer_callback_term's test_terms with the reports, issue #31)."""

import io

import openpyxl

from odoo.tests import tagged

from odoo.addons.customer_callback_term.tests.test_terms import OCTOBER, TermCase


@tagged("post_install", "-at_install")
class TestTermsInTheQuarterlyReport(TermCase):
    def test_quarterly_report_shows_the_words_customers_use(self):
        self.env["customer.callback.term"]._compute_month(self.company, OCTOBER)
        report = (
            self.env["customer.callback.quarterly.report"]
            .with_user(self.supervisor)
            .create({"year": 2026, "quarter": "4"})
        )
        data = report._data()
        terms = {term["term"]: (term["count"], term["previous"]) for term in data["terms"]}
        self.assertEqual(terms["滤芯"], (2, 0))
        self.assertEqual(terms["漏水"], (2, 0))
        self.assertIn("滤芯漏水", [phrase["term"] for phrase in data["phrases"]])
        html = (
            self.env["ir.actions.report"]
            .with_user(self.supervisor)
            ._render_qweb_html("customer_callback_report.quarterly_report", report.ids)[0]
            .decode()
        )
        self.assertIn("Words customers use", html)
        self.assertIn("滤芯漏水", html)
        content = (
            self.env["ir.actions.report"]
            .with_user(self.supervisor)
            ._render_xlsx("customer_callback_report.quarterly_report_xlsx", report.ids, data={})[0]
        )
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        rows = [row[:3] for row in sheet.iter_rows(values_only=True)]
        header = rows.index(("Words customers use", "2026 Q4", "2026 Q3"))
        self.assertIn(("滤芯漏水", 2, 0), rows[header + 1 :])
