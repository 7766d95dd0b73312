# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The quarterly care and after-sales analysis, printed (QWeb, A4)."""

from odoo import api, models


class ReportCustomerCallbackQuarterlyReport(models.AbstractModel):
    _name = "report.customer_callback_report.quarterly_report"
    _description = "Quarterly Care and After-sales Analysis (print)"

    @api.model
    def _get_report_values(self, docids, data=None):
        reports = self.env["customer.callback.quarterly.report"].browse(docids)
        reports._check_reader()
        return {
            "doc_ids": docids,
            "doc_model": reports._name,
            "docs": reports,
            "analyses": [report._data() for report in reports],
            "text": reports._text,
        }
