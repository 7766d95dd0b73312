# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What a customer allows now, from his consent ledger (pure logic, no database)."""

from datetime import datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from odoo.tests import BaseCase, tagged

from ..tools import consent as ct
from .hypothesis_settings import REPEATABLE

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


@tagged("post_install", "-at_install")
class TestConsentTools(BaseCase):
    def test_empty_ledger_allows_contact_and_surveys_but_not_recording(self):
        consent = ct.decide([])
        self.assertTrue(consent.may_contact())
        self.assertTrue(consent.may_contact("phone"))
        self.assertTrue(consent.may_survey("email"))
        self.assertFalse(consent.may_record())
        self.assertFalse(consent.do_not_call)
        self.assertIsNone(consent.preferred_channel)
        self.assertIsNone(consent.preferred_time)

    def test_general_withdrawal_stops_every_channel_and_surveys(self):
        consent = ct.decide([line(0, ct.CONTACT, ct.WITHDRAWN)])
        self.assertTrue(consent.do_not_call)
        for channel in ("phone", "sms", "email", "im"):
            self.assertFalse(consent.may_contact(channel))
            self.assertFalse(consent.may_survey(channel))
        self.assertEqual(consent.survey_refusal(), ct.CONTACT)

    def test_one_channel_withdrawn_keeps_the_others(self):
        consent = ct.decide([line(0, ct.CONTACT, ct.WITHDRAWN, "sms")])
        self.assertFalse(consent.may_contact("sms"))
        self.assertTrue(consent.may_contact("phone"))
        self.assertFalse(consent.do_not_call)
        self.assertFalse(consent.may_survey("sms"))
        self.assertTrue(consent.may_survey("email"))
        self.assertEqual(consent.survey_refusal("sms"), ct.CONTACT)

    def test_channel_given_after_a_general_withdrawal(self):
        consent = ct.decide(
            [line(0, ct.CONTACT, ct.WITHDRAWN), line(5, ct.CONTACT, ct.GIVEN, "email")]
        )
        self.assertTrue(consent.may_contact("email"))
        self.assertFalse(consent.may_contact("phone"))
        # some channel is allowed again: not "do not call" at all
        self.assertFalse(consent.do_not_call)

    def test_general_decision_replaces_earlier_channel_decisions(self):
        consent = ct.decide(
            [line(0, ct.CONTACT, ct.WITHDRAWN, "sms"), line(5, ct.CONTACT, ct.GIVEN)]
        )
        self.assertTrue(consent.may_contact("sms"))

    def test_surveys_only_withdrawn_keeps_contact(self):
        consent = ct.decide([line(0, ct.SURVEY, ct.WITHDRAWN)])
        self.assertTrue(consent.may_contact("phone"))
        self.assertFalse(consent.may_survey())
        self.assertFalse(consent.may_survey("email"))
        self.assertEqual(consent.survey_refusal("email"), ct.SURVEY)

    def test_recording_given_then_withdrawn(self):
        self.assertTrue(ct.decide([line(0, ct.RECORDING)]).may_record())
        self.assertFalse(
            ct.decide([line(0, ct.RECORDING), line(1, ct.RECORDING, ct.WITHDRAWN)]).may_record()
        )

    def test_latest_preference_wins_and_can_clear(self):
        consent = ct.decide(
            [line(0, ct.PREFERENCE, channel="phone", preferred_time=19.0), line(3, ct.PREFERENCE)]
        )
        self.assertIsNone(consent.preferred_channel)
        self.assertIsNone(consent.preferred_time)
        consent = ct.decide(
            [line(3, ct.PREFERENCE, channel="sms"), line(0, ct.PREFERENCE, channel="phone")]
        )
        self.assertEqual(consent.preferred_channel, "sms")

    def test_same_moment_ordered_by_sequence(self):
        consent = ct.decide(
            [
                line(0, ct.CONTACT, ct.GIVEN, seq=2),
                line(0, ct.CONTACT, ct.WITHDRAWN, seq=1),
            ]
        )
        self.assertTrue(consent.may_contact())

    def test_unknown_line_is_refused(self):
        with self.assertRaises(ValueError):
            ct.decide([line(0, "marketing")])
        with self.assertRaises(ValueError):
            ct.decide([line(0, ct.CONTACT, "maybe")])

    def test_changes_from_the_customer_fields(self):
        empty = ct.decide([])
        self.assertEqual(ct.changes(empty, False, False, 0.0), [])
        self.assertEqual(
            ct.changes(empty, True, False, 0.0), [(ct.CONTACT, ct.WITHDRAWN, None, None)]
        )
        self.assertEqual(
            ct.changes(empty, False, "sms", 19.5), [(ct.PREFERENCE, ct.GIVEN, "sms", 19.5)]
        )
        blocked = ct.decide([line(0, ct.CONTACT, ct.WITHDRAWN)])
        self.assertEqual(ct.changes(blocked, True, False, 0.0), [])
        self.assertEqual(
            ct.changes(blocked, False, False, 0.0), [(ct.CONTACT, ct.GIVEN, None, None)]
        )

    @REPEATABLE
    @given(LINES)
    def test_changes_make_the_ledger_say_what_was_typed(self, lines):
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
                self.assertEqual(after.do_not_call, do_not_call)
                self.assertEqual((after.preferred_channel, after.preferred_time), (channel, hour))

    @REPEATABLE
    @given(LINES)
    def test_no_survey_where_no_contact(self, lines):
        consent = ct.decide(lines)
        for channel in ("phone", "sms", "email", "im"):
            if not consent.may_contact(channel):
                self.assertFalse(consent.may_survey(channel))

    def test_preferred_days_from_the_latest_preference(self):
        consent = ct.decide(
            [
                ct.Line(
                    T0,
                    1,
                    ct.PREFERENCE,
                    channel="phone",
                    preferred_time=18.0,
                    preferred_days=(3, 1),
                ),
            ]
        )
        self.assertEqual(consent.preferred_days, (1, 3))
        self.assertEqual(ct.decide([]).preferred_days, ())
        self.assertEqual(ct.format_days((3, 1, 3)), "1,3")
        self.assertEqual(ct.parse_days("1, 3,x,9,"), (1, 3))
        self.assertEqual(ct.parse_days(False), ())
