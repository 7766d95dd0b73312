# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""XLSX of the quarterly care and after-sales analysis, served by OCA
report_xlsx for supervisors; never stored."""

from odoo import models

from ..tools import xlsx_rows


class ReportQuarterlyReportXlsx(models.AbstractModel):
    _name = "report.customer_callback_report.quarterly_report_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Quarterly Care and After-sales Analysis XLSX"

    def get_workbook_options(self):
        return dict(xlsx_rows.WORKBOOK_OPTIONS)

    def generate_xlsx_report(self, workbook, data, objs):
        objs._check_reader()
        objs.ensure_one()
        analysis = objs._data()
        env = self.env
        formats = xlsx_rows.add_formats(workbook)
        sheet = workbook.add_worksheet(analysis["quarter"])
        sheet.write_string(0, 0, f"{analysis['title']} — {analysis['company']}", formats["header"])
        sheet.write_string(1, 0, f"{analysis['quarter']} / {analysis['team']}")
        row = xlsx_rows.write_table(
            sheet,
            3,
            [
                env._("Figure"),
                analysis["quarter"],
                analysis["previous_quarter"],
                env._("Change"),
                env._("Target"),
            ],
            [
                [line["label"], line["value"], line["previous"], line["change"], line["target"]]
                for line in analysis["key_figures"]
            ],
            formats,
        )
        for headers, rows in analysis["extra_tables"]:
            row = xlsx_rows.write_table(sheet, row + 1, headers, rows, formats)
        row = xlsx_rows.write_table(
            sheet,
            row + 1,
            [env._("High-frequency problems"), analysis["quarter"], analysis["previous_quarter"]],
            [[p["category"], p["count"], p["previous"]] for p in analysis["problems"]],
            formats,
        )
        self._write_more_tables(sheet, row, analysis, formats)

    def _write_more_tables(self, sheet, row, analysis, formats):
        """Tables added below by other addons (each writes its own from
        ``row + 1`` on and returns the row after it); none here."""
        return row
