# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .customer_callback_call import PROVIDER


class ResCompany(models.Model):
    _inherit = "res.company"

    callback_telephony_provider = fields.Selection(
        selection_add=[(PROVIDER, "OCA VoIP softphone")], ondelete={PROVIDER: "set default"}
    )
