# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _callback_sms_number(self):
        """The number to send an SMS to (E.164 when Odoo could sanitize it)."""
        self.ensure_one()
        return self.phone_sanitized or self.phone or False
