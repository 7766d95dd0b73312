# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Team workload (issue #16 point 13): one row per agent with her open
callbacks and complaints, due today, overdue and due this week, counted in
the reader's timezone; the lead opens an agent's records from her row and
reassigns in bulk (``customer.callback.workload.reassign``).

- Callbacks: open (draft, planned, in progress); *today* and *this week*:
  planned within the reader's local day / week (Monday to Sunday);
  *overdue*: past their due date.
- Complaints: open (not in a closed stage); *overdue*: an unmet deadline has
  passed; *today* / *this week*: an unmet deadline falls between now and the
  end of the reader's day / week.
"""

from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools import SQL

from odoo.addons.customer_callback.models.customer_callback import AGENT_GROUP, OPEN_STATES

from ..tools import workload

COUNTS = ("count", "today_count", "overdue_count", "week_count")
# (deadline, met at) of a complaint's three deadlines; the resolution is met on closing
COMPLAINT_DEADLINES = (
    ("first_response_deadline", "first_response_date"),
    ("response_deadline", "response_date"),
    ("resolution_deadline", None),
)


class CustomerCallbackWorkload(models.Model):
    _name = "customer.callback.workload"
    _description = "Team Workload per Agent"
    _auto = False
    _order = "total_count desc, user_id"
    _rec_name = "user_id"
    # the rows read these columns: flushed before, and the rows invalidated after, a change
    _depends = {
        "customer.callback": [
            "active",
            "user_id",
            "state",
            "company_id",
            "planned_date",
            "deadline",
        ],
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

    user_id = fields.Many2one("res.users", string="Agent", readonly=True)
    callback_count = fields.Integer(string="Open callbacks", readonly=True)
    callback_today_count = fields.Integer(
        string="Callbacks today", readonly=True, help="Open callbacks planned today."
    )
    callback_overdue_count = fields.Integer(
        string="Callbacks overdue", readonly=True, help="Open callbacks past their due date."
    )
    callback_week_count = fields.Integer(
        string="Callbacks this week",
        readonly=True,
        help="Open callbacks planned this week (Monday to Sunday).",
    )
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
    total_count = fields.Integer(
        string="Open work", readonly=True, help="Open callbacks and complaints."
    )
    in_my_team = fields.Boolean(
        string="In my team",
        compute="_compute_in_my_team",
        search="_search_in_my_team",
        help="The agent is a member of a helpdesk team you lead.",
    )

    @api.model
    def _workload_periods(self):
        """Today and this week in the reader's timezone (the company's when
        the reader has none)."""
        tz = self.env.user.tz or self.env.company._callback_tz()
        return workload.periods(fields.Datetime.now(), tz)

    @api.model
    def _workload_companies(self):
        return self.env.companies

    @property
    def _table_query(self):
        # One row per agent counting two models (callbacks and complaint
        # tickets) with conditional counts relative to the reader's day: a
        # _read_group works on one model and cannot count both in one row.
        periods = self._workload_periods()
        now = fields.Datetime.now()
        companies = tuple(self._workload_companies().ids) or (0,)
        agent_group = self.env.ref(AGENT_GROUP, raise_if_not_found=False)
        # every agent has a row (idle ones too); the record rule keeps the
        # reader to the agents of her companies, the counts to her companies' work
        agents = (
            agent_group.sudo().all_user_ids.filtered(lambda u: u.active and not u.share).ids
            if agent_group
            else []
        )
        return SQL(
            """
            WITH cb AS (
                SELECT c.user_id,
                       count(*) AS count,
                       count(*) FILTER (WHERE c.planned_date >= %(day_start)s
                                          AND c.planned_date < %(day_end)s) AS today_count,
                       count(*) FILTER (WHERE c.deadline < %(today)s) AS overdue_count,
                       count(*) FILTER (WHERE c.planned_date >= %(week_start)s
                                          AND c.planned_date < %(week_end)s) AS week_count
                  FROM customer_callback c
                 WHERE c.active
                   AND c.user_id IS NOT NULL
                   AND c.state IN %(open_states)s
                   AND c.company_id IN %(companies)s
                 GROUP BY c.user_id
            ), complaint AS (
                SELECT t.user_id,
                       bool_or(d.deadline < %(now)s) AS overdue,
                       bool_or(d.deadline >= %(now)s AND d.deadline < %(day_end)s) AS today,
                       bool_or(d.deadline >= %(now)s AND d.deadline < %(week_end)s) AS week
                  FROM helpdesk_ticket t
                  LEFT JOIN helpdesk_ticket_stage s ON s.id = t.stage_id
                 CROSS JOIN LATERAL (VALUES
                       (CASE WHEN t.first_response_date IS NULL
                             THEN t.first_response_deadline END),
                       (CASE WHEN t.response_date IS NULL THEN t.response_deadline END),
                       (t.resolution_deadline)
                 ) AS d(deadline)
                 WHERE t.is_complaint
                   AND t.active
                   AND t.user_id IS NOT NULL
                   AND NOT COALESCE(s.closed, FALSE)
                   AND t.company_id IN %(companies)s
                 GROUP BY t.id, t.user_id
            ), cp AS (
                SELECT user_id,
                       count(*) AS count,
                       count(*) FILTER (WHERE today) AS today_count,
                       count(*) FILTER (WHERE overdue) AS overdue_count,
                       count(*) FILTER (WHERE week) AS week_count
                  FROM complaint
                 GROUP BY user_id
            )
            SELECT u.id AS id,
                   u.id AS user_id,
                   COALESCE(cb.count, 0) AS callback_count,
                   COALESCE(cb.today_count, 0) AS callback_today_count,
                   COALESCE(cb.overdue_count, 0) AS callback_overdue_count,
                   COALESCE(cb.week_count, 0) AS callback_week_count,
                   COALESCE(cp.count, 0) AS complaint_count,
                   COALESCE(cp.today_count, 0) AS complaint_today_count,
                   COALESCE(cp.overdue_count, 0) AS complaint_overdue_count,
                   COALESCE(cp.week_count, 0) AS complaint_week_count,
                   COALESCE(cb.count, 0) + COALESCE(cp.count, 0) AS total_count
              FROM res_users u
              LEFT JOIN cb ON cb.user_id = u.id
              LEFT JOIN cp ON cp.user_id = u.id
             WHERE cb.user_id IS NOT NULL
                OR cp.user_id IS NOT NULL
                OR u.id = ANY(%(agents)s)
            """,
            day_start=periods.day_start,
            day_end=periods.day_end,
            week_start=periods.week_start,
            week_end=periods.week_end,
            today=periods.today,
            now=now,
            open_states=tuple(OPEN_STATES),
            companies=companies,
            agents=agents,
        )

    @api.depends_context("uid")
    def _compute_in_my_team(self):
        members = self._my_team_members()
        for row in self:
            row.in_my_team = row.user_id in members

    def _search_in_my_team(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        domain = Domain("user_id", "in", self._my_team_members().ids)
        positive = (True in value) == (operator == "in")
        return domain if positive else ~domain

    @api.model
    def _my_team_members(self):
        return (
            self.env["helpdesk.ticket.team"]
            .sudo()
            .search([("user_id", "=", self.env.uid)])
            .user_ids
        )

    # ------------------------------------------------------------------
    # The records behind the counts
    # ------------------------------------------------------------------

    @api.model
    def _callback_domain(self, users, scope="all"):
        """The open callbacks of ``users`` behind a count (``scope``: all,
        today, overdue or week)."""
        periods = self._workload_periods()
        domain = (
            Domain("user_id", "in", users.ids)
            & Domain("state", "in", OPEN_STATES)
            & Domain("company_id", "in", self._workload_companies().ids)
        )
        if scope == "today":
            domain &= Domain("planned_date", ">=", periods.day_start) & Domain(
                "planned_date", "<", periods.day_end
            )
        elif scope == "overdue":
            domain &= Domain("deadline", "<", periods.today)
        elif scope == "week":
            domain &= Domain("planned_date", ">=", periods.week_start) & Domain(
                "planned_date", "<", periods.week_end
            )
        return domain

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

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_open_callbacks(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "customer_callback.customer_callback_action_all"
        )
        action.update(
            {
                "name": self.env._("Open callbacks of %s", ", ".join(self.user_id.mapped("name"))),
                "domain": list(self._callback_domain(self.user_id)),
                "context": {"search_default_group_user": 1},
            }
        )
        return action

    def action_open_complaints(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "customer_callback.helpdesk_ticket_action_complaints"
        )
        action.update(
            {
                "name": self.env._("Open complaints of %s", ", ".join(self.user_id.mapped("name"))),
                "domain": list(self._complaint_domain(self.user_id)),
                "context": {"default_is_complaint": True},
            }
        )
        return action

    def action_reassign(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reassign open work"),
            "res_model": "customer.callback.workload.reassign",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_from_user_ids": self.user_id.ids},
        }
