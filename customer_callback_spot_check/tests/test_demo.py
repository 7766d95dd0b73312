# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The demo's promise of the spot-checks (README, *Demo data*), checked on
the database's own demo data whatever the day it was installed."""

from unittest import SkipTest

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestSpotCheckDemo(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.env.ref("base.module_customer_callback_spot_check").demo:
            raise SkipTest("customer_callback_spot_check was installed without its demo data")
        cls.batch = cls.env.ref(
            "customer_callback_spot_check.demo_spot_check_last_month", raise_if_not_found=False
        )

    def test_demo_is_installed(self):
        self.assertTrue(self.batch, "the spot-check demo is not installed")

    def test_last_months_spot_check_is_being_called(self):
        batch = self.batch
        today = fields.Date.context_today(batch)
        self.assertEqual(batch.date_from, today.replace(day=1) - relativedelta(months=1))
        self.assertEqual(batch.state, "in_progress")
        callbacks = batch.callback_ids
        self.assertEqual(len(callbacks), batch.drawn_size)
        self.assertEqual(
            batch.shortfall, max(batch.minimum_size - batch.drawn_size, 0), "shortfall shown"
        )
        # the story: all but one called, a dissatisfied customer's ticket (a
        # complaint with customer_callback_complaint)
        self.assertGreaterEqual(len(callbacks), 5, batch.sampling_note)
        self.assertEqual(batch.open_count, 1, "one spot-check call still open")
        self.assertTrue(callbacks.filtered(lambda c: c.score and c.score <= 2))
        self.assertTrue(callbacks.spot_check_complaint_id, "a spot-check ticket")

    def test_the_demo_is_told_once(self):
        """The demo's loader tells nothing again where the spot-checks are (the
        core's demo batch moved here by the upgrade to 19.0.6.0.0)."""
        SpotCheck = self.env["customer.callback.spot.check"]
        before = (SpotCheck.search_count([]), self.env["customer.callback"].search_count([]))
        self.assertFalse(SpotCheck._spot_check_load_demo_scenario())
        self.assertEqual(
            (SpotCheck.search_count([]), self.env["customer.callback"].search_count([])), before
        )

    def test_the_defaults_keep_an_administrators_change(self):
        script = self.env.ref("customer_callback_spot_check.script_spot_check")
        script.name = "Our quality call"
        self.env["customer.callback.spot.check"]._spot_check_load_defaults()
        self.assertEqual(script.name, "Our quality call")
