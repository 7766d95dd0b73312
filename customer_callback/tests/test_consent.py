# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The consent ledger (issue #20): the customer's fields derived from it,
lines written by the screens, history kept, and placement honouring it."""

from datetime import date, timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import FROZEN_NOW, CallbackCase, load_migration


@tagged("post_install", "-at_install")
class TestConsentLedger(CallbackCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # agents who keep the customers' details (contact creation rights)
        cls.agent1.group_ids += cls.env.ref("base.group_partner_manager")

    def ledger(self, partner):
        return self.env["customer.callback.consent"].search(
            [("partner_id", "=", partner.id)], order="id"
        )

    def record(self, partner, purpose, decision="given", **values):
        return self.env["customer.callback.consent"].create(
            dict(
                partner_id=partner.id,
                company_id=self.company.id,
                purpose=purpose,
                decision=decision,
                **values,
            )
        )

    def test_typing_do_not_call_writes_a_ledger_line(self):
        partner = self.partner_sh.with_user(self.agent1)
        partner.callback_do_not_call = True
        line = self.ledger(partner)
        self.assertEqual(
            (line.purpose, line.decision, line.channel, line.source, line.user_id),
            ("contact", "withdrawn", False, "agent", self.agent1),
        )
        self.assertTrue(line.text)
        partner.callback_do_not_call = False
        self.assertEqual(self.ledger(partner).mapped("decision"), ["withdrawn", "given"])
        self.assertFalse(self.partner_sh.callback_do_not_call)

    def test_preference_typed_and_derived(self):
        self.partner_sh.write({"callback_channel": "sms", "callback_preferred_time": 19.5})
        line = self.ledger(self.partner_sh)
        self.assertEqual(
            (line.purpose, line.channel, line.preferred_time), ("preference", "sms", 19.5)
        )
        # a later line from elsewhere (the customer's page) changes the fields
        self.record(
            self.partner_sh, "preference", channel="phone", preferred_time=10.0, source="customer"
        )
        self.assertEqual(self.partner_sh.callback_channel, "phone")
        self.assertEqual(self.partner_sh.callback_preferred_time, 10.0)
        self.record(self.partner_sh, "contact", "withdrawn", source="customer")
        self.assertTrue(self.partner_sh.callback_do_not_call)

    def test_created_with_do_not_call_has_its_line(self):
        """Imports and the existing screens create customers with the fields set."""
        partner = self.env["res.partner"].create(
            {"name": "Imported", "callback_do_not_call": True, "callback_preferred_time": 9.0}
        )
        self.assertTrue(partner.callback_do_not_call)
        self.assertEqual(partner.callback_preferred_time, 9.0)
        self.assertEqual(sorted(self.ledger(partner).mapped("purpose")), ["contact", "preference"])

    def test_recording_consent_on_a_call_is_recorded(self):
        callback = self.make_callback(recording_consent=True)
        line = self.ledger(self.partner_sh)
        self.assertEqual(
            (line.purpose, line.decision, line.callback_id), ("recording", "given", callback)
        )
        callback.with_user(self.agent1).recording_consent = False
        self.assertEqual(self.ledger(self.partner_sh).mapped("decision"), ["given", "withdrawn"])
        consent = self.partner_sh._callback_consents()[self.partner_sh.id]
        self.assertFalse(consent.may_record())
        self.assertEqual(callback.partner_consent_ids, self.ledger(self.partner_sh))

    def test_ledger_is_history(self):
        line = self.record(self.partner_sh, "survey", "withdrawn")
        for user in (self.agent1, self.supervisor, self.env.user):
            with self.assertRaises(UserError):
                line.with_user(user).write({"decision": "given"})
            with self.assertRaises(UserError):
                line.with_user(user).unlink()
        # a salesperson without callback groups records nothing directly
        seller = self.env["res.users"].create(
            {
                "name": "Seller",
                "login": "consent_seller",
                "group_ids": [
                    (
                        6,
                        0,
                        (
                            self.env.ref("sales_team.group_sale_salesman")
                            | self.env.ref("base.group_partner_manager")
                        ).ids,
                    )
                ],
                "company_id": self.company.id,
                "company_ids": [(6, 0, self.company.ids)],
            }
        )
        with self.assertRaises(AccessError):
            self.env["customer.callback.consent"].with_user(seller).create(
                {"partner_id": self.partner_sh.id, "purpose": "contact"}
            )
        # ... but her "do not call" on the customer is recorded in the ledger
        self.partner_ny.with_user(seller).callback_do_not_call = True
        self.assertEqual(self.ledger(self.partner_ny).user_id, seller)

    def test_no_callback_by_a_withdrawn_channel(self):
        # a birthday in two days: due for both customers' rules
        birthday = {"trigger": "birthday", "offset_days": -5, "window_days": 7}
        (self.partner_sh | self.partner_paris).birthday = date(1985, 11, 25)
        rule = self.make_rule(channel="phone", **birthday)
        self.record(self.partner_sh, "contact", "withdrawn", channel="phone", source="customer")
        self.generate(self.partner_sh)
        self.assertFalse(self.callbacks_of(self.partner_sh, rule))
        # the customer is not "do not call": another channel may still be used
        self.assertFalse(self.partner_sh.callback_do_not_call)
        sms_rule = self.make_rule(
            name="SMS rule", channel="sms", segment="new_customer", **birthday
        )
        self.record(self.partner_paris, "contact", "withdrawn", channel="sms")
        self.generate(self.partner_paris)
        self.assertTrue(self.callbacks_of(self.partner_paris, rule))
        planned = self.env["customer.callback"]._plan_callbacks(
            [
                {
                    "partner_id": self.partner_paris.id,
                    "company_id": self.company.id,
                    "channel": "sms",
                },
                {
                    "partner_id": self.partner_paris.id,
                    "company_id": self.company.id,
                    "channel": "email",
                },
            ]
        )
        self.assertEqual(planned.mapped("channel"), ["email"])
        self.assertFalse(self.callbacks_of(self.partner_paris, sms_rule))

    def test_preferred_time_from_the_ledger_places_the_callback(self):
        self.record(
            self.partner_sh, "preference", channel="phone", preferred_time=19.0, source="customer"
        )
        planned = self.env["customer.callback"]._plan_callbacks(
            [{"partner_id": self.partner_sh.id, "company_id": self.company.id}]
        )
        local = self.local(planned.planned_date, "Asia/Shanghai")
        # Monday 10:00 in Shanghai: the same evening at 19:00, the customer's choice
        self.assertEqual((local.date(), local.hour, local.minute), (FROZEN_NOW.date(), 19, 0))


@tagged("post_install", "-at_install")
class TestWithdrawalActsAtOnce(CallbackCase):
    """Issue #28, 2: a withdrawal cancels the open callbacks it forbids, at
    once and with the reason, whoever records it; a call it forbids neither
    starts nor gets an attempt."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # agents who keep the customers' details (contact creation rights)
        cls.agent1.group_ids += cls.env.ref("base.group_partner_manager")

    def withdraw(self, partner, channel=False, purpose="contact", user=None, company=None):
        Consent = self.env["customer.callback.consent"]
        if user:
            Consent = Consent.with_user(user)
        return Consent.create(
            {
                "partner_id": partner.id,
                "company_id": (company or self.company).id,
                "purpose": purpose,
                "decision": "withdrawn",
                "channel": channel,
            }
        )

    def bodies(self, callback):
        return " ".join(callback.message_ids.mapped("body"))

    def test_agent_records_withdrawal_of_one_channel(self):
        phone = self.make_callback()
        sms = self.make_callback(channel="sms", planned_date=FROZEN_NOW + timedelta(days=1))
        done = self.make_callback(
            state="done", done_date=FROZEN_NOW, close_reason="completed", planned_date=False
        )
        self.withdraw(self.partner_sh, "phone", user=self.agent1)
        self.assertEqual((phone.state, phone.close_reason), ("cancelled", "withdrawn"))
        self.assertEqual(phone.done_date, FROZEN_NOW)
        self.assertIn(
            f"withdrew his consent to be contacted by Phone (Agent, {self.agent1.name})",
            self.bodies(phone),
        )
        self.assertEqual(sms.state, "planned", "another channel is still allowed")
        self.assertEqual(done.state, "done", "history is kept")
        sms.with_user(self.agent1).action_start()
        self.assertEqual(sms.state, "in_progress")
        # an attempt by the withdrawn channel is refused, by the allowed one not
        Attempt = self.env["customer.callback.attempt"].with_user(self.agent1)
        with self.assertRaisesRegex(UserError, "by Phone"):
            Attempt.create({"callback_id": sms.id, "result": "no_answer", "channel": "phone"})
        Attempt.create({"callback_id": sms.id, "result": "no_answer", "channel": "sms"})
        self.assertEqual(len(sms.attempt_ids), 1)

    def test_do_not_call_typed_on_the_customer_cancels_every_call(self):
        calls = self.make_callback() | self.make_callback(
            channel="visit", planned_date=FROZEN_NOW + timedelta(days=2), state="draft"
        )
        self.partner_sh.with_user(self.agent1).callback_do_not_call = True
        self.assertEqual(set(calls.mapped("state")), {"cancelled"})
        self.assertEqual(set(calls.mapped("close_reason")), {"withdrawn"})
        for callback in calls:
            self.assertIn(
                f"asked not to be contacted (Agent, {self.agent1.name})", self.bodies(callback)
            )
        with self.assertRaisesRegex(UserError, "withdrew his consent"):
            calls[0].with_user(self.agent1).action_start()
        with self.assertRaisesRegex(UserError, "withdrew his consent"):
            calls[0].with_user(self.agent1).with_context(
                attempt_result="no_answer"
            ).action_log_attempt()

    def test_survey_withdrawal_cancels_no_call(self):
        callback = self.make_callback()
        self.withdraw(self.partner_sh, purpose="survey")
        self.withdraw(self.partner_sh, purpose="recording")
        self.assertEqual(callback.state, "planned")
        callback.with_user(self.agent1).action_start()
        self.assertEqual(callback.state, "in_progress")

    def test_second_withdrawal_after_allowing_again(self):
        first = self.make_callback()
        self.withdraw(self.partner_sh)
        self.assertEqual(first.state, "cancelled")
        self.partner_sh.with_user(self.agent1).callback_do_not_call = False
        second = self.make_callback(planned_date=FROZEN_NOW + timedelta(days=1))
        second.with_user(self.agent1).action_start()
        self.withdraw(self.partner_sh, user=self.agent1)
        self.assertEqual((second.state, second.close_reason), ("cancelled", "withdrawn"))
        self.assertTrue(self.partner_sh.callback_do_not_call)

    def test_withdrawal_in_a_batch_of_customers(self):
        """Lines of several customers at once (an import): each customer's
        calls, no other's."""
        sh, paris, ny = (
            self.make_callback(self.partner_sh),
            self.make_callback(self.partner_paris),
            self.make_callback(self.partner_ny),
        )
        self.env["customer.callback.consent"].with_context(import_file=True).with_user(
            self.agent1
        ).create(
            [
                {"partner_id": partner.id, "purpose": "contact", "decision": "withdrawn"}
                for partner in (self.partner_sh, self.partner_paris)
            ]
        )
        self.assertEqual((sh.state, paris.state, ny.state), ("cancelled", "cancelled", "planned"))
        self.assertIn(f"(Import, {self.agent1.name})", self.bodies(sh))

    def test_withdrawal_acts_in_its_company(self):
        """The line's company: its calls are cancelled; another company's call
        of a shared customer stays as it is (not that company's record), yet
        cannot start either: the customer's say is his, in every company."""
        other_company = self.env["res.company"].create({"name": "Consent company B"})
        self.env.user.company_ids += other_company
        ours = self.make_callback()
        theirs = self.make_callback(company_id=other_company.id, team_id=False, user_id=False)
        self.withdraw(self.partner_sh)
        self.assertEqual(ours.state, "cancelled")
        self.assertEqual(theirs.state, "planned")
        with self.assertRaisesRegex(UserError, "withdrew his consent"):
            theirs.action_start()


