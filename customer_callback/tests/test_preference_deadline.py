# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The customer's preferred days and time inside the SOP's deadline (issue
#30, complaint #264 of the simulated year): honoured when one of them fits
before the deadline, else the earliest call window inside it, with a note;
the deadline is the customer's local day."""

from datetime import date, datetime, timedelta

from odoo.tests import BaseCase, tagged

from ..tools import call_window as cw
from .common import FROZEN_NOW, TODAY, CallbackCase

WINDOWS = {cw.WORKDAY: [(9.0, 12.0), (13.0, 20.0)], cw.HOLIDAY: [(10.0, 12.0), (13.0, 20.0)]}
BOUNDS = (12.0, 18.0)


def weekends(day):
    return day.weekday() >= 5


def local(moment, tz):
    return cw.to_local(moment, cw.get_zone(tz)).replace(tzinfo=None)


@tagged("post_install", "-at_install")
class TestPlaceByDeadlineTools(BaseCase):
    def place(self, earliest, tz, deadline, hour=None, days=()):
        return cw.place_by_deadline(
            earliest,
            tz,
            WINDOWS,
            weekends,
            deadline=deadline,
            preferred_hour=hour,
            bounds=BOUNDS,
            preferred_days=days,
        )

    def test_complaint_264_the_deadline_wins_over_the_preferred_days(self):
        # solved Wednesday 5 March 2025 14:10 UTC (20:10 in Urumqi, after the
        # windows); 3 days: Saturday 8 March; Tuesdays and Wednesdays at 18:00
        solved = datetime(2025, 3, 5, 14, 10)
        placed, kept = self.place(solved, "Asia/Urumqi", date(2025, 3, 8), 18.0, (1, 2))
        self.assertFalse(kept)
        self.assertEqual(local(placed, "Asia/Urumqi"), datetime(2025, 3, 6, 9, 0))
        # with a deadline after the next Tuesday, the preference is honoured
        placed, kept = self.place(solved, "Asia/Urumqi", date(2025, 3, 11), 18.0, (1, 2))
        self.assertTrue(kept)
        self.assertEqual(local(placed, "Asia/Urumqi"), datetime(2025, 3, 11, 18, 0))
        # a preferred day inside the deadline: honoured, at the preferred time
        monday = datetime(2025, 3, 3, 2, 0)  # 08:00 in Urumqi
        placed, kept = self.place(monday, "Asia/Urumqi", date(2025, 3, 6), 18.0, (1, 2))
        self.assertTrue(kept)
        self.assertEqual(local(placed, "Asia/Urumqi"), datetime(2025, 3, 4, 18, 0))

    def test_the_deadline_is_the_customer_local_day(self):
        # New York, Fridays at 19:00 local = Saturday 00:00 UTC: a deadline
        # on Friday is met (in UTC the call would look a day late)
        wednesday = datetime(2025, 3, 5, 15, 0)  # 10:00 in New York
        placed, kept = self.place(wednesday, "America/New_York", date(2025, 3, 7), 19.0, (4,))
        self.assertTrue(kept)
        self.assertEqual(placed, datetime(2025, 3, 8, 0, 0))
        self.assertEqual(local(placed, "America/New_York"), datetime(2025, 3, 7, 19, 0))
        # a deadline on Thursday: the earliest window, now (Wednesday 10:00)
        placed, kept = self.place(wednesday, "America/New_York", date(2025, 3, 6), 19.0, (4,))
        self.assertFalse(kept)
        self.assertEqual(local(placed, "America/New_York"), datetime(2025, 3, 5, 10, 0))
        # Shanghai is ahead of UTC: Tuesday 09:00 local is Tuesday 01:00 UTC
        # from Monday 21:00 local (13:00 UTC), a Tuesday deadline is met on Tuesday
        monday_night = datetime(2025, 3, 3, 13, 0)
        placed, kept = self.place(monday_night, "Asia/Shanghai", date(2025, 3, 4), 9.0, (1,))
        self.assertTrue(kept)
        self.assertEqual(local(placed, "Asia/Shanghai"), datetime(2025, 3, 4, 9, 0))

    def test_without_preference_or_deadline_as_before(self):
        start = datetime(2025, 3, 5, 14, 10)
        for deadline, hour, days in ((None, 18.0, (1, 2)), (date(2025, 3, 8), None, ())):
            placed, kept = self.place(start, "Asia/Urumqi", deadline, hour, days)
            self.assertTrue(kept)
            expected = cw.place(
                start,
                "Asia/Urumqi",
                WINDOWS,
                weekends,
                preferred_hour=hour,
                bounds=BOUNDS,
                preferred_days=days,
            )
            self.assertEqual(placed, expected)

    def test_no_window_left_inside_the_deadline(self):
        # the deadline already past: the earliest window, not the preferred day
        start = datetime(2025, 3, 5, 14, 10)
        placed, kept = self.place(start, "Asia/Urumqi", date(2025, 3, 5), 18.0, (1,))
        self.assertFalse(kept)
        self.assertEqual(local(placed, "Asia/Urumqi"), datetime(2025, 3, 6, 9, 0))


@tagged("post_install", "-at_install")
class TestPreferenceInsideTheDeadline(CallbackCase):
    def setUp(self):
        super().setUp()
        # the customer prefers Fridays at 18:00 (his personal page)
        self.env["customer.callback.consent"].create(
            {
                "partner_id": self.partner_sh.id,
                "company_id": self.company.id,
                "purpose": "preference",
                "decision": "given",
                "preferred_time": 18.0,
                "preferred_days": "4",
                "source": "customer",
            }
        )
        self.assertEqual(self.partner_sh._callback_preferred_weekdays(), (4,))
        self.rule = self.make_rule(segment="complaint", window_days=3, ignore_fatigue=True)

    def vals(self, key, deadline):
        return {
            "partner_id": self.partner_sh.id,
            "company_id": self.company.id,
            "rule_id": self.rule.id,
            "segment": "complaint",
            "period_key": key,
            "team_id": self.team.id,
            "plan_start": TODAY,
            "deadline": deadline,
        }

    def test_a_complaint_is_called_inside_its_deadline_the_second_one_on_his_day(self):
        # Monday 23 November 2026, 10:00 in Shanghai: the first complaint's
        # deadline is Thursday (no Friday inside it), the second's Saturday
        first, second = self.env["customer.callback"]._plan_callbacks(
            [
                self.vals("T1", TODAY + timedelta(days=3)),
                self.vals("T2", TODAY + timedelta(days=5)),
            ]
        )
        self.assertEqual(first.planned_date, FROZEN_NOW)  # the earliest window: now
        self.assertEqual(first.deadline, TODAY + timedelta(days=3))
        self.assertIn("could not be met before the deadline", first.message_ids[0].body)
        self.assertEqual(
            self.local(second.planned_date, "Asia/Shanghai"), datetime(2026, 11, 27, 18, 0)
        )
        self.assertFalse(
            second.message_ids.filtered(lambda m: "could not be met" in (m.body or ""))
        )
        # the third, planned late on Thursday evening (Shanghai) with its deadline
        # that Thursday: no window left inside it, the earliest after it
        # (Friday 09:00), not his Friday evening: the call is late already
        third = self.env["customer.callback"]._plan_callbacks(
            [
                dict(
                    self.vals("T3", TODAY + timedelta(days=3)),
                    plan_start=False,
                    planned_date=datetime(2026, 11, 26, 12, 30),  # 20:30 in Shanghai
                )
            ]
        )
        self.assertEqual(
            self.local(third.planned_date, "Asia/Shanghai"), datetime(2026, 11, 27, 9, 0)
        )
