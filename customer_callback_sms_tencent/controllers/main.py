# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Tencent Cloud SMS's callbacks (事件回调配置), configured in the SMS
console with the addresses shown in the settings:

- status callback (短信下发状态通知), a JSON array:
  https://cloud.tencent.com/document/product/382/5807
- reply callback (短信回复), one JSON object:
  https://cloud.tencent.com/document/product/382/5809

Both expect ``{"result": 0, "errmsg": "OK"}``. Neither is signed: the token
in the address is the secret (customer_callback_sms.controllers.push)."""

import json

from odoo.http import Controller, request, route

from odoo.addons.customer_callback_sms.controllers.push import (
    PushError,
    company_for_token,
    json_body,
    text,
)

from ..tools.tencent_api import parse_china_time, parse_unix


def _answer(status=200, result=0, errmsg="OK"):
    return request.make_json_response({"result": result, "errmsg": errmsg}, status=status)


class TencentSmsPush(Controller):
    @route(
        "/customer_callback_sms/tencent/status/<string:token>",
        type="http",
        auth="public",
        methods=["POST"],
        csrf=False,
        save_session=False,
    )
    def tencent_status(self, token, **_kwargs):
        try:
            company = company_for_token("tencent", token)
            items = json_body()
        except PushError as error:
            return _answer(error.status, 1, str(error))
        receipts = []
        for item in items:
            sid = text(item, "sid", 100)
            if not sid:
                continue
            number = text(item, "nationcode", 8) + text(item, "mobile", 40)
            status, errmsg = text(item, "report_status", 20), text(item, "errmsg", 100)
            received = text(item, "user_receive_time", 40)
            receipts.append(
                {
                    "ref": sid,
                    "number": number,
                    "delivered": status == "SUCCESS",
                    "code": errmsg,
                    "reason": text(item, "description", 500),
                    "date": parse_china_time(received),
                    "key": json.dumps([sid, number, status, errmsg, received]),
                }
            )
        request.env["customer.callback.sms"].sudo().with_company(company)._callback_sms_receipts(
            "tencent", receipts
        )
        return _answer()

    @route(
        "/customer_callback_sms/tencent/reply/<string:token>",
        type="http",
        auth="public",
        methods=["POST"],
        csrf=False,
        save_session=False,
    )
    def tencent_reply(self, token, **_kwargs):
        try:
            company = company_for_token("tencent", token)
            items = json_body(array=False)
        except PushError as error:
            return _answer(error.status, 1, str(error))
        replies = []
        for item in items:
            number = text(item, "nationcode", 8) + text(item, "mobile", 40)
            content, moment = text(item, "text"), text(item, "time", 20)
            if not text(item, "mobile", 40):
                continue
            replies.append(
                {
                    "number": number,
                    "text": content,
                    "date": parse_unix(moment),
                    "key": json.dumps([number, moment, content]),
                }
            )
        request.env["customer.callback.sms"].sudo().with_company(company)._callback_sms_replies(
            "tencent", company, replies
        )
        return _answer()
