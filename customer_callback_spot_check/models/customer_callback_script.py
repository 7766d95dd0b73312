# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CustomerCallbackScript(models.Model):
    _inherit = "customer.callback.script"

    kind = fields.Selection(
        selection_add=[("spot_check", "Service spot-check")],
        ondelete={"spot_check": "set default"},
    )
