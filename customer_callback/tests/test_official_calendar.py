# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime
from unittest.mock import patch

from odoo import fields
from odoo.fields import Domain
from odoo.tests import HttpCase, tagged

from ..tools import official_calendar
from .common import TODAY, CallbackCase
from .i18n_check import load_language


@tagged("post_install", "-at_install")
class TestOfficialCalendar(CallbackCase):
    """China's public holidays and make-up workdays filled into the working
    time calendar, other countries' holidays for their customers, lunar
    festivals without typed dates."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cn = cls.env.ref("base.cn")
        cls.jp = cls.env.ref("base.jp")
        cls.calendar = cls.company.resource_calendar_id
        cls.company.callback_holiday_country_id = cls.cn
        cls.partner_sh.country_id = cls.cn
        cls.partner_tokyo = cls.env["res.partner"].create(
            {"name": "佐藤 花子", "tz": "Asia/Tokyo", "country_id": cls.jp.id}
        )

    def official_leaves(self):
        return self.env["resource.calendar.leaves"].search(
            [("calendar_id", "=", self.calendar.id), ("callback_official", "=", True)]
        )

    def local_day(self, moment):
        return self.local(moment, "Asia/Shanghai").date()

    def test_refresh_fills_holidays_and_make_up_workdays(self):
        messages = self.company._callback_refresh_official_calendar([2025, 2026])
        self.assertIn("2025 and 2026", messages[self.company.id])
        spring = self.official_leaves().filtered(
            lambda leave: self.local_day(leave.date_from) == date(2026, 2, 15)
        )
        self.assertEqual(len(spring), 1, "one time off for the nine days of Spring Festival")
        self.assertEqual(self.local_day(spring.date_to), date(2026, 2, 23))
        self.assertEqual(self.local(spring.date_from, "Asia/Shanghai"), datetime(2026, 2, 15, 0, 0))
        # 1-8 October 2025: National Day with Mid-Autumn (6 October) inside
        is_holiday = self.company._callback_holiday_checker(date(2025, 9, 30), days=10)
        self.assertEqual(
            [is_holiday(date(2025, 10, d)) for d in range(1, 10)], [True] * 8 + [False]
        )
        self.assertEqual(
            sorted(self.calendar.workday_ids.mapped("date")),
            [
                date(2025, 1, 26),
                date(2025, 2, 8),
                date(2025, 4, 27),
                date(2025, 9, 28),
                date(2025, 10, 11),
                date(2026, 1, 4),
                date(2026, 2, 14),
                date(2026, 2, 28),
                date(2026, 5, 9),
                date(2026, 9, 20),
                date(2026, 10, 10),
            ],
        )
        self.assertTrue(all(self.calendar.workday_ids.mapped("official")))
        # a second refresh changes nothing
        leaves, workdays = self.official_leaves(), self.calendar.workday_ids
        self.company._callback_refresh_official_calendar([2025, 2026])
        self.assertEqual(self.official_leaves(), leaves)
        self.assertEqual(self.calendar.workday_ids, workdays)

    def test_window_kind_follows_the_official_days(self):
        self.company._callback_refresh_official_calendar([2025, 2026])
        is_holiday = self.company._callback_holiday_checker(date(2026, 9, 1), days=60)
        self.assertFalse(is_holiday(date(2026, 9, 20)), "make-up Sunday: a working day")
        self.assertTrue(is_holiday(date(2026, 9, 19)), "an ordinary Saturday")
        self.assertTrue(is_holiday(date(2026, 10, 1)), "National Day")
        self.assertFalse(is_holiday(date(2026, 10, 9)), "an ordinary Friday")
        self.assertFalse(is_holiday(date(2026, 10, 10)), "make-up Saturday")
        is_holiday = self.company._callback_holiday_checker(date(2025, 1, 20), days=30)
        self.assertFalse(is_holiday(date(2025, 1, 26)), "make-up Sunday before Spring Festival")
        self.assertTrue(is_holiday(date(2025, 1, 29)), "Spring Festival")
        # the suite's call windows: working day 09:00, holiday 10:00
        callback = self.make_callback(self.partner_sh)
        sunday_0930 = datetime(2026, 9, 20, 1, 30)  # 09:30 in Shanghai
        self.assertTrue(callback._is_in_window(sunday_0930))
        saturday_0930 = datetime(2026, 9, 19, 1, 30)
        self.assertFalse(callback._is_in_window(saturday_0930))

    def test_customer_country_decides_the_window_kind(self):
        self.company._callback_refresh_official_calendar([2026])
        chinese = self.make_callback(self.partner_sh)
        japanese = self.make_callback(self.partner_tokyo)
        # Wednesday 11 February 2026: Japan's National Foundation Day, a working day in China
        self.assertTrue(chinese._is_in_window(datetime(2026, 2, 11, 1, 30)))  # 09:30 Shanghai
        self.assertFalse(japanese._is_in_window(datetime(2026, 2, 11, 0, 30)))  # 09:30 Tokyo
        self.assertTrue(japanese._is_in_window(datetime(2026, 2, 11, 1, 30)))  # 10:30 Tokyo
        # Tuesday 17 February 2026: Spring Festival in China, a working day in Japan
        self.assertFalse(chinese._is_in_window(datetime(2026, 2, 17, 1, 30)))
        self.assertTrue(japanese._is_in_window(datetime(2026, 2, 17, 0, 30)))

    def test_callable_now_follows_the_customer_country(self):
        self.company._callback_refresh_official_calendar([2026])
        # a Japanese customer living in Shanghai's timezone
        expat = self.env["res.partner"].create(
            {"name": "山田 太郎", "tz": "Asia/Shanghai", "country_id": self.jp.id}
        )
        chinese, japanese = self.make_callback(self.partner_sh), self.make_callback(expat)
        # Wednesday 11 February 2026, 09:30 in Shanghai: a holiday in Japan only
        # (holiday windows open at 10:00)
        moment = datetime(2026, 2, 11, 1, 30)
        Callback = self.env["customer.callback"]
        callable_now = Callback.search(
            Callback._callable_now_domain(moment) & Domain("id", "in", (chinese | japanese).ids)
        )
        self.assertEqual(callable_now, chinese)

    def test_callable_now_reads_each_company_calendar_once(self):
        """The company's working-time calendar decides for its own country
        and for customers without one: read once per search (it was once
        per country of the customers), the official calendars per country."""
        self.make_callback(self.partner_sh)
        self.make_callback(self.partner_paris)  # no country: the company's calendar
        Calendar = type(self.env["resource.calendar"])
        reads = []
        original = Calendar._get_unusual_days

        def counted(calendar, *args, **kwargs):
            reads.append(kwargs.get("company_id"))
            return original(calendar, *args, **kwargs)

        with patch.object(Calendar, "_get_unusual_days", counted):
            self.env["customer.callback"]._callable_now_domain()
        self.assertEqual(reads.count(self.company), 1)
        self.assertEqual(len(reads), len(set(reads)), "each company's calendar once")

    def test_hand_entered_days_survive_a_refresh(self):
        # the company closes on 2 October 2026 afternoon by hand, and on a day of its own
        own = self.env["resource.calendar.leaves"].create(
            [
                {
                    "name": "Company outing",
                    "calendar_id": self.calendar.id,
                    "date_from": datetime(2026, 6, 11, 16, 0),  # 12 June 00:00 Shanghai
                    "date_to": datetime(2026, 6, 12, 15, 59, 59),
                    "time_type": "leave",
                },
                {
                    "name": "National Day (our dates)",
                    "calendar_id": self.calendar.id,
                    "date_from": datetime(2026, 9, 30, 16, 0),  # 1 October 00:00 Shanghai
                    "date_to": datetime(2026, 10, 1, 15, 59, 59),
                    "time_type": "leave",
                },
            ]
        )
        own_workday = self.env["resource.calendar.workday"].create(
            {"calendar_id": self.calendar.id, "date": date(2026, 9, 20), "name": "Inventory"}
        )
        self.company._callback_refresh_official_calendar([2026])
        self.company._callback_refresh_official_calendar([2026])
        self.assertTrue(own.exists() == own and own_workday.exists())
        self.assertEqual(own_workday.name, "Inventory")
        self.assertFalse(own_workday.official)
        national = self.official_leaves().filtered(
            lambda leave: leave.date_from <= datetime(2026, 10, 3) <= leave.date_to
        )
        # the official holiday starts after the day the company entered itself
        self.assertEqual(self.local_day(national.date_from), date(2026, 10, 2))
        self.assertEqual(self.local_day(national.date_to), date(2026, 10, 7))
        self.assertEqual(
            len(self.calendar.workday_ids.filtered(lambda w: w.date == date(2026, 9, 20))), 1
        )

    def test_unpublished_year_is_said(self):
        known = official_calendar.known_years("CN")
        message = self.company._callback_refresh_official_calendar([known[1] + 1])[self.company.id]
        self.assertIn(str(known[1] + 1), message)
        self.assertIn("not published yet", message)
        self.assertFalse(self.official_leaves())

    def test_holiday_country_follows_the_company_country(self):
        """A fresh database's company is in the United States: a Shanghai
        company that sets its country afterwards gets China's official days,
        not the American ones (found by bin/simulate, issue #30); a country
        chosen apart in Settings stays."""
        us, fr = self.env.ref("base.us"), self.env.ref("base.fr")
        company = (
            self.env["res.company"]
            .with_context(install_mode=True)
            .create({"name": "Moving company", "country_id": us.id})
        )
        self.assertEqual(company.callback_holiday_country_id, us)
        company.country_id = self.cn
        self.assertEqual(company.callback_holiday_country_id, self.cn)
        message = company._callback_refresh_official_calendar([2026])[company.id]
        self.assertIn(self.cn.name, message)
        company.callback_holiday_country_id = self.jp
        company.country_id = fr
        self.assertEqual(company.callback_holiday_country_id, self.jp)

    def test_settings_refresh_button(self):
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.callback_holiday_country_id, self.cn)
        self.assertIn("chinese-calendar", settings.callback_official_calendar_info)
        action = settings.action_callback_refresh_official_calendar()
        self.assertEqual(action["tag"], "display_notification")
        self.assertIn(str(TODAY.year), action["params"]["message"])
        self.assertTrue(self.official_leaves())

    def test_mid_autumn_greeting_without_typed_dates(self):
        rule = self.make_rule(
            segment="care_occasion",
            trigger="occasion",
            offset_days=-5,
            window_days=2,
            partner_domain="[('tz', '=', 'Asia/Shanghai')]",
        )
        occasion = self.env["customer.callback.occasion"].create(
            {
                "name": "中秋节",
                "kind": "lunar",
                "month": 8,
                "day": 15,
                "company_id": self.company.id,
            }
        )
        self.assertNotIn(
            date(2027, 9, 15), occasion.date_ids.filtered(lambda d: not d.computed).mapped("date")
        )
        # 11 September 2027: Mid-Autumn (15 September 2027) is four days away
        self.generate(self.partner_sh, today=date(2027, 9, 11))
        festival = occasion.date_ids.filtered(lambda d: d.date == date(2027, 9, 15))
        callback = self.callbacks_of(self.partner_sh, rule).filtered(
            lambda c: c.period_key == f"O{festival.id}"
        )
        self.assertEqual(len(callback), 1)
        self.assertTrue(festival.computed)
        days_before = (date(2027, 9, 15) - callback.deadline).days
        self.assertTrue(3 <= days_before <= 5, days_before)

    def test_occasion_dates_follow_their_rule(self):
        occasion = self.env["customer.callback.occasion"].create(
            {"name": "Founding day", "kind": "solar", "month": 3, "day": 18}
        )
        self.assertIn(date(TODAY.year + 1, 3, 18), occasion.date_ids.mapped("date"))
        occasion.write({"kind": "lunar", "month": 1, "day": 15})
        lantern = official_calendar.occasion_date("lunar", 1, 15, TODAY.year + 1)
        future = occasion.date_ids.filtered(lambda d: d.date >= TODAY)
        self.assertIn(lantern, future.mapped("date"))
        self.assertNotIn(date(TODAY.year + 1, 3, 18), future.mapped("date"))


@tagged("post_install", "-at_install")
class TestOfficialCalendarTour(HttpCase):
    def test_admin_refreshes_the_official_calendar_in_chinese(self):
        # every module's terms: the country's name is base's
        load_language(self.env, "zh_CN")
        admin = self.env.ref("base.user_admin")
        admin.lang = "zh_CN"
        company = admin.company_id
        company.callback_holiday_country_id = self.env.ref("base.cn")
        # holiday names are stored in the company's language
        company.partner_id.lang = "zh_CN"
        calendar = company.resource_calendar_id
        Leaves = self.env["resource.calendar.leaves"]
        official = [("calendar_id", "=", calendar.id), ("callback_official", "=", True)]
        Leaves.search(official).unlink()
        calendar.workday_ids.filtered("official").unlink()
        self.start_tour("/odoo", "customer_callback_official_calendar_tour", login="admin")
        year = fields.Date.context_today(admin).year
        first, last = official_calendar.known_years("CN")
        loaded = Leaves.search(official)
        if first <= year <= last:
            # named in the administrator's language
            self.assertIn("国庆节", loaded.mapped("name"))
            self.assertTrue(calendar.workday_ids.filtered("official"))
        else:
            self.assertFalse(loaded, f"chinese-calendar does not know {year} yet")
