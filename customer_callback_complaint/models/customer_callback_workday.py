# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The agent's day: the open complaints she owns, with their next deadline,
and the complaint reminders among her reminders."""

from odoo import api, fields, models

from odoo.addons.customer_callback.models.customer_callback_workday import WORKDAY_LIMIT
from odoo.addons.customer_callback.tools import call_window

from ..tools import complaint_deadlines as cd
from .helpdesk_ticket import REMINDER_ACTIVITY_TYPES


class CustomerCallbackWorkday(models.AbstractModel):
    _inherit = "customer.callback.workday"

    @api.model
    def get_workday_data(self):
        data = super().get_workday_data()
        now = fields.Datetime.now()
        reader_zone = call_window.get_zone(self.env["customer.callback"]._reader_tz())
        complaints = self._workday_complaints(self.env.user, now, reader_zone)
        data["complaints"] = complaints[:WORKDAY_LIMIT]
        data["counts"]["complaints"] = len(complaints)
        data["counts"]["breached"] = sum(1 for c in complaints if c["sla_state"] == cd.BREACHED)
        return data

    @api.model
    def _workday_reminder_types(self):
        return super()._workday_reminder_types() + list(REMINDER_ACTIVITY_TYPES.values())

    @api.model
    def _workday_complaints(self, user, now, reader_zone):
        tickets = self.env["helpdesk.ticket"].search(
            [
                ("user_id", "=", user.id),
                ("is_complaint", "=", True),
                ("stage_id.closed", "=", False),
            ]
        )
        rows = []
        for ticket in tickets:
            deadline = cd.next_open_deadline(ticket._complaint_pairs())
            rows.append(
                {
                    "id": ticket.id,
                    "name": f"{ticket.number} {ticket.name}",
                    "partner": ticket.partner_id.display_name or "",
                    "grade": ticket.complaint_grade_id.name or "",
                    "deadline_raw": deadline,
                    "deadline": deadline
                    and self.env["customer.callback"]._format_moment(deadline, reader_zone, now),
                    "sla_state": ticket.complaint_sla_state or "",
                }
            )
        rows.sort(key=lambda row: (not row["deadline_raw"], row["deadline_raw"] or now, row["id"]))
        for row in rows:
            del row["deadline_raw"]
        return rows
