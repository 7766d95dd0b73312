# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""服务抽查汇总表 — the spot-check summary sheet of 002 §7, printed (QWeb, A4)
from the batch's Print menu: satisfaction against the target, the 95 %
interval and the rows per agent of the XLSX's summary sheet, for
supervisors, from the batches they may read."""

from odoo import api, models

from .customer_callback_spot_check_detail import printed


class ReportCustomerCallbackSpotCheckSummary(models.AbstractModel):
    _name = "report.customer_callback.spot_check_summary"
    _description = "Spot-check Summary Sheet (print)"

    @api.model
    def _get_report_values(self, docids, data=None):
        batches = self.env["customer.callback.spot.check"].browse(docids)
        batches._check_supervisor()
        batches.check_access("read")
        sheet = self.env["report.customer_callback.spot_check_xlsx"]
        return {
            "doc_ids": docids,
            "doc_model": batches._name,
            "docs": batches,
            "headers": sheet._summary_headers(),
            "rows": {
                batch.id: [[printed(value) for value in row] for row in sheet._summary_rows(batch)]
                for batch in batches
            },
            "printed": printed,
        }
