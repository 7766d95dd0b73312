# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The endpoint the AMI listener forwards Asterisk's call events to: the
HMAC-SHA256 signature (``X-Callback-Signature: t=<unix>,v1=<hex>``) is
checked with the company's listener secret, within 5 minutes of its time;
the event is queued and answered at once."""

import logging
import time

from odoo import http
from odoo.http import request

from ..tools import ami

_logger = logging.getLogger(__name__)


class AsteriskPush(http.Controller):
    @http.route(
        "/customer_callback/telephony/asterisk/<int:company_id>",
        type="http",
        auth="public",
        methods=["POST"],
        csrf=False,
        save_session=False,
    )
    def asterisk_push(self, company_id, **kwargs):
        company = request.env["res.company"].sudo().browse(company_id).exists()
        body = request.httprequest.get_data()
        secret = company.callback_asterisk_push_secret if company else ""
        if not ami.verify(
            secret, request.httprequest.headers.get("X-Callback-Signature"), body, time.time()
        ):
            _logger.warning("AMI event refused: bad signature (company %s)", company_id)
            return request.make_json_response({"error": "unauthorized"}, status=401)
        try:
            status = (
                request.env["customer.callback.call.event"]
                .sudo()
                ._telephony_receive("asterisk", company, "ami", body)
            )
        except ValueError:
            return request.make_json_response({"error": "invalid payload"}, status=400)
        return request.make_json_response({"status": status})
