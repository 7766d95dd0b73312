# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

import freezegun

from odoo.tests import tagged

from ..tools import official_calendar
from .common import CallbackCase
from .i18n_check import load_language

# Odoo 19's toast writes "<title>. <message>" (web.NotificationWowl)
LATIN_JOIN = ". "


class ToastCase(CallbackCase):
    """Every toast of the suite reads as one Chinese sentence: no title for
    Odoo to join with a Latin ". ", full-width punctuation (#29). Shared
    with the addons' toasts (customer_callback_report's reassignment)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_language(cls.env, "zh_CN")
        cls.company.partner_id.lang = "zh_CN"
        cls.company.callback_holiday_country_id = cls.env.ref("base.cn")
        cls.zh = {"lang": "zh_CN", "tz": "Asia/Shanghai"}

    def assert_one_sentence(self, action):
        self.assertEqual(action["tag"], "display_notification")
        params = action["params"]
        self.assertNotIn("title", params, "Odoo would join the title with a Latin '. '")
        self.assertNotIn(LATIN_JOIN, params["message"])
        self.assertNotIn(", ", params["message"])
        return params["message"]


@tagged("post_install", "-at_install")
class TestToastsInChinese(ToastCase):
    def test_official_calendar_refresh(self):
        settings = self.env["res.config.settings"].with_context(**self.zh).create({})
        message = self.assert_one_sentence(settings.action_callback_refresh_official_calendar())
        self.assertTrue(message.startswith("官方日历：已载入"), message)

    def test_official_calendar_years_and_sentences(self):
        last = official_calendar.known_years("CN")[1]
        message = self.company._callback_refresh_official_calendar([last - 1, last, last + 1])[
            self.company.id
        ]
        self.assertIn(f"{last - 1}和{last} 年", message)
        self.assertIn(f"。{last + 1} 年：尚未发布", message)

    def test_attempt_logged(self):
        callback = self.make_callback().with_context(attempt_result="no_answer", **self.zh)
        # 10:00 then 22:00 in Shanghai: inside, then outside the call window
        for moment in (datetime(2026, 11, 23, 2, 0), datetime(2026, 11, 23, 14, 0)):
            with freezegun.freeze_time(moment):
                self.assert_one_sentence(callback.action_log_attempt())

    def test_rules_reviewed(self):
        self.make_rule()
        Rule = self.env["customer.callback.rule"].with_user(self.supervisor)
        self.assert_one_sentence(Rule.with_context(**self.zh).action_confirm_reviewed())
