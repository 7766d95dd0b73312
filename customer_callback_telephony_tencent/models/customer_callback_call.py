# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Tencent Cloud CCC pushes (数据推送), as its documentation describes them:
the call record (``action=cdr``) and the recording (``action=record``)."""

from datetime import UTC, datetime

from odoo import api, fields, models

PROVIDER = "tencent_ccc"
# HungUpSide of the call record
HUNG_UP_SIDES = {"user": "customer", "seat": "agent", "system": "system"}
# EndStatusString → EndStatus code (the documentation's "通话结束状态码" table),
# for pushes that carry only the string
STATUS_CODES = {
    "error": "0",
    "ok": "1",
    "seatGiveUp": "17",
    "ivrGiveUp": "102",
    "waitingGiveUp": "103",
    "ringingGiveUp": "104",
    "noSeatOnline": "105",
    "notWorkTime": "106",
    "ivrEnd": "107",
    "restrictedCallee": "108",
    "tooManyRequest": "109",
    "restrictedArea": "110",
    "restrictedTime": "111",
    "notAnswer": "202",
    "userReject": "203",
    "powerOff": "204",
    "numberNotExist": "205",
    "busy": "206",
    "outOfCredit": "207",
    "operatorError": "208",
    "callerCancel": "209",
    "notInService": "210",
    "clientError": "211",
    "carrierBlocked": "212",
}
# Tencent keeps a recording link 3 months by default
RECORDING_KEEP_DAYS = 90


def _moment(timestamp):
    """A Unix timestamp (seconds) as a naive UTC datetime; None for 0/empty."""
    try:
        value = int(timestamp or 0)
    except (TypeError, ValueError):
        return None
    if value <= 0:
        return None
    return datetime.fromtimestamp(value, UTC).replace(tzinfo=None)


def _cause(payload):
    code = payload.get("EndStatus")
    if code is None or code == "":
        return STATUS_CODES.get(payload.get("EndStatusString")) or payload.get("EndStatusString")
    return str(code)


class CustomerCallbackCall(models.Model):
    _inherit = "customer.callback.call"

    provider = fields.Selection(
        selection_add=[(PROVIDER, "Tencent Cloud CCC")], ondelete={PROVIDER: "set default"}
    )

    @api.model
    def _telephony_parse_tencent_ccc(self, kind, payload):
        if kind == "record":
            return [
                {
                    "call_ref": payload["SessionId"],
                    "recording_url": payload.get("CustomRecordURL") or payload.get("RecordURL"),
                    "event_date": _moment(payload.get("Timestamp")),
                }
            ]
        if kind != "cdr":
            return []
        seat = payload.get("SeatUser") or {}
        keys = payload.get("PostIVRKeyPressed") or []
        press = keys[-1].get("Key") if keys and isinstance(keys[-1], dict) else None
        ended = _moment(payload.get("EndedTimestamp"))
        return [
            {
                "call_ref": payload["SessionId"],
                "direction": "inbound" if str(payload.get("Direction")) == "0" else "outbound",
                "caller_number": str(payload.get("Caller") or "") or False,
                "callee_number": str(payload.get("Callee") or "") or False,
                "ring_date": _moment(payload.get("RingTimestamp"))
                or _moment(payload.get("StartTimestamp")),
                "answer_date": _moment(payload.get("AcceptTimestamp")),
                "hangup_date": ended,
                "duration": int(payload.get("Duration") or 0),
                "hangup_side": HUNG_UP_SIDES.get(payload.get("HungUpSide")),
                "provider_cause": _cause(payload),
                "recording_url": payload.get("CustomRecordURL") or payload.get("RecordURL"),
                "keypad_press": press,
                "agent_ref": seat.get("Mail") or seat.get("StaffNumber"),
                "event_date": ended,
            }
        ]

    def _telephony_recording_keep_days(self):
        if self.provider == PROVIDER:
            return RECORDING_KEEP_DAYS
        return super()._telephony_recording_keep_days()
