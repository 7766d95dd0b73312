# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A service spot-check never counts toward the contact-fatigue cap (issue
#30, customer #727 of the simulated year): quality control has its own cap
of twice in 12 months (002 §9)."""

from datetime import timedelta

from odoo.tests import tagged

from odoo.addons.customer_callback.tests.common import FROZEN_NOW
from odoo.addons.customer_callback.tests.test_fatigue_counts import FatigueCountsCase
from odoo.addons.customer_callback.tools import cadence


@tagged("post_install", "-at_install")
class TestSpotCheckFatigue(FatigueCountsCase):
    def test_spot_check_is_fatigue_free(self):
        free = self.env["customer.callback"]._fatigue_free_segments()
        self.assertIn("spot_check", free)
        self.assertIn("customer_request", free)
        self.assertFalse(cadence.counts_toward_fatigue("spot_check", free_segments=free))

    def test_customer_727_his_request_and_the_spot_check_do_not_count(self):
        # two VIP calls, the month's spot-check, and the call he asked for
        # on his page
        self.contact(20, rule_id=self.vip.id, segment="vip")
        self.contact(19, segment="spot_check")
        self.contact(10, rule_id=self.vip.id, segment="vip")
        asked = self.make_callback(
            self.partner, segment="customer_request", planned_date=FROZEN_NOW + timedelta(days=1)
        )
        first = self.plan(self.new_rule, "N1")
        self.assertEqual(len(first), 1, "the new-customer callback is placed")
        self.assertEqual(first.state, "planned")
        # the call itself and My workday agree: not held back
        self.assertFalse(first._fatigue_held_back(FROZEN_NOW))
        first.with_user(self.agent1).action_start()
        self.assertEqual(first.state, "in_progress")
        data = self.env["customer.callback.workday"].with_user(self.agent1).get_workday_data()
        self.assertIn(first.id, [row["id"] for row in data["callbacks"]])
        # his request is no more held back than before
        self.assertFalse(asked._fatigue_held_back(FROZEN_NOW + timedelta(days=1)))
        # the second rule callback of the period: three counted contacts
        # (two VIP calls, the new-customer call) on every day up to its
        # deadline: closed with the reason, not silently dropped
        second = self.plan(self.vip, "V2", days=1)
        self.assertEqual(len(second), 1)
        self.assertEqual(
            (second.state, second.close_reason, second.rule_id), ("cancelled", "fatigue", self.vip)
        )
        self.assertIn("contact-fatigue cap", second.remarks)
        # planned again (the next generation run): the closed one stands
        self.assertFalse(self.plan(self.vip, "V2", days=1))
        self.assertEqual(len(self.callbacks_of(self.partner, self.vip)), 3)


@tagged("post_install", "-at_install")
class TestSpotCheckCustomerWords(FatigueCountsCase):
    def test_praise_is_in_the_customer_words(self):
        """The high-frequency terms (customer_callback_term) read a
        spot-checked customer's praise with his feedback and needs; the
        field is the spot-checks': the terms installed without them read the
        core's fields only."""
        words = self.env["customer.callback"]._customer_words_fields()
        self.assertLessEqual({"feedback", "needs", "praise"}, set(words))
        self.assertTrue(all(name in self.env["customer.callback"]._fields for name in words))
