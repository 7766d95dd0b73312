# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The public endpoint Tencent Cloud CCC pushes its data to.

Tencent's data push authenticates with basicAuth (or OAuth2 client
credentials, not supported here): the user and password are checked in
constant time against the company's; the push is stored in the suite's
push queue and answered at once (``{"ErrCode": 0}``); the queue's
scheduled action turns it into a call record later. A replayed push is
answered like the first and changes nothing."""

import base64
import binascii
import hmac
import logging

from odoo import http
from odoo.http import request

_logger = logging.getLogger(__name__)

KINDS = ("cdr", "record")


def _credentials(header):
    """(user, password) of a Basic Authorization header, or None."""
    if not header or not header.startswith("Basic "):
        return None
    try:
        user, _sep, password = base64.b64decode(header[6:], validate=True).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return None
    return user, password


class TencentCccPush(http.Controller):
    @http.route(
        "/customer_callback/telephony/tencent/<int:company_id>",
        type="http",
        auth="public",
        methods=["POST"],
        csrf=False,
        save_session=False,
    )
    def tencent_push(self, company_id, **kwargs):
        kind = request.httprequest.args.get("action")
        company = request.env["res.company"].sudo().browse(company_id).exists()
        given = _credentials(request.httprequest.headers.get("Authorization"))
        expected = (
            (company.callback_tencent_push_user or "", company.callback_tencent_push_password or "")
            if company
            else ("", "")
        )
        # every comparison is made, whatever fails first (no timing hint)
        valid = bool(given and expected[0] and expected[1])
        valid &= hmac.compare_digest((given or ("", ""))[0].encode(), expected[0].encode())
        valid &= hmac.compare_digest((given or ("", ""))[1].encode(), expected[1].encode())
        if not valid:
            _logger.warning("Tencent CCC push refused: bad credentials (company %s)", company_id)
            return request.make_json_response(
                {"ErrCode": 401, "ErrMsg": "unauthorized"}, status=401
            )
        if kind not in KINDS:
            # voicemail and on-line sessions are not calls of a callback
            return request.make_json_response({"ErrCode": 0, "ErrMsg": "ignored"})
        try:
            status = (
                request.env["customer.callback.call.event"]
                .sudo()
                ._telephony_receive("tencent_ccc", company, kind, request.httprequest.get_data())
            )
        except ValueError:
            return request.make_json_response(
                {"ErrCode": 400, "ErrMsg": "invalid payload"}, status=400
            )
        return request.make_json_response({"ErrCode": 0, "ErrMsg": status})
