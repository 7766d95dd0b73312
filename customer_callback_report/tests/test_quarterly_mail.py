# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The quarter-end e-mail of the quarterly analysis (issue #17 point 1): off
by default, the quarter before sent once to the company's supervisors with
the XLSX attached. The frozen day, 23 November 2026, is in the fourth
quarter: the third quarter's report is due."""

import io
from datetime import datetime, timedelta
from unittest.mock import patch

import openpyxl

from odoo.tests import new_test_user, tagged

from odoo.addons.customer_callback.tests.common import CallbackCase, cron_commits


@tagged("post_install", "-at_install")
class TestQuarterlyMail(CallbackCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Report = cls.env["customer.callback.quarterly.report"]
        cls.supervisor.write({"email": "lead@example.com", "lang": "en_US"})
        cls.second = new_test_user(
            cls.env,
            "cb_supervisor_2",
            email="second@example.com",
            groups="customer_callback.customer_callback_group_supervisor",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
        )
        # a supervisor of another company and an agent get nothing
        other = cls.env["res.company"].create({"name": "Quarterly mail other company"})
        cls.foreign = new_test_user(
            cls.env,
            "cb_supervisor_foreign",
            email="foreign@example.com",
            groups="customer_callback.customer_callback_group_supervisor",
            company_id=other.id,
            company_ids=[other.id],
        )
        cls.agent1.email = "agent@example.com"
        # the third quarter: one callback due and done, score 5
        jul_5 = datetime(2026, 7, 5, 2, 0)
        cls.make_callback(
            cls, cls.partner_sh, planned_date=jul_5, deadline=jul_5.date() + timedelta(days=2)
        ).sudo().write({"state": "done", "score": 5, "done_date": jul_5})
        # every other company of the database keeps its setting off
        cls.env["res.company"].search([]).callback_quarterly_mail = False

    def mails(self):
        return self.env["mail.mail"].search([("subject", "like", self.company.name)])

    def run_cron(self):
        with cron_commits(self.env) as run:
            self.Report._cron_send_quarterly_reports()
        return run

    def test_off_by_default(self):
        self.assertFalse(self.env["res.company"].create({"name": "Fresh"}).callback_quarterly_mail)
        self.run_cron()
        self.assertFalse(self.mails())
        self.assertFalse(self.company.callback_quarterly_mail_sent)

    def test_sent_once_to_the_supervisors_with_the_xlsx(self):
        self.company.callback_quarterly_mail = True
        run = self.run_cron()
        self.assertEqual(run.commits, [(1, 0)])
        mail = self.mails()
        self.assertEqual(len(mail), 1)
        self.assertEqual(self.company.callback_quarterly_mail_sent, "2026Q3")
        self.assertIn("2026 Q3", mail.subject)
        self.assertEqual(
            sorted(mail.recipient_ids.mapped("email")), ["lead@example.com", "second@example.com"]
        )
        self.assertIn("2026 Q2", mail.body_html)
        attachment = mail.attachment_ids
        self.assertEqual(len(attachment), 1)
        self.assertTrue(attachment.name.endswith("2026 Q3.xlsx"))
        self.assertEqual(
            (attachment.res_model, attachment.res_id), ("mail.message", mail.mail_message_id.id)
        )
        sheet = openpyxl.load_workbook(io.BytesIO(attachment.raw)).active
        rows = {row[0]: row[1:] for row in sheet.iter_rows(values_only=True) if row and row[0]}
        # the third quarter: 1 of 1 done (coverage 100), satisfaction 5
        self.assertEqual(rows["Care coverage (%)"][0], 100.0)
        self.assertEqual(rows["Satisfaction: callbacks"][0], 5.0)
        # the supervisors may read the attachment, the agent may not
        self.assertTrue(attachment.with_user(self.second).has_access("read"))
        self.assertFalse(attachment.with_user(self.agent1).has_access("read"))
        # a second run the same day, and the next days of the quarter: nothing more
        self.assertEqual(self.run_cron().commits, [])
        self.assertEqual(len(self.mails()), 1)

    def test_one_mail_per_language(self):
        self.company.callback_quarterly_mail = True
        self.env["res.lang"]._activate_lang("zh_CN")
        self.second.lang = "zh_CN"
        self.run_cron()
        self.assertEqual(sorted(len(mail.recipient_ids) for mail in self.mails()), [1, 1])

    def test_a_quarter_already_sent_is_not_sent_again(self):
        self.company.write(
            {"callback_quarterly_mail": True, "callback_quarterly_mail_sent": "2026Q3"}
        )
        self.assertEqual(self.Report._quarterly_mail_due(self.company), {})
        self.run_cron()
        self.assertFalse(self.mails())
        # a stamp of an older quarter (the first days of the quarter were missed): sent now
        self.company.callback_quarterly_mail_sent = "2026Q2"
        self.assertEqual(self.Report._quarterly_mail_due(self.company), {self.company: (2026, 3)})

    def test_a_crash_sends_nothing_and_the_next_run_sends_once(self):
        self.company.callback_quarterly_mail = True
        Report = type(self.Report)
        original = Report._send_quarterly_report

        def crash(self, *args, **kwargs):
            original(self, *args, **kwargs)
            raise RuntimeError("killed before the commit")

        with (
            patch.object(Report, "_send_quarterly_report", crash),
            cron_commits(self.env, crash=RuntimeError) as run,
        ):
            self.Report._cron_send_quarterly_reports()
        self.assertTrue(run.error)
        self.assertFalse(self.mails())
        self.assertFalse(self.company.callback_quarterly_mail_sent)
        self.run_cron()
        self.assertEqual(len(self.mails()), 1)

    def test_the_printed_pdf_joins_when_wkhtmltopdf_prints(self):
        ActionsReport = type(self.env["ir.actions.report"])
        printed = []

        def render_pdf(actions, report_ref, res_ids=None, data=None):
            printed.append((report_ref, actions.env.user))
            return b"%PDF-1.4 printed", "pdf"

        with (
            patch.object(ActionsReport, "get_wkhtmltopdf_state", lambda actions: "ok"),
            patch.object(ActionsReport, "_render_qweb_pdf", render_pdf),
        ):
            mail = self.Report._send_quarterly_report(self.company, 2026, 3)
        self.assertEqual(
            printed, [("customer_callback_report.quarterly_report_action", self.supervisor)]
        )
        self.assertEqual(
            sorted(mail.attachment_ids.mapped("mimetype")),
            [
                "application/pdf",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ],
        )
        # without wkhtmltopdf: the XLSX alone
        with patch.object(ActionsReport, "get_wkhtmltopdf_state", lambda actions: "install"):
            mail = self.Report._send_quarterly_report(self.company, 2026, 3)
        self.assertEqual(len(mail.attachment_ids), 1)

    def test_cron_record_runs_the_driver(self):
        cron = self.env.ref("customer_callback_report.ir_cron_send_quarterly_reports")
        self.assertEqual(cron.code.strip(), "model._cron_send_quarterly_reports()")
        self.assertEqual((cron.interval_number, cron.interval_type), (1, "days"))

    def test_setting_in_settings(self):
        settings = self.env["res.config.settings"].create({"callback_quarterly_mail": True})
        settings.execute()
        self.assertTrue(self.company.callback_quarterly_mail)
