# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    callback_telephony_provider = fields.Selection(
        related="company_id.callback_telephony_provider", readonly=False
    )
    callback_telephony_manual_attempts = fields.Boolean(
        related="company_id.callback_telephony_manual_attempts", readonly=False
    )
    callback_telephony_short_call_seconds = fields.Integer(
        related="company_id.callback_telephony_short_call_seconds", readonly=False
    )
    callback_telephony_busy_retry_minutes = fields.Integer(
        related="company_id.callback_telephony_busy_retry_minutes", readonly=False
    )
    callback_telephony_keypad_scale = fields.Selection(
        related="company_id.callback_telephony_keypad_scale", readonly=False
    )
    callback_telephony_followup_score = fields.Integer(
        related="company_id.callback_telephony_followup_score", readonly=False
    )
