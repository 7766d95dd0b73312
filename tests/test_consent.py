# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What a customer allows now, from his consent ledger (pure logic, no database)."""

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from odoo.addons.customer_callback.tools import consent as ct

T0 = datetime(2026, 11, 23, 2, 0)


def line(minutes, purpose, decision=ct.GIVEN, channel=None, preferred_time=None, seq=None):
    return ct.Line(
        moment=T0 + timedelta(minutes=minutes),
        sequence=minutes if seq is None else seq,
        purpose=purpose,
        decision=decision,
        channel=channel,
        preferred_time=preferred_time,
    )


def test_empty_ledger_allows_contact_and_surveys_but_not_recording():
    consent = ct.decide([])
    assert consent.may_contact()
    assert consent.may_contact("phone")
    assert consent.may_survey("email")
    assert not consent.may_record()
    assert not consent.do_not_call
    assert consent.preferred_channel is None
    assert consent.preferred_time is None


def test_general_withdrawal_stops_every_channel_and_surveys():
    consent = ct.decide([line(0, ct.CONTACT, ct.WITHDRAWN)])
    assert consent.do_not_call
    for channel in ("phone", "sms", "email", "im"):
        assert not consent.may_contact(channel)
        assert not consent.may_survey(channel)
    assert consent.survey_refusal() == ct.CONTACT


def test_one_channel_withdrawn_keeps_the_others():
    consent = ct.decide([line(0, ct.CONTACT, ct.WITHDRAWN, "sms")])
    assert not consent.may_contact("sms")
    assert consent.may_contact("phone")
    assert not consent.do_not_call
    assert not consent.may_survey("sms")
    assert consent.may_survey("email")
    assert consent.survey_refusal("sms") == ct.CONTACT


def test_channel_given_after_a_general_withdrawal():
    consent = ct.decide([line(0, ct.CONTACT, ct.WITHDRAWN), line(5, ct.CONTACT, ct.GIVEN, "email")])
    assert consent.may_contact("email")
    assert not consent.may_contact("phone")
    # some channel is allowed again: not "do not call" at all
    assert not consent.do_not_call


def test_general_decision_replaces_earlier_channel_decisions():
    consent = ct.decide([line(0, ct.CONTACT, ct.WITHDRAWN, "sms"), line(5, ct.CONTACT, ct.GIVEN)])
    assert consent.may_contact("sms")


def test_surveys_only_withdrawn_keeps_contact():
    consent = ct.decide([line(0, ct.SURVEY, ct.WITHDRAWN)])
    assert consent.may_contact("phone")
    assert not consent.may_survey()
    assert not consent.may_survey("email")
    assert consent.survey_refusal("email") == ct.SURVEY


def test_recording_given_then_withdrawn():
    assert ct.decide([line(0, ct.RECORDING)]).may_record()
    assert not ct.decide([line(0, ct.RECORDING), line(1, ct.RECORDING, ct.WITHDRAWN)]).may_record()


def test_latest_preference_wins_and_can_clear():
    consent = ct.decide(
        [line(0, ct.PREFERENCE, channel="phone", preferred_time=19.0), line(3, ct.PREFERENCE)]
    )
    assert consent.preferred_channel is None
    assert consent.preferred_time is None
    consent = ct.decide(
        [line(3, ct.PREFERENCE, channel="sms"), line(0, ct.PREFERENCE, channel="phone")]
    )
    assert consent.preferred_channel == "sms"


def test_same_moment_ordered_by_sequence():
    consent = ct.decide(
        [
            line(0, ct.CONTACT, ct.GIVEN, seq=2),
            line(0, ct.CONTACT, ct.WITHDRAWN, seq=1),
        ]
    )
    assert consent.may_contact()


def test_unknown_line_is_refused():
    with pytest.raises(ValueError):
        ct.decide([line(0, "marketing")])
    with pytest.raises(ValueError):
        ct.decide([line(0, ct.CONTACT, "maybe")])


def test_changes_from_the_customer_fields():
    empty = ct.decide([])
    assert ct.changes(empty, False, False, 0.0) == []
    assert ct.changes(empty, True, False, 0.0) == [(ct.CONTACT, ct.WITHDRAWN, None, None)]
    assert ct.changes(empty, False, "sms", 19.5) == [(ct.PREFERENCE, ct.GIVEN, "sms", 19.5)]
    blocked = ct.decide([line(0, ct.CONTACT, ct.WITHDRAWN)])
    assert ct.changes(blocked, True, False, 0.0) == []
    assert ct.changes(blocked, False, False, 0.0) == [(ct.CONTACT, ct.GIVEN, None, None)]


LINES = st.lists(
    st.builds(
        line,
        st.integers(0, 50),
        st.sampled_from((ct.CONTACT, ct.SURVEY, ct.RECORDING, ct.PREFERENCE)),
        st.sampled_from((ct.GIVEN, ct.WITHDRAWN)),
        st.sampled_from((None, "phone", "sms", "email", "im")),
        st.sampled_from((None, 9.5, 19.0)),
    ),
    max_size=12,
)


@given(LINES)
def test_changes_make_the_ledger_say_what_was_typed(lines):
    """Appending the lines ``changes`` asks for yields exactly the typed values."""
    current = ct.decide(lines)
    for do_not_call in (True, False):
        for channel, hour in ((None, None), ("im", 20.0)):
            added = [
                line(100 + i, purpose, decision, channel_, time_)
                for i, (purpose, decision, channel_, time_) in enumerate(
                    ct.changes(current, do_not_call, channel, hour)
                )
            ]
            after = ct.decide(lines + added)
            assert after.do_not_call == do_not_call
            assert (after.preferred_channel, after.preferred_time) == (channel, hour)


@given(LINES)
def test_no_survey_where_no_contact(lines):
    consent = ct.decide(lines)
    for channel in ("phone", "sms", "email", "im"):
        if not consent.may_contact(channel):
            assert not consent.may_survey(channel)


def test_preferred_days_from_the_latest_preference():
    consent = ct.decide(
        [
            ct.Line(
                T0, 1, ct.PREFERENCE, channel="phone", preferred_time=18.0, preferred_days=(3, 1)
            ),
        ]
    )
    assert consent.preferred_days == (1, 3)
    assert ct.decide([]).preferred_days == ()
    assert ct.format_days((3, 1, 3)) == "1,3"
    assert ct.parse_days("1, 3,x,9,") == (1, 3)
    assert ct.parse_days(False) == ()
