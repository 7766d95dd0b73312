# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

AGENT_GROUP = "customer_callback.customer_callback_group_agent"


class CustomerCallbackSpotCheckRebalance(models.TransientModel):
    """The lead's Rebalance: spread the spot-check calls not started yet over
    the agents chosen, balanced by their open callbacks, in the customers'
    call windows."""

    _name = "customer.callback.spot.check.rebalance"
    _description = "Rebalance Spot-check Calls"

    spot_check_id = fields.Many2one(
        "customer.callback.spot.check", string="Spot-check", required=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="spot_check_id.company_id")
    user_ids = fields.Many2many(
        "res.users",
        string="Agents",
        domain=lambda self: [
            ("share", "=", False),
            ("all_group_ids", "in", self.env.ref(AGENT_GROUP).ids),
        ],
        help="The agents who make the calls not started yet; nobody checks their own work "
        "when another agent is chosen.",
    )
    call_count = fields.Integer(
        string="Calls to rebalance",
        compute="_compute_call_count",
        help="Spot-check calls not started yet (draft or planned).",
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        batch = self.env["customer.callback.spot.check"].browse(values.get("spot_check_id"))
        if batch and "user_ids" in fields_list and not values.get("user_ids"):
            values["user_ids"] = [(6, 0, batch._spot_check_agents().ids)]
        return values

    @api.depends("spot_check_id")
    def _compute_call_count(self):
        for wizard in self:
            wizard.call_count = len(
                wizard.spot_check_id.callback_ids.filtered(
                    lambda c: c.state in ("draft", "planned")
                )
            )

    def action_rebalance(self):
        self.ensure_one()
        batch = self.spot_check_id
        batch._rebalance(self.user_ids)
        return {
            "type": "ir.actions.act_window",
            "res_model": batch._name,
            "res_id": batch.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }
