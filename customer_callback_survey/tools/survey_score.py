# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Satisfaction survey decisions (SPEC §6), plain Python.

The scale is the SOPs' 5-point scale: 5 very satisfied, 4 satisfied,
3 average, 2 dissatisfied, 1 very dissatisfied (002).
"""

from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

SCALE_MIN = 1
SCALE_MAX = 5

EMAIL = "email"
SMS = "sms"


def is_scale_value(value):
    """True for a whole number on the 5-point scale (bools are not scores)."""
    if isinstance(value, bool) or value is None:
        return False
    try:
        number = float(value)
    except (TypeError, ValueError):
        return False
    return number.is_integer() and SCALE_MIN <= number <= SCALE_MAX


def overall_score(values):
    """The overall score of one answer: the mean of its scale answers,
    rounded half up (3.5 -> 4), or None when no question was rated.

    Values outside the scale (a choice without a score, a skipped question)
    are ignored rather than pulling the mean down.
    """
    scores = [int(float(v)) for v in values if is_scale_value(v)]
    if not scores:
        return None
    mean = Decimal(sum(scores)) / Decimal(len(scores))
    return int(mean.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def needs_followup(score, threshold):
    """A supervisor calls back when the score is at or below the threshold
    (3 = "average" or worse, 003 step 5). A threshold of 0 disables it."""
    return score is not None and threshold > 0 and score <= threshold


def due_at(closed_at, delay_hours):
    """When the survey of a problem closed at ``closed_at`` is sent."""
    return closed_at + timedelta(hours=max(delay_hours, 0))


def pick_channel(preferred, has_email, has_phone, sms_available):
    """The channel a survey goes out by, or None when the customer cannot
    be reached in writing (then an agent calls instead).

    SMS is used when preferred, available and the customer has a phone;
    otherwise email when the customer has one; an SMS-preferring company
    falls back to email, and an email-preferring company to SMS.
    """
    sms_possible = sms_available and has_phone
    if preferred == SMS and sms_possible:
        return SMS
    if has_email:
        return EMAIL
    if sms_possible:
        return SMS
    return None


def apply_cap(partner_ids, recently_surveyed):
    """Split requests (given as their partners' ids, in sending order) into
    (accepted indexes, capped indexes): a customer surveyed recently, or
    already accepted earlier in the same batch, is not surveyed again."""
    seen = set(recently_surveyed)
    accepted, capped = [], []
    for index, partner_id in enumerate(partner_ids):
        if partner_id in seen:
            capped.append(index)
        else:
            seen.add(partner_id)
            accepted.append(index)
    return accepted, capped
