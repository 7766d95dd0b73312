# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Callback references: the serials of a batch are reserved at once on the
month's "no gap" counter, shared with ``ir.sequence``'s own numbering; and
the set-wise company check of bulk creation."""

from contextlib import suppress
from datetime import timedelta
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import tagged

from ..models.customer_callback import _format_serials
from .common import FROZEN_NOW, TODAY, CallbackCase, load_migration


def serials(names):
    return [int(name[6:]) for name in names]


@tagged("post_install", "-at_install")
class TestNumbering(CallbackCase):
    def setUp(self):
        super().setUp()
        self.Callback = self.env["customer.callback"]
        self.sequence = self.Callback._callback_sequence(self.company, TODAY)

    def test_batch_reservations_and_next_by_id_share_one_counter(self):
        self.assertEqual(self.sequence.implementation, "no_gap")
        batch = self.Callback._callback_names(self.company, 3, TODAY)
        single = self.sequence.next_by_id(sequence_date=TODAY)
        more = self.Callback._callback_names(self.company, 2, TODAY)
        numbers = serials([*batch, single, *more])
        self.assertEqual(numbers, list(range(numbers[0], numbers[0] + 6)), "no gap, no duplicate")
        self.assertTrue(all(name.startswith("202611") for name in [*batch, single, *more]))
        self.assertEqual(single, f"202611{numbers[3]:03d}", "the sequence's own format")

    def test_a_rolled_back_batch_gives_its_serials_back(self):
        first = self.Callback._callback_names(self.company, 1, TODAY)
        with suppress(RuntimeError), self.env.cr.savepoint():
            self.Callback._callback_names(self.company, 5, TODAY)
            raise RuntimeError("the batch fails")
        after = self.Callback._callback_names(self.company, 1, TODAY)
        self.assertEqual(serials(after), [serials(first)[0] + 1])

    def test_planned_callbacks_are_numbered_in_one_reservation(self):
        partners = self.env["res.partner"].create(
            [{"name": f"Numbered {i}", "tz": "Asia/Shanghai"} for i in range(5)]
        )
        with patch.object(
            type(self.env["ir.sequence"]), "next_by_id", side_effect=AssertionError("one by one")
        ):
            callbacks = self.Callback._plan_callbacks(
                [{"partner_id": p.id, "company_id": self.company.id} for p in partners]
            )
        numbers = serials(callbacks.mapped("name"))
        self.assertEqual(numbers, list(range(numbers[0], numbers[0] + 5)))
        # a callback created by hand afterwards takes the next serial
        manual = self.make_callback()
        self.assertEqual(serials([manual.name]), [numbers[-1] + 1])

    def test_the_serial_restarts_every_month(self):
        december = self.Callback._callback_names(self.company, 2, TODAY + timedelta(days=10))
        self.assertEqual(december, ["202612001", "202612002"])
        november = self.Callback._callback_names(self.company, 1, TODAY)
        self.assertTrue(november[0].startswith("202611"))

    def test_a_sequence_turned_back_to_standard_still_numbers(self):
        self.sequence.implementation = "standard"
        names = self.Callback._callback_names(self.company, 3, TODAY)
        numbers = serials(names)
        self.assertEqual(numbers, list(range(numbers[0], numbers[0] + 3)))

    def test_references_whose_prefix_holds_the_serial_digits(self):
        """The shortcut formatting (prefix and suffix read off one reference)
        is checked against the sequence's own formatting."""
        sequence = self.env["ir.sequence"].create(
            {"name": "Odd prefix", "prefix": "X001-", "suffix": "-001", "padding": 3}
        )
        numbers = list(range(1, 12))
        expected = [sequence.get_next_char(number) for number in numbers]
        self.assertEqual(_format_serials(sequence, numbers), expected)
        self.assertEqual(_format_serials(sequence, numbers[:2]), expected[:2])

    def test_migration_carries_the_standard_counter_over(self):
        company = self.env["res.company"].create({"name": "Standard numbering company"})
        sequence = self.env["ir.sequence"].create(
            {
                "name": "Customer callbacks (old)",
                "code": "customer.callback",
                "company_id": company.id,
                "prefix": "%(range_year)s%(range_month)s",
                "padding": 3,
                "use_date_range": True,
                "implementation": "standard",
            }
        )
        self.Callback._callback_sequence_month(sequence, TODAY)
        drawn = [sequence.next_by_id(sequence_date=TODAY) for _i in range(4)]
        migration = load_migration("19.0.1.2.0")
        self.env.invalidate_all()  # as in the upgrade's fresh environment
        migration.migrate(self.env.cr, "19.0.1.1.0")
        self.env.invalidate_all()
        self.assertEqual(sequence.implementation, "no_gap")
        after = self.Callback._callback_names(company, 2, TODAY)
        self.assertEqual(serials(after), [serials(drawn)[-1] + 1, serials(drawn)[-1] + 2])

    def test_bulk_creation_keeps_the_company_check(self):
        other = self.env["res.company"].create({"name": "Other callback company"})
        foreign_rule = self.make_rule(company_id=other.id, team_id=False, assignment="team")
        partners = self.env["res.partner"].create(
            [{"name": f"Checked {i}", "tz": "Asia/Shanghai"} for i in range(3)]
        )
        vals = [
            {
                "partner_id": p.id,
                "company_id": self.company.id,
                "state": "planned",
                "planned_date": FROZEN_NOW,
            }
            for p in partners
        ]
        callbacks = self.Callback.create(vals)
        self.assertEqual(len(callbacks), 3, "consistent companies pass")
        vals[1] = dict(vals[1], rule_id=foreign_rule.id)
        with self.assertRaisesRegex(UserError, "company"):
            self.Callback.create(vals)

    def test_new_planned_callbacks_leave_the_customers_statistics_alone(self):
        partner = self.partner_paris
        self.make_callback(partner, state="done", score=4, done_date=FROZEN_NOW)
        self.assertEqual(partner.callback_satisfaction, 4.0)
        Partner = type(self.env["res.partner"])
        original = Partner._compute_callback_stats
        computed = []

        def counting(records):
            computed.append(records.ids)
            return original(records)

        with patch.object(Partner, "_compute_callback_stats", counting):
            self.make_callback(partner)
            self.env.flush_all()
            self.assertEqual(computed, [], "a planned callback changes no statistic")
            self.make_callback(partner, state="done", score=2, done_date=FROZEN_NOW)
            self.env.flush_all()
        self.assertTrue(computed, "a done, scored callback is counted")
        self.assertEqual(partner.callback_satisfaction, 3.0)
