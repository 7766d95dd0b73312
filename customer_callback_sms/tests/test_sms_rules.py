# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from odoo.tests import BaseCase, tagged

from ..tools import sms_rules


@tagged("post_install", "-at_install")
class TestSmsRules(BaseCase):
    def test_stop_words(self):
        for text in ("TD", "td", " 退订 ", "T", "n", "TD。", "「退订」", "ＴＤ"):
            self.assertTrue(sms_rules.is_stop_reply(text), text)
        for text in ("", None, "TDX", "谢谢", "不要退订了吗", "NO", "好的 TD"):
            self.assertFalse(sms_rules.is_stop_reply(text), text)

    def test_params(self):
        pairs = sms_rules.parse_params("name=name, code=link\n", sms_rules.AFTER_ATTEMPTS)
        self.assertEqual(pairs, [("name", "name"), ("code", "link")])
        self.assertEqual(
            sms_rules.template_values(pairs, {"name": "张伟"}), {"name": "张伟", "code": ""}
        )
        for text, code in (
            ("name", "format"),
            ("na me=name", "variable"),
            ("name=url", "value"),
            ("a=name,a=link", "duplicate"),
        ):
            with self.assertRaises(sms_rules.ParamError) as caught:
                sms_rules.parse_params(text, sms_rules.AFTER_ATTEMPTS)
            self.assertEqual(caught.exception.code, code)

    def test_quota_counts_a_rolling_day(self):
        now = datetime(2026, 11, 23, 10, 0)
        moments = [now - timedelta(hours=23), now - timedelta(hours=25)]
        self.assertFalse(sms_rules.over_quota(moments, now, 2))
        self.assertTrue(sms_rules.over_quota(moments + [now], now, 2))
        self.assertFalse(sms_rules.over_quota(moments * 10, now, 0))

    def test_number_key(self):
        self.assertEqual(sms_rules.number_key("+86 138-0013-8000"), "13800138000")
        self.assertEqual(sms_rules.number_key("008613800138000"), "13800138000")
        self.assertEqual(sms_rules.number_key(None), "")

    def test_day_limit_counts_the_providers_calendar_day(self):
        # 23:59:59 and 00:00:00 in Beijing (UTC+8): two calendar days
        before_midnight = datetime(2026, 12, 1, 15, 59, 59)
        midnight = datetime(2026, 12, 1, 16, 0, 0)
        day = [before_midnight - timedelta(minutes=i) for i in range(10)]
        self.assertTrue(sms_rules.over_day_limit(day, before_midnight, 10, "Asia/Shanghai"))
        self.assertFalse(sms_rules.over_day_limit(day, midnight, 10, "Asia/Shanghai"))
        self.assertTrue(
            sms_rules.over_day_limit(day + [midnight] * 10, midnight, 10, "Asia/Shanghai")
        )
        self.assertFalse(sms_rules.over_day_limit(day, before_midnight, 0, "Asia/Shanghai"))
        # the same moments in UTC's calendar: one day
        self.assertTrue(sms_rules.over_day_limit(day, midnight, 10, "UTC"))
        self.assertEqual(str(sms_rules.provider_day(midnight, "Asia/Shanghai")), "2026-12-02")
