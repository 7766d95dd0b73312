# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from odoo.addons.customer_callback_telephony.tools import call_events

PROVIDER = "voip_oca"


class CustomerCallbackCall(models.Model):
    _inherit = "customer.callback.call"

    provider = fields.Selection(
        selection_add=[(PROVIDER, "OCA VoIP softphone")], ondelete={PROVIDER: "set default"}
    )
    voip_call_id = fields.Many2one(
        "voip.call",
        string="Softphone call",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
        help="The call of OCA VoIP's softphone this record follows.",
    )

    def _telephony_finish(self):
        """The customer called the softphone during his callback and nobody
        answered (voip_oca says *rejected* or *missed*, whoever gave up): that
        is no try of ours to reach him, so no attempt; the call stays on the
        callback with why."""
        unanswered = self.filtered(
            lambda c: c.provider == PROVIDER
            and c.direction == "inbound"
            and c.callback_id
            and not c.answer_date
        )
        unanswered.write(
            {
                "outcome": call_events.NO_ANSWER,
                "state": "no_attempt",
                "note": self.env._(
                    "The customer's call to the softphone was not answered: no attempt counted."
                ),
            }
        )
        return super(CustomerCallbackCall, self - unanswered)._telephony_finish()
