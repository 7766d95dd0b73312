# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json
import os
from datetime import datetime

import pytz

from odoo import fields
from odoo.tests import HttpCase

from odoo.addons.customer_callback_sms.tests.common import recent_slots

from .aliyun_server import AliyunSmsServer

KEY_ID = "LTAI5tTestKeyId0001"
KEY_SECRET = "TestSecretOfTheAliyunAccessKey01"
SIGN = "回访测试"
AFTER = "SMS_460001"
SURVEY = "SMS_460002"
FIXTURES = os.path.join(os.path.dirname(__file__), "fixtures")


def fixture(name):
    """A push payload copied from Aliyun's documentation (its ``source``)."""
    with open(os.path.join(FIXTURES, name), encoding="utf-8") as handle:
        data = json.load(handle)
    assert data["source"].startswith("https://help.aliyun.com/")
    return data["payload"]


class AliyunCase(HttpCase):
    """A company sending through Aliyun, the SDK pointed at a local server
    that answers (and checks signatures) as Aliyun does."""

    @classmethod
    def _request_handler(cls, s, r, /, **kw):
        # Odoo's test guard on outgoing requests compares the timeout with a
        # number; the Aliyun SDK (darabonba) gives requests its documented
        # (connect, read) tuple
        if isinstance(kw.get("timeout"), tuple):
            kw["timeout"] = max(kw["timeout"])
        return super()._request_handler(s, r, **kw)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = AliyunSmsServer(
            {KEY_ID: KEY_SECRET},
            {AFTER: {"name", "link"}, SURVEY: {"name", "url"}},
            {SIGN},
        )
        cls.server.__enter__()
        cls.addClassCleanup(cls.server.__exit__, None, None, None)
        params = cls.env["ir.config_parameter"].sudo()
        params.set_param("customer_callback_sms_aliyun.endpoint", cls.server.endpoint)
        params.set_param("customer_callback_sms_aliyun.protocol", "http")
        cls.company = cls.env["res.company"].create({"name": "阿里云短信测试公司"})
        cls.company.resource_calendar_id.tz = "Asia/Shanghai"
        cls.company.write(
            {
                "callback_sms_provider": "aliyun",
                "callback_sms_sign_name": SIGN,
                "callback_sms_aliyun_key_id": KEY_ID,
                "callback_sms_aliyun_key_secret": KEY_SECRET,
            }
        )
        cls.env["customer.callback.sms.template"].create(
            [
                {
                    "company_id": cls.company.id,
                    "kind": "after_attempts",
                    "template_code": AFTER,
                    "params": "name=name\nlink=link",
                },
                {
                    "company_id": cls.company.id,
                    "kind": "survey",
                    "template_code": SURVEY,
                    "params": "name=name, url=url",
                },
            ]
        )
        cls.token = cls.company._callback_sms_token()
        cls.env.user.write({"company_ids": [(4, cls.company.id)]})
        cls.partner = cls.env["res.partner"].create(
            {
                "name": "李娜",
                "phone": "+86 138 0013 8000",
                "tz": "Asia/Shanghai",
                "company_id": cls.company.id,
            }
        )
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

    def setUp(self):
        super().setUp()
        # the server lives for the class: each test sees its own requests
        self.server.requests.clear()
        self.server.refused.clear()

    def make_callback(self, **values):
        vals = {
            "partner_id": self.partner.id,
            "company_id": self.company.id,
            "user_id": self.agent.id,
            "state": "planned",
            "planned_date": fields.Datetime.now(),
        }
        vals.update(values)
        return self.env["customer.callback"].create(vals)

    def fail_three_times(self, callback):
        Attempt = self.env["customer.callback.attempt"]
        for moment, result in zip(
            recent_slots(fields.Datetime.now()), ("no_answer", "busy", "switched_off"), strict=True
        ):
            Attempt.create({"callback_id": callback.id, "result": result, "attempt_date": moment})

    def send_queue(self):
        """Odoo's SMS queue, as its scheduled action sends it."""
        self.env["sms.sms"].sudo().search([("state", "=", "outgoing")])._send(
            unlink_failed=False, unlink_sent=True, raise_exception=False
        )

    def push(self, kind, payload, token=None, raw=None):
        self.env.flush_all()
        response = self.url_open(
            f"/customer_callback_sms/aliyun/{kind}/{token or self.token}",
            data=raw if raw is not None else json.dumps(payload, ensure_ascii=False).encode(),
            headers={"Content-Type": "application/json"},
        )
        self.env.invalidate_all()
        return response

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
