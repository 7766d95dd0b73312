# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The consent ledger (issue #20): the customer's fields derived from it,
lines written by the screens, history kept, and placement honouring it."""

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
        rule = self.make_rule(channel="phone")
        self.record(self.partner_sh, "contact", "withdrawn", channel="phone", source="customer")
        self.make_order(self.partner_sh)
        self.assertFalse(self.callbacks_of(self.partner_sh, rule))
        # the customer is not "do not call": another channel may still be used
        self.assertFalse(self.partner_sh.callback_do_not_call)
        sms_rule = self.make_rule(name="SMS rule", channel="sms", segment="new_customer")
        self.record(self.partner_paris, "contact", "withdrawn", channel="sms")
        self.make_order(self.partner_paris)
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
