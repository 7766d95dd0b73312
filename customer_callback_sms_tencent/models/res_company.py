# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from ..tools.tencent_api import CHINA, DAILY_LIMIT, TencentSmsApi


class ResCompany(models.Model):
    _inherit = "res.company"

    callback_sms_provider = fields.Selection(
        selection_add=[("tencent", "Tencent Cloud SMS")], ondelete={"tencent": "set null"}
    )
    callback_sms_tencent_secret_id = fields.Char(
        string="Tencent SecretId", groups="base.group_system", copy=False
    )
    callback_sms_tencent_secret_key = fields.Char(
        string="Tencent SecretKey", groups="base.group_system", copy=False
    )
    callback_sms_tencent_app_id = fields.Char(
        string="Tencent SmsSdkAppId", groups="base.group_system", copy=False
    )
    callback_sms_tencent_region = fields.Char(
        string="Tencent region", default="ap-guangzhou", groups="base.group_system"
    )

    def _get_sms_api_class(self):
        self.ensure_one()
        if self.callback_sms_provider == "tencent":
            return TencentSmsApi
        return super()._get_sms_api_class()

    def _callback_sms_provider_daily_limit(self):
        self.ensure_one()
        if self.callback_sms_provider == "tencent":
            return DAILY_LIMIT
        return super()._callback_sms_provider_daily_limit()

    def _callback_sms_provider_day_zone(self):
        self.ensure_one()
        if self.callback_sms_provider == "tencent":
            return CHINA.zone
        return super()._callback_sms_provider_day_zone()
