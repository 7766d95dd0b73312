# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    callback_telephony_ref = fields.Char(
        string="Phone system agent ID",
        help="How the phone system names this agent (extension, seat e-mail or staff number), "
        "when it is neither the login nor the e-mail.",
    )
