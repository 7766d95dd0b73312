# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Aliyun's call-status report (呼叫中间状态消息, HTTP batch push): a JSON array
of ``{call_id, status_code, status_time, out_id}``; ``status_time`` is
Beijing time. Intermediate codes: 200101 calling, 200201 ringing, 200102
answered, 200100 ended; the others are call results (the cause table)."""

from datetime import datetime, timedelta

from odoo import api, fields, models

PROVIDER = "aliyun"
CALLING, RINGING, ANSWERED, ENDED = "200101", "200201", "200102", "200100"
BEIJING = timedelta(hours=8)
# Aliyun keeps a recording link 7 days
RECORDING_KEEP_DAYS = 7


def _moment(text):
    try:
        return datetime.strptime(text, "%Y-%m-%d %H:%M:%S") - BEIJING
    except (TypeError, ValueError):
        return None


class CustomerCallbackCall(models.Model):
    _inherit = "customer.callback.call"

    provider = fields.Selection(
        selection_add=[(PROVIDER, "Aliyun")], ondelete={PROVIDER: "set default"}
    )

    @api.model
    def _telephony_parse_aliyun(self, kind, payload):
        events = []
        for report in payload if isinstance(payload, list) else [payload]:
            code = str(report.get("status_code") or "")
            moment = _moment(report.get("status_time"))
            values = {"call_ref": report.get("call_id"), "event_date": moment}
            if code == RINGING:
                values["ring_date"] = moment
            elif code == ANSWERED:
                values["answer_date"] = moment
            elif code == ENDED:
                values["hangup_date"] = moment
            elif code != CALLING:
                # a call result (busy, no such number…): the call is over
                values.update(hangup_date=moment, provider_cause=code)
            if report.get("record_url"):
                values["recording_url"] = report["record_url"]
            events.append(values)
        return events

    def _telephony_recording_keep_days(self):
        if self.provider == PROVIDER:
            return RECORDING_KEEP_DAYS
        return super()._telephony_recording_keep_days()
