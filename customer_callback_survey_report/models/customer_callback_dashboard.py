# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.fields import Domain


class CustomerCallbackDashboard(models.AbstractModel):
    _inherit = "customer.callback.dashboard"

    @api.model
    def _dashboard_extra_figure_action(self, key, period):
        """The survey score of the dashboard (a key figure of the quarterly
        analysis, ``_extra_key_figures``) opens the surveys answered in the
        period."""
        if key != "survey_score":
            return super()._dashboard_extra_figure_action(key, period)
        return self._dashboard_action(
            "customer.callback.survey.request",
            self.env._("Answered surveys"),
            Domain("company_id", "=", self.env.company.id)
            & Domain("answered_date", ">=", period["start"])
            & Domain("answered_date", "<", period["end"])
            & Domain("score", ">", 0),
        )
