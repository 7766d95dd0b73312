# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A service spot-check never counts toward the contact-fatigue cap (issue
#30, customer #727 of the simulated year): quality control has its own cap
of twice in 12 months (002 §9)."""

from odoo.tests import tagged

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
        self.check_customer_727((19, {"segment": "spot_check"}))


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
