# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""OCA VoIP's softphone calls as provider-neutral call events (issue #32).
Pure functions, no ORM.

``voip.call`` (OCA ``voip_oca``) keeps one row per softphone call: created
*calling* when the agent dials (or a call comes in), *ongoing* with its
``start_date`` when the other side answers, and *terminated* (hung up),
*rejected* (refused or failed: busy, declined, unreachable, the SIP answer
is not kept), *missed* or *aborted* with its ``end_date``. Each row, as it is
at any moment, is one event of the call; the cause table maps its final
state (the *provider's cause*) to the outcome."""

# voip.call states after which the call is over
ENDED_STATES = frozenset({"aborted", "missed", "rejected", "terminated"})
# states in which a start date means the other side answered (voip_oca's
# demo data gives missed calls a start date too)
ANSWERED_STATES = frozenset({"ongoing", "terminated"})


def call_event(state, type_call, phone_number, created, start, end, now):
    """The call values a ``voip.call`` in ``state`` tells at ``now``:
    ``created`` (its creation, when it started ringing), ``start`` (answered)
    and ``end`` (hung up) are naive UTC datetimes or None."""
    outbound = type_call != "incoming"
    event = {
        "direction": "outbound" if outbound else "inbound",
        ("callee_number" if outbound else "caller_number"): phone_number or False,
        "ring_date": created or now,
        "event_date": now,
    }
    answered = bool(start) and state in ANSWERED_STATES
    if answered:
        event["answer_date"] = start
    if state in ENDED_STATES:
        hangup = end or now
        event["hangup_date"] = hangup
        event["provider_cause"] = state
        event["duration"] = max(0, int((hangup - start).total_seconds())) if answered else 0
    return event
