# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A customer's data export request gives his callbacks as the care record
sheet (XLSX) to send him (issue #28; the portal's hook filled here, #31)."""

import io

import openpyxl

from odoo.tests import tagged

from odoo.addons.customer_callback.tests.common import FROZEN_NOW, CallbackCase


@tagged("post_install", "-at_install")
class TestDataRequestCareRecord(CallbackCase):
    def test_export_request_gives_the_care_record_sheet(self):
        mine = self.make_callback(summary="Called about the filter") | self.make_callback(
            state="done", done_date=FROZEN_NOW
        )
        self.make_callback(self.partner_paris, summary="Someone else")
        request = self.env["customer.callback.data.request"].create(
            {"partner_id": self.partner_sh.id, "company_id": self.company.id, "kind": "export"}
        )
        admin = self.env.ref("base.user_admin")
        admin.company_ids |= self.company
        action = request.with_user(admin).with_company(self.company).action_export()
        self.assertEqual(request.state, "done")
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(action["report_name"], "customer_callback_report.care_record_xlsx")
        self.assertEqual(sorted(action["context"]["active_ids"]), sorted(mine.ids))
        content = self.env["ir.actions.report"]._render_xlsx(
            action["report_name"], mine.ids, data={}
        )[0]
        rows = list(openpyxl.load_workbook(io.BytesIO(content)).active.values)
        text = str(rows)
        self.assertIn("Called about the filter", text)
        self.assertNotIn("Someone else", text)
