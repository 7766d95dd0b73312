# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Aliyun SMS (dysmsapi 2017-05-25) through its official SDK.

- SendSms: https://help.aliyun.com/zh/sms/developer-reference/api-dysmsapi-2017-05-25-sendsms
- QuerySendDetails (the scheduled query of receipts):
  https://help.aliyun.com/zh/sms/developer-reference/api-dysmsapi-2017-05-25-querysenddetails
- The provider's own limit (flow control, 流控): with one sign name and one
  template, at most 50 notification messages to one number within 24 hours
  (https://help.aliyun.com/document_detail/2881383.html); our per-customer
  quota must stay within it.

The endpoint is ``dysmsapi.aliyuncs.com`` over HTTPS; the system parameters
``customer_callback_sms_aliyun.endpoint`` and ``..._aliyun.protocol``
change it (the tests point the SDK at a local server that checks the
request's ACS3-HMAC-SHA256 signature as Aliyun does).
"""

import json
from datetime import datetime

import pytz

from odoo.addons.customer_callback_sms.tools.sms_api import CallbackSmsApi, ProviderError

DAILY_LIMIT = 50
DEFAULT_ENDPOINT = "dysmsapi.aliyuncs.com"
CHINA = pytz.timezone("Asia/Shanghai")
# QuerySendDetails' SendStatus: 1 waiting for the receipt, 2 failed, 3 delivered
DELIVERED, FAILED = 3, 2


def local_number(number):
    """Aliyun wants mainland numbers without +86 (others with their
    country code, without +)."""
    digits = "".join(ch for ch in number or "" if ch.isdigit())
    if digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    return digits


def parse_china_time(text):
    """'2017-01-01 00:00:00' (Beijing time) as a naive UTC datetime, or None."""
    try:
        moment = datetime.strptime((text or "").strip(), "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    return CHINA.localize(moment).astimezone(pytz.utc).replace(tzinfo=None)


class AliyunSmsApi(CallbackSmsApi):
    PROVIDER = "aliyun"

    def _client(self):
        # imported here: the addon's manifest declares the dependency, the
        # registry loads without the SDK only when the addon is not installed
        from alibabacloud_dysmsapi20170525.client import Client
        from alibabacloud_tea_openapi import models as open_api_models

        company = (self.company or self.env.company).sudo()
        if not company.callback_sms_aliyun_key_id or not company.callback_sms_aliyun_key_secret:
            raise ProviderError(
                "config", self.env._("The Aliyun AccessKey is not set in the settings.")
            )
        params = self.env["ir.config_parameter"].sudo()
        config = open_api_models.Config(
            access_key_id=company.callback_sms_aliyun_key_id,
            access_key_secret=company.callback_sms_aliyun_key_secret,
            endpoint=params.get_param("customer_callback_sms_aliyun.endpoint") or DEFAULT_ENDPOINT,
            protocol=params.get_param("customer_callback_sms_aliyun.protocol") or "https",
            read_timeout=10000,
            connect_timeout=5000,
        )
        return Client(config)

    def _runtime(self):
        from alibabacloud_tea_util import models as util_models

        return util_models.RuntimeOptions(autoretry=False)

    def _send_one(self, line, number):
        from alibabacloud_dysmsapi20170525 import models as sms_models

        client = self._client()
        request = sms_models.SendSmsRequest(
            phone_numbers=local_number(number),
            sign_name=line.sign_name or "",
            template_code=line.template_code or "",
            template_param=line.template_params or "{}",
            out_id=str(line.id),
        )
        try:
            response = client.send_sms_with_options(request, self._runtime())
        except Exception as error:
            raise ProviderError(
                getattr(error, "code", None) or error.__class__.__name__,
                getattr(error, "message", None) or str(error),
            ) from error
        body = response.body
        if body.code != "OK":
            raise ProviderError(body.code or "unknown", body.message or "")
        return body.biz_id

    def _query_receipts(self, lines):
        from alibabacloud_dysmsapi20170525 import models as sms_models

        client = self._client()
        receipts = []
        for line in lines:
            sent_day = line.sent_date.replace(tzinfo=pytz.utc).astimezone(CHINA)
            request = sms_models.QuerySendDetailsRequest(
                phone_number=local_number(line.number),
                biz_id=line.provider_ref,
                send_date=f"{sent_day:%Y%m%d}",
                page_size=10,
                current_page=1,
            )
            body = client.query_send_details_with_options(request, self._runtime()).body
            if body.code != "OK" or not body.sms_send_detail_dtos:
                continue
            for detail in body.sms_send_detail_dtos.sms_send_detail_dto or []:
                if detail.send_status not in (DELIVERED, FAILED):
                    continue
                receipts.append(
                    {
                        "ref": line.provider_ref,
                        "number": detail.phone_num,
                        "delivered": detail.send_status == DELIVERED,
                        "code": detail.err_code,
                        "reason": detail.err_code,
                        "date": parse_china_time(detail.receive_date),
                        "key": json.dumps(
                            [
                                line.provider_ref,
                                detail.phone_num,
                                detail.err_code,
                                detail.receive_date,
                            ]
                        ),
                    }
                )
        return receipts
