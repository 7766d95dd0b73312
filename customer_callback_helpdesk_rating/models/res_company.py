# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from odoo.addons.customer_callback.tools import satisfaction_ask

ASKERS = [
    (satisfaction_ask.SURVEY, "Satisfaction survey"),
    (satisfaction_ask.RATING, "Helpdesk rating"),
]


class ResCompany(models.Model):
    _inherit = "res.company"

    callback_satisfaction_asker = fields.Selection(
        ASKERS,
        string="Satisfaction asked by",
        default=satisfaction_ask.SURVEY,
        required=True,
        help="How a customer is asked after a closed ticket, once: the suite's satisfaction "
        "survey, or the helpdesk rating email (its smileys count 1, 3 and 5 on the "
        "5-point scale). Either way it leaves with the survey delay and contact cap.",
    )
