# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The spot-checks' rights: by model and profile, a batch shows to the agents
whose calls it holds, another company's supervisor reaches none."""

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.customer_callback.tests.common import AccessMatrixMixin, CallbackCase

NONE = "----"
# profiles: as customer_callback's test_reliability (AccessMatrixMixin)
ACCESS_MATRIX = {
    "customer.callback.spot.check": (NONE, NONE, NONE, "r---", "rwcu", "rwcu"),
    "customer.callback.spot.check.wizard": (NONE, NONE, NONE, NONE, "rwcu", "rwcu"),
    "customer.callback.spot.check.rebalance": (NONE, NONE, NONE, NONE, "rwcu", "rwcu"),
}


@tagged("post_install", "-at_install")
class TestSpotCheckReliability(AccessMatrixMixin, CallbackCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_access_profiles()

    def test_access_matrix_by_model_and_profile(self):
        self.assert_access_matrix(ACCESS_MATRIX)

    def test_access_matrix_lists_every_model_of_the_addon(self):
        self.assert_matrix_covers_module(ACCESS_MATRIX, "customer_callback_spot_check")

    def test_a_batch_shows_to_the_agents_of_its_calls(self):
        theirs = self.make_callback(self.partner_paris, user_id=self.agent2.id)
        batch = self.env["customer.callback.spot.check"].create(
            {"date_from": "2020-01-01", "leader_id": self.supervisor.id}
        )
        theirs.spot_check_id = batch
        self.assertFalse(
            self.env["customer.callback.spot.check"]
            .with_user(self.agent1)
            .search([("id", "=", batch.id)])
        )
        self.assertEqual(batch.with_user(self.agent2).read(["name"])[0]["id"], batch.id)
        with self.assertRaises(AccessError):
            batch.with_user(self.agent1).read(["name"])

    def test_foreign_supervisor_reaches_no_batch(self):
        batch = self.env["customer.callback.spot.check"].create(
            {"date_from": "2020-01-01", "leader_id": self.supervisor.id}
        )
        foreign = self.foreign_supervisor
        self.assertFalse(
            self.env["customer.callback.spot.check"]
            .with_user(foreign)
            .search([("id", "=", batch.id)])
        )
        with self.assertRaises(AccessError):
            batch.with_user(foreign).read(["display_name"])
        with self.assertRaises(AccessError):
            batch.with_user(foreign).write({"name": batch.name})
        with self.assertRaises(AccessError):
            batch.with_user(foreign).unlink()
