# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class BasePartnerMergeAutomaticWizard(models.TransientModel):
    _inherit = "base.partner.merge.automatic.wizard"

    def _merge(self, partner_ids, dst_partner=None, extra_checks=True):
        """Merging moves callbacks by SQL: recompute the surviving partner's
        order dates and callback statistics from its new history."""
        result = super()._merge(partner_ids, dst_partner=dst_partner, extra_checks=extra_checks)
        survivors = self.env["res.partner"].browse(partner_ids).exists()
        if survivors:
            survivors = survivors.sudo()
            self.env["customer.callback"].invalidate_model(["partner_id"])
            for field_name in (
                "first_purchase_date",
                "last_order_date",
                "last_callback_date",
                "callback_satisfaction",
            ):
                self.env.add_to_compute(survivors._fields[field_name], survivors)
            survivors.flush_recordset()
        return result
