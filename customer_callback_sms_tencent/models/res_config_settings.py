# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    callback_sms_tencent_secret_id = fields.Char(
        related="company_id.callback_sms_tencent_secret_id", readonly=False
    )
    callback_sms_tencent_secret_key = fields.Char(
        related="company_id.callback_sms_tencent_secret_key", readonly=False
    )
    callback_sms_tencent_app_id = fields.Char(
        related="company_id.callback_sms_tencent_app_id", readonly=False
    )
    callback_sms_tencent_region = fields.Char(
        related="company_id.callback_sms_tencent_region", readonly=False
    )
    callback_sms_tencent_status_url = fields.Char(
        string="Status callback address", compute="_compute_callback_sms_tencent_urls"
    )
    callback_sms_tencent_reply_url = fields.Char(
        string="Reply callback address", compute="_compute_callback_sms_tencent_urls"
    )

    @api.depends("company_id", "callback_sms_provider")
    def _compute_callback_sms_tencent_urls(self):
        for settings in self:
            urls = settings._callback_sms_push_urls("tencent", ("status", "reply"))
            settings.callback_sms_tencent_status_url = urls.get("status", False)
            settings.callback_sms_tencent_reply_url = urls.get("reply", False)
