# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from odoo.addons.customer_callback.tools import consent as consent_tools


class CustomerCallbackConsent(models.Model):
    _inherit = "customer.callback.consent"

    def _act_on_withdrawals(self):
        """A customer who withdrew surveys, or contact, gets none of the
        surveys still pending in the line's company: they are skipped at
        once, with the reason (the channels left are read as at sending)."""
        result = super()._act_on_withdrawals()
        withdrawn = self.filtered(
            lambda line: line.purpose in (consent_tools.CONTACT, consent_tools.SURVEY)
            and line.decision == consent_tools.WITHDRAWN
        )
        if withdrawn:
            pairs = withdrawn._withdrawn_pairs()
            pending = (
                self.env["customer.callback.survey.request"]
                .sudo()
                .search(
                    [
                        ("partner_id", "in", withdrawn.partner_id.ids),
                        ("company_id", "in", withdrawn.company_id.ids),
                        ("state", "=", "pending"),
                    ],
                    order="id",
                )
                .filtered(lambda request: (request.partner_id.id, request.company_id.id) in pairs)
            )
            if pending:
                pending._skip_without_consent()
        return result
