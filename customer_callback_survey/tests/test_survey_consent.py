# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Survey sending honours the customer's consent ledger (issue #20)."""

from unittest.mock import patch

from odoo.tests import tagged

from .common import DUE, SurveyCase


@tagged("post_install", "-at_install")
class TestSurveyConsent(SurveyCase):
    def withdraw(self, partner, purpose, channel=False):
        self.env["customer.callback.consent"].create(
            {
                "partner_id": partner.id,
                "company_id": self.company.id,
                "purpose": purpose,
                "decision": "withdrawn",
                "channel": channel,
                "source": "customer",
            }
        )

    def test_surveys_withdrawn_skips_with_the_reason(self):
        self.withdraw(self.partner_sh, "survey")
        request = self.close(self.make_ticket())
        other = self.close(self.make_ticket(self.partner_paris))
        self.send(now=DUE)
        self.assertEqual(request.state, "skipped_consent")
        self.assertEqual(request.survey_status, "skipped_consent")
        self.assertEqual(request.error_message, "The customer withdrew consent to surveys.")
        self.assertFalse(request.user_input_id, "no survey answer is prepared")
        self.assertEqual(other.state, "sent")
        # still skipped at the next run: it is not pending any more
        self.assertEqual(self.send(now=DUE), (0, 0))

    def test_contact_withdrawn_skips_too(self):
        self.withdraw(self.partner_sh, "contact", "email")
        self.partner_sh.phone = False
        request = self.close(self.make_ticket())
        self.send(now=DUE)
        self.assertEqual(request.state, "skipped_consent")
        self.assertIn("every channel", request.error_message)

    def test_withdrawn_email_goes_by_sms(self):
        """Email withdrawn, SMS still allowed: the survey goes by SMS when
        the company can send SMS."""
        self.withdraw(self.partner_sh, "survey", "email")
        request = self.close(self.make_ticket())
        with patch.object(type(self.company), "_callback_sms_available", lambda self: True):
            with patch.object(type(self.Request), "_deliver_sms", lambda self, reminder: None):
                self.send(now=DUE)
        self.assertEqual((request.state, request.channel), ("sent", "sms"))
        # without SMS the customer cannot be surveyed in writing: call instead
        other = self.close(self.make_ticket(name="Other problem"))
        self.company.write({"callback_fatigue_max": 0, "callback_fatigue_days": 0})
        with patch.object(type(self.company), "_callback_sms_available", lambda self: False):
            self.send(now=DUE)
        self.assertEqual(other.state, "no_contact")
