# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Aliyun: its documented call-status reports become calls and attempts;
MakeCall through the SDK against a local server; the push endpoint over
real HTTP."""

import json
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from odoo.addons.customer_callback.tests.common import FROZEN_NOW
from odoo.addons.customer_callback.tests.fake_http import AnsweringServer
from odoo.addons.customer_callback_telephony.tests.common import TelephonyCase

FIXTURES = Path(__file__).parent / "fixtures"
BEIJING = timedelta(hours=8)


def report(call_id, code, moment):
    return {
        "status_code": code,
        "status_time": (moment + BEIJING).strftime("%Y-%m-%d %H:%M:%S"),
        "out_id": "",
        "call_id": call_id,
    }


class FakeCccApi(AnsweringServer):
    """Aliyun's RPC API as its SDK calls it: the parameters in the query
    and a form body."""

    def parse(self, handler, body):
        return {"headers": dict(handler.headers), "params": self.form_params(handler, body)}


@contextmanager
def fake_ccc_api(answer):
    """A local server answering with ``answer(params)`` (status, data);
    yields its address and the requests seen."""
    with FakeCccApi(lambda seen: answer(seen["params"])) as api:
        yield api.url, api.requests


@tagged("post_install", "-at_install")
class TestAliyunReports(TelephonyCase):
    def ingest(self, reports):
        events = self.Call._telephony_parse("aliyun", "report", reports)
        for event in events:
            event.update(provider="aliyun", company_id=self.company.id)
        return self.Call._telephony_ingest(events)

    def test_documented_report_is_parsed(self):
        payload = json.loads((FIXTURES / "report.json").read_text(encoding="utf-8"))
        (event,) = self.Call._telephony_parse("aliyun", "report", payload)
        self.assertEqual(event["call_ref"], "100001616500^10000187****")
        # Beijing time in the report, UTC in Odoo
        self.assertEqual(str(event["event_date"]), "2021-04-28 01:55:02")
        self.assertNotIn("hangup_date", event)

    def started_call(self, ref):
        """A call started from the callback (MakeCall's job id)."""
        self.Call._telephony_ingest(
            [
                {
                    "provider": "aliyun",
                    "company_id": self.company.id,
                    "call_ref": ref,
                    "callback_id": self.callback.id,
                    "user_id": self.agent1.id,
                    "callee_number": "13800138000",
                }
            ]
        )

    def test_answered_call_reports_in_any_order(self):
        self.started_call("job-1")
        start = FROZEN_NOW - timedelta(minutes=5)
        reports = [
            report("job-1", "200100", start + timedelta(seconds=130)),
            report("job-1", "200101", start),
            report("job-1", "200102", start + timedelta(seconds=12)),
            report("job-1", "200201", start + timedelta(seconds=3)),
        ]
        # one batch with the end first, then the same batch again (Aliyun's retry)
        self.ingest(reports)
        self.ingest(reports)
        call = self.callback.call_ids
        self.assertEqual(call.ring_date, start + timedelta(seconds=3))
        self.assertEqual(call.answer_date, start + timedelta(seconds=12))
        self.assertEqual(call.state, "attempt")
        self.assertEqual(self.callback.attempt_ids.result, "connected")

    def test_no_such_number_and_suspended(self):
        self.started_call("job-2")
        self.ingest([report("job-2", "200004", FROZEN_NOW - timedelta(minutes=1))])
        self.assertEqual(self.callback.call_ids.outcome, "invalid_number")
        self.assertEqual(self.callback.state, "unreachable")
        self.assertTrue(self.partner_sh.callback_phone_invalid)

    def test_busy(self):
        self.started_call("job-3")
        self.ingest([report("job-3", "200002", FROZEN_NOW - timedelta(minutes=1))])
        self.assertEqual(self.callback.attempt_ids.result, "busy")
        self.assertEqual(self.callback.planned_date, FROZEN_NOW + timedelta(minutes=30))

    def test_recording_link_expires_in_7_days(self):
        self.env["customer.callback.consent"].create(
            {
                "partner_id": self.partner_sh.id,
                "company_id": self.company.id,
                "purpose": "recording",
            }
        )
        self.started_call("job-4")
        moment = FROZEN_NOW - timedelta(minutes=1)
        self.ingest([dict(report("job-4", "200100", moment), record_url="http://x/r.mp3")])
        call = self.callback.call_ids
        self.assertEqual(call.recording_state, "pending")
        self.assertEqual(call.recording_expiry, moment + timedelta(days=7))


@tagged("post_install", "-at_install")
class TestAliyunMakeCall(TelephonyCase):
    @classmethod
    def _request_handler(cls, s, r, /, **kw):
        # Odoo's test guard on requests compares the timeout with a number;
        # the Aliyun SDK passes requests' (connect, read) tuple
        if isinstance(kw.get("timeout"), tuple):
            kw["timeout"] = max(t or 0 for t in kw["timeout"]) or None
        return super()._request_handler(s, r, **kw)

    def setUp(self):
        super().setUp()
        self.company.sudo().write(
            {
                "callback_telephony_provider": "aliyun",
                "callback_aliyun_instance_id": "ccc-test",
                "callback_aliyun_access_key_id": "LTAItest",
                "callback_aliyun_access_key_secret": "secret",
            }
        )
        self.agent1.email = "agent1@example.com"

    def test_call_button_places_the_call_through_the_sdk(self):
        def answer(params):
            return 200, {
                "RequestId": "req-1",
                "Code": "OK",
                "HttpStatusCode": 200,
                "Message": "",
                "Data": {
                    "ContextId": 1,
                    "CallContext": {
                        "JobId": "job-42",
                        "InstanceId": params.get("InstanceId"),
                        "CallType": "OUTBOUND",
                        "ChannelContexts": [],
                    },
                },
            }

        with fake_ccc_api(answer) as (base, seen):
            self.company.sudo().callback_aliyun_endpoint = base
            self.callback.with_user(self.agent1).action_telephony_dial()
        (request,) = seen
        self.assertEqual(request["headers"]["x-acs-action"], "MakeCall")
        self.assertIn("LTAItest", request["headers"]["Authorization"])
        self.assertEqual(request["params"]["InstanceId"], "ccc-test")
        self.assertEqual(request["params"]["Callee"], "+86 138-0013-8000")
        self.assertEqual(request["params"]["UserId"], "agent1@example.com")
        call = self.callback.call_ids
        self.assertEqual((call.call_ref, call.provider), ("job-42", "aliyun"))

    def test_api_error_is_said(self):
        def answer(params):
            # an error as the API answers one: HTTP 400 and its code
            return 400, {
                "RequestId": "req-2",
                "Code": "Parameter.Invalid",
                "Message": "bad callee",
                "HttpStatusCode": 400,
            }

        with fake_ccc_api(answer) as (base, _seen):
            self.company.sudo().callback_aliyun_endpoint = base
            with self.assertRaisesRegex(UserError, "bad callee"):
                self.callback.with_user(self.agent1).action_telephony_dial()
        self.assertFalse(self.callback.call_ids)


@tagged("post_install", "-at_install")
class TestAliyunEndpoint(HttpCase):
    def test_token_checked_and_replay_ignored(self):
        company = self.env["res.company"].create(
            {"name": "Aliyun company", "callback_aliyun_push_token": "tok-123"}
        )
        body = (FIXTURES / "report.json").read_bytes()
        url = f"/customer_callback/telephony/aliyun/{company.id}?token="
        headers = {"Content-Type": "application/json"}
        with self.assertLogs("odoo.addons.customer_callback_telephony_aliyun.controllers.main"):
            self.assertEqual(
                self.url_open(url + "wrong", data=body, headers=headers).status_code, 401
            )
            self.assertEqual(self.url_open(url, data=body, headers=headers).status_code, 401)
        response = self.url_open(url + "tok-123", data=body, headers=headers)
        self.assertEqual(response.json(), {"code": 0, "msg": "queued"})
        response = self.url_open(url + "tok-123", data=body, headers=headers)
        self.assertEqual(response.json(), {"code": 0, "msg": "duplicate"})
        events = self.env["customer.callback.call.event"].search([("company_id", "=", company.id)])
        self.assertEqual(len(events), 1)
