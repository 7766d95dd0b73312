# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

ADMIN = "base.group_system"


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    callback_asterisk_host = fields.Char(
        related="company_id.callback_asterisk_host", readonly=False, groups=ADMIN
    )
    callback_asterisk_port = fields.Integer(
        related="company_id.callback_asterisk_port", readonly=False, groups=ADMIN
    )
    callback_asterisk_user = fields.Char(
        related="company_id.callback_asterisk_user", readonly=False, groups=ADMIN
    )
    callback_asterisk_secret = fields.Char(
        related="company_id.callback_asterisk_secret", readonly=False, groups=ADMIN
    )
    callback_asterisk_channel = fields.Char(
        related="company_id.callback_asterisk_channel", readonly=False, groups=ADMIN
    )
    callback_asterisk_context = fields.Char(
        related="company_id.callback_asterisk_context", readonly=False, groups=ADMIN
    )
    callback_asterisk_push_secret = fields.Char(
        related="company_id.callback_asterisk_push_secret", readonly=False, groups=ADMIN
    )
