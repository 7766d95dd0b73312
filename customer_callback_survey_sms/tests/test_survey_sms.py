# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json
from unittest.mock import patch

from odoo.tests import tagged

from odoo.addons.customer_callback_survey.tests.common import DUE, SurveyCase


@tagged("post_install", "-at_install")
class TestSurveySms(SurveyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.partner_sh.write({"email": False, "phone": "+86 138 0013 8000"})
        cls.company.callback_survey_channel = "sms"
        cls.Line = cls.env["customer.callback.sms"].sudo()

    def use_a_provider(self):
        providers = self.env["res.company"]._fields["callback_sms_provider"].selection
        if not providers:
            self.skipTest("no SMS provider addon installed")
        self.company.callback_sms_provider = providers[0][0]

    def test_td_reply_skips_the_next_survey_with_the_reason(self):
        self.Line.create(
            {
                "company_id": self.company.id,
                "partner_id": self.partner_sh.id,
                "number": "+8613800138000",
                "number_key": "13800138000",
                "kind": "after_attempts",
                "state": "delivered",
            }
        )
        self.Line._callback_sms_replies(
            "fake", self.company, [{"number": "13800138000", "text": "退订", "key": "r1"}]
        )
        request = self.close(self.make_ticket())
        with patch.object(type(self.company), "_callback_sms_available", lambda self: True):
            self.send(now=DUE)
        self.assertEqual(request.state, "skipped_consent")
        self.assertIn("every channel", request.error_message)

    def test_survey_by_sms_uses_the_approved_template(self):
        self.use_a_provider()
        self.env["customer.callback.sms.template"].create(
            {
                "company_id": self.company.id,
                "kind": "survey",
                "template_code": "SMS_SURVEY",
                "params": "name=name\nurl=url",
            }
        )
        request = self.close(self.make_ticket())
        self.send(now=DUE)
        self.assertEqual((request.state, request.channel), ("sent", "sms"))
        line = self.Line.search([("partner_id", "=", self.partner_sh.id), ("kind", "=", "survey")])
        self.assertEqual((line.state, line.template_code), ("queued", "SMS_SURVEY"))
        values = json.loads(line.template_params)
        self.assertIn("/survey/start/", values["url"])
        self.assertEqual(values["name"], self.partner_sh.name)

    def test_without_template_the_survey_waits_with_the_reason(self):
        self.use_a_provider()
        request = self.close(self.make_ticket())
        self.send(now=DUE)
        self.assertEqual(request.state, "pending")
        self.assertIn("Survey invitation", request.error_message)
        self.assertFalse(self.env["sms.sms"].search([("partner_id", "=", self.partner_sh.id)]))
