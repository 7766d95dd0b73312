# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""XLSX of the customer care record sheet (客户关怀记录表), served by OCA
report_xlsx for a selection of callbacks the user may read; never stored."""

from odoo import models

from ..tools import xlsx_rows


class ReportCareRecordXlsx(models.AbstractModel):
    _name = "report.customer_callback_report.care_record_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Customer Care Record Sheet XLSX"

    def get_workbook_options(self):
        return dict(xlsx_rows.WORKBOOK_OPTIONS)

    def generate_xlsx_report(self, workbook, data, objs):
        sheet_report = self.env["report.customer_callback_report.care_record"]
        formats = xlsx_rows.add_formats(workbook)
        sheet = workbook.add_worksheet(self.env._("Care records")[:31])
        rows = [xlsx_rows.care_record_row(record) for record in sheet_report._records(objs)]
        xlsx_rows.write_table(sheet, 0, sheet_report._headers(), rows, formats, freeze=True)
