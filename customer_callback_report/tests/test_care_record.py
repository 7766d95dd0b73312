# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
from datetime import datetime, timedelta

import openpyxl

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.customer_callback.tests.common import FROZEN_NOW, CallbackCase
from odoo.addons.customer_callback.tests.i18n_check import load_language

HEADERS_ZH = [
    "客户编号",
    "客户名称/单位",
    "联系方式",
    "所属行业/产品类型",
    "关怀日期",
    "关怀事由",
    "关怀方式",
    "沟通内容摘要",
    "客户反馈/需求",
    "问题处理状态",
    "负责人",
    "预计完成时间",
    "实际完成时间",
    "备注",
]


@tagged("post_install", "-at_install")
class TestCareRecordSheet(CallbackCase):
    """客户关怀记录表: the template's columns in its order, printed and as XLSX,
    from a selection of callbacks, in the reader's language and timezone."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_language(cls.env, "zh_CN")
        industry = cls.env["res.partner.industry"].create({"name": "Water treatment"})
        company = cls.env["res.partner"].create(
            {"name": "绿源净水有限公司", "is_company": True, "industry_id": industry.id}
        )
        cls.partner_sh.write(
            {"parent_id": company.id, "ref": "C-0042", "email": "zhangwei@example.com"}
        )
        cls.rule = cls.make_rule(name="Usage check")
        cls.agent1.tz = "Asia/Shanghai"

    def setUp(self):
        super().setUp()
        # closed at 10:30 in Shanghai (02:30 UTC)
        self.done = self.make_callback(
            rule_id=self.rule.id,
            channel="phone",
            summary="Filter changed, water tastes fine.",
            feedback="Happy with the purifier.",
            needs="Wants a second unit for the office.",
            problem_status="resolved",
            remarks="=call again in spring",
            deadline=FROZEN_NOW.date() + timedelta(days=2),
        )
        self.done.sudo().write({"state": "done", "done_date": FROZEN_NOW + timedelta(minutes=30)})
        self.other = self.make_callback(self.partner_paris, user_id=self.agent2.id, channel="email")

    def render_html(self, user, callbacks):
        html = (
            self.env["ir.actions.report"]
            .with_user(user)
            .with_context(lang=user.lang)
            ._render_qweb_html("customer_callback_report.care_record", callbacks.ids)[0]
        )
        return html.decode()

    def render_xlsx(self, user, callbacks):
        content = (
            self.env["ir.actions.report"]
            .with_user(user)
            .with_context(lang=user.lang)
            ._render_xlsx("customer_callback_report.care_record_xlsx", callbacks.ids, data={})[0]
        )
        return list(openpyxl.load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))

    def test_xlsx_columns_and_values_in_chinese(self):
        self.agent1.lang = "zh_CN"
        rows = self.render_xlsx(self.agent1, self.done)
        self.assertEqual(list(rows[0]), HEADERS_ZH)
        self.assertEqual(
            list(rows[1]),
            [
                "C-0042",
                "张伟 / 绿源净水有限公司",
                "+86 1380000 / zhangwei@example.com",
                "Water treatment",
                datetime(2026, 11, 23),
                "Usage check",
                "电话",
                "Filter changed, water tastes fine.",
                "Happy with the purifier.\nWants a second unit for the office.",
                "已解决",
                self.agent1.name,
                datetime(2026, 11, 25),
                datetime(2026, 11, 23, 10, 30),  # the reader's timezone
                "=call again in spring",  # text, never a formula
            ],
        )

    def test_print_in_english_and_chinese(self):
        self.agent1.lang = "en_US"
        html = self.render_html(self.agent1, self.done)
        self.assertIn("Customer care record sheet", html)
        self.assertIn("Customer no.", html)
        self.assertIn("2026-11-23 10:30", html)
        self.assertIn("Resolved", html)
        self.agent1.lang = "zh_CN"
        html = self.render_html(self.agent1, self.done)
        self.assertIn("客户关怀记录表", html)
        for header in HEADERS_ZH:
            self.assertIn(header, html)
        self.assertIn("已解决", html)
        self.assertIn("Wants a second unit for the office.", html)

    def test_only_callbacks_the_reader_may_read(self):
        with self.assertRaises(AccessError):
            self.render_xlsx(self.agent1, self.done | self.other)
        with self.assertRaises(AccessError):
            self.render_html(self.agent1, self.other)
        rows = self.render_xlsx(self.supervisor, self.done | self.other)
        self.assertEqual(len(rows), 3)
        self.assertEqual(
            rows[2][0], self.other.name, "no customer reference: the callback's number"
        )
