# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The company's holiday checker reads its working-time calendar once per
day (issue #30: the calendar computation was most of My workday's cost,
repeated for each search, field and attempt), and sees at once a public
holiday, a make-up workday or a working-hours change made afterwards."""

from datetime import date, datetime
from unittest.mock import patch

from odoo.tests import tagged

from .common import TODAY, CallbackCase

MONDAY = date(2026, 11, 30)
SATURDAY = date(2026, 11, 28)


@tagged("post_install", "-at_install")
class TestHolidayCheckerCache(CallbackCase):
    def setUp(self):
        super().setUp()
        self.calendar = self.company.resource_calendar_id
        self.make_callback(rule_id=self.make_rule().id)
        self.Calendar = type(self.env["resource.calendar"])
        self.computed = []
        original = self.Calendar._get_unusual_days
        computed = self.computed

        def counting(calendar, start_dt, end_dt, company_id=False):
            computed.append(calendar.id)
            return original(calendar, start_dt, end_dt, company_id=company_id)

        self.startPatcher(patch.object(self.Calendar, "_get_unusual_days", counting))

    def test_my_workday_reads_the_calendar_once(self):
        workday = self.env["customer.callback.workday"].with_user(self.agent1)
        workday.get_workday_data()
        workday.get_workday_data()
        self.env["customer.callback"].with_user(self.agent1).search([("callable_now", "=", True)])
        self.assertEqual(self.computed.count(self.calendar.id), 1)

    def test_a_change_is_seen_at_once(self):
        is_holiday = self.company._callback_holiday_checker(TODAY)
        self.assertFalse(is_holiday(MONDAY))
        self.assertTrue(is_holiday(SATURDAY))
        leave = self.env["resource.calendar.leaves"].create(
            {
                "name": "Public holiday",
                "calendar_id": self.calendar.id,
                "date_from": datetime(2026, 11, 29, 16, 0),  # Monday in Shanghai
                "date_to": datetime(2026, 11, 30, 15, 59),
            }
        )
        self.assertTrue(self.company._callback_holiday_checker(TODAY)(MONDAY))
        leave.unlink()
        self.assertFalse(self.company._callback_holiday_checker(TODAY)(MONDAY))
        workday = self.env["resource.calendar.workday"].create(
            {"calendar_id": self.calendar.id, "date": SATURDAY, "name": "Make-up"}
        )
        self.assertFalse(self.company._callback_holiday_checker(TODAY)(SATURDAY))
        workday.date = date(2026, 12, 5)
        self.assertTrue(self.company._callback_holiday_checker(TODAY)(SATURDAY))
        # another calendar (the company's hours copied), then Mondays off in the first
        other = self.env["resource.calendar"].create(
            {"name": "Other", "tz": "Asia/Shanghai", "company_id": self.company.id}
        )
        self.calendar.attendance_ids.filtered(lambda a: a.dayofweek == "0").unlink()
        self.assertTrue(self.company._callback_holiday_checker(TODAY)(MONDAY))
        self.company.resource_calendar_id = other
        self.assertFalse(self.company._callback_holiday_checker(TODAY)(MONDAY))
