# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The quarterly analysis lists the words customers used most in the quarter
beside its problem categories."""

from odoo import models

from odoo.addons.customer_callback.tools import quarters
from odoo.addons.customer_callback_report.wizards.customer_callback_quarterly_report import (
    TOP_PROBLEMS,
)


class CustomerCallbackQuarterlyReport(models.TransientModel):
    _inherit = "customer.callback.quarterly.report"

    def _terms(self, period, previous_period, kind):
        """The words customers used most in the quarter (the company's
        high-frequency terms of its three months, all teams), with the
        previous quarter's counts."""
        Term = self.env["customer.callback.term"]
        before = {
            term: records
            for term, records, _occurrences in Term._top_terms(
                self.company_id,
                previous_period["first"],
                previous_period["following"],
                kind,
                limit=None,
            )
        }
        return [
            {"term": term, "count": records, "previous": before.get(term, 0)}
            for term, records, _occurrences in Term._top_terms(
                self.company_id, period["first"], period["following"], kind, limit=TOP_PROBLEMS
            )
        ]

    def _data(self):
        data = super()._data()
        year, quarter = self.year, int(self.quarter)
        current_period = self._period(year, quarter)
        previous_period = self._period(*quarters.previous(year, quarter))
        data["terms"] = self._terms(current_period, previous_period, "term")
        data["phrases"] = self._terms(current_period, previous_period, "phrase")
        return data
