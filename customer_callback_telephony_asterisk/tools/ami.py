# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Asterisk Manager Interface events → provider-neutral call events. Pure
functions, no ORM.

A call placed by Originate has the id we gave it (``ChannelId``): every
channel of the call carries it as ``Linkedid``. The events used:
``DialBegin`` (the customer's phone rings), ``DialEnd`` (``DialStatus``),
``Hangup`` (``Cause``, the Q.850 hang-up cause) of the customer's channel,
with ``timestampevents=yes`` in manager.conf for the ``Timestamp`` of each.
"""

import hashlib
import hmac
from datetime import UTC, datetime

EVENTS = ("DialBegin", "DialEnd", "Hangup")
# DialStatus → a Q.850 cause, for a DialEnd that ends the call attempt
DIAL_STATUS_CAUSES = {"BUSY": "17", "NOANSWER": "19", "CONGESTION": "34", "CHANUNAVAIL": "20"}


def _moment(event, received):
    try:
        return datetime.fromtimestamp(float(event["Timestamp"]), UTC).replace(
            tzinfo=None, microsecond=0
        )
    except (KeyError, TypeError, ValueError):
        return received


def to_call_event(event, received, agent_channels=("PJSIP/", "SIP/")):
    """The neutral event of one AMI event (a dict), or None when it says
    nothing about a call; ``received``: when the listener got it (naive
    UTC), for events without ``Timestamp``."""
    name = event.get("Event")
    linked = event.get("Linkedid") or event.get("LinkedID")
    if name not in EVENTS or not linked:
        return None
    moment = _moment(event, received)
    values = {"call_ref": linked, "event_date": moment}
    if name == "DialBegin":
        values.update(
            ring_date=moment,
            callee_number=event.get("DestCallerIDNum") or event.get("DialString"),
            agent_ref=event.get("CallerIDNum"),
        )
    elif name == "DialEnd":
        status = event.get("DialStatus")
        if status == "ANSWER":
            values["answer_date"] = moment
        elif status in DIAL_STATUS_CAUSES:
            values.update(provider_cause=DIAL_STATUS_CAUSES[status])
    elif name == "Hangup":
        if event.get("Uniqueid") == linked:
            # the agent's channel (the one Originate made): the customer's
            # leg's hang-up carries the call's cause
            return None
        values.update(hangup_date=moment, provider_cause=event.get("Cause"))
    return values


def sign(secret, timestamp, body):
    """The listener's signature of a push: HMAC-SHA256 of ``timestamp.body``."""
    message = f"{timestamp}.".encode() + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def verify(secret, header, body, now, tolerance=300):
    """Whether ``header`` (``t=<unix>,v1=<hex>``) signs ``body`` with
    ``secret`` within ``tolerance`` seconds of ``now`` (a replay later is
    refused)."""
    if not secret or not header:
        return False
    parts = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    try:
        timestamp = int(parts.get("t", ""))
    except ValueError:
        return False
    if abs(now - timestamp) > tolerance:
        return False
    return hmac.compare_digest(sign(secret, timestamp, body), parts.get("v1", ""))
