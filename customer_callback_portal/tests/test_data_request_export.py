# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A customer's data export request, handled by an administrator (issue #28):
the portal gives his callbacks, archived ones too, to export with Odoo's own
export (customer_callback_portal_report gives the care record sheet instead,
through the same hook)."""

from odoo.tests import tagged

from odoo.addons.customer_callback.tests.common import FROZEN_NOW, CallbackCase

from ..models.customer_callback_data_request import CustomerCallbackDataRequest


@tagged("post_install", "-at_install")
class TestDataRequestExport(CallbackCase):
    def test_core_export_lists_every_callback_of_the_customer(self):
        mine = self.make_callback() | self.make_callback(state="done", done_date=FROZEN_NOW)
        other = self.make_callback(self.partner_paris)
        request = self.env["customer.callback.data.request"].create(
            {"partner_id": self.partner_sh.id, "company_id": self.company.id, "kind": "export"}
        )
        # the portal's own answer, whatever addon overrides the hook
        action = CustomerCallbackDataRequest._callback_data_export_action(request, mine)
        self.assertEqual(action["res_model"], "customer.callback")
        self.assertFalse(action["context"]["active_test"])
        found = (
            self.env["customer.callback"].with_context(active_test=False).search(action["domain"])
        )
        self.assertEqual(found, mine)
        self.assertNotIn(other, found)
        self.assertIn(self.partner_sh.display_name, action["name"])
