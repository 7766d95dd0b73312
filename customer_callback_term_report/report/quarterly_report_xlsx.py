# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The quarterly analysis' XLSX: the words customers use, below the
high-frequency problems."""

from odoo import models

from odoo.addons.customer_callback_report.tools import xlsx_rows


class ReportQuarterlyReportXlsx(models.AbstractModel):
    _inherit = "report.customer_callback_report.quarterly_report_xlsx"

    def _write_more_tables(self, sheet, row, analysis, formats):
        row = super()._write_more_tables(sheet, row, analysis, formats)
        return xlsx_rows.write_table(
            sheet,
            row + 1,
            [self.env._("Words customers use"), analysis["quarter"], analysis["previous_quarter"]],
            [
                [t["term"], t["count"], t["previous"]]
                for t in analysis["terms"] + analysis["phrases"]
            ],
            formats,
        )
