# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

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
