# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta
from unittest.mock import patch

import psycopg2.errors

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import FROZEN_NOW, TODAY, CallbackCase


@tagged("post_install", "-at_install")
class TestGeneration(CallbackCase):
    def test_vip_monthly_by_salesperson(self):
        rule = self.make_rule(
            segment="vip",
            trigger="periodic",
            partner_tier="vip",
            period_months=1,
            window_days=7,
            assignment="salesperson",
        )
        self.partner_ny.write({"callback_vip": True, "user_id": self.agent2.id})
        self.assertEqual(self.partner_ny.callback_tier, "vip")
        self.generate(self.partner_ny | self.partner_paris, today=TODAY + timedelta(days=7))
        callback = self.callbacks_of(self.partner_ny, rule)
        self.assertEqual(callback.period_key, "2026M11")
        self.assertEqual(callback.user_id, self.agent2)
        self.assertFalse(self.callbacks_of(self.partner_paris, rule))

    def test_callbacks_numbered_in_the_customers_order(self):
        """A rule's candidates are planned in the customers' id order, in
        whatever order the database returned them (its physical order, which
        updates and VACUUM change): numbers and round-robin agents do not
        depend on when PostgreSQL cleaned up."""
        rule = self.make_rule(
            segment="vip", trigger="periodic", partner_tier="vip", period_months=1, window_days=30
        )
        partners = self.env["res.partner"].create(
            [{"name": f"VIP {i}", "tz": "Asia/Shanghai", "callback_vip": True} for i in range(3)]
        )
        Generator = type(self.env["customer.callback.generator"])
        read = Generator._candidates_periodic

        def backwards(generator, rule, ctx):
            return list(reversed(read(generator, rule, ctx)))

        with patch.object(Generator, "_candidates_periodic", backwards):
            self.generate(partners)
        callbacks = self.callbacks_of(partners, rule).sorted("name")
        self.assertEqual(
            [(c.partner_id, c.user_id) for c in callbacks],
            list(zip(partners, self.agent1 + self.agent2 + self.agent1, strict=True)),
        )

    def test_birthday_three_to_five_days_before(self):
        rule = self.make_rule(
            segment="care_occasion",
            trigger="birthday",
            offset_days=-5,
            window_days=2,
            channel="sms",
        )
        self.partner_sh.birthday = datetime(1985, 11, 27).date()  # in 4 days
        self.partner_paris.birthday = datetime(1985, 12, 20).date()  # too far
        self.generate(self.partner_sh | self.partner_paris)
        callback = self.callbacks_of(self.partner_sh, rule)
        self.assertEqual(callback.period_key, "2026")
        self.assertEqual(callback.deadline, TODAY + timedelta(days=1))
        self.assertEqual(callback.channel, "sms")
        self.assertFalse(self.callbacks_of(self.partner_paris, rule))

    def test_care_occasions_and_public_holidays(self):
        rule = self.make_rule(
            segment="care_occasion",
            trigger="occasion",
            offset_days=-5,
            window_days=2,
            include_public_holidays=True,
            partner_domain="[('tz', '=', 'Asia/Shanghai')]",
        )
        occasion = self.env["customer.callback.occasion"].create(
            {"name": "Test festival", "date_ids": [(0, 0, {"date": TODAY + timedelta(days=4)})]}
        )
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Test public holiday",
                "calendar_id": self.company.resource_calendar_id.id,
                "date_from": datetime(2026, 11, 29, 16, 0),  # 30 Nov 00:00 in Shanghai
                "date_to": datetime(2026, 12, 1, 15, 59),
                "time_type": "leave",
            }
        )
        self.generate(self.partner_sh | self.partner_paris)
        callbacks = self.callbacks_of(self.partner_sh, rule)
        self.assertEqual(
            sorted(callbacks.mapped("period_key")), ["H2026-11-30", f"O{occasion.date_ids.id}"]
        )
        self.assertFalse(self.callbacks_of(self.partner_paris, rule), "the rule's filter")

    def test_feedback_followup_until_solved(self):
        rule = self.make_rule(
            segment="feedback_history", trigger="feedback", offset_days=7, window_days=3
        )
        source = self.make_callback(
            self.partner_paris, summary="Complained about noise", problem_status="pending"
        )
        source.action_done()
        source.done_date = FROZEN_NOW - timedelta(days=8)
        self.generate(self.partner_paris)
        followup = self.callbacks_of(self.partner_paris, rule)
        self.assertEqual(followup.source_callback_id, source)
        self.assertEqual(followup.period_key, f"FB{source.id}")

    def test_do_not_call_gets_nothing_and_manual_raises(self):
        rule = self.make_rule(
            segment="care_occasion", trigger="birthday", offset_days=-5, window_days=7
        )
        birthday = datetime(1985, 11, 25).date()  # in two days
        self.partner_paris.birthday = birthday
        self.partner_ny.write({"birthday": birthday, "callback_do_not_call": True})
        self.generate(self.partner_ny | self.partner_paris)
        self.assertTrue(self.callbacks_of(self.partner_paris, rule))
        self.assertFalse(self.callbacks_of(self.partner_ny, rule))
        with self.assertRaises(UserError):
            self.make_callback(self.partner_ny)

    def test_idempotent_and_resumable_batches(self):
        rule = self.make_rule(
            segment="care_occasion", trigger="birthday", offset_days=-5, window_days=7
        )
        partners = self.partner_sh | self.partner_paris | self.partner_ny
        partners.birthday = datetime(1985, 11, 25).date()  # the cron finds them
        generator = self.env["customer.callback.generator"]
        processed_total = 0
        while True:
            processed, remaining = generator._generate_next_batch(batch_size=50)
            processed_total += processed
            if not remaining:
                break
        first_run = self.callbacks_of(partners, rule)
        self.assertEqual(len(first_run), 3)
        progress = self.env["customer.callback.generation.progress"].search([("day", "=", TODAY)])
        self.assertGreaterEqual(progress.last_partner_id, max(partners.ids))
        # second run the same day: every partner is evaluated, nothing to do
        self.assertEqual(generator._generate_next_batch(batch_size=50), (0, 0))
        # the next day's run evaluates everybody again and creates nothing twice
        while True:
            _processed, remaining = generator._generate_next_batch(
                batch_size=50, today=TODAY + timedelta(days=1)
            )
            if not remaining:
                break
        self.assertEqual(self.callbacks_of(partners, rule), first_run)
        # a rerun of an interrupted batch (same partners again) creates nothing
        generator._generate_for_partners(partners.ids)
        self.assertEqual(self.callbacks_of(partners, rule), first_run)

    def test_rule_validation(self):
        with self.assertRaises(ValidationError):
            self.make_rule(trigger="callback_done")
        with self.assertRaises(ValidationError):
            self.make_rule(assignment="agent", user_id=False)
        with self.assertRaises(ValidationError):
            self.make_rule(partner_domain="[('no_such_field', '=', 1)]")
        # the database refuses it (logged by odoo.sql_db: expected here)
        with self.assertRaises(psycopg2.errors.CheckViolation), mute_logger("odoo.sql_db"):
            with self.env.cr.savepoint():
                self.make_rule(window_days=-1)
