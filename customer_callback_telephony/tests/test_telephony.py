# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Calls from the phone system drive the callbacks' attempts (issue #32)."""

import json
from datetime import timedelta

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.customer_callback.tests.common import FROZEN_NOW
from odoo.addons.customer_callback.tools import call_window

from .common import RECORDING_BYTES, TelephonyCase, recording_server


@tagged("post_install", "-at_install")
class TestCallToAttempt(TelephonyCase):
    def test_connected_call_becomes_the_callbacks_attempt(self):
        call = self.Call._telephony_ingest([self.ended()])
        self.assertEqual(call.state, "attempt")
        self.assertEqual(call.callback_id, self.callback)
        self.assertEqual(call.user_id, self.agent1)
        self.assertEqual(call.partner_id, self.partner_sh)
        attempt = self.callback.attempt_ids
        self.assertEqual(len(attempt), 1)
        self.assertEqual(call.attempt_id, attempt)
        self.assertEqual(
            (attempt.result, attempt.channel, attempt.user_id), ("connected", "phone", self.agent1)
        )
        self.assertEqual(attempt.attempt_date, call.ring_date)
        # the agent confirms and writes the summary
        self.assertEqual(self.callback.state, "in_progress")
        self.callback.with_user(self.agent1).write({"summary": "满意", "score": 5})
        self.callback.with_user(self.agent1).action_done()
        self.assertEqual(self.callback.state, "done")

    def test_duplicate_and_out_of_order_events_make_one_call_and_one_attempt(self):
        end = self.ended(provider_cause="16")
        ring = self.event(ring_date=end["ring_date"], event_date=end["ring_date"])
        answer = self.event(answer_date=end["answer_date"], event_date=end["answer_date"])
        # the hang-up first, then the older events, then the hang-up again
        self.Call._telephony_ingest([end])
        self.Call._telephony_ingest([answer, ring])
        self.Call._telephony_ingest([end, ring])
        calls = self.Call.search(
            [("call_ref", "=", "call-1"), ("company_id", "=", self.company.id)]
        )
        self.assertEqual(len(calls), 1)
        self.assertEqual(calls.ring_date, end["ring_date"])
        self.assertEqual(calls.hangup_date, end["hangup_date"])
        self.assertEqual(calls.hangup_side, "agent")
        self.assertEqual(len(self.callback.attempt_ids), 1)

    def test_hang_up_after_connecting_is_scored_3(self):
        self.Call._telephony_ingest(
            [self.ended(talk=4, hangup_side="customer", provider_cause="16")]
        )
        self.assertEqual(self.callback.attempt_ids.result, "hung_up")
        self.assertEqual(self.callback.state, "done")
        self.assertEqual(self.callback.score, 3)

    def test_no_such_number_stops_the_tries_and_flags_the_number(self):
        call = self.Call._telephony_ingest([self.ended(talk=None, provider_cause="1")])
        self.assertEqual(call.outcome, "invalid_number")
        self.assertEqual(self.callback.attempt_ids.result, "switched_off")
        self.assertEqual(self.callback.state, "unreachable")
        self.assertFalse(self.callback.score)
        self.assertTrue(self.partner_sh.callback_phone_invalid)

    def test_busy_retries_later_in_the_same_window(self):
        self.Call._telephony_ingest([self.ended(talk=None, provider_cause="17")])
        self.assertEqual(self.callback.attempt_ids.result, "busy")
        self.assertEqual(self.callback.state, "in_progress")
        expected = FROZEN_NOW + timedelta(minutes=30)
        self.assertEqual(self.callback.planned_date, expected)
        bounds = self.company._callback_slot_bounds()
        self.assertEqual(
            call_window.slot_at(self.callback.planned_date, "Asia/Shanghai", bounds),
            call_window.slot_at(FROZEN_NOW, "Asia/Shanghai", bounds),
        )

    def test_no_answer_moves_to_another_slot(self):
        self.Call._telephony_ingest([self.ended(talk=None, provider_cause="19")])
        self.assertEqual(self.callback.attempt_ids.result, "no_answer")
        bounds = self.company._callback_slot_bounds()
        self.assertNotEqual(
            call_window.slot_at(self.callback.planned_date, "Asia/Shanghai", bounds),
            call_window.slot_at(FROZEN_NOW, "Asia/Shanghai", bounds),
        )

    def test_call_for_an_unknown_number_is_kept_unmatched(self):
        call = self.Call._telephony_ingest(
            [self.ended(callee_number="13999999999", keypad_press="1")]
        )
        self.assertEqual(call.state, "unmatched")
        self.assertFalse(self.callback.attempt_ids)
        # a supervisor links it: it becomes the attempt
        call.with_user(self.supervisor).callback_id = self.callback
        call.with_user(self.supervisor).action_link_callback()
        self.assertEqual(call.state, "attempt")
        self.assertEqual(self.callback.attempt_ids.result, "connected")
        # the keypad press of the call now scores the callback
        self.assertEqual(self.callback.score, 5)

    def test_line_failure_makes_no_attempt(self):
        call = self.Call._telephony_ingest([self.ended(talk=None, provider_cause="38")])
        self.assertEqual((call.outcome, call.state), ("failed", "no_attempt"))
        self.assertFalse(self.callback.attempt_ids)

    def test_withdrawn_consent_keeps_the_call_without_attempt(self):
        # the call was started from the callback; the customer withdrew his
        # consent meanwhile (the core closes his open callbacks)
        self.Call._telephony_ingest([self.event(callback_id=self.callback.id)])
        self.env["customer.callback.consent"].create(
            {
                "partner_id": self.partner_sh.id,
                "company_id": self.company.id,
                "purpose": "contact",
                "channel": "phone",
                "decision": "withdrawn",
            }
        )
        call = self.Call._telephony_ingest([self.ended()])
        self.assertEqual(call.callback_id, self.callback)
        self.assertEqual(call.state, "no_attempt")
        self.assertIn(self.callback.name, call.note)
        self.assertFalse(self.callback.attempt_ids)

    def test_company_cause_overrides_the_shipped_default(self):
        self.env["customer.callback.call.cause"].create(
            {
                "provider": "generic",
                "code": "17",
                "outcome": "no_answer",
                "company_id": self.company.id,
            }
        )
        call = self.Call._telephony_ingest([self.ended(talk=None, provider_cause="17")])
        self.assertEqual(call.outcome, "no_answer")

    def test_call_started_from_the_callback(self):
        self.company.callback_telephony_provider = "none"
        with self.assertRaisesRegex(UserError, "No phone system"):
            self.callback.with_user(self.agent1).action_telephony_dial()
        # an adapter's dial: the call record waits for the system's events
        self.Call._telephony_ingest(
            [
                self.event(
                    "dialed-1",
                    callback_id=self.callback.id,
                    agent_ref=False,
                    callee_number="1",
                    user_id=self.agent1.id,
                )
            ]
        )
        call = self.Call._telephony_ingest(
            [self.ended("dialed-1", callee_number="1", agent_ref=False)]
        )
        self.assertEqual(call.callback_id, self.callback)
        self.assertEqual(call.state, "attempt")

    def test_call_records_are_history(self):
        call = self.Call._telephony_ingest([self.ended()])
        with self.assertRaises(UserError):
            call.unlink()
        # but the customer's data is erased on request, calls included
        self.partner_sh.action_erase_callback_data()
        self.assertFalse(call.exists())
        self.assertFalse(self.callback.exists())


