# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The provider-neutral part: receipts, replies, consent, fatigue, and the
suite without a provider (as before these addons)."""

from datetime import date, datetime

import freezegun

from odoo.tests import tagged

from odoo.addons.customer_callback.tests.common import FROZEN_NOW

from .common import SmsCase


@tagged("post_install", "-at_install")
class TestSmsFlow(SmsCase):
    def log(self, callback, result, when):
        with freezegun.freeze_time(when):
            return callback.with_context(attempt_result=result).action_log_attempt()

    def three_failed(self, callback):
        # Shanghai: 10:00 (morning), 14:00 (afternoon), 19:00 (evening)
        self.log(callback, "no_answer", datetime(2026, 11, 23, 2, 0))
        self.log(callback, "busy", datetime(2026, 11, 23, 6, 0))
        self.log(callback, "switched_off", datetime(2026, 11, 23, 11, 0))

    def sent_line(self, callback=None, kind="after_attempts", ref="BIZ1", state="sent"):
        return self.Line.create(
            {
                "company_id": self.company.id,
                "partner_id": self.partner_sh.id,
                "number": "+8613800138000",
                "number_key": "13800138000",
                "kind": kind,
                "provider": "fake",
                "template_code": "SMS_1",
                "callback_id": callback.id if callback else False,
                "provider_ref": ref if state != "queued" else False,
                "state": state,
            }
        )

    def receipt(self, delivered=True, ref="BIZ1", code="DELIVERED", key="k1"):
        return {
            "ref": ref,
            "number": "13800138000",
            "delivered": delivered,
            "code": code,
            "reason": "用户接收成功" if delivered else "用户关机",
            "date": FROZEN_NOW,
            "key": key,
        }

    def test_without_provider_works_as_today(self):
        callback = self.make_callback()
        self.three_failed(callback)
        self.assertEqual(callback.state, "in_progress")
        self.assertFalse(callback.callback_sms_ids, "no SMS without a provider")
        self.assertIn("leave an SMS or IM message", callback.message_ids[0].body)
        # the agent's own message still closes it
        self.log(callback, "message_sent", datetime(2026, 11, 23, 11, 5))
        self.assertEqual(callback.state, "unreachable")

    def test_queue_without_provider_is_refused_with_the_reason(self):
        line = self.Line._callback_sms_queue(
            [{"partner": self.partner_sh, "company": self.company, "kind": "survey"}]
        )
        self.assertEqual(line.state, "refused")
        self.assertIn("No SMS provider", line.failure_reason)
        self.assertFalse(line.sms_uuid)

    def test_delivered_message_is_the_message_left(self):
        callback = self.make_callback()
        self.three_failed(callback)
        self.sent_line(callback)
        applied = self.Line._callback_sms_receipts("fake", [self.receipt()])
        self.assertEqual(applied, 1)
        self.assertEqual(callback.callback_sms_ids.state, "delivered")
        self.assertEqual(callback.state, "unreachable")
        attempt = callback.attempt_ids.filtered(lambda a: a.result == "message_sent")
        self.assertEqual(attempt.channel, "sms")
        self.assertEqual(attempt.user_id, self.agent1)

    def test_failed_message_is_visible_and_no_message_left(self):
        callback = self.make_callback()
        self.three_failed(callback)
        line = self.sent_line(callback)
        self.Line._callback_sms_receipts("fake", [self.receipt(delivered=False, code="MK:0001")])
        self.assertEqual(line.state, "failed")
        self.assertEqual(line.error_code, "MK:0001")
        self.assertEqual(line.failure_reason, "用户关机")
        self.assertEqual(callback.state, "in_progress")
        self.assertFalse(callback.attempt_ids.filtered(lambda a: a.result == "message_sent"))
        self.assertIn("did not reach the customer", callback.message_ids[0].body)
        self.assertIn("MK:0001", callback.message_ids[0].body)

    def test_replayed_receipt_is_ignored(self):
        callback = self.make_callback()
        self.three_failed(callback)
        line = self.sent_line(callback)
        self.assertEqual(self.Line._callback_sms_receipts("fake", [self.receipt()]), 1)
        self.assertEqual(self.Line._callback_sms_receipts("fake", [self.receipt()]), 0)
        self.assertEqual(line.state, "delivered")
        self.assertEqual(
            len(callback.attempt_ids.filtered(lambda a: a.result == "message_sent")), 1
        )

    def test_receipt_of_an_unknown_message_is_ignored(self):
        self.sent_line()
        self.assertEqual(self.Line._callback_sms_receipts("fake", [self.receipt(ref="OTHER")]), 0)
        self.assertEqual(self.Line._callback_sms_receipts("other", [self.receipt()]), 0)

    def test_td_withdraws_sms_consent_and_stops_pending(self):
        callback = self.make_callback(channel="sms")
        self.sent_line()
        pending = self.sent_line(kind="survey", state="queued")
        reply = {"number": "13800138000", "text": "TD", "date": FROZEN_NOW, "key": "seq-1"}
        self.assertEqual(self.Line._callback_sms_replies("fake", self.company, [reply]), 1)
        consent = self.env["customer.callback.consent"].search(
            [("partner_id", "=", self.partner_sh.id)]
        )
        self.assertEqual(
            (consent.purpose, consent.channel, consent.decision, consent.source, consent.text),
            ("contact", "sms", "withdrawn", "customer_sms", "TD"),
        )
        self.assertFalse(consent.user_id)
        self.assertEqual(pending.state, "stopped")
        self.assertEqual(callback.state, "cancelled", "the SMS callback is cancelled at once")
        self.assertFalse(
            self.partner_sh._callback_consents()[self.partner_sh.id].may_contact("sms")
        )
        self.assertTrue(
            self.partner_sh._callback_consents()[self.partner_sh.id].may_contact("phone")
        )
        # replayed: nothing more
        self.assertEqual(self.Line._callback_sms_replies("fake", self.company, [reply]), 0)
        self.assertEqual(
            self.env["customer.callback.consent"].search_count(
                [("partner_id", "=", self.partner_sh.id)]
            ),
            1,
        )

    def test_other_reply_is_posted_on_the_open_callback(self):
        callback = self.make_callback()
        self.sent_line()
        reply = {"number": "+86 13800138000", "text": "下午三点后打给我", "key": "seq-2"}
        self.Line._callback_sms_replies("fake", self.company, [reply])
        self.assertIn("下午三点后打给我", callback.message_ids[0].body)
        self.assertFalse(
            self.env["customer.callback.consent"].search([("partner_id", "=", self.partner_sh.id)])
        )

    def test_reply_without_callback_goes_on_the_open_ticket(self):
        self.sent_line()
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "净水器漏水",
                "description": "漏水",
                "partner_id": self.partner_sh.id,
                "company_id": self.company.id,
            }
        )
        self.Line._callback_sms_replies(
            "fake", self.company, [{"number": "13800138000", "text": "已经修好了", "key": "s3"}]
        )
        self.assertIn("已经修好了", ticket.message_ids[0].body)

    def test_reply_from_an_unknown_number_changes_nothing(self):
        count = self.env["mail.message"].search_count([])
        self.Line._callback_sms_replies(
            "fake", self.company, [{"number": "13999999999", "text": "TD", "key": "s4"}]
        )
        self.assertEqual(self.env["mail.message"].search_count([]), count)
        self.assertFalse(self.env["customer.callback.consent"].search([("text", "=", "TD")]))

    def test_fatigue_counts_the_message_as_the_callback(self):
        """A message of a callback is that callback's contact: the fatigue
        cap counts the callback once (its first attempt), as the SOP does."""
        callback = self.make_callback()
        self.three_failed(callback)
        self.sent_line(callback)
        Callback = self.env["customer.callback"]
        # the customers' local days (issue #30: the cap counts local days)
        low, high = date(2026, 11, 1), date(2026, 12, 1)
        before = Callback._fatigue_contact_days(self.partner_sh.ids, low, high)
        self.Line._callback_sms_receipts("fake", [self.receipt()])
        after = Callback._fatigue_contact_days(self.partner_sh.ids, low, high)
        self.assertEqual(before, after)
        self.assertEqual(len(after[self.partner_sh.id]), 1)

    def test_withdrawal_by_an_agent_stops_pending_too(self):
        pending = self.sent_line(kind="survey", state="queued")
        self.env["customer.callback.consent"].create(
            {
                "partner_id": self.partner_sh.id,
                "company_id": self.company.id,
                "purpose": "contact",
                "decision": "withdrawn",
            }
        )
        self.assertEqual(pending.state, "stopped")
