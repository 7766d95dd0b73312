# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

import freezegun

from odoo.tests import new_test_user, tagged

from odoo.addons.customer_callback.tests.common import FROZEN_NOW, CallbackCase


@tagged("post_install", "-at_install")
class TestAttemptsAsPhonecalls(CallbackCase):
    def log(self, callback, result, when=FROZEN_NOW):
        with freezegun.freeze_time(when):
            return (
                callback.with_user(self.agent1)
                .with_context(attempt_result=result)
                .action_log_attempt()
            )

    def test_phone_attempts_are_logged_as_crm_calls(self):
        callback = self.make_callback()
        self.log(callback, "no_answer")
        self.log(callback, "connected", FROZEN_NOW + timedelta(hours=4))
        attempts = callback.attempt_ids.sorted("attempt_date")
        self.assertEqual(len(attempts), 2)
        calls = attempts.sudo().phonecall_id
        self.assertEqual(len(calls), 2)
        missed, held = attempts[0].sudo().phonecall_id, attempts[1].sudo().phonecall_id
        self.assertEqual(missed.state, "cancel", "not reached: a try, not a held call")
        self.assertEqual(held.state, "done")
        for attempt, call in ((attempts[0], missed), (attempts[1], held)):
            self.assertEqual(call.partner_id, self.partner_sh)
            self.assertEqual(call.user_id, attempt.user_id)
            self.assertEqual(call.date, attempt.attempt_date)
            self.assertEqual(call.direction, "out")
            self.assertEqual(call.company_id, callback.company_id)
            self.assertEqual(call.callback_attempt_id, attempt)
            self.assertEqual(call.callback_id, callback)
            self.assertIn(callback.name, call.name)
        self.assertIn("No answer", missed.name)
        # sales sees them in the customer's Calls
        self.assertEqual(self.partner_sh.phonecall_ids & calls, calls)
        salesman = new_test_user(
            self.env,
            login="cc_salesman",
            groups="sales_team.group_sale_salesman_all_leads",
            company_id=self.company.id,
            company_ids=[self.company.id],
        )
        visible = (
            self.env["crm.phonecall"]
            .with_user(salesman)
            .search([("partner_id", "=", self.partner_sh.id)])
        )
        self.assertEqual(visible & calls, calls)

    def test_other_channels_are_not_phone_calls(self):
        callback = self.make_callback(channel="im")
        self.env["customer.callback.attempt"].create(
            {
                "callback_id": callback.id,
                "channel": "im",
                "result": "message_sent",
                "attempt_date": FROZEN_NOW,
            }
        )
        self.assertTrue(callback.attempt_ids)
        self.assertFalse(callback.attempt_ids.sudo().phonecall_id)
        calls = self.env["crm.phonecall"].sudo()
        self.assertFalse(calls.search([("callback_attempt_id", "in", callback.attempt_ids.ids)]))

    def test_batch_of_attempts_logs_one_call_each(self):
        callbacks = self.make_callback() | self.make_callback(self.partner_paris)
        attempts = self.env["customer.callback.attempt"].create(
            [
                {
                    "callback_id": callback.id,
                    "channel": "phone",
                    "result": "busy",
                    "attempt_date": FROZEN_NOW,
                    "note": "Line busy.",
                }
                for callback in callbacks
            ]
        )
        calls = attempts.sudo().phonecall_id
        self.assertEqual(len(calls), 2)
        self.assertEqual(calls.partner_id, self.partner_sh | self.partner_paris)
        self.assertEqual(set(calls.mapped("description")), {"Line busy."})
