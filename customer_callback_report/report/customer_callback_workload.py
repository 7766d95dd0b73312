# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Team workload (issue #16 point 13): one row per agent with her open
work, due today, overdue and due this week, counted in the reader's
timezone; the lead opens an agent's records from her row and reassigns in
bulk (``customer.callback.workload.reassign``).

- Callbacks: open (draft, planned, in progress); *today* and *this week*:
  planned within the reader's local day / week (Monday to Sunday);
  *overdue*: past their due date.
- Other work (complaints: customer_callback_complaint_report) comes from
  addons through ``_workload_sources``.
"""

from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools import SQL

from odoo.addons.customer_callback.models.customer_callback import AGENT_GROUP, OPEN_STATES

from ..tools import workload

COUNTS = ("count", "today_count", "overdue_count", "week_count")


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
    total_count = fields.Integer(
        string="Open work", readonly=True, help="Open callbacks and other open work."
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

    @api.model
    def _workload_sources(self, periods, now, companies):
        """The kinds of open work counted per agent: ``(prefix, query)``, the
        query giving ``user_id`` and the four counts (``COUNTS``) of the
        agent's open work; the model has the fields ``<prefix>_<count>``.
        The callbacks here; addons add theirs (the complaints:
        customer_callback_complaint_report)."""
        return [
            (
                "callback",
                SQL(
                    """SELECT c.user_id,
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
                        GROUP BY c.user_id""",
                    day_start=periods.day_start,
                    day_end=periods.day_end,
                    week_start=periods.week_start,
                    week_end=periods.week_end,
                    today=periods.today,
                    open_states=tuple(OPEN_STATES),
                    companies=companies,
                ),
            )
        ]

    @property
    def _table_query(self):
        # One row per agent counting several models (callbacks, and the
        # addons' work) with conditional counts relative to the reader's
        # day: a _read_group works on one model and cannot count them in one row.
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
        sources = self._workload_sources(periods, now, companies)
        ctes, columns, totals, joins, found = [], [], [], [], []
        for prefix, query in sources:
            alias = SQL.identifier(f"w_{prefix}")
            ctes.append(SQL("%s AS (%s)", alias, query))
            columns += [
                SQL(
                    "COALESCE(%s.%s, 0) AS %s",
                    alias,
                    SQL.identifier(count),
                    SQL.identifier(f"{prefix}_{count}"),
                )
                for count in COUNTS
            ]
            totals.append(SQL("COALESCE(%s.count, 0)", alias))
            joins.append(SQL("LEFT JOIN %s ON %s.user_id = u.id", alias, alias))
            found.append(SQL("%s.user_id IS NOT NULL", alias))
        return SQL(
            """
            WITH %(ctes)s
            SELECT u.id AS id,
                   u.id AS user_id,
                   %(columns)s,
                   %(total)s AS total_count
              FROM res_users u
              %(joins)s
             WHERE %(found)s
                OR u.id = ANY(%(agents)s)
            """,
            ctes=SQL(", ").join(ctes),
            columns=SQL(", ").join(columns),
            total=SQL(" + ").join(totals),
            joins=SQL(" ").join(joins),
            found=SQL(" OR ").join(found),
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
