# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The complaints in the monthly spot-checks (customer_callback_spot_check):
open complaints of the delivery categories are a source of the pool, and the
ticket opened for a dissatisfied spot-checked customer is a complaint."""

from odoo.tests import tagged

from odoo.addons.customer_callback_spot_check.tests.test_spot_check import SpotCheckCase


@tagged("post_install", "-at_install")
class TestComplaintSpotCheck(SpotCheckCase):
    def pool_ids(self, batch):
        return {c.partner_id for c in batch._pool_candidates()}

    def test_complaints_are_a_source_of_the_pool(self):
        self.company.callback_spot_check_min_size = 1
        after_sales = self.make_partner("After-sales customer")
        self.make_ticket(after_sales, self.agent1)
        complaint = self.make_partner("Courier complaint")
        other_complaint = self.make_partner("Invoice complaint")
        self.make_ticket(
            complaint, self.agent2, close=False, is_complaint=True, category_id=self.delivery.id
        )
        self.make_ticket(
            other_complaint,
            self.agent2,
            close=False,
            is_complaint=True,
            category_id=self.other_category.id,
        )
        batch = self.make_batch(use_vip=False, use_reviews=False)
        candidates = {c.partner_id: c for c in batch._pool_candidates()}
        # the delivery categories' complaints only, by default
        self.assertEqual(set(candidates), {after_sales.id, complaint.id})
        self.assertEqual(candidates[complaint.id].source, "complaint")
        # all complaints when no category is set; the source can be switched off
        batch.complaint_category_ids = False
        self.assertIn(other_complaint.id, self.pool_ids(batch))
        batch.write({"use_after_sales": False})
        self.assertEqual(self.pool_ids(batch), {complaint.id, other_complaint.id})
        batch.write({"use_complaints": False})
        self.assertEqual(batch._pool_candidates(), [])

    def test_the_dissatisfied_customers_ticket_is_a_complaint(self):
        batch = self.make_batch(team_id=self.team.id)
        spot = self.spot_callback(
            batch,
            self.make_partner("Unhappy"),
            state="in_progress",
            score=2,
            feedback="The courier was rude",
        )
        action = spot.with_user(self.agent2).action_open_spot_check_complaint()
        ticket = self.env["helpdesk.ticket"].browse(action["res_id"])
        self.assertTrue(ticket.is_complaint)
        self.assertEqual(ticket.origin_callback_id, spot)
        spot.invalidate_recordset()
        self.assertEqual(spot.spot_check_complaint_id, ticket)
