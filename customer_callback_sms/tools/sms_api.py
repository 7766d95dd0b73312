# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The provider-neutral part of a Chinese SMS provider behind Odoo's own
hook (``sms.tools.sms_api.SmsApiBase``, ``res.company._get_sms_api_class``).

Odoo's ``sms.sms`` carries a text; a Chinese provider sends only an approved
template with its parameters. Each ``sms.sms`` this suite queues has a
``customer.callback.sms`` line (kind, template, parameters) found by the
SMS's uuid; any other text (an SMS typed in a chatter, a marketing SMS) has
no approved template and is refused before it is sent, with the reason."""

import logging

from odoo.addons.sms.tools.sms_api import SmsApiBase

_logger = logging.getLogger(__name__)


class ProviderError(Exception):
    """The provider refused one message: ``code`` is its error code,
    ``message`` its text."""

    def __init__(self, code, message):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


class CallbackSmsApi(SmsApiBase):
    """Subclasses set ``PROVIDER`` and implement ``_send_one`` (and, for
    the scheduled query of receipts, ``_query_receipts``)."""

    PROVIDER = None
    PROVIDER_TO_SMS_FAILURE_TYPE = SmsApiBase.PROVIDER_TO_SMS_FAILURE_TYPE | {
        "cc_no_template": "unknown",
        "cc_refused": "unknown",
        "cc_provider_error": "sms_server",
    }

    def _send_one(self, line, number):
        """Send ``line`` (a customer.callback.sms, sudo) to ``number``;
        returns the provider's id of the message, or raises ProviderError."""
        raise NotImplementedError()

    def _query_receipts(self, lines):
        """Receipts of ``lines`` (sent, no receipt yet) from the provider:
        a list of receipts as ``customer.callback.sms._callback_sms_receipts``
        takes them."""
        return []

    def _get_sms_api_error_messages(self):
        env = self.env
        return super()._get_sms_api_error_messages() | {
            "cc_no_template": env._(
                "No approved template: Chinese carriers accept only approved templates, "
                "and this text is none of the customer callback message kinds."
            ),
        }

    def _send_sms_batch(self, messages, delivery_reports_url=False):
        env = self.env
        Line = env["customer.callback.sms"].sudo()
        uuids = [number["uuid"] for message in messages for number in message["numbers"]]
        lines = Line.search([("sms_uuid", "in", uuids)]).grouped("sms_uuid")
        results = []
        for message in messages:
            for number in message["numbers"]:
                uuid = number["uuid"]
                line = lines.get(uuid)
                if not line:
                    results.append(
                        {
                            "uuid": uuid,
                            "state": "cc_no_template",
                            "failure_reason": self._get_sms_api_error_messages()["cc_no_template"],
                        }
                    )
                    continue
                refusal = line._callback_sms_refusal()
                if refusal:
                    line._callback_sms_set_refused(refusal)
                    results.append({"uuid": uuid, "state": "cc_refused", "failure_reason": refusal})
                    continue
                try:
                    reference = self._send_one(line, number["number"])
                except ProviderError as error:
                    reason = f"{error.code}: {error.message}"
                    line._callback_sms_set_failed(error.code, error.message)
                    results.append(
                        {"uuid": uuid, "state": "cc_provider_error", "failure_reason": reason}
                    )
                    continue
                except Exception as error:  # noqa: BLE001 - kept as the line's reason
                    _logger.warning("%s SMS %s not sent: %s", self.PROVIDER, uuid, error)
                    line._callback_sms_set_failed("exception", str(error))
                    results.append(
                        {
                            "uuid": uuid,
                            "state": "server_error",
                            "failure_reason": str(error),
                        }
                    )
                    continue
                line._callback_sms_set_sent(self.PROVIDER, reference)
                results.append({"uuid": uuid, "state": "success"})
        return results
