# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import os

from odoo.addons.customer_callback_sms.tests.common import SmsProviderCase, provider_fixture

from .tencent_server import TencentSmsServer

SECRET_ID = "AKIDtestSecretId000000000000000000"
SECRET_KEY = "testSecretKeyOfTencentCloud00001"
APP_ID = "1400000001"
SIGN = "回访测试"
AFTER = "1100001"
FIXTURES = os.path.join(os.path.dirname(__file__), "fixtures")


def fixture(name):
    """A callback payload copied from Tencent Cloud's documentation."""
    return provider_fixture(FIXTURES, name, "https://cloud.tencent.com/")


class TencentCase(SmsProviderCase):
    """A company sending through Tencent Cloud, the SDK pointed at a local
    server that answers (and checks signatures) as Tencent Cloud does."""

    PROVIDER = "tencent"
    COMPANY_NAME = "腾讯云短信测试公司"
    PARTNER_NAME = "赵磊"
    PARTNER_PHONE = "+86 139 0013 9000"

    @classmethod
    def make_server(cls):
        return TencentSmsServer({SECRET_ID: SECRET_KEY}, APP_ID, {AFTER: 2}, {SIGN})

    @classmethod
    def company_values(cls):
        return {
            "callback_sms_sign_name": SIGN,
            "callback_sms_tencent_secret_id": SECRET_ID,
            "callback_sms_tencent_secret_key": SECRET_KEY,
            "callback_sms_tencent_app_id": APP_ID,
        }

    @classmethod
    def template_values(cls):
        return [{"kind": "after_attempts", "template_code": AFTER, "params": "1=name\n2=link"}]
