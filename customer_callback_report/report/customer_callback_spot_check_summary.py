# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""服务抽查汇总表 — the spot-check summary sheet of 002 §7, printed (QWeb, A4)
from the batch's Print menu: satisfaction against the target, the 95 %
interval and the rows per agent of the XLSX's summary sheet, for
supervisors, from the batches they may read."""

from odoo import api, models


class ReportCustomerCallbackSpotCheckSummary(models.AbstractModel):
    _name = "report.customer_callback_report.spot_check_summary"
    _description = "Spot-check Summary Sheet (print)"

    @api.model
    def _get_report_values(self, docids, data=None):
        sheet = self.env["report.customer_callback_report.spot_check_xlsx"]
        return self.env["report.customer_callback_report.spot_check_detail"]._sheet_values(
            docids, sheet._summary_headers(), sheet._summary_rows
        )
