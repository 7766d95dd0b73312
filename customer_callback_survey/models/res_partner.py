# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

AGENT_GROUP = "customer_callback.customer_callback_group_agent"


class ResPartner(models.Model):
    _inherit = "res.partner"

    callback_survey_input_ids = fields.One2many(
        "survey.user_input", "partner_id", string="Survey answers", groups=AGENT_GROUP
    )
    callback_survey_satisfaction = fields.Float(
        compute="_compute_callback_survey_satisfaction",
        store=True,
        string="Survey satisfaction",
        digits=(3, 2),
        aggregator="avg",
        groups=AGENT_GROUP,
        help="Average overall score of the customer's answered satisfaction surveys "
        "(5-point scale).",
    )
    callback_survey_count = fields.Integer(
        compute="_compute_callback_survey_satisfaction",
        store=True,
        string="Answered surveys",
        groups=AGENT_GROUP,
    )

    @api.depends("callback_survey_input_ids.callback_score")
    def _compute_callback_survey_satisfaction(self):
        rows = (
            self.env["survey.user_input"]
            .sudo()
            ._read_group(
                [("partner_id", "in", self.ids), ("callback_score", ">", 0)],
                ["partner_id"],
                ["callback_score:avg", "__count"],
            )
        )
        stats = {partner: (average, count) for partner, average, count in rows}
        for partner in self:
            average, count = stats.get(partner._origin, (0.0, 0))
            partner.callback_survey_satisfaction = average
            partner.callback_survey_count = count

    @api.depends("callback_survey_input_ids.callback_score")
    def _compute_callback_stats(self):
        """The average satisfaction also follows the survey answers."""
        return super()._compute_callback_stats()

    def _callback_satisfaction_totals(self):
        """Survey scores feed the customer's average satisfaction. Answers
        that follow a callback are already counted through it: their score
        fills the callback's own when the agent recorded none, and an agent's
        recorded score is kept as the callback's."""
        totals = super()._callback_satisfaction_totals()
        rows = (
            self.env["survey.user_input"]
            .sudo()
            ._read_group(
                [
                    ("partner_id", "in", self.ids),
                    ("callback_score", ">", 0),
                    ("callback_id", "=", False),
                ],
                ["partner_id"],
                ["callback_score:sum", "__count"],
            )
        )
        for partner, total, count in rows:
            previous_total, previous_count = totals.get(partner, (0, 0))
            totals[partner] = (previous_total + total, previous_count + count)
        return totals
