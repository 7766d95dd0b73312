# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    callback_link_days = fields.Integer(
        string="Personal link validity (days)",
        default=30,
        help="How long a customer's personal link (his preferences page) stays valid.",
    )

    @api.constrains("callback_link_days")
    def _check_callback_link_days(self):
        for company in self:
            if company.callback_link_days < 1:
                raise ValidationError(
                    self.env._("A personal link must stay valid for at least one day.")
                )
