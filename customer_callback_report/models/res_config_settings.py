# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    callback_quarterly_mail = fields.Boolean(
        related="company_id.callback_quarterly_mail", readonly=False
    )
