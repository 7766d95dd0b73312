# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Team workload periods in the reader's timezone (pure logic, issue #16
point 13)."""

from datetime import date, datetime

from odoo.tests import BaseCase, tagged

from ..tools import workload


@tagged("post_install", "-at_install")
class TestWorkloadTools(BaseCase):
    def test_shanghai_day_and_week_in_utc(self):
        # Monday 23 November 2026, 10:00 in Shanghai (02:00 UTC)
        periods = workload.periods(datetime(2026, 11, 23, 2, 0), "Asia/Shanghai")
        assert periods.today == date(2026, 11, 23)
        assert periods.day_start == datetime(2026, 11, 22, 16, 0)
        assert periods.day_end == datetime(2026, 11, 23, 16, 0)
        assert periods.week_start == datetime(2026, 11, 22, 16, 0)
        assert periods.week_end == datetime(2026, 11, 29, 16, 0)

    def test_the_same_moment_is_still_sunday_in_new_york(self):
        periods = workload.periods(datetime(2026, 11, 23, 2, 0), "America/New_York")
        assert periods.today == date(2026, 11, 22)
        assert periods.day_start == datetime(2026, 11, 22, 5, 0)
        assert periods.week_start == datetime(2026, 11, 16, 5, 0)
        assert periods.week_end == datetime(2026, 11, 23, 5, 0)

    def test_week_across_a_daylight_saving_change(self):
        # Paris leaves summer time on Sunday 25 October 2026: the week is 169 hours
        periods = workload.periods(datetime(2026, 10, 21, 12, 0), "Europe/Paris")
        assert periods.week_start == datetime(2026, 10, 18, 22, 0)
        assert periods.week_end == datetime(2026, 10, 25, 23, 0)
        assert workload.periods(datetime(2026, 10, 21, 12, 0), False).today == date(2026, 10, 21)
