# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every printed report of the suite rendered to a real PDF by wkhtmltopdf
(``force_report_rendering``, as Odoo's own report tests do), its text
extracted with PyPDF2 and checked against hand-computed figures, in
Chinese and English.

Text extraction: wkhtmltopdf embeds Noto Sans CJK, whose ToUnicode map
gives some ideographs as their Kangxi radical twins (人 as ⼈ U+2F08, 无 as
⽆ U+2F46, 水 as ⽔ U+2F54); NFKC maps them back. Cells come apart with
tabs and line breaks: whitespace is collapsed to one space and the checks
look for short strings.

wkhtmltopdf fetches the report's style sheets and web fonts from the report
URL (``report.url``, else ``web.base.url``: port 8069, where ``bin/demo``
may be serving another database). The tests point it at their own server
(pytest-odoo's ``--odoo-http``, on a free port), so they render as a real
deployment does, web fonts reachable, whatever else runs on the machine;
the suite's pages name installed fonts (``report_fonts.scss``), so their
text stays text (issue #27)."""

import io
import re
import threading
import unicodedata
import urllib.error
import urllib.request
from datetime import date, datetime, timedelta
from unittest import SkipTest

from PyPDF2 import PdfReader

from odoo.modules.registry import Registry
from odoo.tests import tagged
from odoo.tools import config

from odoo.addons.customer_callback.tests.common import FROZEN_NOW
from odoo.addons.customer_callback.tests.i18n_check import load_language
from odoo.addons.customer_callback_spot_check.tests.test_spot_check import SpotCheckCase

OCT_5 = datetime(2026, 10, 5, 2, 0)


# Radicals of the CJK Radicals Supplement that Noto Sans CJK's map gives for
# ideographs and that NFKC leaves alone (页 as ⻚ U+2EDA, 门 as ⻔ U+2ED4)
RADICAL_TWINS = str.maketrans({"\u2eda": "页", "\u2ed4": "门"})


def pdf_text(content):
    reader = PdfReader(io.BytesIO(content))
    text = " ".join(page.extract_text() for page in reader.pages)
    text = unicodedata.normalize("NFKC", text).translate(RADICAL_TWINS)
    return re.sub(r"\s+", " ", text), len(reader.pages)


def registries_locked():
    """Whether another thread (the server's) would wait for the registries'
    lock (tried from a thread of its own: the lock is reentrant)."""
    free = []

    def probe():
        if Registry._lock.acquire(blocking=False):
            Registry._lock.release()
            free.append(True)

    thread = threading.Thread(target=probe)
    thread.start()
    thread.join()
    return not free


@tagged("post_install", "-at_install")
class TestReportPdf(SpotCheckCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_language(cls.env, "zh_CN")
        cls.supervisor.tz = "Asia/Shanghai"
        cls.quality = cls.env.ref("customer_callback.helpdesk_ticket_category_product_quality")
        cls.report_url = f"http://127.0.0.1:{config['http_port']}"
        cls.env["ir.config_parameter"].sudo().set_param("report.url", cls.report_url)
        if registries_locked():
            # Odoo's own test runner (``odoo -i ... --test-enable``) holds the
            # registries' lock while it runs the tests: its server would not
            # answer (a request left waiting ends in errors when the run stops)
            raise SkipTest("Odoo's test runner holds the registries' lock: no server")
        try:
            urllib.request.urlopen(
                f"{cls.report_url}/web/login?db={cls.cr.dbname}", timeout=10
            ).close()
        except (TimeoutError, urllib.error.URLError) as error:
            # Odoo's own test runner (``odoo -i ... --test-enable``) holds the
            # registries' lock while it runs the tests: its server answers no
            # request of the database, so wkhtmltopdf would wait for ever.
            # bin/test (pytest-odoo) serves them, and fails on a skipped test.
            raise SkipTest(f"the test server does not serve this database: {error}") from error

    def test_rendered_against_its_own_server(self):
        # the server the PDFs fetch their style sheets and web fonts from is the
        # test's own one, and it serves them
        self.assertEqual(self.env["ir.actions.report"]._get_report_url(), self.report_url)
        with urllib.request.urlopen(f"{self.report_url}/web/health", timeout=30) as answer:
            self.assertEqual(answer.status, 200)
        font = "/web/static/fonts/google/Roboto/Roboto-Regular.ttf"
        with urllib.request.urlopen(f"{self.report_url}{font}", timeout=30) as answer:
            self.assertEqual(answer.status, 200)

    def render(self, report, records, lang):
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(self.supervisor)
            .with_context(lang=lang, force_report_rendering=True)
            ._render_qweb_pdf(report, records.ids)
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(content.startswith(b"%PDF"), "wkhtmltopdf made no PDF")
        return pdf_text(content)

    def assert_in_pdf(self, text, *expected):
        for value in expected:
            self.assertIn(value, text)

    def assert_layout(self, text, lang, pages=1):
        """Every print names the company and says when it was printed (the
        reader's time: 10:00 in Shanghai) and which page of how many (#29)."""
        self.assertIn(self.company.name, text)
        if lang == "zh_CN":
            # NFKC: the full-width colon reads as ":", then a cell's break
            self.assertRegex(text, r"打印时间: ?2026-11-23 10:00")
            self.assertIn(f"第 1 页 / 共 {pages} 页", text)
        else:
            self.assertIn("Printed on 2026-11-23 10:00", text)
            self.assertIn(f"Page 1 of {pages}", text)

    def test_every_print_has_the_suite_layout_and_never_asks_for_one(self):
        """The suite's own layout needs no document layout of the company:
        printing never stops on Odoo's layout dialog, and no blank band sits
        above the text (the header's spacing fills the top margin)."""
        reports = self.env["ir.actions.report"].search(
            [("model", "like", "customer.callback%"), ("report_type", "=", "qweb-pdf")]
        )
        self.assertEqual(len(reports), 5)
        for report in reports:
            arch = self.env.ref(report.report_name).arch
            self.assertIn('t-call="customer_callback_report.report_layout"', arch, report.name)
            self.assertNotIn("web.external_layout", arch, report.name)
            paper = report.paperformat_id
            self.assertLessEqual(paper.margin_top, 16, report.name)
        self.assertFalse(self.env.company.external_report_layout_id)
        # an administrator prints first: the PDF comes, not the layout dialog
        quarterly = self.env["customer.callback.quarterly.report"].create(
            {"year": 2026, "quarter": "4"}
        )
        self.assertTrue(self.env.is_admin())
        self.assertEqual(quarterly.action_print()["type"], "ir.actions.report")
        export = self.env["customer.callback.agent.report.export"].create(
            {"date_from": date(2026, 11, 1), "date_to": date(2026, 11, 1)}
        )
        self.assertEqual(export.action_print()["type"], "ir.actions.report")

    def test_quarterly_report(self):
        Partner = self.env["res.partner"]
        for name, score in (("Q4 a", 5), ("Q4 b", 3)):
            self.make_callback(
                Partner.create({"name": name}),
                planned_date=OCT_5,
                deadline=OCT_5.date() + timedelta(days=2),
            ).sudo().write(
                {
                    "state": "done",
                    "score": score,
                    "done_date": OCT_5 + timedelta(hours=1),
                    "feedback": "滤芯漏水，希望尽快上门",
                }
            )
        self.make_callback(
            Partner.create({"name": "Q4 missed"}),
            planned_date=OCT_5,
            deadline=OCT_5.date() + timedelta(days=2),
        )
        report = (
            self.env["customer.callback.quarterly.report"]
            .with_user(self.supervisor)
            .create({"year": 2026, "quarter": "4"})
        )
        # coverage 2 of 3 due = 66.7 %, satisfaction (5 + 3) / 2 = 4.00;
        # 滤芯漏水 in two callbacks
        text, pages = self.render("customer_callback_report.quarterly_report", report, "en_US")
        self.assertEqual(pages, 1)
        self.assert_layout(text, "en_US")
        self.assert_in_pdf(
            text,
            "Customer care and after-sales analysis",
            "2026 Q4",
            "2026 Q3",
            "Care coverage (%) 66.7",
            "Satisfaction: callbacks 4.00",
        )
        text, _pages = self.render("customer_callback_report.quarterly_report", report, "zh_CN")
        self.assert_layout(text, "zh_CN")
        self.assert_in_pdf(
            text,
            "客户关怀与售后分析报告",
            "关怀覆盖率",
            "66.7",
            "4.00",
        )

    def test_care_record_sheet(self):
        callback = self.make_callback(
            self.partner_sh,
            feedback="滤芯漏水，已更换",
            summary="Quarterly check",
            problem_status="resolved",
        )
        text, _pages = self.render("customer_callback_report.care_record", callback, "zh_CN")
        self.assert_layout(text, "zh_CN")
        self.assert_in_pdf(
            text, "客户关怀记录表", callback.name, "张伟", "+86 1380000", "滤芯漏水", "已解决"
        )
        text, _pages = self.render("customer_callback_report.care_record", callback, "en_US")
        self.assert_layout(text, "en_US")
        self.assert_in_pdf(text, "Customer care record sheet", callback.name, "Resolved")

    def test_monthly_agent_print(self):
        Partner = self.env["res.partner"]
        for name, state, score in (
            ("王芳", "done", 4),
            ("李强", "done", 2),
            ("赵敏", "unreachable", None),
        ):
            values = {"score": score} if score else {}
            self.make_callback(
                Partner.create({"name": name}), state=state, done_date=FROZEN_NOW, **values
            )
        export = (
            self.env["customer.callback.agent.report.export"]
            .with_user(self.supervisor)
            .create({"date_from": date(2026, 11, 1), "date_to": date(2026, 11, 1)})
        )
        text, pages = self.render("customer_callback_report.agent_month_report", export, "en_US")
        # agent 1: 3 callbacks, 2 done, 1 unreachable, average (4 + 2) / 2 = 3.00
        self.assertEqual(pages, 1)
        self.assert_in_pdf(text, "Monthly callback report", "2026-11", self.agent1.name, "3.00")
        self.assert_layout(text, "en_US")
        text, _pages = self.render("customer_callback_report.agent_month_report", export, "zh_CN")
        self.assert_layout(text, "zh_CN")
        self.assert_in_pdf(text, "月度回访报告", self.agent1.name, "3.00")

    def test_spot_check_sheets(self):
        batch = self.make_batch()
        batch.state = "sampled"
        good = self.spot_callback(
            batch, self.make_partner("王芳"), state="done", score=5, feedback="服务很好"
        )
        self.spot_callback(
            batch,
            self.make_partner("李强"),
            checked_user_id=self.agent2.id,
            state="done",
            score=2,
            feedback="上门太慢",
        )
        self.spot_callback(batch, self.make_partner("赵敏"), state="unreachable")
        text, _pages = self.render("customer_callback_report.spot_check_detail", batch, "zh_CN")
        self.assert_layout(text, "zh_CN")
        self.assert_in_pdf(text, "服务抽查明细表", good.name, "王芳", "服务很好", "上门太慢")
        text, _pages = self.render("customer_callback_report.spot_check_detail", batch, "en_US")
        self.assert_in_pdf(text, "Spot-check detail sheet", "Reference", "Done")
        # scored 2: (5 + 2) / 2 = 3.50 against the target 4.00; agent 1: 5.00,
        # agent 2: 2.00, one unreachable excluded
        text, _pages = self.render("customer_callback_report.spot_check_summary", batch, "en_US")
        self.assert_in_pdf(
            text,
            "Spot-check summary sheet",
            "Target 4.00",
            "Satisfaction 3.50",
            f"{self.agent1.name} 1 5 5.00",
            f"{self.agent2.name} 1 2 2.00",
            "Overall 2 7 3.50",
        )
        text, _pages = self.render("customer_callback_report.spot_check_summary", batch, "zh_CN")
        self.assert_layout(text, "zh_CN")
        self.assert_in_pdf(text, "服务抽查汇总表", "目标 4.00", "满意度 3.50", "总计 2 7 3.50")
