# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""XLSX of the agents' monthly callback report (SPEC §8, 000 §6.2), served by
OCA report_xlsx through
``/report/xlsx/customer_callback_report.agent_report_xlsx/<export ids>``: made on
download for the user who asks, from an export they may read (their own, in
their companies), and never stored."""

from odoo import models

from ..tools import xlsx_rows


class ReportAgentReportXlsx(models.AbstractModel):
    _name = "report.customer_callback_report.agent_report_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Agents' monthly callback report XLSX"

    def get_workbook_options(self):
        return dict(xlsx_rows.WORKBOOK_OPTIONS)

    def generate_xlsx_report(self, workbook, data, objs):
        export = objs
        export.env["customer.callback"]._check_callback_supervisor()
        export.check_access("read")
        export.ensure_one()
        formats = xlsx_rows.add_formats(workbook)
        sheet = workbook.add_worksheet(self.env._("Agents")[:31])
        xlsx_rows.write_table(sheet, 0, export._headers(), export._rows(), formats, freeze=True)
