# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Migration 19.0.1.6.0: the spot-checks drawn before keep their size and
shortfall; the withdrawals recorded before act (issues #27, #28)."""

from odoo.tests import tagged

from odoo.addons.customer_callback.tests.common import load_migration

from .test_spot_check import SpotCheckCase


@tagged("post_install", "-at_install")
class TestMigration160(SpotCheckCase):
    def test_sampled_batches_and_earlier_withdrawals(self):
        self.company.callback_spot_check_min_size = 50
        self.env["res.partner"].create(
            [
                {"name": f"VIP {n}", "callback_vip": True, "company_id": self.company.id}
                for n in range(3)
            ]
        )
        batch = self.make_batch(sample_size=50)
        batch._sample(seed=3)
        drawn = len(batch.callback_ids)
        self.assertTrue(drawn)
        # as a batch of 19.0.1.5.0: no size kept
        batch.write({"drawn_size": 0, "minimum_size": 0})
        self.assertEqual(batch.shortfall, 0)
        # a withdrawal of 19.0.1.5.0 left the planned call open
        partner = self.env["res.partner"].create({"name": "Withdrew before", "tz": "Asia/Shanghai"})
        callback = self.make_callback(partner)
        line = self.env["customer.callback.consent"].create(
            {
                "partner_id": partner.id,
                "company_id": self.company.id,
                "purpose": "contact",
                "decision": "withdrawn",
            }
        )
        self.assertEqual(callback.state, "cancelled")
        callback.sudo().write({"state": "planned", "close_reason": False})
        # a customer who withdrew, then allowed again: his call stays
        again = self.env["res.partner"].create({"name": "Came back", "tz": "Asia/Shanghai"})
        for decision in ("withdrawn", "given"):
            self.env["customer.callback.consent"].create(
                {
                    "partner_id": again.id,
                    "company_id": self.company.id,
                    "purpose": "contact",
                    "decision": decision,
                }
            )
        kept = self.make_callback(again)
        # a company of 19.0.1.5.0 had no default callback team
        self.company.callback_default_team_id = False

        load_migration("19.0.1.6.0").migrate(self.env.cr, "19.0.1.5.0")
        self.env.invalidate_all()

        self.assertEqual((batch.drawn_size, batch.minimum_size), (drawn, 50))
        self.assertEqual(batch.shortfall, max(50 - drawn, 0))
        self.assertEqual(callback.state, "cancelled")
        self.assertEqual(callback.close_reason, "withdrawn")
        self.assertEqual(kept.state, "planned")
        self.assertTrue(line.exists(), "the ledger keeps its history")
        self.assertEqual(self.company.callback_default_team_id, self.team)
