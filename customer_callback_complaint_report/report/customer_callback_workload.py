# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The complaints in the team workload: open (not in a closed stage);
*overdue*: an unmet deadline has passed; *today* / *this week*: an unmet
deadline falls between now and the end of the reader's day / week."""

from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools import SQL

# (deadline, met at) of a complaint's three deadlines; the resolution is met on closing
COMPLAINT_DEADLINES = (
    ("first_response_deadline", "first_response_date"),
    ("response_deadline", "response_date"),
    ("resolution_deadline", None),
)


class CustomerCallbackWorkload(models.Model):
    _inherit = "customer.callback.workload"
    _depends = {
        "helpdesk.ticket": [
            "is_complaint",
            "active",
            "user_id",
            "stage_id",
            "company_id",
            "first_response_date",
            "first_response_deadline",
            "response_date",
            "response_deadline",
            "resolution_deadline",
        ],
        "helpdesk.ticket.stage": ["closed"],
    }

    complaint_count = fields.Integer(string="Open complaints", readonly=True)
    complaint_today_count = fields.Integer(
        string="Complaints due today",
        readonly=True,
        help="Open complaints with a deadline between now and the end of the day.",
    )
    complaint_overdue_count = fields.Integer(
        string="Complaints overdue", readonly=True, help="Open complaints past a deadline."
    )
    complaint_week_count = fields.Integer(
        string="Complaints due this week",
        readonly=True,
        help="Open complaints with a deadline between now and the end of the week.",
    )

    @api.model
    def _workload_sources(self, periods, now, companies):
        return super()._workload_sources(periods, now, companies) + [
            (
                "complaint",
                SQL(
                    """SELECT user_id,
                              count(*) AS count,
                              count(*) FILTER (WHERE today) AS today_count,
                              count(*) FILTER (WHERE overdue) AS overdue_count,
                              count(*) FILTER (WHERE week) AS week_count
                         FROM (SELECT t.user_id,
                                      bool_or(d.deadline < %(now)s) AS overdue,
                                      bool_or(d.deadline >= %(now)s
                                              AND d.deadline < %(day_end)s) AS today,
                                      bool_or(d.deadline >= %(now)s
                                              AND d.deadline < %(week_end)s) AS week
                                 FROM helpdesk_ticket t
                                 LEFT JOIN helpdesk_ticket_stage s ON s.id = t.stage_id
                                CROSS JOIN LATERAL (VALUES
                                      (CASE WHEN t.first_response_date IS NULL
                                            THEN t.first_response_deadline END),
                                      (CASE WHEN t.response_date IS NULL
                                            THEN t.response_deadline END),
                                      (t.resolution_deadline)
                                ) AS d(deadline)
                                WHERE t.is_complaint
                                  AND t.active
                                  AND t.user_id IS NOT NULL
                                  AND NOT COALESCE(s.closed, FALSE)
                                  AND t.company_id IN %(companies)s
                                GROUP BY t.id, t.user_id) AS complaint
                        GROUP BY user_id""",
                    now=now,
                    day_end=periods.day_end,
                    week_end=periods.week_end,
                    companies=companies,
                ),
            )
        ]

    @api.model
    def _complaint_domain(self, users, scope="all"):
        """The open complaints of ``users`` behind a count."""
        periods = self._workload_periods()
        now = fields.Datetime.now()
        domain = (
            Domain("user_id", "in", users.ids)
            & Domain("is_complaint", "=", True)
            & Domain("stage_id.closed", "!=", True)
            & Domain("company_id", "in", self._workload_companies().ids)
        )
        if scope == "all":
            return domain
        unmet = [
            Domain(deadline, "!=", False) & (Domain(met, "=", False) if met else Domain.TRUE)
            for deadline, met in COMPLAINT_DEADLINES
        ]
        if scope == "overdue":
            within = [Domain(deadline, "<", now) for deadline, _met in COMPLAINT_DEADLINES]
        else:
            end = periods.day_end if scope == "today" else periods.week_end
            within = [
                Domain(deadline, ">=", now) & Domain(deadline, "<", end)
                for deadline, _met in COMPLAINT_DEADLINES
            ]
        return domain & Domain.OR(u & w for u, w in zip(unmet, within, strict=True))

    def action_open_complaints(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "customer_callback_complaint.helpdesk_ticket_action_complaints"
        )
        action.update(
            {
                "name": self.env._("Open complaints of %s", ", ".join(self.user_id.mapped("name"))),
                "domain": list(self._complaint_domain(self.user_id)),
                "context": {"default_is_complaint": True},
            }
        )
        return action
