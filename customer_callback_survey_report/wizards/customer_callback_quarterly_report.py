# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class CustomerCallbackQuarterlyReport(models.TransientModel):
    _inherit = "customer.callback.quarterly.report"

    def _extra_key_figures(self, period):
        """The satisfaction surveys answered in the quarter, on the same
        5-point scale."""
        figures = super()._extra_key_figures(period)
        figures["survey_score"] = self._average(
            "customer.callback.survey.request",
            [
                ("answered_date", ">=", period["start"]),
                ("answered_date", "<", period["end"]),
                ("score", ">", 0),
            ],
            "score",
        )
        return figures

    def _extra_key_figure_lines(self, target):
        lines = super()._extra_key_figure_lines(target)
        lines.append(("survey_score", self.env._("Satisfaction: surveys"), "score", target))
        return lines
