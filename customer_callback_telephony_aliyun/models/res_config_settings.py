# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

ADMIN = "base.group_system"


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    callback_aliyun_instance_id = fields.Char(
        related="company_id.callback_aliyun_instance_id", readonly=False, groups=ADMIN
    )
    callback_aliyun_access_key_id = fields.Char(
        related="company_id.callback_aliyun_access_key_id", readonly=False, groups=ADMIN
    )
    callback_aliyun_access_key_secret = fields.Char(
        related="company_id.callback_aliyun_access_key_secret", readonly=False, groups=ADMIN
    )
    callback_aliyun_endpoint = fields.Char(
        related="company_id.callback_aliyun_endpoint", readonly=False, groups=ADMIN
    )
    callback_aliyun_caller = fields.Char(
        related="company_id.callback_aliyun_caller", readonly=False, groups=ADMIN
    )
    callback_aliyun_push_token = fields.Char(
        related="company_id.callback_aliyun_push_token", readonly=False, groups=ADMIN
    )
