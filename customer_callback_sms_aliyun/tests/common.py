# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import os
from datetime import datetime

import pytz

from odoo.addons.customer_callback_sms.tests.common import SmsProviderCase, provider_fixture

from .aliyun_server import AliyunSmsServer

KEY_ID = "LTAI5tTestKeyId0001"
KEY_SECRET = "TestSecretOfTheAliyunAccessKey01"
SIGN = "回访测试"
AFTER = "SMS_460001"
SURVEY = "SMS_460002"
FIXTURES = os.path.join(os.path.dirname(__file__), "fixtures")


def fixture(name):
    """A push payload copied from Aliyun's documentation (its ``source``)."""
    return provider_fixture(FIXTURES, name, "https://help.aliyun.com/")


class AliyunCase(SmsProviderCase):
    """A company sending through Aliyun, the SDK pointed at a local server
    that answers (and checks signatures) as Aliyun does."""

    PROVIDER = "aliyun"
    COMPANY_NAME = "阿里云短信测试公司"
    PARTNER_NAME = "李娜"
    PARTNER_PHONE = "+86 138 0013 8000"

    @classmethod
    def _request_handler(cls, s, r, /, **kw):
        # Odoo's test guard on outgoing requests compares the timeout with a
        # number; the Aliyun SDK (darabonba) gives requests its documented
        # (connect, read) tuple
        if isinstance(kw.get("timeout"), tuple):
            kw["timeout"] = max(kw["timeout"])
        return super()._request_handler(s, r, **kw)

    @classmethod
    def make_server(cls):
        return AliyunSmsServer(
            {KEY_ID: KEY_SECRET},
            {AFTER: {"name", "link"}, SURVEY: {"name", "url"}},
            {SIGN},
        )

    @classmethod
    def company_values(cls):
        return {
            "callback_sms_sign_name": SIGN,
            "callback_sms_aliyun_key_id": KEY_ID,
            "callback_sms_aliyun_key_secret": KEY_SECRET,
        }

    @classmethod
    def template_values(cls):
        return [
            {"kind": "after_attempts", "template_code": AFTER, "params": "name=name\nlink=link"},
            {"kind": "survey", "template_code": SURVEY, "params": "name=name, url=url"},
        ]

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.write({"company_ids": [(4, cls.company.id)]})
        cls.agent = cls.env["res.users"].create(
            {
                "name": "客服专员 王芳",
                "login": "aliyun_agent",
                "company_id": cls.company.id,
                "company_ids": [(6, 0, cls.company.ids)],
                "group_ids": [
                    (4, cls.env.ref("customer_callback.customer_callback_group_agent").id)
                ],
            }
        )
        cls.callback_user = cls.agent

    def receipt_payload(self, line, success=True, code="DELIVERED", msg="用户接收成功"):
        """The documented SmsReport example, about ``line``."""
        payload = fixture("smsreport.json")
        payload[0].update(
            phone_number="13800138000",
            biz_id=line.provider_ref,
            success=success,
            err_code=code,
            err_msg=msg,
            report_time=f"{datetime.now(pytz.timezone('Asia/Shanghai')):%Y-%m-%d %H:%M:%S}",
        )
        return payload
