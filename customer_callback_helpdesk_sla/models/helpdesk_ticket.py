# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    def _callback_drop_complaint_slas(self):
        """One set of deadlines: graded complaints keep only the SLAs marked
        *Also on graded complaints*."""
        lines = (
            self.filtered("complaint_grade_id")
            .sudo()
            .ticket_sla_ids.filtered(lambda line: not line.sla_id.callback_graded_complaints)
        )
        if lines:
            lines.unlink()

    def set_sla(self):
        result = super().set_sla()
        self._callback_drop_complaint_slas()
        return result

    def refresh_sla(self):
        result = super().refresh_sla()
        self._callback_drop_complaint_slas()
        return result

    @api.model_create_multi
    def create(self, vals_list):
        tickets = super().create(vals_list)
        tickets._callback_drop_complaint_slas()
        return tickets

    def write(self, vals):
        result = super().write(vals)
        if "complaint_grade_id" in vals or "is_complaint" in vals:
            self._callback_drop_complaint_slas()
            # no longer a graded complaint: the team's SLAs apply again
            for ticket in self.filtered(lambda t: not t.complaint_grade_id and t.team_sla):
                ticket.refresh_sla()
        return result
