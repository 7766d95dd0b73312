# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The agent's day: her spot-check calls, apart from her due callbacks."""

from odoo import api, fields, models
from odoo.fields import Domain

from odoo.addons.customer_callback.models.customer_callback_workday import (
    WORKDAY_LIMIT,
    WORKDAY_ORDER,
)
from odoo.addons.customer_callback.tools import call_window


class CustomerCallbackWorkday(models.AbstractModel):
    _inherit = "customer.callback.workday"

    @api.model
    def get_workday_data(self):
        data = super().get_workday_data()
        user = self.env.user
        now = fields.Datetime.now()
        Callback = self.env["customer.callback"]
        reader_zone = call_window.get_zone(Callback._reader_tz())
        spot_checks = Callback.search(
            self._workday_mine_domain(user) & Domain("segment", "=", "spot_check"),
            order=WORKDAY_ORDER,
        )
        spot_checks = self._workday_callable_first(spot_checks, now)
        data["spot_checks"] = self._workday_callbacks(spot_checks[:WORKDAY_LIMIT], now, reader_zone)
        data["counts"]["spot_checks"] = len(spot_checks)
        return data

    @api.model
    def _workday_due_domain(self):
        """The spot-check calls are listed apart (*My spot-check calls*)."""
        return super()._workday_due_domain() & Domain("segment", "!=", "spot_check")
