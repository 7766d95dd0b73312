# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Supervisors' callback analysis (SPEC §8): one row per callback with the
measures of the agents' monthly report, care coverage and satisfaction.

- *Agent monthly report* (000 §6.2): group by agent and month (``date``):
  callbacks made, done, unreachable, declined, average score, problems raised
  (tickets created from callbacks) and how many are solved / still open.
- *Care coverage*: group by due month (``deadline``) and team; the average of
  ``coverage`` is callbacks done / callbacks due, in percent. A callback still
  open counts as missed only once its due date has passed in the company's
  timezone (December's callbacks due later in the month are not "missed" on
  the 1st).
- *Satisfaction*: the average of ``score`` (scored callbacks only; unreachable
  and declined callbacks have no score).
"""

from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.customer_callback.models.customer_callback import STATES


class CustomerCallbackAgentReport(models.Model):
    _name = "customer.callback.agent.report"
    _description = "Callback Analysis per Agent"
    _auto = False
    _order = "date desc"
    _rec_name = "callback_id"

    callback_id = fields.Many2one("customer.callback", string="Callback", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    user_id = fields.Many2one("res.users", string="Agent", readonly=True)
    team_id = fields.Many2one("helpdesk.ticket.team", string="Team", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    segment = fields.Selection(
        selection=lambda self: self.env["customer.callback"]
        ._fields["segment"]
        ._description_selection(self.env),
        readonly=True,
    )
    spot_check_id = fields.Many2one(
        "customer.callback.spot.check", string="Spot-check", readonly=True
    )
    checked_user_id = fields.Many2one("res.users", string="Agent checked", readonly=True)
    state = fields.Selection(STATES, readonly=True)
    date = fields.Datetime(
        readonly=True, help="When the callback was closed, else when it is planned."
    )
    deadline = fields.Date(string="Due", readonly=True)
    callback_count = fields.Integer(string="Callbacks", readonly=True)
    done_count = fields.Integer(string="Done", readonly=True)
    unreachable_count = fields.Integer(string="Unreachable", readonly=True)
    declined_count = fields.Integer(string="Declined", readonly=True)
    scored_count = fields.Integer(string="Scored", readonly=True)
    score = fields.Float(string="Average score", aggregator="avg", digits=(3, 2), readonly=True)
    coverage = fields.Float(
        string="Coverage (%)",
        aggregator="avg",
        digits=(5, 1),
        readonly=True,
        help="Callbacks done / callbacks due, in percent: an open callback counts once its "
        "due date has passed.",
    )
    problem_count = fields.Integer(string="Problems raised", readonly=True)
    problem_solved_count = fields.Integer(string="Problems solved", readonly=True)
    problem_open_count = fields.Integer(string="Problems open", readonly=True)

    @property
    def _table_query(self):
        return SQL(
            """SELECT c.id, c.id AS callback_id, c.company_id, c.user_id, c.team_id, c.partner_id,
                      c.segment, c.spot_check_id, c.checked_user_id, c.state,
                      COALESCE(c.done_date, c.planned_date, c.create_date) AS date,
                      c.deadline,
                      1 AS callback_count,
                      (c.state = 'done')::int AS done_count,
                      (c.state = 'unreachable')::int AS unreachable_count,
                      (c.state = 'declined')::int AS declined_count,
                      (c.state = 'done' AND c.score > 0)::int AS scored_count,
                      CASE WHEN c.state = 'done' AND c.score > 0 THEN c.score END AS score,
                      CASE WHEN c.deadline IS NULL THEN NULL
                           WHEN c.state = 'done' THEN 100.0
                           -- still open and not due yet: neither made nor missed
                           WHEN c.state IN ('draft', 'planned', 'in_progress')
                                AND c.deadline >= (%(now)s::timestamp AT TIME ZONE 'UTC'
                                     AT TIME ZONE COALESCE(cal.tz, cp.tz, 'UTC'))::date
                           THEN NULL
                           ELSE 0.0 END AS coverage,
                      COALESCE(pr.total, 0) AS problem_count,
                      COALESCE(pr.solved, 0) AS problem_solved_count,
                      COALESCE(pr.total, 0) - COALESCE(pr.solved, 0) AS problem_open_count
                 FROM customer_callback c
                 LEFT JOIN (
                      SELECT t.origin_callback_id, count(*) AS total,
                             count(*) FILTER (WHERE st.closed) AS solved
                        FROM helpdesk_ticket t
                        LEFT JOIN helpdesk_ticket_stage st ON st.id = t.stage_id
                       WHERE t.origin_callback_id IS NOT NULL
                       GROUP BY t.origin_callback_id
                 ) pr ON pr.origin_callback_id = c.id
                 LEFT JOIN res_company co ON co.id = c.company_id
                 LEFT JOIN resource_calendar cal ON cal.id = co.resource_calendar_id
                 LEFT JOIN res_partner cp ON cp.id = co.partner_id
                WHERE c.active""",
            # "today" in each company's timezone, from the application's clock
            now=fields.Datetime.now(),
        )
