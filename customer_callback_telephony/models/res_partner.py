# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    callback_phone_invalid = fields.Boolean(
        string="Phone number reported invalid",
        tracking=True,
        help="The phone system reported the customer's number as non-existent or suspended. "
        "Clear it once the number is corrected.",
    )
