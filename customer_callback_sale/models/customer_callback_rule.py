# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CustomerCallbackRule(models.Model):
    _inherit = "customer.callback.rule"

    # uninstalling the addon leaves its rules in place, inactive as manual
    # ones would be (their callbacks and history stay)
    trigger = fields.Selection(
        selection_add=[
            ("first_order", "First confirmed order"),
            ("order", "Each confirmed order"),
            ("callback_done",),
        ],
        ondelete={"first_order": "set default", "order": "set default"},
    )
