# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HelpdeskSla(models.Model):
    _inherit = "helpdesk.sla"

    callback_graded_complaints = fields.Boolean(
        string="Also on graded complaints",
        help="Off: a complaint with a grade follows its grade's deadlines only (first "
        "response, response, resolution) and this SLA applies to the other tickets. On: "
        "this SLA also runs on graded complaints, beside the grade's deadlines.",
    )