@tagged("post_install", "-at_install")
class TestConsentMigration(CallbackCase):
    """19.0.1.4.0: the values typed before the ledger become its lines."""

    def test_migration_writes_import_lines_and_keeps_the_values(self):
        partner = self.env["res.partner"].create(
            {
                "name": "Before the ledger",
                "callback_do_not_call": True,
                "callback_channel": "sms",
                "callback_preferred_time": 18.5,
            }
        )
        callback = self.make_callback(self.partner_paris, recording_consent=True)
        module = load_migration("19.0.1.4.0")
        self.env.flush_all()
        module.migrate(self.env.cr, "19.0.1.3.0")
        self.env.invalidate_all()
        imported = self.env["customer.callback.consent"].search(
            [("partner_id", "in", (partner | self.partner_paris).ids), ("source", "=", "import")]
        )
        self.assertEqual(
            sorted((line.partner_id.id, line.purpose) for line in imported),
            sorted(
                [
                    (partner.id, "contact"),
                    (partner.id, "preference"),
                    (self.partner_paris.id, "recording"),
                ]
            ),
        )
        self.assertEqual(
            imported.filtered(lambda line: line.purpose == "recording").callback_id, callback
        )
        self.assertTrue(partner.callback_do_not_call)
        self.assertEqual((partner.callback_channel, partner.callback_preferred_time), ("sms", 18.5))
        # a fresh install has nothing to migrate
        self.assertIsNone(module.migrate(self.env.cr, None))
