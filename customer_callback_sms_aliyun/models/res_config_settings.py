# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from werkzeug.urls import url_join

from odoo import api, fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    callback_sms_aliyun_key_id = fields.Char(
        related="company_id.callback_sms_aliyun_key_id", readonly=False
    )
    callback_sms_aliyun_key_secret = fields.Char(
        related="company_id.callback_sms_aliyun_key_secret", readonly=False
    )
    callback_sms_aliyun_report_url = fields.Char(
        string="Receipt push address", compute="_compute_callback_sms_aliyun_urls"
    )
    callback_sms_aliyun_up_url = fields.Char(
        string="Reply push address", compute="_compute_callback_sms_aliyun_urls"
    )

    @api.depends("company_id", "callback_sms_provider")
    def _compute_callback_sms_aliyun_urls(self):
        for settings in self:
            company = settings.company_id
            if settings.callback_sms_provider != "aliyun" or not self.env.user.has_group(
                "base.group_system"
            ):
                settings.callback_sms_aliyun_report_url = False
                settings.callback_sms_aliyun_up_url = False
                continue
            base = url_join(company.get_base_url(), "/customer_callback_sms/aliyun/")
            token = company._callback_sms_token()
            settings.callback_sms_aliyun_report_url = url_join(base, f"report/{token}")
            settings.callback_sms_aliyun_up_url = url_join(base, f"up/{token}")
