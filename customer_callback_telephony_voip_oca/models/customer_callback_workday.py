# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from .customer_callback_call import PROVIDER


class CustomerCallbackWorkday(models.AbstractModel):
    _inherit = "customer.callback.workday"

    @api.model
    def _workday_callbacks(self, callbacks, now, reader_zone):
        """Each line says whether its *Call* button dials through the softphone."""
        rows = super()._workday_callbacks(callbacks, now, reader_zone)
        dial = {
            callback.id: callback.company_id.callback_telephony_provider == PROVIDER
            and bool(callback.partner_id.phone)
            for callback in callbacks
        }
        for row in rows:
            row["voip_dial"] = dial.get(row["id"], False)
        return rows