@tagged("post_install", "-at_install")
class TestManualAttempts(TelephonyCase):
    def test_zero_configuration_agents_log_by_hand(self):
        self.assertEqual(self.company.callback_telephony_provider, "none")
        self.callback.with_user(self.agent1).with_context(
            attempt_result="no_answer"
        ).action_log_attempt()
        self.assertEqual(self.callback.attempt_ids.result, "no_answer")
        self.assertFalse(self.callback.telephony_dial_available)

    def test_manual_attempts_refused_when_the_phone_system_records_them(self):
        # a provider is set (the selection's own value of an adapter is not
        # needed here: any value but "none")
        self.env.cr.execute(
            "UPDATE res_company SET callback_telephony_provider = 'generic', "
            "callback_telephony_manual_attempts = false WHERE id = %s",
            [self.company.id],
        )  # raw write: 'generic' is no company provider value of the base addon
        self.company.invalidate_recordset()
        with self.assertRaisesRegex(UserError, "come from the phone system"):
            self.callback.with_user(self.agent1).with_context(
                attempt_result="no_answer"
            ).action_log_attempt()
        with self.assertRaisesRegex(UserError, "come from the phone system"):
            self.env["customer.callback.attempt"].with_user(self.agent1).create(
                {"callback_id": self.callback.id, "result": "busy"}
            )
        # a supervisor may still log one; the phone system's calls still count
        self.callback.with_user(self.supervisor).with_context(
            attempt_result="no_answer"
        ).action_log_attempt()
        self.Call._telephony_ingest([self.ended(talk=None, provider_cause="17")])
        self.assertEqual(sorted(self.callback.attempt_ids.mapped("result")), ["busy", "no_answer"])


