# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from ..tools.aliyun_api import DAILY_LIMIT, AliyunSmsApi


class ResCompany(models.Model):
    _inherit = "res.company"

    callback_sms_provider = fields.Selection(
        selection_add=[("aliyun", "Aliyun SMS")], ondelete={"aliyun": "set null"}
    )
    callback_sms_aliyun_key_id = fields.Char(
        string="Aliyun SMS AccessKey ID", groups="base.group_system", copy=False
    )
    callback_sms_aliyun_key_secret = fields.Char(
        string="Aliyun SMS AccessKey secret", groups="base.group_system", copy=False
    )

    def _get_sms_api_class(self):
        self.ensure_one()
        if self.callback_sms_provider == "aliyun":
            return AliyunSmsApi
        return super()._get_sms_api_class()

    def _callback_sms_provider_daily_limit(self):
        self.ensure_one()
        if self.callback_sms_provider == "aliyun":
            return DAILY_LIMIT
        return super()._callback_sms_provider_daily_limit()
