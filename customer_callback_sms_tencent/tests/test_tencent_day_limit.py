# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Tencent Cloud's own limit: at most 10 messages to one number in a
calendar day (Beijing time). A message past it is refused before it is
sent, with the reason; the count starts again at midnight in Beijing,
whoever the number's customer is."""

from contextlib import contextmanager
from datetime import datetime, timedelta
from unittest.mock import patch

import freezegun
import pytz

from odoo.tests import tagged

from ..tools.tencent_api import DAILY_LIMIT
from .common import TencentCase

BEIJING = pytz.timezone("Asia/Shanghai")


def utc(*local):
    """A moment in Beijing time, as naive UTC."""
    return BEIJING.localize(datetime(*local)).astimezone(pytz.utc).replace(tzinfo=None)


@tagged("post_install", "-at_install")
class TestTencentDayLimit(TencentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # our own per-customer quota off: only the provider's limit applies
        cls.company.callback_sms_daily_quota = 0
        # another customer of the company with the same mobile (a family's phone)
        cls.relative = cls.partner.copy({"name": "赵磊的家人"})

    @contextmanager
    def at(self, moment):
        """The clock at ``moment`` (naive UTC), the cursor's too (create_date)."""
        with freezegun.freeze_time(moment), patch.object(self.env.cr, "now", lambda: moment):
            yield

    def queue(self, moment, partner=None):
        with self.at(moment):
            return self.env["customer.callback.sms"]._callback_sms_queue(
                [
                    {
                        "partner": partner or self.partner,
                        "company": self.company,
                        "kind": "after_attempts",
                        "values": {"name": "赵磊", "link": "https://example.com/c"},
                    }
                ]
            )

    def test_ten_a_calendar_day_in_beijing(self):
        self.assertEqual(DAILY_LIMIT, 10)
        # the first day's ten, the last one second before midnight in Beijing
        first = utc(2026, 12, 1, 23, 50, 0)
        for i in range(DAILY_LIMIT - 1):
            self.assertEqual(self.queue(first + timedelta(seconds=i)).state, "queued")
        self.assertEqual(self.queue(utc(2026, 12, 1, 23, 59, 59)).state, "queued")
        # an eleventh: refused, to the customer and to another with the number
        for partner in (self.partner, self.relative):
            line = self.queue(utc(2026, 12, 1, 23, 59, 59), partner)
            self.assertEqual(line.state, "refused")
            self.assertIn("Tencent Cloud SMS accepts at most 10", line.failure_reason)
            self.assertIn("2026-12-01", line.failure_reason)
            self.assertFalse(line.sms_uuid, "never given to Odoo's queue")
        # midnight in Beijing (16:00 UTC): a new day, ten minutes after the first ten
        for i in range(DAILY_LIMIT):
            line = self.queue(utc(2026, 12, 2, 0, 0, 0) + timedelta(hours=i))
            self.assertEqual(line.state, "queued", line.failure_reason)
        # the second day's eleventh is refused in turn, its third day is free
        self.assertEqual(self.queue(utc(2026, 12, 2, 23, 0, 0), self.relative).state, "refused")
        self.assertEqual(self.queue(utc(2026, 12, 3, 0, 0, 1)).state, "queued")

    def test_refused_messages_do_not_count(self):
        for i in range(DAILY_LIMIT):
            self.queue(utc(2026, 12, 1, 9, 0, i))
        self.assertEqual(self.queue(utc(2026, 12, 1, 9, 1, 0)).state, "refused")
        self.assertEqual(self.queue(utc(2026, 12, 1, 9, 2, 0)).state, "refused")
        self.assertEqual(self.queue(utc(2026, 12, 2, 9, 0, 0)).state, "queued")
