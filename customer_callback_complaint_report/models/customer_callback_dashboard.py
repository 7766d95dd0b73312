# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The complaints on the supervisors' dashboard: the open complaints by grade
and deadline status, and the lists behind the complaints' key figures."""

from odoo import api, models
from odoo.fields import Domain

from odoo.addons.customer_callback_complaint.tools import complaint_deadlines as cd

SLA_STATES = (cd.ON_TRACK, cd.SOON, cd.BREACHED)


class CustomerCallbackDashboard(models.AbstractModel):
    _inherit = "customer.callback.dashboard"

    @api.model
    def get_dashboard_data(self):
        data = super().get_dashboard_data()
        data["complaints"] = self._dashboard_complaints(self.env.company)
        return data

    @api.model
    def _dashboard_extra_figure_action(self, key, period):
        """The complaints' key figures open the complaints received in the period."""
        if key not in ("response_on_time", "resolution_on_time", "complaint_count"):
            return super()._dashboard_extra_figure_action(key, period)
        return self._dashboard_action(
            "helpdesk.ticket",
            self.env._("Complaints received"),
            Domain("company_id", "=", self.env.company.id)
            & Domain("is_complaint", "=", True)
            & Domain("complaint_date", ">=", period["start"])
            & Domain("complaint_date", "<", period["end"]),
        )

    @api.model
    def _dashboard_complaints(self, company):
        """Open complaints by grade (rows) and deadline status (columns)."""
        Ticket = self.env["helpdesk.ticket"]
        base = Domain("company_id", "=", company.id) & Domain("is_complaint", "=", True)
        base &= Domain("stage_id.closed", "=", False)
        counts = {}
        graded = self.env["customer.complaint.grade"]
        for state in SLA_STATES:
            for grade, count in Ticket._read_group(
                base & Domain("complaint_sla_state", "in", [state]),
                ["complaint_grade_id"],
                ["__count"],
            ):
                counts[grade.id, state] = count
                graded |= grade
        labels = dict(Ticket._fields["complaint_sla_state"]._description_selection(self.env))
        # every grade of the company, and archived ones that still have open complaints
        grades = self.env["customer.complaint.grade"].search(
            Domain("company_id", "in", [company.id, False])
        ) | graded.with_context(active_test=False)
        grade_ids = [
            (grade.id, grade.name) for grade in grades.sorted(lambda g: (g.sequence, g.id))
        ]
        if any(grade_id is False for grade_id, _state in counts):
            grade_ids.append((False, self.env._("No grade")))
        rows = []
        for grade_id, name in grade_ids:
            grade_domain = base & Domain("complaint_grade_id", "=", grade_id)
            cells = [
                {
                    "state": state,
                    "count": counts.get((grade_id, state), 0),
                    "action": self._dashboard_action(
                        "helpdesk.ticket",
                        f"{name} · {labels[state]}",
                        grade_domain & Domain("complaint_sla_state", "in", [state]),
                    ),
                }
                for state in SLA_STATES
            ]
            rows.append({"grade": name, "cells": cells, "total": sum(c["count"] for c in cells)})
        return {
            "states": [{"state": state, "label": labels[state]} for state in SLA_STATES],
            "rows": rows,
            "totals": [
                sum(counts.get((g, state), 0) for g, _n in grade_ids) for state in SLA_STATES
            ],
            "total": sum(counts.values()),
            "action": self._dashboard_action(
                "helpdesk.ticket", self.env._("Open complaints"), base
            ),
        }
