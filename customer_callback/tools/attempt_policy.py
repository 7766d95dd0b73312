# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Contact attempt policy (SPEC §3, 002 §9). Pure functions, no ORM.

Results of one attempt:

- ``connected``: the customer answered; the agent records the outcome.
- ``no_answer``, ``busy``, ``switched_off``: unreachable results.
- ``declined``: the customer rejected the call before it connected.
- ``hung_up``: connected, then the customer refused or hung up.
- ``message_sent``: an SMS/IM message was left (needed before giving up
  on an unreachable customer).

Distinct time slots: a slot is the period of the customer's local day
(morning, afternoon, evening, see ``call_window.slot_of``). Failed attempts
count towards closing only when they cover distinct slots: with the default
of 3 unreachable attempts, the customer must have been tried in the morning,
the afternoon and the evening. When a company asks for more attempts than
there are slots, every slot must be covered and the remaining attempts may
fall in any slot.
"""

from dataclasses import dataclass

from .call_window import SLOTS

UNREACHABLE_RESULTS = frozenset({"no_answer", "busy", "switched_off"})
RESULTS = (
    "connected",
    "no_answer",
    "busy",
    "switched_off",
    "declined",
    "hung_up",
    "message_sent",
)

# Decisions
CONTINUE = "continue"  # plan another attempt
TALKING = "connected"  # the agent now records the outcome
UNREACHABLE = "unreachable"
DECLINED = "declined"
DONE = "done"


@dataclass(frozen=True)
class AttemptPolicy:
    unreachable_attempts: int = 3
    require_message: bool = True
    declined_attempts: int = 2
    hung_up_score: int = 3
    distinct_slots: bool = True


@dataclass(frozen=True)
class Decision:
    outcome: str
    score: int = 0
    # Slots already used by failed attempts: plan the next try elsewhere.
    used_slots: frozenset = frozenset()
    message_missing: bool = False


def _enough(attempt_slots, required, distinct):
    """True when ``attempt_slots`` (one slot per attempt) satisfy the rule."""
    if len(attempt_slots) < required:
        return False
    if not distinct:
        return True
    return len(set(attempt_slots)) >= min(required, len(SLOTS))


def evaluate(attempts, policy: AttemptPolicy) -> Decision:
    """Decide what the attempts so far mean for the callback.

    ``attempts``: iterable of ``(result, slot)`` in chronological order.
    """
    attempts = list(attempts)
    results = [result for result, _slot in attempts]
    if "hung_up" in results:
        return Decision(DONE, score=policy.hung_up_score)
    if "connected" in results:
        return Decision(TALKING)
    unreachable_slots = [s for r, s in attempts if r in UNREACHABLE_RESULTS]
    declined_slots = [s for r, s in attempts if r == "declined"]
    if declined_slots and _enough(declined_slots, policy.declined_attempts, policy.distinct_slots):
        return Decision(DECLINED)
    message_sent = "message_sent" in results
    failed_slots = frozenset(unreachable_slots + declined_slots)
    if unreachable_slots and _enough(
        unreachable_slots, policy.unreachable_attempts, policy.distinct_slots
    ):
        if message_sent or not policy.require_message:
            return Decision(UNREACHABLE)
        return Decision(CONTINUE, used_slots=failed_slots, message_missing=True)
    return Decision(CONTINUE, used_slots=failed_slots)


def is_scored(outcome: str, score: int) -> bool:
    """Whether a closed callback counts in satisfaction figures."""
    return outcome == DONE and 1 <= (score or 0) <= 5