@tagged("post_install", "-at_install")
class TestRecordings(TelephonyCase):
    def consent(self, decision="given"):
        self.env["customer.callback.consent"].create(
            {
                "partner_id": self.partner_sh.id,
                "company_id": self.company.id,
                "purpose": "recording",
                "decision": decision,
            }
        )

    def test_without_consent_the_recording_is_not_fetched(self):
        with recording_server() as (base, requested):
            call = self.Call._telephony_ingest([self.ended(recording_url=f"{base}/rec/1.mp3")])
            self.Call._telephony_fetch_recordings()
        self.assertEqual(call.recording_state, "refused")
        self.assertIn("has not consented to recording", call.recording_note)
        self.assertFalse(requested)
        self.assertFalse(call.recording_attachment_id)

    def test_with_consent_the_recording_is_copied_into_odoo(self):
        self.consent()
        with recording_server() as (base, requested):
            # the recording's link comes after the call record (out of order)
            call = self.Call._telephony_ingest([self.ended()])
            self.assertEqual(call.recording_state, "none")
            self.Call._telephony_ingest([self.event(recording_url=f"{base}/rec/1.mp3")])
            self.assertEqual(call.recording_state, "pending")
            self.assertEqual(call.recording_expiry, FROZEN_NOW + timedelta(days=7))
            self.Call._telephony_fetch_recordings()
        self.assertEqual(requested, ["/rec/1.mp3"])
        self.assertEqual(call.recording_state, "kept")
        self.assertEqual(call.recording_attachment_id.raw, RECORDING_BYTES)

    def test_withdrawn_recording_consent(self):
        self.consent()
        self.consent("withdrawn")
        call = self.Call._telephony_ingest(
            [self.ended(recording_url="http://127.0.0.1:9/rec/1.mp3")]
        )
        self.assertEqual(call.recording_state, "refused")

    def test_expired_link_is_said(self):
        self.consent()
        call = self.Call._telephony_ingest(
            [self.ended(recording_url="http://127.0.0.1:9/rec/1.mp3")]
        )
        call.recording_expiry = FROZEN_NOW - timedelta(minutes=1)
        self.Call._telephony_fetch_recordings()
        self.assertEqual(call.recording_state, "expired")

    def test_unreachable_link_is_retried(self):
        self.consent()
        with recording_server() as (base, _requested):
            call = self.Call._telephony_ingest([self.ended(recording_url=f"{base}/missing.mp3")])
            with mute_logger(
                "odoo.addons.customer_callback_telephony.models.customer_callback_call"
            ):
                self.Call._telephony_fetch_recordings()
        self.assertEqual(call.recording_state, "pending")
        self.assertIn("404", call.recording_note)


@tagged("post_install", "-at_install")
class TestKeypadSatisfaction(TelephonyCase):
    def test_very_satisfied_press_is_the_callbacks_satisfaction(self):
        call = self.Call._telephony_ingest([self.ended(keypad_press="1")])
        self.assertEqual(call.satisfaction, 5)
        self.assertEqual(self.callback.score, 5)
        self.assertFalse(call.followup_callback_id)

    def test_low_press_brings_a_supervisor_callback(self):
        call = self.Call._telephony_ingest([self.ended(keypad_press="5")])
        self.assertEqual(self.callback.score, 1)
        followup = call.followup_callback_id
        self.assertTrue(followup)
        self.assertEqual(followup.user_id, self.supervisor)
        self.assertEqual(followup.source_callback_id, self.callback)
        self.assertTrue(followup.important)
        # a repeated push makes no second one
        self.Call._telephony_ingest([self.ended(keypad_press="5")])
        self.assertEqual(
            self.env["customer.callback"].search_count(
                [("source_callback_id", "=", self.callback.id), ("period_key", "=like", "TK%")]
            ),
            1,
        )

    def test_the_agents_score_is_kept(self):
        self.callback.score = 4
        self.Call._telephony_ingest([self.ended(keypad_press="2")])
        self.assertEqual(self.callback.score, 4)

    def test_other_keys_are_no_score(self):
        call = self.Call._telephony_ingest([self.ended(keypad_press="#")])
        self.assertFalse(call.satisfaction)
        self.assertFalse(self.callback.score)


@tagged("post_install", "-at_install")
class TestPushQueue(TelephonyCase):
    def test_push_is_queued_once_and_processed_later(self):
        Event = self.env["customer.callback.call.event"]
        body = json.dumps(
            {
                k: (v.strftime("%Y-%m-%d %H:%M:%S") if hasattr(v, "strftime") else v)
                for k, v in self.ended().items()
                if k not in ("provider", "company_id")
            }
        ).encode()
        self.assertEqual(Event._telephony_receive("generic", self.company, "cdr", body), "queued")
        self.assertEqual(
            Event._telephony_receive("generic", self.company, "cdr", body), "duplicate"
        )
        self.assertFalse(self.callback.attempt_ids)
        self.assertEqual(Event._process_batch(), 0)
        event = Event.search([("company_id", "=", self.company.id)])
        self.assertEqual(event.state, "done")
        self.assertEqual(event.call_ids.callback_id, self.callback)
        self.assertEqual(self.callback.attempt_ids.result, "connected")

    def test_bad_push_is_refused_or_kept_failed(self):
        Event = self.env["customer.callback.call.event"]
        with self.assertRaises(ValueError):
            Event._telephony_receive("generic", self.company, "cdr", b"{not json")
        Event._telephony_receive(
            "generic", self.company, "cdr", b'{"call_ref": "x", "ring_date": "yesterday"}'
        )
        with mute_logger(
            "odoo.addons.customer_callback_telephony.models.customer_callback_call_event"
        ):
            Event._process_batch()
        event = Event.search([("company_id", "=", self.company.id)])
        self.assertEqual(event.state, "failed")
        self.assertTrue(event.error)
