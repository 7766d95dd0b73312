# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class CustomerCallbackDataRequest(models.Model):
    _inherit = "customer.callback.data.request"

    def _callback_data_export_action(self, callbacks):
        """The customer's callbacks as the care record sheet (XLSX), to send him."""
        return self.env.ref("customer_callback_report.care_record_xlsx_report").report_action(
            callbacks, config=False
        )
