# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from odoo.addons.customer_callback.tests.common import CallbackCase


@tagged("post_install", "-at_install")
class TestComplaintSample(CallbackCase):
    """The sample data of the core's first steps holds a complaint with its
    clocks where the complaints are installed (moved from customer_callback's
    test_sample_data), and removing the sample removes it."""

    def test_the_sample_holds_a_complaint_with_its_clocks(self):
        Sample = self.env["customer.callback.sample"].with_user(self.supervisor)
        Sample.action_load_sample_data()
        complaints = self.env["helpdesk.ticket"].search(
            [("company_id", "=", self.company.id), ("is_complaint", "=", True)]
        )
        self.assertEqual(len(complaints), 1)
        self.assertTrue(complaints.complaint_grade_id)
        self.assertTrue(complaints.response_deadline)
        self.assertTrue(complaints.resolution_deadline)
        Sample.action_remove_sample_data()
        self.assertFalse(complaints.exists())
