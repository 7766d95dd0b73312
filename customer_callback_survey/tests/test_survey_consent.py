# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Survey sending honours the customer's consent ledger (issue #20)."""

from datetime import timedelta
from unittest.mock import patch

import freezegun

from odoo.tests import tagged

from odoo.addons.customer_callback.tests.common import cron_commits

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

    def test_withdrawal_after_sending_skips_the_reminder_once(self):
        """Withdrawn between the survey and its reminder: no reminder, and the
        request leaves the reminders' queue (the scheduled action used to
        find it again at every batch, without end)."""
        self.company.callback_survey_reminder_days = 2
        request = self.close(self.make_ticket())
        other = self.close(self.make_ticket(self.partner_paris))
        self.send(now=DUE)
        self.assertEqual((request | other).mapped("state"), ["sent", "sent"])
        self.withdraw(self.partner_sh, "survey")
        due = DUE + timedelta(days=2)
        self.assertEqual(self.send(now=due), (2, 0))
        self.assertEqual(request.reminder_skipped_date, due)
        self.assertFalse(request.reminder_date)
        self.assertEqual(request.state, "sent", "the survey was sent: its answer is still welcome")
        self.assertEqual(other.reminder_date, due)
        self.assertFalse(other.reminder_skipped_date)
        # nothing left: the scheduled action's loop ends
        self.assertEqual(self.send(now=due), (0, 0))
        # the scheduled action ends (the database's other requests may be due)
        with freezegun.freeze_time(due), cron_commits(self.env) as run:
            self.Request._cron_send_surveys()
        self.assertIn(run.commits[-1][1], (None, 0), "nothing remains after the run")
        self.assertFalse(request.reminder_date)

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

    # -- issue #28, 2: a withdrawal acts on the pending surveys at once -----

    def test_withdrawal_skips_pending_surveys_at_once(self):
        sh = self.close(self.make_ticket())
        paris = self.close(self.make_ticket(self.partner_paris))
        self.withdraw(self.partner_sh, "contact")
        self.assertEqual(
            (sh.state, sh.error_message),
            ("skipped_consent", "The customer asked not to be contacted."),
        )
        self.assertEqual(paris.state, "pending")
        # surveys only: the pending survey is skipped, the planned call stays
        callback = self.make_callback(self.partner_paris)
        self.withdraw(self.partner_paris, "survey")
        self.assertEqual(
            (paris.state, paris.error_message),
            ("skipped_consent", "The customer withdrew consent to surveys."),
        )
        self.assertEqual(callback.state, "planned")
        self.assertEqual(self.send(now=DUE), (0, 0))

    def test_withdrawn_channel_skips_only_what_cannot_go(self):
        """Email withdrawn by a customer with email alone: skipped; with a
        mobile number too, it still goes by SMS and stays pending."""
        self.partner_sh.phone = False
        self.partner_paris.phone = "+33 6 12 34 56 78"
        sh = self.close(self.make_ticket())
        paris = self.close(self.make_ticket(self.partner_paris))
        self.withdraw(self.partner_sh, "contact", "email")
        self.withdraw(self.partner_paris, "contact", "email")
        self.assertEqual(sh.state, "skipped_consent")
        self.assertIn("every channel", sh.error_message)
        self.assertEqual(paris.state, "pending")

    def test_second_withdrawal_after_allowing_again(self):
        first = self.close(self.make_ticket())
        self.withdraw(self.partner_sh, "survey")
        self.assertEqual(first.state, "skipped_consent")
        self.env["customer.callback.consent"].create(
            {
                "partner_id": self.partner_sh.id,
                "company_id": self.company.id,
                "purpose": "survey",
                "decision": "given",
                "source": "customer",
            }
        )
        second = self.close(self.make_ticket(name="Second problem"))
        self.assertEqual(second.state, "pending")
        self.withdraw(self.partner_sh, "survey")
        self.assertEqual(second.state, "skipped_consent")
