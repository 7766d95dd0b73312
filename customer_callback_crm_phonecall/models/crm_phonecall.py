# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

AGENT_GROUP = "customer_callback.customer_callback_group_agent"


class CrmPhonecall(models.Model):
    _inherit = "crm.phonecall"

    callback_attempt_id = fields.Many2one(
        "customer.callback.attempt",
        string="Callback attempt",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
        groups=AGENT_GROUP,
        help="The customer callback attempt this call was logged from.",
    )
    callback_id = fields.Many2one(
        related="callback_attempt_id.callback_id", string="Customer callback", groups=AGENT_GROUP
    )
