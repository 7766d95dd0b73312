# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from werkzeug.urls import url_join

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
            company = settings.company_id
            if settings.callback_sms_provider != "tencent" or not self.env.user.has_group(
                "base.group_system"
            ):
                settings.callback_sms_tencent_status_url = False
                settings.callback_sms_tencent_reply_url = False
                continue
            base = url_join(company.get_base_url(), "/customer_callback_sms/tencent/")
            token = company._callback_sms_token()
            settings.callback_sms_tencent_status_url = url_join(base, f"status/{token}")
            settings.callback_sms_tencent_reply_url = url_join(base, f"reply/{token}")
