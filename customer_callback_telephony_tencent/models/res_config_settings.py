# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

ADMIN = "base.group_system"


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    callback_tencent_sdk_app_id = fields.Char(
        related="company_id.callback_tencent_sdk_app_id", readonly=False, groups=ADMIN
    )
    callback_tencent_secret_id = fields.Char(
        related="company_id.callback_tencent_secret_id", readonly=False, groups=ADMIN
    )
    callback_tencent_secret_key = fields.Char(
        related="company_id.callback_tencent_secret_key", readonly=False, groups=ADMIN
    )
    callback_tencent_endpoint = fields.Char(
        related="company_id.callback_tencent_endpoint", readonly=False, groups=ADMIN
    )
    callback_tencent_caller = fields.Char(
        related="company_id.callback_tencent_caller", readonly=False, groups=ADMIN
    )
    callback_tencent_push_user = fields.Char(
        related="company_id.callback_tencent_push_user", readonly=False, groups=ADMIN
    )
    callback_tencent_push_password = fields.Char(
        related="company_id.callback_tencent_push_password", readonly=False, groups=ADMIN
    )
