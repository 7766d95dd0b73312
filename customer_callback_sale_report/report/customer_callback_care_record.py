# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from odoo.addons.customer_callback_report.tools import xlsx_rows


class ReportCustomerCallbackCareRecord(models.AbstractModel):
    _inherit = "report.customer_callback_report.care_record"

    @api.model
    def _products_of(self, callback):
        return xlsx_rows.joined(super()._products_of(callback), callback.sale_order_products)
