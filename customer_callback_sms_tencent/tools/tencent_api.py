# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Tencent Cloud SMS (API 2021-01-11) through its official SDK.

- SendSms: https://cloud.tencent.com/document/api/382/55981
- PullSmsSendStatus (the scheduled query of receipts):
  https://cloud.tencent.com/document/api/382/55982
- The provider's own limit (默认频率限制): at most 10 messages to one number
  in a calendar day, one with the same content within 30 seconds
  (https://cloud.tencent.com/developer/techpedia/1295/8938; an enterprise
  account may change it in the console); our per-customer quota must stay
  within it.

The endpoint is ``sms.tencentcloudapi.com`` over HTTPS; the system
parameters ``customer_callback_sms_tencent.endpoint`` and
``..._tencent.protocol`` change it (the tests point the SDK at a local
server that checks the TC3-HMAC-SHA256 signature as Tencent Cloud does).
"""

import json
from datetime import datetime

import pytz

from odoo.addons.customer_callback_sms.tools.sms_api import CallbackSmsApi, ProviderError

DAILY_LIMIT = 10
DEFAULT_ENDPOINT = "sms.tencentcloudapi.com"
CHINA = pytz.timezone("Asia/Shanghai")


def e164(number):
    """+86... for a mainland number written without country code."""
    digits = "".join(ch for ch in number or "" if ch.isdigit())
    if (number or "").strip().startswith("+"):
        return f"+{digits}"
    if digits.startswith("00"):
        return f"+{digits[2:]}"
    if len(digits) == 11 and digits.startswith("1"):
        return f"+86{digits}"
    return f"+{digits}"


def parse_china_time(text):
    """'2015-10-17 08:03:04' (Beijing time) as a naive UTC datetime, or None."""
    try:
        moment = datetime.strptime((text or "").strip(), "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    return CHINA.localize(moment).astimezone(pytz.utc).replace(tzinfo=None)


def parse_unix(value):
    try:
        return datetime.fromtimestamp(int(value), pytz.utc).replace(tzinfo=None)
    except (TypeError, ValueError, OverflowError, OSError):
        return None


class TencentSmsApi(CallbackSmsApi):
    PROVIDER = "tencent"

    def _client(self):
        # imported here: the registry loads without the SDK when the addon
        # is not installed
        from tencentcloud.common import credential
        from tencentcloud.common.profile.client_profile import ClientProfile
        from tencentcloud.common.profile.http_profile import HttpProfile
        from tencentcloud.sms.v20210111 import sms_client

        company = (self.company or self.env.company).sudo()
        if not (
            company.callback_sms_tencent_secret_id
            and company.callback_sms_tencent_secret_key
            and company.callback_sms_tencent_app_id
        ):
            raise ProviderError(
                "config",
                self.env._("The Tencent Cloud SecretId, SecretKey or SmsSdkAppId is not set."),
            )
        params = self.env["ir.config_parameter"].sudo()
        http_profile = HttpProfile(
            protocol=params.get_param("customer_callback_sms_tencent.protocol") or "https",
            endpoint=params.get_param("customer_callback_sms_tencent.endpoint") or DEFAULT_ENDPOINT,
            reqTimeout=10,
        )
        cred = credential.Credential(
            company.callback_sms_tencent_secret_id, company.callback_sms_tencent_secret_key
        )
        return sms_client.SmsClient(
            cred,
            company.callback_sms_tencent_region or "ap-guangzhou",
            ClientProfile(httpProfile=http_profile),
        )

    def _send_one(self, line, number):
        from tencentcloud.sms.v20210111 import models as sms_models

        client = self._client()
        company = (self.company or self.env.company).sudo()
        request = sms_models.SendSmsRequest()
        request.PhoneNumberSet = [e164(number)]
        request.SmsSdkAppId = company.callback_sms_tencent_app_id
        request.SignName = line.sign_name or ""
        request.TemplateId = line.template_code or ""
        # Tencent's variables are numbered: the values in the template's order
        request.TemplateParamSet = list(json.loads(line.template_params or "{}").values())
        request.SessionContext = str(line.id)
        try:
            response = client.SendSms(request)
        except Exception as error:
            raise ProviderError(
                getattr(error, "code", None) or error.__class__.__name__,
                getattr(error, "message", None) or str(error),
            ) from error
        status = (response.SendStatusSet or [None])[0]
        if status is None:
            raise ProviderError("unknown", "no SendStatus")
        if status.Code != "Ok":
            raise ProviderError(status.Code or "unknown", status.Message or "")
        return status.SerialNo

    def _query_receipts(self, lines):
        """Tencent gives the statuses not pulled yet of the whole app (not
        per message): the ones of other messages are ignored."""
        from tencentcloud.sms.v20210111 import models as sms_models

        client = self._client()
        company = (self.company or self.env.company).sudo()
        request = sms_models.PullSmsSendStatusRequest()
        request.Limit = 100
        request.SmsSdkAppId = company.callback_sms_tencent_app_id
        response = client.PullSmsSendStatus(request)
        receipts = []
        for status in response.PullSmsSendStatusSet or []:
            receipts.append(
                {
                    "ref": status.SerialNo,
                    "number": status.PhoneNumber or status.SubscriberNumber,
                    "delivered": status.ReportStatus == "SUCCESS",
                    "code": status.Description if status.ReportStatus != "SUCCESS" else "DELIVRD",
                    "reason": status.Description,
                    "date": parse_unix(status.UserReceiveTime),
                    "key": json.dumps(
                        [
                            status.SerialNo,
                            status.PhoneNumber,
                            status.ReportStatus,
                            status.UserReceiveTime,
                        ]
                    ),
                }
            )
        return receipts
