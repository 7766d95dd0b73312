# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""OCA VoIP's softphone calls (voip.call) feed the call record, and the
call record makes the callback's attempt. The calls go through the methods
voip_oca's softphone calls over RPC (create_call, accept_call, reject_call,
terminate_call), as voip_oca's own tests drive them."""

from datetime import timedelta

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.customer_callback.tests.common import FROZEN_NOW, TODAY
from odoo.addons.customer_callback_telephony.tests.common import TelephonyCase

PHONE = "+86 138-0013-8000"


@tagged("post_install", "-at_install")
class TestVoipOcaCalls(TelephonyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.callback_telephony_provider = "voip_oca"
        cls.pbx = cls.env["voip.pbx"].create(
            {"name": "Test PBX", "mode": "prod", "domain": "pbx.test", "ws_server": "ws://pbx.test"}
        )
        cls.agent1.write({"voip_pbx_id": cls.pbx.id, "voip_username": "8001"})
        cls.agent2.write({"voip_pbx_id": cls.pbx.id, "voip_username": "8002"})

    def dial(self, number=PHONE, user=None, callback=None):
        """What the softphone does when the agent dials: voip.call.create_call."""
        VoipCall = self.env["voip.call"].with_user(user or self.agent1)
        data = VoipCall.create_call(
            {
                "pbx_id": self.pbx.id,
                "phone_number": number,
                "type_call": "outgoing",
                "state": "calling",
                "partner_id": callback and callback.partner_id.id,
            }
        )
        return VoipCall.browse(data["id"])

    def record(self, voip_call):
        return self.Call.search([("voip_call_id", "=", voip_call.id)])

    def talk(self, voip_call, answered_after=10, seconds=120):
        with freeze_time(FROZEN_NOW + timedelta(seconds=answered_after)):
            voip_call.accept_call()
        with freeze_time(FROZEN_NOW + timedelta(seconds=answered_after + seconds)):
            voip_call.terminate_call()

    def test_answered_call_is_a_connected_attempt_with_its_duration(self):
        voip_call = self.dial()
        record = self.record(voip_call)
        self.assertEqual(
            (record.provider, record.call_ref, record.state, record.direction),
            ("voip_oca", str(voip_call.id), "ongoing", "outbound"),
        )
        self.assertEqual((record.callee_number, record.user_id), (PHONE, self.agent1))
        self.assertFalse(self.callback.attempt_ids)
        self.talk(voip_call, answered_after=10, seconds=120)
        self.assertEqual(record.state, "attempt")
        self.assertEqual(record.outcome, "connected")
        self.assertEqual(record.duration, 120)
        self.assertEqual(record.answer_date, FROZEN_NOW + timedelta(seconds=10))
        self.assertEqual(record.callback_id, self.callback)
        attempt = self.callback.attempt_ids
        self.assertEqual(attempt, record.attempt_id)
        self.assertEqual((attempt.result, attempt.user_id), ("connected", self.agent1))
        self.assertEqual(self.callback.state, "in_progress")

    def test_rejected_call_is_declined(self):
        voip_call = self.dial()
        with freeze_time(FROZEN_NOW + timedelta(seconds=15)):
            voip_call.reject_call()
        record = self.record(voip_call)
        self.assertEqual((record.outcome, record.duration), ("declined", 0))
        self.assertFalse(record.answer_date)
        self.assertEqual(self.callback.attempt_ids.result, "declined")

    def test_missed_call_is_no_answer(self):
        voip_call = self.dial()
        voip_call.write({"state": "missed", "end_date": FROZEN_NOW + timedelta(seconds=40)})
        self.assertEqual(self.record(voip_call).outcome, "no_answer")
        self.assertEqual(self.callback.attempt_ids.result, "no_answer")

    def test_hung_up_before_an_answer_is_no_answer(self):
        voip_call = self.dial()
        with freeze_time(FROZEN_NOW + timedelta(seconds=30)):
            voip_call.terminate_call()
        record = self.record(voip_call)
        self.assertEqual((record.outcome, record.duration), ("no_answer", 0))
        self.assertEqual(self.callback.attempt_ids.result, "no_answer")

    def test_aborted_call_counts_no_attempt(self):
        voip_call = self.dial()
        voip_call.write({"state": "aborted", "end_date": FROZEN_NOW})
        self.assertEqual(self.record(voip_call).state, "no_attempt")
        self.assertFalse(self.callback.attempt_ids)

    def test_customers_unanswered_call_is_no_attempt(self):
        data = (
            self.env["voip.call"]
            .with_user(self.agent1)
            .create_call({"pbx_id": self.pbx.id, "phone_number": PHONE, "type_call": "incoming"})
        )
        voip_call = self.env["voip.call"].browse(data["id"])
        with freeze_time(FROZEN_NOW + timedelta(seconds=20)):
            voip_call.reject_call()
        record = self.record(voip_call)
        self.assertEqual((record.direction, record.caller_number), ("inbound", PHONE))
        self.assertEqual((record.callback_id, record.state), (self.callback, "no_attempt"))
        self.assertIn("not answered", record.note)
        self.assertFalse(self.callback.attempt_ids)

    def test_customers_answered_call_is_connected(self):
        data = (
            self.env["voip.call"]
            .with_user(self.agent1)
            .create_call({"pbx_id": self.pbx.id, "phone_number": PHONE, "type_call": "incoming"})
        )
        self.talk(self.env["voip.call"].browse(data["id"]), seconds=60)
        self.assertEqual(self.callback.attempt_ids.result, "connected")

    def test_call_matching_no_callback_is_listed(self):
        voip_call = self.dial(number="+86 139 0000 9999")
        self.talk(voip_call)
        record = self.record(voip_call)
        self.assertEqual((record.state, record.outcome), ("unmatched", "connected"))
        self.assertIn(record, self.Call.search([("state", "=", "unmatched")]))
        self.assertFalse(self.callback.attempt_ids)

    def test_another_companys_callback_is_not_matched(self):
        self.callback.action_cancel()
        other = self.env["res.company"].create(
            {"name": "Other company", "callback_telephony_provider": "voip_oca"}
        )
        foreign = self.env["customer.callback"].create(
            {
                "partner_id": self.partner_sh.id,
                "company_id": other.id,
                "state": "in_progress",
                "planned_date": FROZEN_NOW,
                "deadline": TODAY + timedelta(days=3),
            }
        )
        voip_call = self.dial()
        self.talk(voip_call)
        record = self.record(voip_call)
        self.assertEqual((record.company_id, record.state), (self.company, "unmatched"))
        self.assertFalse(record.callback_id)
        self.assertFalse(foreign.attempt_ids)

    def test_call_button_dials_through_the_softphone(self):
        callback = self.make_callback()
        self.assertEqual(callback.state, "planned")
        action = callback.with_user(self.agent1).action_telephony_dial()
        self.assertEqual(action["tag"], "customer_callback_telephony_voip_oca.dial")
        self.assertEqual(
            action["params"],
            {"callback_id": callback.id, "number": PHONE, "partner_id": self.partner_sh.id},
        )
        self.assertEqual(callback.state, "in_progress")
        # what the client action then does: dial, and tie the call to the callback
        voip_call = self.dial(callback=callback)
        self.assertTrue(callback.with_user(self.agent1).voip_oca_link_call(voip_call.id))
        # two callbacks of the same customer are in progress: the number alone
        # matches neither, the button's call is the one it was dialled from
        self.talk(voip_call)
        record = self.record(voip_call)
        self.assertEqual((record.callback_id, record.state), (callback, "attempt"))
        self.assertEqual(callback.attempt_ids.result, "connected")
        self.assertFalse(self.callback.attempt_ids)

    def test_button_call_tied_after_it_ended_unmatched(self):
        callback = self.make_callback()
        callback.with_user(self.agent1).action_telephony_dial()
        voip_call = self.dial(callback=callback)
        self.talk(voip_call)
        self.assertEqual(self.record(voip_call).state, "unmatched")
        callback.with_user(self.agent1).voip_oca_link_call(voip_call.id)
        self.assertEqual(self.record(voip_call).state, "attempt")
        self.assertEqual(callback.attempt_ids.result, "connected")

    def test_only_the_agents_own_call_to_the_customer_is_tied(self):
        callback = self.make_callback()
        others = self.dial(user=self.agent2)
        stranger = self.dial(number="+86 139 0000 9999")
        for voip_call in (others, stranger):
            with self.assertRaisesRegex(UserError, "not your call"):
                callback.with_user(self.agent1).voip_oca_link_call(voip_call.id)
        self.assertFalse(callback.call_ids)

    def test_softphone_not_set_up(self):
        self.agent1.voip_pbx_id = False
        with self.assertRaisesRegex(UserError, "softphone is not set up"):
            self.callback.with_user(self.agent1).action_telephony_dial()

    def test_workday_offers_the_call_button(self):
        rows = (self.env["customer.callback.workday"].with_user(self.agent1).get_workday_data())[
            "callbacks"
        ]
        self.assertTrue(rows)
        self.assertTrue(all(row["voip_dial"] for row in rows))
        self.company.callback_telephony_provider = "none"
        rows = (self.env["customer.callback.workday"].with_user(self.agent1).get_workday_data())[
            "callbacks"
        ]
        self.assertFalse(any(row["voip_dial"] for row in rows))

    def test_without_the_softphone_as_phone_system_calls_are_not_recorded(self):
        self.company.callback_telephony_provider = "none"
        voip_call = self.dial()
        self.talk(voip_call)
        self.assertFalse(self.record(voip_call))
        self.assertFalse(self.callback.attempt_ids)
