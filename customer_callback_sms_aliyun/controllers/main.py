# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Aliyun SMS's HTTP batch push (HTTP批量推送模式), configured in the SMS
console with the addresses shown in the settings:

- SmsReport, delivery receipts: https://help.aliyun.com/zh/sms/developer-reference/smsreport-2
- SmsUp, customers' replies: https://help.aliyun.com/zh/sms/developer-reference/smsup-http

Both post a JSON array and expect ``{"code": 0, "msg": ...}`` with HTTP
200 (anything else is retried by Aliyun). Neither is signed: the token in
the address is the secret (customer_callback_sms.controllers.push)."""

import json
import logging

from odoo.http import Controller, request, route

from odoo.addons.customer_callback_sms.controllers.push import (
    PushError,
    company_for_token,
    json_body,
    text,
)

from ..tools.aliyun_api import parse_china_time

_logger = logging.getLogger(__name__)


def _answer(status=200, code=0, msg="接收成功"):
    return request.make_json_response({"code": code, "msg": msg}, status=status)


class AliyunSmsPush(Controller):
    @route(
        "/customer_callback_sms/aliyun/report/<string:token>",
        type="http",
        auth="public",
        methods=["POST"],
        csrf=False,
        save_session=False,
    )
    def aliyun_report(self, token, **_kwargs):
        try:
            company = company_for_token("aliyun", token)
            items = json_body()
        except PushError as error:
            return _answer(error.status, 1, str(error))
        receipts = []
        for item in items:
            biz_id = text(item, "biz_id", 100)
            if not biz_id:
                continue
            number, code = text(item, "phone_number", 40), text(item, "err_code", 100)
            report_time = text(item, "report_time", 40)
            receipts.append(
                {
                    "ref": biz_id,
                    "number": number,
                    "delivered": item.get("success") is True,
                    "code": code,
                    "reason": text(item, "err_msg", 500),
                    "date": parse_china_time(report_time),
                    "key": json.dumps([biz_id, number, code, report_time]),
                }
            )
        request.env["customer.callback.sms"].sudo().with_company(company)._callback_sms_receipts(
            "aliyun", receipts
        )
        return _answer()

    @route(
        "/customer_callback_sms/aliyun/up/<string:token>",
        type="http",
        auth="public",
        methods=["POST"],
        csrf=False,
        save_session=False,
    )
    def aliyun_up(self, token, **_kwargs):
        try:
            company = company_for_token("aliyun", token)
            items = json_body()
        except PushError as error:
            return _answer(error.status, 1, str(error))
        replies = []
        for item in items:
            number, content = text(item, "phone_number", 40), text(item, "content")
            send_time = text(item, "send_time", 40)
            sequence = text(item, "sequence_id", 40)
            if not number:
                continue
            replies.append(
                {
                    "number": number,
                    "text": content,
                    "date": parse_china_time(send_time),
                    "key": sequence or json.dumps([number, send_time, content]),
                }
            )
        request.env["customer.callback.sms"].sudo().with_company(company)._callback_sms_replies(
            "aliyun", company, replies
        )
        return _answer()
