# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.tools import SQL


class CustomerCallbackGenerator(models.AbstractModel):
    _inherit = "customer.callback.generator"

    def _ticket_closed_condition(self, rule):
        """Closed complaints start the callbacks of the *ticket closed* trigger."""
        return SQL("(%s OR t.is_complaint)", super()._ticket_closed_condition(rule))

    def _ticket_closed_round(self, rule):
        """A reopened and closed again complaint gets a new callback."""
        return SQL("COALESCE(t.complaint_reopen_count, 0)")
