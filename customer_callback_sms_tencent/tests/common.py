# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json
import os

from odoo import fields
from odoo.tests import HttpCase

from odoo.addons.customer_callback_sms.tests.common import recent_slots

from .tencent_server import TencentSmsServer

SECRET_ID = "AKIDtestSecretId000000000000000000"
SECRET_KEY = "testSecretKeyOfTencentCloud00001"
APP_ID = "1400000001"
SIGN = "回访测试"
AFTER = "1100001"
FIXTURES = os.path.join(os.path.dirname(__file__), "fixtures")


def fixture(name):
    """A callback payload copied from Tencent Cloud's documentation."""
    with open(os.path.join(FIXTURES, name), encoding="utf-8") as handle:
        data = json.load(handle)
    assert data["source"].startswith("https://cloud.tencent.com/")
    return data["payload"]


class TencentCase(HttpCase):
    """A company sending through Tencent Cloud, the SDK pointed at a local
    server that answers (and checks signatures) as Tencent Cloud does."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = TencentSmsServer({SECRET_ID: SECRET_KEY}, APP_ID, {AFTER: 2}, {SIGN})
        cls.server.__enter__()
        cls.addClassCleanup(cls.server.__exit__, None, None, None)
        params = cls.env["ir.config_parameter"].sudo()
        params.set_param("customer_callback_sms_tencent.endpoint", cls.server.endpoint)
        params.set_param("customer_callback_sms_tencent.protocol", "http")
        cls.company = cls.env["res.company"].create({"name": "腾讯云短信测试公司"})
        cls.company.resource_calendar_id.tz = "Asia/Shanghai"
        cls.company.write(
            {
                "callback_sms_provider": "tencent",
                "callback_sms_sign_name": SIGN,
                "callback_sms_tencent_secret_id": SECRET_ID,
                "callback_sms_tencent_secret_key": SECRET_KEY,
                "callback_sms_tencent_app_id": APP_ID,
            }
        )
        cls.env["customer.callback.sms.template"].create(
            {
                "company_id": cls.company.id,
                "kind": "after_attempts",
                "template_code": AFTER,
                "params": "1=name\n2=link",
            }
        )
        cls.token = cls.company._callback_sms_token()
        cls.partner = cls.env["res.partner"].create(
            {
                "name": "赵磊",
                "phone": "+86 139 0013 9000",
                "tz": "Asia/Shanghai",
                "company_id": cls.company.id,
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
        self.env["sms.sms"].sudo().search([("state", "=", "outgoing")])._send(
            unlink_failed=False, unlink_sent=True, raise_exception=False
        )

    def push(self, kind, payload, token=None):
        self.env.flush_all()
        response = self.url_open(
            f"/customer_callback_sms/tencent/{kind}/{token or self.token}",
            data=json.dumps(payload, ensure_ascii=False).encode(),
            headers={"Content-Type": "application/json"},
        )
        self.env.invalidate_all()
        return response
