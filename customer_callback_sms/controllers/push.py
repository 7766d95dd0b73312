# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the providers' push endpoints share (no route here: each provider
addon has its own).

Neither Aliyun's HTTP batch push nor Tencent Cloud's callbacks are signed
(their documentation describes no signature): the secret is the push
address itself. Each company has its own random token in the address it
gives the provider; a push without a known token is refused (403)."""

import hmac
import json
import logging
import re

from odoo.http import request

_logger = logging.getLogger(__name__)

MAX_BODY = 1024 * 1024
MAX_ITEMS = 1000
TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


class PushError(Exception):
    """The push is refused: ``status`` is the HTTP status to answer."""

    def __init__(self, status, reason):
        super().__init__(reason)
        self.status = status


def company_for_token(provider, token):
    """The company (sudo) whose push token is ``token`` and whose provider
    is ``provider``; raises PushError(403) otherwise."""
    if not token or not TOKEN.match(token):
        raise PushError(403, "bad token")
    companies = (
        request.env["res.company"]
        .sudo()
        .search(
            [("callback_sms_provider", "=", provider), ("callback_sms_push_token", "!=", False)]
        )
    )
    for company in companies:
        if hmac.compare_digest(company.callback_sms_push_token.encode(), token.encode()):
            return company
    _logger.warning("%s SMS push with an unknown token refused", provider)
    raise PushError(403, "unknown token")


def json_body(array=True):
    """The request's JSON body (a list of objects when ``array``, else one
    object, returned as a list of one); raises PushError(400)."""
    http_request = request.httprequest
    if (http_request.content_length or 0) > MAX_BODY:
        raise PushError(413, "too large")
    data = http_request.get_data(cache=False)
    if len(data) > MAX_BODY:
        raise PushError(413, "too large")
    try:
        payload = json.loads(data or b"null")
    except ValueError as error:
        raise PushError(400, "not JSON") from error
    items = payload if array else [payload]
    if not isinstance(items, list) or len(items) > MAX_ITEMS:
        raise PushError(400, "not a JSON array")
    if not all(isinstance(item, dict) for item in items):
        raise PushError(400, "not JSON objects")
    return items


def text(item, key, limit=1000):
    """A field of a pushed item as a bounded string ('' when missing)."""
    value = item.get(key)
    if value is None or isinstance(value, (dict, list)):
        return ""
    return str(value)[:limit]
