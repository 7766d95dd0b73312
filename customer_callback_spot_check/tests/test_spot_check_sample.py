# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The sample data's spot-check (issue #29 point 2): the month's batch is
ready to be drawn from the sample customers only, and goes with the sample."""

from odoo.tests import tagged

from odoo.addons.customer_callback.tests.test_sample_data import SampleDataCase


@tagged("post_install", "-at_install")
class TestSpotCheckSample(SampleDataCase):
    def batch(self):
        return self.env["customer.callback.spot.check"].search(
            [("company_id", "=", self.company.id)]
        )

    def test_the_months_spot_check_is_drawn_from_the_sample(self):
        self.Sample.action_load_sample_data()
        partners = self.sample_partners()
        batch = self.batch()
        self.assertEqual(batch.state, "draft")
        pool, _fatigued = batch._drawable_pool()
        self.assertLessEqual({c.partner_id for c in pool}, set(partners.ids))
        batch.with_user(self.supervisor)._sample(seed=1)
        self.assertTrue(batch.callback_ids)
        self.assertLessEqual(batch.callback_ids.partner_id, partners)
        self.assertTrue(all(n.startswith("SAMPLE-") for n in batch.callback_ids.mapped("name")))

    def test_the_drawn_spot_check_goes_with_the_sample(self):
        self.Sample.action_load_sample_data()
        batch = self.batch()
        batch.with_user(self.supervisor)._sample(seed=1)
        calls = batch.callback_ids
        self.assertTrue(calls)
        self.Sample.action_remove_sample_data()
        self.assertFalse(batch.exists())
        self.assertFalse(calls.exists())
