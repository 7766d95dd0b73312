# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Provider-neutral call events (issue #32). Pure functions, no ORM.

An *event* is a dict of the call model's fields as one provider push (or
one softphone/AMI event) told them. Providers resend events (retries after a
time-out) and deliver them out of order (the recording after the CDR, a
"ringing" after the hang-up): ``merge`` folds any number of them, in any
order, into the same call values.

The *outcome* of a call is derived from the provider's cause through the
cause table (``customer.callback.call.cause``); ``derive_outcome`` completes
it from the times when the cause is unknown, and tells a hang-up right after
connecting (scored 3 by the attempt policy) from a real conversation.
"""

import re

# What a call came to, provider-neutral.
CONNECTED = "connected"
HUNG_UP = "hung_up"
NO_ANSWER = "no_answer"
BUSY = "busy"
DECLINED = "declined"
SWITCHED_OFF = "switched_off"
INVALID_NUMBER = "invalid_number"  # 空号
SUSPENDED = "suspended"  # 停机 / 欠费
FAILED = "failed"  # the line or the agent's side failed: not the customer's doing

OUTCOMES = (
    CONNECTED,
    HUNG_UP,
    NO_ANSWER,
    BUSY,
    DECLINED,
    SWITCHED_OFF,
    INVALID_NUMBER,
    SUSPENDED,
    FAILED,
)
# Outcomes after which the number itself is wrong: no more tries, the
# customer's contact data is flagged.
BAD_NUMBER = frozenset({INVALID_NUMBER, SUSPENDED})

# The attempt result (customer.callback.attempt.result) of each outcome;
# FAILED makes no attempt.
ATTEMPT_RESULT = {
    CONNECTED: "connected",
    HUNG_UP: "hung_up",
    NO_ANSWER: "no_answer",
    BUSY: "busy",
    DECLINED: "declined",
    SWITCHED_OFF: "switched_off",
    INVALID_NUMBER: "switched_off",
    SUSPENDED: "switched_off",
}

CUSTOMER, AGENT, SYSTEM = "customer", "agent", "system"

EARLIEST = ("ring_date", "answer_date")
LATEST = ("hangup_date",)
# Values an empty one never erases; a later event's wins.
SCALARS = (
    "direction",
    "callee_number",
    "caller_number",
    "hangup_side",
    "provider_cause",
    "recording_url",
    "keypad_press",
    "agent_ref",
    "duration",
)


def merge(current, event):
    """The call values once ``event`` is folded into ``current``.

    Both are dicts of call fields; ``event_date`` (when the provider
    produced the event) orders them. Times keep the earliest ring and answer
    and the latest hang-up; other values take the newest event's non-empty
    value, so a late "ringing" never undoes a hang-up and a duplicate changes
    nothing. Returns only the values that change."""
    changes = {}
    for name in EARLIEST:
        value = event.get(name)
        if value and (not current.get(name) or value < current[name]):
            changes[name] = value
    for name in LATEST:
        value = event.get(name)
        if value and (not current.get(name) or value > current[name]):
            changes[name] = value
    newer = not current.get("event_date") or (
        event.get("event_date") and event["event_date"] >= current["event_date"]
    )
    for name in SCALARS:
        value = event.get(name)
        if value in (None, False, ""):
            continue
        if not current.get(name) or (newer and value != current[name]):
            changes[name] = value
    if event.get("event_date") and newer and event["event_date"] != current.get("event_date"):
        changes["event_date"] = event["event_date"]
    return changes


def derive_outcome(cause_outcome, answered, hangup_side, duration, short_seconds):
    """The outcome of a finished call.

    ``cause_outcome``: the cause table's outcome for the provider's cause
    (None when the cause is unknown). A connected call the customer ended
    within ``short_seconds`` is a hang-up after connecting."""
    outcome = cause_outcome
    if outcome is None or (outcome == CONNECTED and not answered):
        outcome = CONNECTED if answered else NO_ANSWER
    if (
        outcome == CONNECTED
        and hangup_side == CUSTOMER
        and short_seconds
        and (duration or 0) < short_seconds
    ):
        return HUNG_UP
    return outcome


def normalize_number(number):
    """The digits that identify a phone number across formats: the last 11
    (a Chinese mobile number without +86 / 0086 / a trunk 0), or all of them
    when fewer. Empty when there is none."""
    digits = re.sub(r"\D", "", number or "")
    return digits[-11:]


# Keypad satisfaction after the call: the press, the 5-point score.
KEYPAD_ONE_BEST = "one_best"  # 1 = very satisfied … 5 = very dissatisfied
KEYPAD_FIVE_BEST = "five_best"  # 5 = very satisfied … 1 = very dissatisfied


def keypad_score(press, scale=KEYPAD_ONE_BEST):
    """The satisfaction score (1-5) of a keypad press, None for any other key."""
    press = (press or "").strip()
    if len(press) != 1 or press not in "12345":
        return None
    value = int(press)
    return 6 - value if scale == KEYPAD_ONE_BEST else value


def needs_followup(score, threshold):
    """A supervisor follow-up for a score at or below ``threshold`` (0: never)."""
    return bool(score) and bool(threshold) and score <= threshold
