# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""服务抽查明细表 — the spot-check detail sheet of 002 §7, printed (QWeb, A4
landscape) from the batch's Print menu: the rows of the XLSX's detail sheet
(``report.customer_callback_report.spot_check_xlsx``), for supervisors, from the
batches and callbacks they may read, times in their timezone."""

from datetime import date, datetime

from odoo import api, models


def printed(value):
    """A cell of the sheets as printed."""
    if value is None or value is False:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


class ReportCustomerCallbackSpotCheckDetail(models.AbstractModel):
    _name = "report.customer_callback_report.spot_check_detail"
    _description = "Spot-check Detail Sheet (print)"

    @api.model
    def _get_report_values(self, docids, data=None):
        sheet = self.env["report.customer_callback_report.spot_check_xlsx"]
        return self._sheet_values(docids, sheet._detail_headers(), sheet._detail_chunks)

    @api.model
    def _sheet_values(self, docids, headers, batch_rows):
        """The values of a printed sheet: ``headers`` and, per batch, the
        printed cells of ``batch_rows(batch)``, the XLSX's own rows; for
        supervisors, from the batches they may read."""
        batches = self.env["customer.callback.spot.check"].browse(docids)
        batches._check_supervisor()
        batches.check_access("read")
        return {
            "doc_ids": docids,
            "doc_model": batches._name,
            "docs": batches,
            "headers": headers,
            "rows": {
                batch.id: [[printed(value) for value in row] for row in batch_rows(batch)]
                for batch in batches
            },
            "printed": printed,
        }
