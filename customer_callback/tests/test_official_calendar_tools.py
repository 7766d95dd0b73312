# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Official calendars: China's holidays and make-up workdays, other
countries' holidays, lunar festivals (pure functions)."""

from datetime import date, timedelta

from odoo.tests import BaseCase, tagged

from ..tools import official_calendar as oc


@tagged("post_install", "-at_install")
class TestOfficialCalendarTools(BaseCase):
    def test_china_2026_spring_festival_and_national_day(self):
        year = oc.official_year("CN", 2026)
        runs = oc.runs(year.holidays)
        self.assertIn((date(2026, 2, 15), date(2026, 2, 23), "Spring Festival"), runs)
        self.assertIn((date(2026, 10, 1), date(2026, 10, 7), "National Day"), runs)
        self.assertEqual(
            set(year.workdays),
            {
                date(2026, 1, 4),
                date(2026, 2, 14),
                date(2026, 2, 28),
                date(2026, 5, 9),
                date(2026, 9, 20),
                date(2026, 10, 10),
            },
        )
        self.assertTrue(all(day.weekday() >= 5 for day in year.workdays))

    def test_china_2025_make_up_workdays(self):
        year = oc.official_year("CN", 2025)
        self.assertIn(date(2025, 1, 26), year.workdays)  # Sunday before Spring Festival
        self.assertIn(date(2025, 9, 28), year.workdays)  # Sunday before National Day
        # National Day and Mid-Autumn (6 October) make one eight-day holiday
        self.assertEqual(
            [date(2025, 10, d) in year.holidays for d in range(1, 10)], [True] * 8 + [False]
        )
        self.assertEqual(year.holidays[date(2025, 10, 6)], "Mid-autumn Festival")

    def test_china_year_not_published(self):
        first, last = oc.known_years("CN")
        self.assertTrue(first <= 2026 <= last)
        with self.assertRaises(oc.YearNotPublished) as raised:
            oc.official_year("CN", last + 1)
        self.assertEqual(raised.exception.known, (first, last))

    def test_holiday_checker_per_country(self):
        china = oc.holiday_checker("CN")
        self.assertTrue(china(date(2026, 2, 17)))  # Spring Festival
        self.assertFalse(china(date(2026, 9, 20)))  # make-up Sunday
        self.assertTrue(china(date(2026, 9, 19)))  # an ordinary Saturday
        self.assertFalse(china(date(2026, 2, 11)))
        japan = oc.holiday_checker("JP")
        self.assertTrue(japan(date(2026, 2, 11)))  # National Foundation Day
        self.assertFalse(japan(date(2026, 2, 17)))
        # a year the library does not know: weekends only
        unknown = oc.known_years("CN")[1] + 1
        saturday = next(
            date(unknown, 1, d) for d in range(1, 8) if date(unknown, 1, d).weekday() == 5
        )
        self.assertTrue(china(saturday))
        self.assertTrue(not china(date(unknown, 1, 1)) or date(unknown, 1, 1).weekday() >= 5)

    def test_unknown_country(self):
        with self.assertRaises(oc.CountryUnknown):
            oc.official_year("XX", 2026)
        self.assertTrue(oc.holiday_checker("XX")(date(2026, 11, 28)))  # Saturday
        self.assertFalse(oc.holiday_checker("XX")(date(2026, 11, 27)))

    def test_runs_merge_consecutive_days_of_one_name(self):
        days = {
            date(2026, 5, 1): "Labour Day",
            date(2026, 5, 2): "Labour Day",
            date(2026, 5, 4): "Labour Day",
            date(2026, 5, 5): "Other",
        }
        self.assertEqual(
            oc.runs(days),
            [
                (date(2026, 5, 1), date(2026, 5, 2), "Labour Day"),
                (date(2026, 5, 4), date(2026, 5, 4), "Labour Day"),
                (date(2026, 5, 5), date(2026, 5, 5), "Other"),
            ],
        )

    def test_lunar_festivals(self):
        for festival, year, expected in [
            ("spring_festival", 2027, date(2027, 2, 6)),
            ("mid_autumn", 2027, date(2027, 9, 15)),
            ("dragon_boat", 2027, date(2027, 6, 9)),
            ("mid_autumn", 2030, date(2030, 9, 12)),
            ("double_ninth", 2026, date(2026, 10, 18)),
            ("laba", 2027, date(2027, 1, 15)),  # lunar year 2026's twelfth month
        ]:
            with self.subTest(festival=festival, year=year):
                month, day = oc.LUNAR_FESTIVALS[festival]
                self.assertEqual(oc.occasion_date("lunar", month, day, year), expected)

    def test_lunar_thirtieth_in_a_short_month_is_its_last_day(self):
        # New Year's Eve (除夕) is the last day of the twelfth month, 29 or 30 days long
        for year in (2025, 2026, 2027):
            eve = oc.lunar_to_solar(year, 12, 30)
            self.assertEqual(eve, oc.occasion_date("lunar", 1, 1, year + 1) - timedelta(days=1))

    def test_solar_occasions(self):
        self.assertEqual(oc.occasion_dates("solar", 2, 29, 2027, 2029), [date(2028, 2, 29)])
        self.assertEqual(
            oc.occasion_dates("solar", 3, 18, 2026, 2027), [date(2026, 3, 18), date(2027, 3, 18)]
        )
