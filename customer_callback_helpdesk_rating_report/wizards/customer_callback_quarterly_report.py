# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from odoo.addons.customer_callback.tools import satisfaction_ask


class CustomerCallbackQuarterlyReport(models.TransientModel):
    _inherit = "customer.callback.quarterly.report"

    def _extra_key_figures(self, period):
        """The helpdesk ratings answered in the quarter on tickets the suite
        did not ask (those answer a survey request and are in the surveys'
        figure), on the same 5-point scale."""
        figures = super()._extra_key_figures(period)
        ratings = (
            self.env["rating.rating"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "helpdesk.ticket"),
                    ("consumed", "=", True),
                    ("rating", ">", 0),
                    ("write_date", ">=", period["start"]),
                    ("write_date", "<", period["end"]),
                ]
            )
        )
        asked = set(
            self.env["customer.callback.survey.request"]
            .sudo()
            .search([("rating_id", "in", ratings.ids)])
            .rating_id.ids
        )
        tickets = (
            self.env["helpdesk.ticket"]
            .sudo()
            .search(self._scope([("id", "in", ratings.mapped("res_id"))]))
        )
        scores = [
            satisfaction_ask.rating_to_score(rating.rating)
            for rating in ratings
            if rating.id not in asked and rating.res_id in tickets.ids
        ]
        scores = [score for score in scores if score]
        figures["rating_score"] = (
            (round(sum(scores) / len(scores), 2) if scores else None),
            len(scores),
        )
        return figures

    def _extra_key_figure_lines(self, target):
        lines = super()._extra_key_figure_lines(target)
        lines.append(
            ("rating_score", self.env._("Satisfaction: helpdesk ratings"), "score", target)
        )
        return lines
