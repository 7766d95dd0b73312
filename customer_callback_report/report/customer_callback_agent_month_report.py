# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The agents' monthly callback report as a print: one page per agent and
month (callbacks made, done, unreachable, declined, average score, problems
raised and their state), from the export wizard of the agents' report."""

from odoo import api, models


class ReportCustomerCallbackAgentMonthReport(models.AbstractModel):
    _name = "report.customer_callback_report.agent_month_report"
    _description = "Agents' Monthly Callback Report (print)"

    @api.model
    def _get_report_values(self, docids, data=None):
        exports = self.env["customer.callback.agent.report.export"].browse(docids)
        exports.env["customer.callback"]._check_callback_supervisor()
        exports.check_access("read")
        return {
            "doc_ids": docids,
            "doc_model": exports._name,
            "docs": exports,
            "pages": [page for export in exports for page in export._pages()],
        }
