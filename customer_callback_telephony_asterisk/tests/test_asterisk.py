# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Asterisk through AMI: panoramisk's testing Manager replays AMI traces
(tests/traces, see SOURCES.md) to the code that originates the calls and to
the listener that forwards the events."""

import asyncio
import json
import time
from pathlib import Path
from unittest.mock import patch

from panoramisk import testing

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from odoo.addons.customer_callback_telephony.tests.common import TelephonyCase

from ..models.res_company import ResCompany
from ..tools import ami
from ..tools.ami_listener import AmiListener

TRACES = Path(__file__).parent / "traces"
REF = "cb-trace-0001"


def replay(trace, action=None):
    """Play ``trace`` through panoramisk's testing Manager, with the
    listener registered: returns (the action's answer, the forwarded events)."""
    loop = asyncio.new_event_loop()
    try:
        manager = testing.Manager(loop=loop, stream=str(TRACES / trace))
        forwarded = []
        AmiListener(manager, forwarded.append)
        answer = manager.send_action(action or {"Action": "Ping"}).result()
        manager.close()
    finally:
        loop.close()
    return answer, forwarded


@tagged("post_install", "-at_install")
class TestAsteriskTraces(TelephonyCase):
    def setUp(self):
        super().setUp()
        self.company.sudo().write(
            {
                "callback_telephony_provider": "asterisk",
                "callback_asterisk_user": "odoo",
                "callback_asterisk_secret": "amisecret",
            }
        )
        self.agent1.callback_telephony_ref = "8001"

    def forward(self, events):
        parsed = []
        for payload in events:
            for event in self.Call._telephony_parse("asterisk", "ami", payload):
                event.update(provider="asterisk", company_id=self.company.id)
                parsed.append(event)
        return self.Call._telephony_ingest(parsed)

    def dial(self, trace):
        def manager(company, loop):
            return testing.Manager(loop=loop, stream=str(TRACES / trace))

        with (
            patch.object(ResCompany, "_callback_asterisk_manager", manager),
            patch.object(ResCompany, "_callback_asterisk_call_ref", lambda company: REF),
        ):
            self.callback.with_user(self.agent1).action_telephony_dial()

    def test_originate_then_answered_call(self):
        self.dial("originate.ami")
        call = self.callback.call_ids
        self.assertEqual((call.call_ref, call.provider, call.state), (REF, "asterisk", "ongoing"))
        self.assertEqual(call.user_id, self.agent1)
        _answer, events = replay("answered_call.ami")
        self.assertEqual([e["Event"] for e in events], ["DialBegin", "DialEnd", "Hangup", "Hangup"])
        self.forward(events)
        self.assertEqual(call.state, "attempt")
        self.assertEqual(call.provider_cause, "16")
        self.assertEqual(call.duration, 0)
        self.assertEqual(str(call.answer_date), "2026-11-23 01:55:14")
        self.assertEqual(str(call.hangup_date), "2026-11-23 01:56:49")
        self.assertEqual(self.callback.attempt_ids.result, "connected")
        # the listener resends (reconnection): nothing changes
        self.forward(events)
        self.assertEqual(len(self.callback.attempt_ids), 1)

    def test_busy_and_no_such_number(self):
        self.dial("originate.ami")
        _answer, events = replay("busy_call.ami")
        self.forward(events)
        self.assertEqual(self.callback.call_ids.outcome, "busy")
        self.assertEqual(self.callback.attempt_ids.result, "busy")
        callback = self.make_callback()
        callback.action_start()
        self.callback.action_cancel()
        events = [dict(e, Linkedid="cb-trace-0002") for e in replay("no_such_number.ami")[1]]
        for event in events:
            if event.get("Uniqueid") == REF:
                event["Uniqueid"] = "cb-trace-0002"
        call = self.forward(events)
        self.assertEqual(call.callback_id, callback)  # matched by the number
        self.assertEqual(call.outcome, "invalid_number")
        self.assertEqual(callback.state, "unreachable")
        self.assertTrue(self.partner_sh.callback_phone_invalid)

    def test_originate_refused(self):
        with self.assertRaisesRegex(UserError, "Originate failed"):
            self.dial("originate_failed.ami")
        self.assertFalse(self.callback.call_ids)

    def test_agent_without_extension(self):
        self.agent1.callback_telephony_ref = False
        with self.assertRaisesRegex(UserError, "extension"):
            self.callback.with_user(self.agent1).action_telephony_dial()


@tagged("post_install", "-at_install")
class TestAsteriskEndpoint(HttpCase):
    URL = "/customer_callback/telephony/asterisk/{}"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create(
            {"name": "Asterisk company", "callback_asterisk_push_secret": "listener-secret"}
        )

    def post(self, body, secret="listener-secret", timestamp=None):
        timestamp = int(time.time()) if timestamp is None else timestamp
        header = f"t={timestamp},v1={ami.sign(secret, timestamp, body)}"
        return self.url_open(
            self.URL.format(self.company.id),
            data=body,
            headers={"Content-Type": "application/json", "X-Callback-Signature": header},
        )

    def test_signed_events_are_queued_forged_and_stale_refused(self):
        _answer, events = replay("answered_call.ami")
        body = json.dumps(events[0]).encode()
        Event = self.env["customer.callback.call.event"]
        domain = [("company_id", "=", self.company.id)]
        with self.assertLogs(
            "odoo.addons.customer_callback_telephony_asterisk.controllers.main", "WARNING"
        ):
            self.assertEqual(self.post(body, secret="forged").status_code, 401)
            # a signature more than 5 minutes old: a replay
            self.assertEqual(self.post(body, timestamp=int(time.time()) - 600).status_code, 401)
        self.assertFalse(Event.search(domain))
        self.assertEqual(self.post(body).json(), {"status": "queued"})
        self.assertEqual(self.post(body).json(), {"status": "duplicate"})
        self.assertEqual(len(Event.search(domain)), 1)
