# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

COMPLAINT_STEPS = [
    ("accept", "Accept"),
    ("investigate", "Investigate and verify"),
    ("solution", "Decide the solution"),
    ("carry_out", "Carry out"),
    ("feedback", "Track feedback"),
    ("closed", "Closed"),
]
# Steps reached once a solution is decided: the grade's "response" is given.
RESPONDED_STEPS = ("solution", "carry_out", "feedback", "closed")


class HelpdeskTicketStage(models.Model):
    _inherit = "helpdesk.ticket.stage"

    complaint_step = fields.Selection(
        COMPLAINT_STEPS,
        # The complaint handling steps of SOP 001 §5.1.
        help="Step of the complaint handling process (accept, investigate, decide a solution, "
        "carry it out, confirm with the customer, close) this stage stands for.",
    )
    complaint_stage = fields.Boolean(
        compute="_compute_complaint_stage",
        store=True,
        help="A step of the complaint process: offered to complaints only, and ordinary "
        "tickets are not offered it.",
    )

    @api.depends("complaint_step")
    def _compute_complaint_stage(self):
        for stage in self:
            stage.complaint_stage = bool(stage.complaint_step)
