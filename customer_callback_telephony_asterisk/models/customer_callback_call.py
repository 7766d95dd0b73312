# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..tools import ami

PROVIDER = "asterisk"


class CustomerCallbackCall(models.Model):
    _inherit = "customer.callback.call"

    provider = fields.Selection(
        selection_add=[(PROVIDER, "Asterisk (AMI)")], ondelete={PROVIDER: "set default"}
    )

    @api.model
    def _telephony_parse_asterisk(self, kind, payload):
        """One AMI event, as the listener forwards it."""
        received = fields.Datetime.to_datetime(payload.get("ReceivedAt")) or fields.Datetime.now()
        event = ami.to_call_event(payload, received)
        return [event] if event else []
