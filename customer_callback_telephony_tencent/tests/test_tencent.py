# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Tencent Cloud CCC: its documented pushes become call records and
attempts; the SDK's click-to-call against a local server answering as the
API reference documents."""

import json
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.customer_callback.tests.common import FROZEN_NOW
from odoo.addons.customer_callback.tests.fake_http import AnsweringServer
from odoo.addons.customer_callback_telephony.tests.common import TelephonyCase

FIXTURES = Path(__file__).parent / "fixtures"


def fixture(name, **changes):
    payload = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    payload.update(changes)
    return payload


def ts(moment):
    return int((moment - FROZEN_NOW.__class__(1970, 1, 1)).total_seconds())


def cdr(**changes):
    """The documented CDR, moved to the frozen clock."""
    start = FROZEN_NOW - timedelta(minutes=3)
    values = {
        "StartTimestamp": ts(start),
        "RingTimestamp": ts(start + timedelta(seconds=30)),
        "AcceptTimestamp": ts(start + timedelta(seconds=42)),
        "EndedTimestamp": ts(start + timedelta(seconds=137)),
    }
    values.update(changes)
    return fixture("cdr.json", **values)


class FakeCccApi(AnsweringServer):
    """Tencent Cloud API v3 as the CCC client calls it: a JSON body, the
    action in X-TC-Action, the answer wrapped in ``Response``."""

    METHODS = ("POST",)

    def parse(self, handler, body):
        return {
            "action": handler.headers.get("X-TC-Action"),
            "headers": dict(handler.headers),
            "body": json.loads(body),
        }


@contextmanager
def fake_ccc_api(answer):
    """A local server answering Tencent Cloud API v3 requests with
    ``answer(action, body)``; yields its address and the requests seen."""
    with FakeCccApi(lambda seen: (200, {"Response": answer(seen["action"], seen["body"])})) as api:
        yield api.url, api.requests


@tagged("post_install", "-at_install")
class TestTencentPushes(TelephonyCase):
    def parse(self, kind, payload):
        return self.Call._telephony_parse("tencent_ccc", kind, payload)

    def ingest(self, kind, payload, company=None):
        events = self.parse(kind, payload)
        for event in events:
            event.update(provider="tencent_ccc", company_id=(company or self.company).id)
        return self.Call._telephony_ingest(events)

    def test_a_call_attaches_only_to_a_callback_of_its_company(self):
        other = self.env["res.company"].create({"name": "另一家公司"})
        other.resource_calendar_id.tz = "Asia/Shanghai"
        agent = new_test_user(
            self.env,
            "ccc_other_agent",
            groups="customer_callback.customer_callback_group_agent",
            company_id=other.id,
            company_ids=[other.id],
        )
        partner = self.env["res.partner"].create(
            {
                "name": "其他公司客户",
                "tz": "Asia/Shanghai",
                "phone": "+86 139 0013 9000",
                "company_id": other.id,
            }
        )
        theirs = self.make_callback(partner, company_id=other.id, team_id=False, user_id=agent.id)
        theirs.action_start()
        # our company's push about the other company's customer: kept, unmatched
        call = self.ingest("cdr", cdr(SessionId="mc-1", Callee="13900139000"))
        self.assertEqual(call.company_id, self.company)
        self.assertFalse(call.callback_id)
        self.assertFalse(call.partner_id)
        self.assertFalse(theirs.attempt_ids)
        # both companies' customers have the number: each company's push goes
        # to its own callback only
        partner.phone = self.partner_sh.phone
        call = self.ingest("cdr", cdr(SessionId="mc-2"), company=other)
        self.assertEqual((call.company_id, call.callback_id), (other, theirs))
        self.assertFalse(self.callback.attempt_ids)
        call = self.ingest("cdr", cdr(SessionId="mc-3"))
        self.assertEqual((call.company_id, call.callback_id), (self.company, self.callback))
        self.assertEqual(len(theirs.attempt_ids), 1)

    def test_documented_cdr_is_parsed(self):
        (event,) = self.parse("cdr", fixture("cdr.json"))
        self.assertEqual(event["call_ref"], "e97be0ab-1ef6-4ad2-a8c4-2b2bbfb18e55")
        self.assertEqual(event["direction"], "outbound")
        self.assertEqual(event["callee_number"], "13800138000")
        self.assertEqual(str(event["ring_date"]), "2020-12-16 14:55:30")
        self.assertEqual(str(event["answer_date"]), "2020-12-16 14:55:42")
        self.assertEqual(str(event["hangup_date"]), "2020-12-16 14:57:17")
        self.assertEqual(event["hangup_side"], "agent")
        self.assertEqual(event["provider_cause"], "1")
        self.assertEqual(event["keypad_press"], "1")
        self.assertEqual(event["agent_ref"], "lululing@tencent.com")
        self.assertTrue(event["recording_url"].endswith("1608130637.mp3"))
        # the string alone is enough
        payload = fixture("cdr.json", EndStatusString="numberNotExist")
        del payload["EndStatus"]
        self.assertEqual(self.parse("cdr", payload)[0]["provider_cause"], "205")

    def test_documented_record_push_is_parsed(self):
        (event,) = self.parse("record", fixture("record.json"))
        self.assertEqual(event["call_ref"], "e97be0ab-1ef6-4ad2-a8c4-2b2bbfb18e55")
        self.assertTrue(event["recording_url"].startswith("http://recorder-10018504"))

    def test_cdr_becomes_the_attempt_with_keypad_satisfaction(self):
        self.agent1.email = "lululing@tencent.com"
        call = self.ingest("cdr", cdr())
        self.assertEqual(call.user_id, self.agent1)
        self.assertEqual(call.state, "attempt")
        self.assertEqual(self.callback.attempt_ids.result, "connected")
        self.assertEqual(self.callback.score, 5)  # 1 = 非常满意
        # no recording consent: the link is not fetched
        self.assertEqual(call.recording_state, "refused")

    def test_end_statuses(self):
        for i, (status, outcome, state) in enumerate(
            (
                ("205", "invalid_number", "unreachable"),
                ("207", "suspended", "unreachable"),
                ("206", "busy", "in_progress"),
                ("202", "no_answer", "in_progress"),
                ("203", "declined", "in_progress"),
            )
        ):
            with self.subTest(status=status):
                number = f"1390000000{i}"
                partner = self.env["res.partner"].create(
                    {"name": f"客户{i}", "tz": "Asia/Shanghai", "phone": number}
                )
                callback = self.make_callback(partner)
                callback.action_start()
                call = self.ingest(
                    "cdr",
                    cdr(
                        SessionId=f"s-{status}",
                        Callee=number,
                        EndStatus=int(status),
                        AcceptTimestamp=0,
                        Duration=0,
                        PostIVRKeyPressed=[],
                    ),
                )
                self.assertEqual(call.outcome, outcome)
                self.assertEqual(call.callback_id, callback)
                self.assertEqual(callback.state, state)
                self.assertEqual(partner.callback_phone_invalid, state == "unreachable")

    def test_recording_push_after_the_cdr(self):
        self.env["customer.callback.consent"].create(
            {
                "partner_id": self.partner_sh.id,
                "company_id": self.company.id,
                "purpose": "recording",
                "decision": "given",
            }
        )
        payload = cdr()
        del payload["RecordURL"]
        call = self.ingest("cdr", payload)
        self.assertEqual(call.recording_state, "none")
        self.ingest("record", fixture("record.json", Timestamp=payload["EndedTimestamp"]))
        self.assertEqual(call.recording_state, "pending")
        # Tencent keeps its links 3 months
        self.assertEqual(call.recording_expiry.date(), (FROZEN_NOW + timedelta(days=90)).date())


@tagged("post_install", "-at_install")
class TestTencentClickToCall(TelephonyCase):
    def setUp(self):
        super().setUp()
        self.company.sudo().write(
            {
                "callback_telephony_provider": "tencent_ccc",
                "callback_tencent_sdk_app_id": "1400264214",
                "callback_tencent_secret_id": "AKIDtest",
                "callback_tencent_secret_key": "secret",
            }
        )
        self.agent1.email = "agent1@example.com"

    def test_call_button_places_the_call_through_the_sdk(self):
        def answer(action, body):
            return {"SessionId": "sess-42", "RequestId": "req-1"}

        with fake_ccc_api(answer) as (base, seen):
            self.company.sudo().callback_tencent_endpoint = base
            self.callback.with_user(self.agent1).action_telephony_dial()
        (request,) = seen
        self.assertEqual(request["action"], "CreateCallOutSession")
        self.assertEqual(request["headers"]["X-TC-Version"], "2020-02-10")
        self.assertTrue(
            request["headers"]["Authorization"].startswith("TC3-HMAC-SHA256 Credential=AKIDtest/")
        )
        self.assertEqual(
            request["body"],
            {
                "SdkAppId": 1400264214,
                "UserId": "agent1@example.com",
                "Callee": "+86 138-0013-8000",
                "Uui": self.callback.name,
            },
        )
        call = self.callback.call_ids
        self.assertEqual(call.call_ref, "sess-42")
        self.assertEqual(call.provider, "tencent_ccc")
        self.assertEqual(call.state, "ongoing")
        # the CDR of the session then makes the attempt, even for a number
        # written differently
        events = self.Call._telephony_parse(
            "tencent_ccc", "cdr", cdr(SessionId="sess-42", Callee="0086 13800138000")
        )
        for event in events:
            event.update(provider="tencent_ccc", company_id=self.company.id)
        self.Call._telephony_ingest(events)
        self.assertEqual(call.state, "attempt")
        self.assertEqual(self.callback.attempt_ids.result, "connected")

    def test_api_error_is_said(self):
        def answer(action, body):
            return {
                "Error": {"Code": "InvalidParameterValue", "Message": "Callee is invalid"},
                "RequestId": "req-2",
            }

        with fake_ccc_api(answer) as (base, _seen):
            self.company.sudo().callback_tencent_endpoint = base
            with self.assertRaisesRegex(UserError, "Callee is invalid"):
                self.callback.with_user(self.agent1).action_telephony_dial()
        self.assertFalse(self.callback.call_ids)

    def test_missing_credentials(self):
        self.company.sudo().callback_tencent_secret_key = False
        with self.assertRaisesRegex(UserError, "SecretKey"):
            self.callback.with_user(self.agent1).action_telephony_dial()
