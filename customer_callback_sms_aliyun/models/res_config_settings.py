# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
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
            urls = settings._callback_sms_push_urls("aliyun", ("report", "up"))
            settings.callback_sms_aliyun_report_url = urls.get("report", False)
            settings.callback_sms_aliyun_up_url = urls.get("up", False)
