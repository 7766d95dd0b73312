# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Satisfaction survey decisions (pure logic)."""

from datetime import datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from odoo.addons.customer_callback_survey.tools import survey_score


def test_overall_score_rounds_half_up_and_ignores_unscored():
    assert survey_score.overall_score([5, 4, 4, 5]) == 5  # 4.5 -> 5
    assert survey_score.overall_score([3, 4]) == 4  # 3.5 -> 4
    assert survey_score.overall_score([3, 3, 4]) == 3  # 3.33 -> 3
    assert survey_score.overall_score([2.0, 0, None, False, 9]) == 2
    assert survey_score.overall_score([]) is None
    assert survey_score.overall_score([0, 0.0]) is None
    assert survey_score.overall_score([True]) is None


@given(st.lists(st.integers(min_value=1, max_value=5), min_size=1, max_size=20))
def test_overall_score_stays_on_the_scale_and_near_the_mean(values):
    score = survey_score.overall_score(values)
    assert 1 <= score <= 5
    assert abs(score - sum(values) / len(values)) <= 0.5
    assert min(values) <= score <= max(values)


def test_followup_threshold():
    assert survey_score.needs_followup(3, 3)
    assert survey_score.needs_followup(1, 3)
    assert not survey_score.needs_followup(4, 3)
    assert not survey_score.needs_followup(None, 3)
    assert not survey_score.needs_followup(1, 0)


def test_due_at():
    closed = datetime(2026, 11, 23, 2, 0)
    assert survey_score.due_at(closed, 24) == closed + timedelta(days=1)
    assert survey_score.due_at(closed, 0) == closed
    assert survey_score.due_at(closed, -3) == closed


def test_pick_channel():
    pick = survey_score.pick_channel
    assert pick("email", True, True, True) == "email"
    assert pick("sms", True, True, True) == "sms"
    assert pick("sms", True, True, False) == "email"  # sms not installed
    assert pick("sms", True, False, True) == "email"  # no phone
    assert pick("email", False, True, True) == "sms"
    assert pick("email", False, True, False) is None
    assert pick("sms", False, False, True) is None


@given(
    st.lists(st.integers(min_value=1, max_value=8), max_size=30),
    st.sets(st.integers(min_value=1, max_value=8), max_size=4),
)
def test_cap_surveys_a_customer_once(partners, recent):
    accepted, capped = survey_score.apply_cap(partners, recent)
    assert sorted(accepted + capped) == list(range(len(partners)))
    accepted_partners = [partners[i] for i in accepted]
    assert len(accepted_partners) == len(set(accepted_partners))
    assert not set(accepted_partners) & recent
    # every capped request belongs to a customer surveyed recently or accepted
    assert all(partners[i] in recent or partners[i] in accepted_partners for i in capped)
    # the first request of a customer not surveyed recently is the one sent
    for partner in set(partners) - recent:
        assert partners.index(partner) in accepted
