# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A local HTTP server that answers as Aliyun's SMS API (dysmsapi
2017-05-25) does, for the official SDK pointed at it.

Each request's signature is checked as Aliyun checks it, from its
documentation of the V3 signature (ACS3-HMAC-SHA256,
https://help.aliyun.com/zh/sdk/product-overview/v3-request-structure-and-signature):
the canonical request (method, URI, sorted RFC 3986-encoded query, the
signed headers, the SHA-256 of the body, which must equal
x-acs-content-sha256), its SHA-256 signed with HMAC-SHA256 and the
AccessKey secret; a date more than 15 minutes off or a nonce used twice is
refused too. Answers follow the API reference (SendSms, QuerySendDetails)
and its error codes."""

import hashlib
import hmac
import json
import uuid
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qsl, quote, urlsplit

from odoo.addons.customer_callback.tests.fake_http import SignedApiServer


def _canonical_query(raw):
    pairs = parse_qsl(raw, keep_blank_values=True)
    encoded = sorted((quote(k, safe="~"), quote(v, safe="~")) for k, v in pairs)
    return "&".join(f"{k}={v}" for k, v in encoded)


class AliyunSmsServer(SignedApiServer):
    def __init__(self, keys, templates, sign_names):
        super().__init__()
        self.keys = dict(keys)
        self.templates = dict(templates)  # code: set of variables
        self.sign_names = set(sign_names)
        # requests: (action, params) of accepted requests; refused: (code, message)
        self.details = {}  # biz id: (send status, err code, receive date)
        self.nonces = set()

    def _reply(self, handler, status, payload):
        self.reply(handler, status, payload, "application/json;charset=utf-8")

    def refuse(self, handler, status, code, message):
        self.record((code, message), refused=True)
        self._reply(
            handler,
            status,
            {
                "RequestId": str(uuid.uuid4()).upper(),
                "HostId": "dysmsapi.aliyuncs.com",
                "Code": code,
                "Message": message,
            },
        )

    def check_signature(self, handler, body):
        """None when the request is signed as Aliyun wants, else (status, code, message)."""
        headers = {k.lower(): v for k, v in handler.headers.items()}
        auth = headers.get("authorization", "")
        algorithm, _sep, rest = auth.partition(" ")
        if algorithm != "ACS3-HMAC-SHA256":
            return (
                400,
                "IncompleteSignature",
                "The request signature does not conform to Aliyun standards.",
            )
        parts = dict(part.split("=", 1) for part in rest.split(",") if "=" in part)
        key_id = parts.get("Credential")
        if key_id not in self.keys:
            return 404, "InvalidAccessKeyId.NotFound", "Specified access key is not found."
        signed = parts.get("SignedHeaders", "").split(";")
        if "host" not in signed or any(h.startswith("x-acs-") and h not in signed for h in headers):
            return 400, "IncompleteSignature", "The signed headers are incomplete."
        payload_hash = hashlib.sha256(body).hexdigest()
        if headers.get("x-acs-content-sha256") != payload_hash:
            return 400, "SignatureDoesNotMatch", "The content hash does not match the body."
        try:
            moment = datetime.strptime(headers.get("x-acs-date", ""), "%Y-%m-%dT%H:%M:%SZ")
        except ValueError:
            return 400, "MissingTimestamp", "x-acs-date is mandatory for this action."
        if abs(datetime.now(UTC).replace(tzinfo=None) - moment) > timedelta(minutes=15):
            return 400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired."
        nonce = headers.get("x-acs-signature-nonce")
        with self.lock:
            if not nonce or nonce in self.nonces:
                return 400, "SignatureNonceUsed", "Specified signature nonce was used already."
            self.nonces.add(nonce)
        split = urlsplit(handler.path)
        canonical_headers = "".join(f"{h}:{headers.get(h, '').strip()}\n" for h in signed)
        canonical_request = "\n".join(
            [
                handler.command,
                split.path or "/",
                _canonical_query(split.query),
                canonical_headers,
                ";".join(signed),
                payload_hash,
            ]
        )
        string_to_sign = (
            "ACS3-HMAC-SHA256\n" + hashlib.sha256(canonical_request.encode()).hexdigest()
        )
        expected = hmac.new(
            self.keys[key_id].encode(), string_to_sign.encode(), hashlib.sha256
        ).hexdigest()
        if not hmac.compare_digest(expected, parts.get("Signature", "")):
            return (
                400,
                "SignatureDoesNotMatch",
                "Specified signature does not match our calculation.",
            )
        return None

    def parse(self, handler, body):
        return handler.headers.get("x-acs-action"), self.form_params(handler, body)

    def answer(self, handler, action, params):
        request_id = str(uuid.uuid4()).upper()
        if action == "SendSms":
            self._send_sms(handler, params, request_id)
        elif action == "QuerySendDetails":
            self._query(handler, params, request_id)
        else:
            self.refuse(handler, 404, "InvalidAction.NotFound", "Specified api is not found.")

    def _send_sms(self, handler, params, request_id):
        if params.get("SignName") not in self.sign_names:
            answer = {"Code": "isv.SMS_SIGNATURE_ILLEGAL", "Message": "该账号下找不到对应签名"}
        elif params.get("TemplateCode") not in self.templates:
            answer = {"Code": "isv.SMS_TEMPLATE_ILLEGAL", "Message": "该账号下找不到对应模板"}
        else:
            try:
                values = json.loads(params.get("TemplateParam") or "{}")
            except ValueError:
                values = None
            if (
                not isinstance(values, dict)
                or set(values) != self.templates[params["TemplateCode"]]
            ):
                answer = {
                    "Code": "isv.INVALID_JSON_PARAM",
                    "Message": "JSON参数不合法，只接受字符串值",
                }
            elif not params.get("PhoneNumbers", "").isdigit():
                answer = {"Code": "isv.MOBILE_NUMBER_ILLEGAL", "Message": "非法手机号"}
            else:
                biz_id = f"{len(self.requests):06d}{uuid.uuid4().int % 10**10:010d}^0"
                answer = {"Code": "OK", "Message": "OK", "BizId": biz_id}
        answer["RequestId"] = request_id
        self._reply(handler, 200, answer)

    def _query(self, handler, params, request_id):
        status, err_code, received = self.details.get(params.get("BizId"), (1, "", ""))
        self._reply(
            handler,
            200,
            {
                "Code": "OK",
                "Message": "OK",
                "RequestId": request_id,
                "TotalCount": 1,
                "SmsSendDetailDTOs": {
                    "SmsSendDetailDTO": [
                        {
                            "PhoneNum": params.get("PhoneNumber"),
                            "SendStatus": status,
                            "ErrCode": err_code,
                            "TemplateCode": "",
                            "Content": "",
                            "SendDate": "",
                            "ReceiveDate": received,
                            "OutId": "",
                        }
                    ]
                },
            },
        )
