# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from odoo.addons.customer_callback.tools import satisfaction_ask

AGENT_GROUP = "customer_callback.customer_callback_group_agent"


class ResPartner(models.Model):
    _inherit = "res.partner"

    callback_ticket_rating_ids = fields.One2many(
        "rating.rating",
        "partner_id",
        string="Ticket ratings",
        domain=[("res_model", "=", "helpdesk.ticket")],
        groups=AGENT_GROUP,
    )

    @api.depends("callback_ticket_rating_ids.rating", "callback_ticket_rating_ids.consumed")
    def _compute_callback_stats(self):
        """The average satisfaction also follows the ticket ratings."""
        return super()._compute_callback_stats()

    def _callback_satisfaction_totals(self):
        """The customer's answered ticket ratings count on the 5-point scale
        (a closed ticket is asked once, so none is also a survey answer)."""
        totals = super()._callback_satisfaction_totals()
        rows = (
            self.env["rating.rating"]
            .sudo()
            ._read_group(
                [
                    ("partner_id", "in", self.ids),
                    ("res_model", "=", "helpdesk.ticket"),
                    ("consumed", "=", True),
                    ("rating", ">", 0),
                ],
                ["partner_id"],
                ["rating:array_agg"],
            )
        )
        for partner, values in rows:
            scores = [satisfaction_ask.rating_to_score(value) for value in values]
            scores = [score for score in scores if score]
            previous_total, previous_count = totals.get(partner, (0, 0))
            totals[partner] = (previous_total + sum(scores), previous_count + len(scores))
        return totals
