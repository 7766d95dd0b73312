# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The endpoint Aliyun's HTTP batch push posts the call-status reports to.
Aliyun's push carries no signature of its own: the push address holds a
secret token (``?token=…``), compared in constant time with the company's.
The reports are queued and answered at once (``{"code": 0}``); a replayed
batch is answered and ignored."""

import hmac
import logging

from odoo import http
from odoo.http import request

_logger = logging.getLogger(__name__)


class AliyunPush(http.Controller):
    @http.route(
        "/customer_callback/telephony/aliyun/<int:company_id>",
        type="http",
        auth="public",
        methods=["POST"],
        csrf=False,
        save_session=False,
    )
    def aliyun_push(self, company_id, **kwargs):
        company = request.env["res.company"].sudo().browse(company_id).exists()
        expected = (company.callback_aliyun_push_token or "") if company else ""
        given = request.httprequest.args.get("token", "")
        if not (expected and hmac.compare_digest(given.encode(), expected.encode())):
            _logger.warning("Aliyun push refused: bad token (company %s)", company_id)
            return request.make_json_response({"code": 401, "msg": "unauthorized"}, status=401)
        try:
            status = (
                request.env["customer.callback.call.event"]
                .sudo()
                ._telephony_receive("aliyun", company, "report", request.httprequest.get_data())
            )
        except ValueError:
            return request.make_json_response({"code": 400, "msg": "invalid payload"}, status=400)
        return request.make_json_response({"code": 0, "msg": status})
