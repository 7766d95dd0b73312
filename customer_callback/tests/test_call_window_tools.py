# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Call-window placement (pure logic, no database)."""

from datetime import date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from odoo.tests import BaseCase, tagged

from ..tools import call_window as cw
from .hypothesis_settings import REPEATABLE

WINDOWS = {cw.WORKDAY: [(9.0, 12.0), (13.0, 20.0)], cw.HOLIDAY: [(10.0, 12.0), (13.0, 20.0)]}
BOUNDS = (12.0, 18.0)


def weekends(day):
    return day.weekday() >= 5


def local(moment, tz):
    return cw.to_local(moment, cw.get_zone(tz))


TIMEZONES = ["Asia/Shanghai", "Europe/Paris", "America/New_York", "UTC", "Australia/Sydney"]


@tagged("post_install", "-at_install")
class TestCallWindowTools(BaseCase):
    def test_validate_windows_sorts_and_rejects(self):
        self.assertEqual(cw.validate_windows([(13, 20), (9, 12)]), [(9.0, 12.0), (13.0, 20.0)])
        with self.assertRaises(cw.WindowError) as error:
            cw.validate_windows([(12, 9)])
        self.assertEqual(error.exception.code, "inverted")
        with self.assertRaises(cw.WindowError) as error:
            cw.validate_windows([(9, 13), (12, 20)])
        self.assertEqual(error.exception.code, "overlap")
        with self.assertRaises(cw.WindowError) as error:
            cw.validate_windows([(9, 25)])
        self.assertEqual(error.exception.code, "range")

    def test_place_before_window_moves_to_opening_shanghai(self):
        # Monday 2026-11-23 00:30 UTC = 08:30 in Shanghai -> 09:00 local = 01:00 UTC
        placed = cw.place(datetime(2026, 11, 23, 0, 30), "Asia/Shanghai", WINDOWS, weekends)
        self.assertEqual(placed, datetime(2026, 11, 23, 1, 0))

    def test_place_lunch_break_and_evening_paris(self):
        # 12:15 Paris (11:15 UTC in winter) is in the lunch break -> 13:00 Paris
        placed = cw.place(datetime(2026, 11, 23, 11, 15), "Europe/Paris", WINDOWS, weekends)
        self.assertEqual(placed, datetime(2026, 11, 23, 12, 0))
        # 20:30 Paris -> next day 09:00 Paris (08:00 UTC)
        placed = cw.place(datetime(2026, 11, 23, 19, 30), "Europe/Paris", WINDOWS, weekends)
        self.assertEqual(placed, datetime(2026, 11, 24, 8, 0))

    def test_place_holiday_window_opens_later(self):
        # Saturday 2026-11-28 08:00 Shanghai -> holidays open at 10:00
        placed = cw.place(datetime(2026, 11, 28, 0, 0), "Asia/Shanghai", WINDOWS, weekends)
        self.assertEqual(local(placed, "Asia/Shanghai").hour, 10)

    def test_public_holiday_is_a_holiday(self):
        national_day = date(2026, 10, 1)  # a Thursday

        def is_holiday(day):
            return day == national_day or day.weekday() >= 5

        placed = cw.place(datetime(2026, 9, 30, 23, 0), "Asia/Shanghai", WINDOWS, is_holiday)
        self.assertEqual(
            local(placed, "Asia/Shanghai").replace(tzinfo=None), datetime(2026, 10, 1, 10, 0)
        )

    def test_preferred_time_wins_inside_window_only(self):
        placed = cw.place(
            datetime(2026, 11, 23, 0, 0), "Asia/Shanghai", WINDOWS, weekends, preferred_hour=19.5
        )
        self.assertEqual(local(placed, "Asia/Shanghai").strftime("%H:%M"), "19:30")
        # 22:00 is outside every window: ignored
        placed = cw.place(
            datetime(2026, 11, 23, 0, 0), "Asia/Shanghai", WINDOWS, weekends, preferred_hour=22.0
        )
        self.assertEqual(local(placed, "Asia/Shanghai").strftime("%H:%M"), "09:00")

    def test_avoid_slots_plans_next_attempt_elsewhere(self):
        start = datetime(2026, 11, 23, 1, 0)  # 09:00 Shanghai, morning
        placed = cw.place(
            start, "Asia/Shanghai", WINDOWS, weekends, avoid_slots={"morning"}, bounds=BOUNDS
        )
        self.assertEqual(cw.slot_at(placed, "Asia/Shanghai", BOUNDS), "afternoon")
        placed = cw.place(
            start,
            "Asia/Shanghai",
            WINDOWS,
            weekends,
            avoid_slots={"morning", "afternoon"},
            bounds=BOUNDS,
        )
        self.assertEqual(local(placed, "Asia/Shanghai").strftime("%H:%M"), "18:00")

    def test_no_windows_returns_none(self):
        self.assertIsNone(cw.place(datetime(2026, 11, 23), "UTC", {}, weekends))

    def test_is_in_window_uses_customer_timezone(self):
        # 02:00 UTC = 10:00 Shanghai (inside) = 21:00 New York the day before (outside)
        moment = datetime(2026, 11, 24, 2, 0)
        self.assertTrue(cw.is_in_window(moment, "Asia/Shanghai", WINDOWS, weekends))
        self.assertFalse(cw.is_in_window(moment, "America/New_York", WINDOWS, weekends))

    @settings(REPEATABLE, max_examples=300)
    @given(
        moment=st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2030, 12, 31)),
        tz=st.sampled_from(TIMEZONES),
        preferred=st.one_of(st.none(), st.floats(min_value=0, max_value=23.9)),
        avoid=st.sets(st.sampled_from(cw.SLOTS)),
        holidays=st.sets(
            st.dates(min_value=date(2024, 1, 1), max_value=date(2031, 1, 31)), max_size=40
        ),
    )
    def test_property_placement_always_inside_a_window(
        self, moment, tz, preferred, avoid, holidays
    ):
        def is_holiday(day):
            return day in holidays or day.weekday() >= 5

        placed = cw.place(
            moment,
            tz,
            WINDOWS,
            is_holiday,
            preferred_hour=preferred,
            avoid_slots=avoid,
            bounds=BOUNDS,
        )
        self.assertIsNotNone(placed)
        self.assertGreaterEqual(placed, moment.replace(second=0, microsecond=0))
        self.assertTrue(cw.is_in_window(placed, tz, WINDOWS, is_holiday))
        if avoid and not avoid >= set(cw.SLOTS):
            self.assertNotIn(cw.slot_at(placed, tz, BOUNDS), avoid)

    def test_next_opening_is_now_inside_a_window(self):
        # Monday 2026-11-23 02:00 UTC = 10:00 in Shanghai: open now
        now = datetime(2026, 11, 23, 2, 0)
        self.assertEqual(cw.next_opening(now, "Asia/Shanghai", WINDOWS, weekends), now)

    def test_next_opening_after_the_evening_window(self):
        # Monday 2026-11-23 12:30 UTC = 20:30 in Shanghai -> Tuesday 09:00 Shanghai
        now = datetime(2026, 11, 23, 12, 30, 17)
        self.assertEqual(
            cw.next_opening(now, "Asia/Shanghai", WINDOWS, weekends), datetime(2026, 11, 24, 1)
        )
        # same moment, 04:30 in San Francisco (Monday) -> 09:00 there, 17:00 UTC
        self.assertEqual(
            cw.next_opening(now, "America/Los_Angeles", WINDOWS, weekends),
            datetime(2026, 11, 23, 17, 0),
        )

    def test_next_opening_in_the_lunch_break_and_on_a_holiday(self):
        # Monday 12:30 Shanghai -> 13:00 Shanghai, exactly (no rounding to a slot)
        now = datetime(2026, 11, 23, 4, 30)
        self.assertEqual(
            cw.next_opening(now, "Asia/Shanghai", WINDOWS, weekends), datetime(2026, 11, 23, 5)
        )
        # Saturday 09:30 Shanghai: holidays open at 10:00
        now = datetime(2026, 11, 28, 1, 30)
        self.assertEqual(
            cw.next_opening(now, "Asia/Shanghai", WINDOWS, weekends), datetime(2026, 11, 28, 2)
        )

    def test_next_opening_without_windows(self):
        self.assertIsNone(cw.next_opening(datetime(2026, 11, 23), "UTC", {}, weekends))

    def test_open_zones(self):
        # 02:00 UTC Monday: 10:00 Shanghai (open), 03:00 Paris, 18:00 Sunday in San Francisco
        now = datetime(2026, 11, 23, 2, 0)
        zones = ["Asia/Shanghai", "Europe/Paris", "America/Los_Angeles", "Asia/Tokyo"]
        self.assertEqual(
            cw.open_zones(now, zones, WINDOWS, weekends),
            {
                "Asia/Shanghai",
                "America/Los_Angeles",
                "Asia/Tokyo",
            },
        )

    def test_local_day_bounds(self):
        # 1 December in Shanghai runs from 30 November 16:00 UTC to 1 December 16:00 UTC
        self.assertEqual(
            cw.local_day_bounds(date(2026, 12, 1), "Asia/Shanghai"),
            (
                datetime(2026, 11, 30, 16),
                datetime(2026, 12, 1, 16),
            ),
        )
        # a DST change in Paris: 29 March 2026 lasts 23 hours
        start, end = cw.local_day_bounds(date(2026, 3, 29), "Europe/Paris")
        self.assertEqual((end - start).total_seconds(), 23 * 3600)

    def test_format_local_names_the_zone(self):
        # 07:00 UTC is 15:00 in Shanghai and 08:00 in Brussels (winter)
        moment = datetime(2026, 12, 1, 7, 0)
        self.assertEqual(
            cw.format_local(moment, "Asia/Shanghai"), "2026-12-01 15:00 (Asia/Shanghai)"
        )
        self.assertEqual(
            cw.format_local(moment, "Europe/Brussels"), "2026-12-01 08:00 (Europe/Brussels)"
        )
        self.assertEqual(cw.format_local(moment, False), "2026-12-01 07:00 (UTC)")

    def test_preferred_days_win_over_the_first_free_day(self):
        """Tuesday and Thursday evenings: from a Monday morning (Shanghai), the
        callback goes to Tuesday 18:00, not to Monday."""
        monday = datetime(2026, 11, 23, 1, 0)  # 09:00 in Shanghai
        placed = cw.place(
            monday, "Asia/Shanghai", WINDOWS, weekends, preferred_hour=18.0, preferred_days=(1, 3)
        )
        self.assertEqual(
            local(placed, "Asia/Shanghai").replace(tzinfo=None), datetime(2026, 11, 24, 18, 0)
        )
        # Tuesday evening already past: Thursday
        tuesday_night = datetime(2026, 11, 24, 13, 0)  # 21:00 in Shanghai
        placed = cw.place(
            tuesday_night,
            "Asia/Shanghai",
            WINDOWS,
            weekends,
            preferred_hour=18.0,
            preferred_days=(1, 3),
        )
        self.assertEqual(
            local(placed, "Asia/Shanghai").replace(tzinfo=None), datetime(2026, 11, 26, 18, 0)
        )
        # no window on the chosen days (Sunday only, no holiday windows): any day
        no_holiday = {cw.WORKDAY: WINDOWS[cw.WORKDAY], cw.HOLIDAY: []}
        placed = cw.place(monday, "Asia/Shanghai", no_holiday, weekends, preferred_days=(6,))
        self.assertEqual(
            local(placed, "Asia/Shanghai").replace(tzinfo=None), datetime(2026, 11, 23, 9, 0)
        )

    def test_slot_start_inside_the_windows(self):
        self.assertEqual(cw.slot_start(WINDOWS, "morning", BOUNDS), 9.0)
        self.assertEqual(cw.slot_start(WINDOWS, "afternoon", BOUNDS), 13.0)
        self.assertEqual(cw.slot_start(WINDOWS, "evening", BOUNDS), 18.0)
        self.assertIsNone(cw.slot_start({cw.WORKDAY: [(9.0, 12.0)]}, "evening", BOUNDS))
