# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.tools import SQL


class CustomerCallbackSpotCheck(models.Model):
    _inherit = "customer.callback.spot.check"

    def _pool_complaint_condition(self, alias):
        """The delivery/courier problem list of the pool: complaint tickets."""
        return SQL("%s.is_complaint", SQL.identifier(alias))
