# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    # Monthly spot-check
    callback_spot_check_min_size = fields.Integer(
        related="company_id.callback_spot_check_min_size", readonly=False
    )
    callback_spot_check_below_min = fields.Selection(
        related="company_id.callback_spot_check_below_min", readonly=False
    )
    callback_spot_check_due_day = fields.Integer(
        related="company_id.callback_spot_check_due_day", readonly=False
    )
    callback_spot_check_cap = fields.Integer(
        related="company_id.callback_spot_check_cap", readonly=False
    )
    callback_spot_check_cap_months = fields.Integer(
        related="company_id.callback_spot_check_cap_months", readonly=False
    )
    callback_spot_check_reply_minutes = fields.Integer(
        related="company_id.callback_spot_check_reply_minutes", readonly=False
    )
    callback_spot_check_spacing = fields.Integer(
        related="company_id.callback_spot_check_spacing", readonly=False
    )
    callback_spot_check_category_ids = fields.Many2many(
        related="company_id.callback_spot_check_category_ids", readonly=False
    )
