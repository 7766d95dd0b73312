# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A local HTTP server that answers as Tencent Cloud's SMS API (2021-01-11)
does, for the official SDK pointed at it.

Each request's signature is checked as Tencent Cloud checks it, from its
documentation of signature v3 (TC3-HMAC-SHA256,
https://cloud.tencent.com/document/api/382/52072): the canonical request
(method, URI, query, the signed headers content-type and host, the
SHA-256 of the body), the string to sign (algorithm, X-TC-Timestamp,
credential scope date/service/tc3_request, the canonical request's
SHA-256), signed with the key derived from "TC3" + SecretKey, the date,
the service and "tc3_request"; a timestamp more than 5 minutes off is
refused. Answers follow the API reference (SendSms, PullSmsSendStatus)
and its error codes, errors with HTTP 200 as Tencent Cloud answers them."""

import hashlib
import hmac
import json
import time
import uuid
from datetime import UTC, datetime

from odoo.addons.customer_callback.tests.fake_http import SignedApiServer


def _hmac(key, msg):
    return hmac.new(key, msg.encode(), hashlib.sha256).digest()


class TencentSmsServer(SignedApiServer):
    METHODS = ("POST",)

    def __init__(self, keys, app_id, templates, sign_names):
        super().__init__()
        self.keys = dict(keys)
        self.app_id = app_id
        self.templates = dict(templates)  # id: number of variables
        self.sign_names = set(sign_names)
        self.statuses = []  # PullSmsSendStatusSet items to hand out once

    def _reply(self, handler, payload):
        self.reply(handler, 200, {"Response": payload})

    def refuse(self, handler, code, message):
        self.record((code, message), refused=True)
        self._reply(
            handler,
            {"Error": {"Code": code, "Message": message}, "RequestId": str(uuid.uuid4())},
        )

    def check_signature(self, handler, body):
        headers = {k.lower(): v for k, v in handler.headers.items()}
        auth = headers.get("authorization", "")
        algorithm, _sep, rest = auth.partition(" ")
        if algorithm != "TC3-HMAC-SHA256":
            return (
                "AuthFailure.SignatureFailure",
                "The provided credentials could not be validated.",
            )
        parts = dict(part.strip().split("=", 1) for part in rest.split(",") if "=" in part)
        try:
            secret_id, date, service, terminator = parts.get("Credential", "").split("/")
        except ValueError:
            return "AuthFailure.SignatureFailure", "Credential is malformed."
        if secret_id not in self.keys:
            return "AuthFailure.SecretIdNotFound", "The SecretId is not found."
        if service != "sms" or terminator != "tc3_request":
            return "AuthFailure.SignatureFailure", "The credential scope is wrong."
        try:
            timestamp = int(headers.get("x-tc-timestamp", ""))
        except ValueError:
            return "AuthFailure.SignatureFailure", "X-TC-Timestamp is missing."
        if abs(time.time() - timestamp) > 300:
            return "AuthFailure.SignatureExpire", "Signature expire."
        if datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%d") != date:
            return "AuthFailure.SignatureFailure", "The date does not match the timestamp."
        signed = parts.get("SignedHeaders", "").split(";")
        if "content-type" not in signed or "host" not in signed:
            return "AuthFailure.SignatureFailure", "content-type and host must be signed."
        canonical_headers = "".join(f"{h}:{headers.get(h, '').strip().lower()}\n" for h in signed)
        canonical_request = "\n".join(
            [
                handler.command,
                handler.path.split("?")[0] or "/",
                handler.path.split("?")[1] if "?" in handler.path else "",
                canonical_headers,
                ";".join(signed),
                hashlib.sha256(body).hexdigest(),
            ]
        )
        string_to_sign = "\n".join(
            [
                "TC3-HMAC-SHA256",
                str(timestamp),
                f"{date}/{service}/tc3_request",
                hashlib.sha256(canonical_request.encode()).hexdigest(),
            ]
        )
        key = _hmac(("TC3" + self.keys[secret_id]).encode(), date)
        key = _hmac(key, service)
        key = _hmac(key, "tc3_request")
        expected = hmac.new(key, string_to_sign.encode(), hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, parts.get("Signature", "")):
            return (
                "AuthFailure.SignatureFailure",
                "The provided credentials could not be validated.",
            )
        return None

    def parse(self, handler, body):
        return handler.headers.get("X-TC-Action"), json.loads(body or b"{}")

    def answer(self, handler, action, params):
        if params.get("SmsSdkAppId") != self.app_id:
            self.refuse(
                handler, "FailedOperation.SmsSdkAppIdVerifyFail", "SmsSdkAppId verify fail."
            )
        elif action == "SendSms":
            self._send_sms(handler, params)
        elif action == "PullSmsSendStatus":
            with self.lock:
                statuses, self.statuses = self.statuses, []
            self._reply(handler, {"PullSmsSendStatusSet": statuses, "RequestId": str(uuid.uuid4())})
        else:
            self.refuse(handler, "InvalidAction", "The action does not exist.")

    def _send_sms(self, handler, params):
        if params.get("SignName") not in self.sign_names:
            self.refuse(
                handler,
                "FailedOperation.SignatureIncorrectOrUnapproved",
                "signature format is incorrect or signature is not approved",
            )
            return
        if params.get("TemplateId") not in self.templates:
            self.refuse(
                handler,
                "FailedOperation.TemplateIncorrectOrUnapproved",
                "template is not approved or request content does not match the approved "
                "template content",
            )
            return
        values = params.get("TemplateParamSet") or []
        if len(values) != self.templates[params["TemplateId"]]:
            self.refuse(
                handler,
                "InvalidParameterValue.TemplateParameterFormatError",
                "verification code template parameter format error",
            )
            return
        statuses = []
        for number in params.get("PhoneNumberSet") or []:
            statuses.append(
                {
                    "SerialNo": f"2640:{uuid.uuid4().int % 10**19}",
                    "PhoneNumber": number,
                    "Fee": 1,
                    "SessionContext": params.get("SessionContext", ""),
                    "Code": "Ok",
                    "Message": "send success",
                    "IsoCode": "CN",
                }
            )
        self._reply(handler, {"SendStatusSet": statuses, "RequestId": str(uuid.uuid4())})
