# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Monthly service spot-check (回访抽查, SPEC §7, 002).

Each month a team lead draws a sample of customers whose service was handled
in the month, from four lists (after-sales tickets, delivery/courier
complaints, the review collection, VIP customers); every drawn customer gets
a spot-check callback; the batch computes the service satisfaction of the
month against the target and is exported as a detail and a summary sheet.
"""

import calendar
import re
from collections import defaultdict
from datetime import date, datetime, time, timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import SQL, convert
from odoo.tools.misc import babel_locale_parse
from odoo.tools.safe_eval import safe_eval

from odoo.addons.customer_callback.models.customer_callback import OPEN_STATES
from odoo.addons.customer_callback.tools import assignment, call_window, periods
from odoo.addons.customer_callback.tools import satisfaction as sat
from odoo.addons.customer_callback.upgrade import addon_move

from ..tools import sampling

AGENT_GROUP = "customer_callback.customer_callback_group_agent"
# Spot-check calls not started yet: the ones a rebalance moves.
NOT_STARTED_STATES = ("draft", "planned")
SPOT_CHECK_STATES = [
    ("draft", "Draft"),
    ("sampled", "Sampled"),
    ("in_progress", "In progress"),
    ("done", "Done"),
]
# Pool sources, by priority: a customer found in several lists is checked
# for the first one (its ticket and agent).
SOURCES = [
    ("after_sales", "After-sales problem list"),
    ("complaint", "Delivery / courier problem list"),
    ("review", "Review collection"),
    ("vip", "VIP customers"),
]
# Extra domain field -> model it filters.
DOMAIN_FIELDS = {
    "after_sales_domain": "helpdesk.ticket",
    "complaint_domain": "helpdesk.ticket",
    "review_domain": "customer.callback",
    "vip_domain": "res.partner",
}
# the addon's noupdate defaults, loaded as an update loads them
# (_spot_check_load_defaults: data/customer_callback_spot_check_defaults.xml)
MODULE = "customer_callback_spot_check"
DEFAULTS = ("data/defaults/customer_callback_script_data.xml",)
# the demo's story (_spot_check_load_demo_scenario), and its first record:
# there once the story was told, by this addon or, before 19.0.6.0.0, by the
# core (the upgrade moved it here with its xml id)
DEMO_SCENARIO = "demo/scenarios/customer_callback_spot_check_demo.xml"
DEMO_TOLD = "customer_callback_spot_check.demo_spot_check_last_month"


class CustomerCallbackSpotCheck(models.Model):
    _name = "customer.callback.spot.check"
    _description = "Monthly Service Spot-check"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_from desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        required=True,
        tracking=True,
        compute="_compute_name",
        store=True,
        readonly=False,
        precompute=True,
        help="By default the month checked (Spot-check 2026-11); a name of your own is kept.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    date_from = fields.Date(
        string="Month",
        required=True,
        tracking=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
        help="First day of the month checked.",
    )
    date_to = fields.Date(string="Month end", compute="_compute_date_to", store=True)
    due_date = fields.Date(
        compute="_compute_due_date",
        store=True,
        readonly=False,
        tracking=True,
        help="The list is handed to the supervisor by this day.",
    )
    sample_size = fields.Integer(
        required=True,
        default=lambda self: self.env.company.callback_spot_check_min_size,
        tracking=True,
        help="Customers to spot-check (at least the monthly minimum of the Settings).",
    )
    team_id = fields.Many2one(
        "helpdesk.ticket.team",
        string="Team checked",
        check_company=True,
        help="Only tickets and callbacks of this team enter the pool (all teams when empty).",
    )
    leader_id = fields.Many2one(
        "res.users",
        string="Team lead",
        required=True,
        tracking=True,
        domain=[("share", "=", False)],
        default=lambda self: self.env.user,
        help="Prepares the list and answers dissatisfied customers.",
    )
    supervisor_id = fields.Many2one(
        "res.users",
        string="Supervisor",
        tracking=True,
        domain=[("share", "=", False)],
        default=lambda self: self.env.company.callback_supervisor_id,
        help="Receives the list by the due date.",
    )
    caller_ids = fields.Many2many(
        "res.users",
        string="Callers",
        domain=[("share", "=", False)],
        help="Agents making the spot-check calls, balanced by their open callbacks; nobody "
        "checks their own work when another caller is available. Empty: the agents of the "
        "team checked (or of the lead's teams), the lead only when nobody else can call.",
    )
    state = fields.Selection(
        SPOT_CHECK_STATES, required=True, default="draft", tracking=True, index=True, copy=False
    )
    month = fields.Char(
        string="Period",
        compute="_compute_month",
        help="Month of the spot-check, as a month in the reader's language (November 2026).",
    )
    seed = fields.Integer(
        readonly=True,
        copy=False,
        help="Random seed of the draw: the same seed draws the same sample.",
    )
    # Pool definition (002 §3).
    use_after_sales = fields.Boolean(string="After-sales tickets", default=True)
    after_sales_domain = fields.Char(
        string="After-sales filter",
        default="[]",
        help="Extra condition on the helpdesk tickets closed in the month.",
    )
    use_complaints = fields.Boolean(string="Delivery complaints", default=True)
    complaint_category_ids = fields.Many2many(
        "helpdesk.ticket.category",
        string="Complaint categories",
        default=lambda self: self.env.company.callback_spot_check_category_ids,
        help="Complaint tickets of these categories (all complaints when empty).",
    )
    complaint_domain = fields.Char(string="Complaint filter", default="[]")
    use_reviews = fields.Boolean(
        string="Review collection",
        default=True,
        help="Customers whose callbacks were scored in the month, good and bad.",
    )
    review_domain = fields.Char(string="Review filter", default="[]")
    use_vip = fields.Boolean(string="VIP customers", default=True)
    vip_domain = fields.Char(string="VIP filter", default="[]")
    # Result of the draw.
    callback_ids = fields.One2many("customer.callback", "spot_check_id", string="Spot-checks")
    pool_size = fields.Integer(
        readonly=True, copy=False, help="Customers in the pool before exclusions."
    )
    eligible_size = fields.Integer(string="Eligible", readonly=True, copy=False)
    sampling_note = fields.Text(readonly=True, copy=False)
    drawn_size = fields.Integer(
        string="Drawn",
        readonly=True,
        copy=False,
        help="Customers drawn when the batch was sampled.",
    )
    minimum_size = fields.Integer(
        string="Monthly minimum",
        readonly=True,
        copy=False,
        help="The company's monthly minimum when the batch was sampled.",
    )
    shortfall = fields.Integer(
        compute="_compute_shortfall",
        store=True,
        help="Customers missing to reach the monthly minimum: the pool was smaller than asked.",
    )
    sampled_date = fields.Datetime(readonly=True, copy=False)
    # Statistics (computed with one read-group).
    satisfaction_target = fields.Float(
        string="Target",
        digits=(3, 2),
        default=lambda self: self.env.company.callback_satisfaction_target,
    )
    callback_count = fields.Integer(string="Callbacks", compute="_compute_statistics")
    scored_count = fields.Integer(string="Scored", compute="_compute_statistics")
    score_sum = fields.Integer(string="Sum of scores", compute="_compute_statistics")
    satisfaction = fields.Float(digits=(3, 2), compute="_compute_statistics")
    target_met = fields.Boolean(compute="_compute_statistics")
    confidence_low = fields.Float(
        string="95% interval from", digits=(3, 2), compute="_compute_statistics"
    )
    confidence_high = fields.Float(
        string="95% interval to", digits=(3, 2), compute="_compute_statistics"
    )
    score_1_count = fields.Integer(string="1 - very dissatisfied", compute="_compute_statistics")
    score_2_count = fields.Integer(string="2 - dissatisfied", compute="_compute_statistics")
    score_3_count = fields.Integer(string="3 - average", compute="_compute_statistics")
    score_4_count = fields.Integer(string="4 - satisfied", compute="_compute_statistics")
    score_5_count = fields.Integer(string="5 - very satisfied", compute="_compute_statistics")
    unreachable_count = fields.Integer(string="Unreachable", compute="_compute_statistics")
    declined_count = fields.Integer(string="Declined", compute="_compute_statistics")
    open_count = fields.Integer(string="Still open", compute="_compute_statistics")

    _month_unique = models.UniqueIndex(
        "(company_id, date_from)", "There is already a spot-check for this month."
    )
    _sample_size_positive = models.Constraint(
        "CHECK (sample_size > 0)", "The sample size must be positive."
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends("date_from")
    def _compute_date_to(self):
        for batch in self:
            start = batch.date_from
            batch.date_to = start and start.replace(
                day=calendar.monthrange(start.year, start.month)[1]
            )

    @api.depends("date_from", "company_id")
    def _compute_due_date(self):
        for batch in self:
            start = batch.date_from
            if not start:
                batch.due_date = False
                continue
            last = calendar.monthrange(start.year, start.month)[1]
            day = min(batch.company_id.callback_spot_check_due_day or last, last)
            batch.due_date = start.replace(day=day)

    def _default_name(self, start):
        """The batch's name for the month of ``start``, in the user's language."""
        return self.env._("Spot-check %s", start.strftime("%Y-%m"))

    def _is_default_name(self, name):
        """Whether ``name`` is the default name of some month."""
        prefix, _sep, suffix = self._default_name(date(2000, 1, 1)).partition("2000-01")
        middle = name[len(prefix) : len(name) - len(suffix)]
        return (
            name.startswith(prefix)
            and name.endswith(suffix)
            and bool(re.fullmatch(r"\d{4}-\d{2}", middle))
        )

    @api.depends("date_from")
    def _compute_name(self):
        for batch in self:
            # a name of the user's own is kept; the default follows the month
            if batch.date_from and (not batch.name or batch._is_default_name(batch.name)):
                batch.name = batch._default_name(batch.date_from)

    @api.depends("state", "drawn_size", "minimum_size")
    def _compute_shortfall(self):
        for batch in self:
            batch.shortfall = (
                max(batch.minimum_size - batch.drawn_size, 0) if batch.state != "draft" else 0
            )

    @api.depends("date_from")
    @api.depends_context("lang")
    def _compute_month(self):
        locale = babel_locale_parse(self.env.lang or "en_US")
        for batch in self:
            batch.month = batch.date_from and periods.month_name(batch.date_from, locale)

    @api.depends("satisfaction_target", "callback_ids.state", "callback_ids.score")
    def _compute_statistics(self):
        summaries = self._summaries()
        for batch in self:
            summary = summaries.get(batch.id) or sat.Summary()
            interval = summary.confidence_interval()
            batch.update(
                {
                    "callback_count": summary.total,
                    "scored_count": summary.scored,
                    "score_sum": summary.score_sum,
                    "satisfaction": summary.average,
                    "target_met": summary.target_met(batch.satisfaction_target),
                    "confidence_low": interval[0] if interval else 0.0,
                    "confidence_high": interval[1] if interval else 0.0,
                    "unreachable_count": summary.unreachable,
                    "declined_count": summary.declined,
                    "open_count": summary.open,
                    **{f"score_{n}_count": summary.distribution[n] for n in sat.SCALE},
                }
            )

    def _summaries(self, groupby=()):
        """{batch id (or (batch id, *groupby)): Summary}: one read-group.

        Aggregates only, so the figures do not depend on which spot-check
        callbacks the reader may open."""
        ids = [i for i in self.ids if i]
        if not ids:
            return {}
        rows = (
            self.env["customer.callback"]
            .sudo()
            .with_context(active_test=False)
            ._read_group(
                [("spot_check_id", "in", ids)],
                ["spot_check_id", *groupby, "state", "score"],
                ["__count"],
            )
        )
        result = {}
        for row in rows:
            batch, *keys, state, score, count = row
            key = (batch.id, *(k.id if isinstance(k, models.BaseModel) else k for k in keys))
            result.setdefault(key if groupby else batch.id, sat.Summary()).add(state, score, count)
        return result

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    @api.constrains(*DOMAIN_FIELDS)
    def _check_domains(self):
        for batch in self:
            for field_name in DOMAIN_FIELDS:
                try:
                    batch._extra_domain(field_name)
                except Exception as error:  # noqa: BLE001 - any parse error is bad input
                    raise ValidationError(
                        self.env._(
                            "The filter “%(field)s” is not a valid domain: %(error)s",
                            field=self._fields[field_name].get_description(self.env)["string"],
                            error=error,
                        )
                    ) from error

    @api.constrains("sample_size", "company_id")
    def _check_sample_size(self):
        for batch in self:
            company = batch.company_id
            if batch.sample_size < company.callback_spot_check_min_size and (
                company.callback_spot_check_below_min == "refuse"
            ):
                raise ValidationError(
                    self.env._(
                        "At least %(minimum)s customers must be spot-checked each month "
                        "(asked: %(size)s). Change the minimum in Settings if your company "
                        "allows smaller samples.",
                        minimum=company.callback_spot_check_min_size,
                        size=batch.sample_size,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model
    def _spot_check_load_defaults(self):
        """Load the addon's default records (``DEFAULTS``: the spot-check
        script, noupdate) as an update loads noupdate data, at the install
        too: what is missing is created, what exists is never written over.
        On a new database all is created, as an install would; an install
        over the records the core's upgrade moved here (19.0.6.0.0:
        ``customer_callback_report``, upgraded with the core, now depends on
        the spot-checks, so Odoo installs them in that run, in init mode)
        keeps what an administrator changed in them
        (``customer_callback.upgrade.addon_move.load_noupdate_defaults``, as
        the complaints and the personal links load theirs)."""
        return addon_move.load_noupdate_defaults(self.env, MODULE, DEFAULTS)

    @api.model
    def _spot_check_load_demo_scenario(self):
        """Tell the demo's spot-check (``DEMO_SCENARIO``: last month's batch,
        drawn and partly called) unless it was told already: the addon's
        install after the core's upgrade to 19.0.6.0.0 finds the core's demo
        batch moved to it (its xml id under this addon) and must neither
        create it twice nor draw and call it again. Loaded in init mode as
        noupdate demo data, as Odoo loads its own scenarios."""
        if self.env.ref(DEMO_TOLD, raise_if_not_found=False):
            return False
        convert.convert_file(self.env, MODULE, DEMO_SCENARIO, None, mode="init", noupdate=True)
        return True

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("date_from"):
                vals["date_from"] = fields.Date.to_date(vals["date_from"]).replace(day=1)
            if "name" in vals and not vals["name"]:
                del vals["name"]  # the default name of the month
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("date_from"):
            if self.filtered(lambda b: b.state != "draft"):
                raise UserError(self.env._("The month of a sampled spot-check cannot change."))
            vals["date_from"] = fields.Date.to_date(vals["date_from"]).replace(day=1)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_sampled(self):
        if self.env.su and self.env.context.get("callback_sample_removal"):
            return  # the sample spot-check goes with the sample data
        if self.filtered(lambda b: b.state != "draft" or b.callback_ids):
            raise UserError(self.env._("Sampled spot-checks are history and cannot be deleted."))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def _check_supervisor(self):
        self.env["customer.callback"]._check_callback_supervisor()

    def action_open_sample_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Draw the sample"),
            "res_model": "customer.callback.spot.check.wizard",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_spot_check_id": self.id},
        }

    def action_open_rebalance_wizard(self):
        self.ensure_one()
        self._check_supervisor()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Rebalance the calls"),
            "res_model": "customer.callback.spot.check.rebalance",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_spot_check_id": self.id},
        }

    def action_start(self):
        self.filtered(lambda b: b.state == "sampled").write({"state": "in_progress"})
        return True

    def action_done(self):
        for batch in self:
            if batch.state not in ("sampled", "in_progress"):
                raise UserError(self.env._("Only a sampled spot-check can be closed."))
            if batch.open_count:
                raise UserError(
                    self.env._(
                        "%(count)s spot-check callbacks of %(name)s are still open: close or "
                        "cancel them first.",
                        count=batch.open_count,
                        name=batch.name,
                    )
                )
        self.write({"state": "done"})
        return True

    def action_view_callbacks(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "customer_callback.customer_callback_action_all"
        )
        action.update(
            {
                "name": self.name,
                "domain": [("spot_check_id", "=", self.id)],
                "context": {"active_test": False, "search_default_group_checked": 1},
            }
        )
        return action

    # ------------------------------------------------------------------
    # Pool and sampling
    # ------------------------------------------------------------------

    def _extra_domain(self, field_name):
        """The extra domain of a pool source (a Domain; TRUE when empty)."""
        self.ensure_one()
        text = (self[field_name] or "").strip()
        if not text:
            return Domain.TRUE
        value = safe_eval(
            text,
            {
                "uid": self.env.uid,
                "user": self.env.user,
                "context_today": lambda: fields.Date.context_today(self),
                "datetime": datetime,
                "relativedelta": relativedelta,
                "timedelta": timedelta,
            },
        )
        domain = Domain(value)
        # validate the field names against the model
        domain.validate(self.env[DOMAIN_FIELDS[field_name]])
        return domain

    def _pool_complaint_condition(self, alias):
        """Which tickets are complaints, for the delivery/courier problem
        list of the pool (SQL on ``alias``): a hook, none here;
        customer_callback_complaint's complaints."""
        return SQL("FALSE")

    def _extra_condition(self, field_name, alias):
        """SQL restricting ``alias.id`` to the source's extra domain."""
        domain = self._extra_domain(field_name)
        if domain.is_true():
            return SQL("TRUE")
        model = self.env[DOMAIN_FIELDS[field_name]].sudo().with_context(active_test=False)
        query = model._search(domain)
        return SQL("%s IN (%s)", SQL.identifier(alias, "id"), query.subselect())

    def _period_bounds(self):
        """The month as UTC naive datetimes [start, end) in the company's timezone."""
        self.ensure_one()
        zone = call_window.get_zone(self.company_id._callback_tz())
        start = datetime.combine(self.date_from, time.min).replace(tzinfo=zone)
        end = datetime.combine(self.date_to + timedelta(days=1), time.min).replace(tzinfo=zone)
        return call_window.to_utc_naive(start), call_window.to_utc_naive(end)

    def _pool_query(self):
        """One query: the pool (one row per customer) with the exclusion flags."""
        self.ensure_one()
        company = self.company_id
        start, end = self._period_bounds()
        team = self.team_id.id
        branches = []
        if self.use_after_sales:
            branches.append(
                SQL(
                    """(SELECT DISTINCT ON (t.partner_id)
                               t.partner_id, t.id AS ticket_id, t.user_id AS agent_id, 1 AS prio
                          FROM helpdesk_ticket t
                          JOIN helpdesk_ticket_stage st ON st.id = t.stage_id AND st.closed
                         WHERE t.company_id = %(company)s AND t.partner_id IS NOT NULL AND t.active
                           AND t.closed_date >= %(start)s AND t.closed_date < %(end)s
                           AND (%(team)s::int IS NULL OR t.team_id = %(team)s) AND %(extra)s
                         ORDER BY t.partner_id, t.closed_date DESC, t.id DESC)""",
                    company=company.id,
                    start=start,
                    end=end,
                    team=team or None,
                    extra=self._extra_condition("after_sales_domain", "t"),
                )
            )
        if self.use_complaints:
            categories = self.complaint_category_ids.ids
            branches.append(
                SQL(
                    """(SELECT DISTINCT ON (t.partner_id)
                               t.partner_id, t.id AS ticket_id, t.user_id AS agent_id, 2 AS prio
                          FROM helpdesk_ticket t
                         WHERE t.company_id = %(company)s AND t.partner_id IS NOT NULL AND t.active
                           AND %(complaint)s AND %(category)s
                           AND ((t.create_date >= %(start)s AND t.create_date < %(end)s)
                                OR (t.closed_date >= %(start)s AND t.closed_date < %(end)s))
                           AND (%(team)s::int IS NULL OR t.team_id = %(team)s) AND %(extra)s
                         ORDER BY t.partner_id,
                                  COALESCE(t.closed_date, t.create_date) DESC, t.id DESC)""",
                    company=company.id,
                    complaint=self._pool_complaint_condition("t"),
                    category=SQL("t.category_id IN %s", tuple(categories))
                    if categories
                    else SQL("TRUE"),
                    start=start,
                    end=end,
                    team=team or None,
                    extra=self._extra_condition("complaint_domain", "t"),
                )
            )
        if self.use_reviews:
            branches.append(
                SQL(
                    """(SELECT DISTINCT ON (c.partner_id)
                               c.partner_id, c.ticket_id, c.user_id AS agent_id, 3 AS prio
                          FROM customer_callback c
                         WHERE c.company_id = %(company)s AND c.state = 'done' AND c.score > 0
                           AND c.active AND c.spot_check_id IS NULL
                           AND c.done_date >= %(start)s AND c.done_date < %(end)s
                           AND (%(team)s::int IS NULL OR c.team_id = %(team)s) AND %(extra)s
                         ORDER BY c.partner_id, c.done_date DESC, c.id DESC)""",
                    company=company.id,
                    start=start,
                    end=end,
                    team=team or None,
                    extra=self._extra_condition("review_domain", "c"),
                )
            )
        if self.use_vip:
            branches.append(
                SQL(
                    """(SELECT p.id AS partner_id, NULL::int AS ticket_id,
                               NULL::int AS agent_id, 4 AS prio
                          FROM res_partner p
                         WHERE p.callback_vip AND p.active
                           AND (p.company_id IS NULL OR p.company_id = %(company)s)
                           AND %(extra)s)""",
                    company=company.id,
                    extra=self._extra_condition("vip_domain", "p"),
                )
            )
        if not branches:
            return None
        months = company.callback_spot_check_cap_months
        return SQL(
            """WITH src AS (%(union)s),
                    pool AS (SELECT DISTINCT ON (partner_id) partner_id, ticket_id, agent_id, prio
                               FROM src ORDER BY partner_id, prio),
                    prior AS (
                        SELECT c.partner_id, count(*) AS checks
                          FROM customer_callback c
                          JOIN customer_callback_spot_check b ON b.id = c.spot_check_id
                         WHERE b.company_id = %(company)s AND b.id != %(batch)s
                           AND b.date_from > %(window_start)s AND b.date_from < %(window_end)s
                           AND c.state != 'cancelled'
                           AND c.partner_id IN (SELECT partner_id FROM pool)
                         GROUP BY c.partner_id)
             SELECT pool.partner_id, pool.agent_id, pool.ticket_id, pool.prio,
                    COALESCE(p.callback_do_not_call, FALSE),
                    EXISTS (SELECT 1 FROM customer_callback oc
                             WHERE oc.partner_id = pool.partner_id AND oc.active IS TRUE
                               AND oc.state IN ('draft', 'planned', 'in_progress')),
                    COALESCE(prior.checks, 0)
               FROM pool
               JOIN res_partner p ON p.id = pool.partner_id AND p.active
               LEFT JOIN prior ON prior.partner_id = pool.partner_id
              ORDER BY pool.prio, pool.partner_id""",
            union=SQL(" UNION ALL ").join(branches),
            company=company.id,
            batch=self.id or 0,
            window_start=self.date_from - relativedelta(months=months),
            window_end=self.date_from + relativedelta(months=months),
        )

    def _pool_candidates(self):
        """The pool as a list of ``sampling.Candidate``."""
        self.ensure_one()
        query = self._pool_query()
        if query is None:
            return []
        self.env.flush_all()
        self.env.cr.execute(query)
        source_of = {index + 1: key for index, (key, _label) in enumerate(SOURCES)}
        return [
            sampling.Candidate(
                partner_id=partner_id,
                agent_id=agent_id,
                ticket_id=ticket_id,
                source=source_of[prio],
                do_not_call=do_not_call,
                open_callback=open_callback,
                prior_checks=prior,
            )
            for (
                partner_id,
                agent_id,
                ticket_id,
                prio,
                do_not_call,
                open_callback,
                prior,
            ) in self.env.cr.fetchall()
        ]

    def _sample(self, seed=None):
        """Draw the sample and create one spot-check callback per customer.

        A pool smaller than the sample is drawn whole, the shortfall against
        the company's minimum said in the chatter and kept on the batch
        (``shortfall``); only an empty pool is refused. Returns the warning
        text ('' when none)."""
        self.ensure_one()
        self._check_supervisor()
        if self.state != "draft":
            raise UserError(self.env._("%s is already sampled.", self.name))
        company = self.company_id
        seed = seed or self.seed or sampling.new_seed()
        pool, fatigued = self._drawable_pool()
        result = sampling.sample(pool, self.sample_size, seed, cap=company.callback_spot_check_cap)
        if not result.eligible_size:
            raise UserError(
                self.env._(
                    "No eligible customer was found for %(name)s: there is nothing to draw.",
                    name=self.name,
                )
                + "\n"
                + self._sampling_note(result, seed, fatigued)
                + "\n"
                + self.env._("Widen the pool: its sources, filters or team.")
            )
        note = self._sampling_note(result, seed, fatigued)
        minimum = company.callback_spot_check_min_size
        drawn = len(result.chosen)
        warning = ""
        # A pool smaller than the sample is drawn whole: the month's check is
        # not lost for want of customers; the shortfall is said and shown.
        if result.short or drawn < minimum:
            warning = self.env._(
                "%(name)s: %(drawn)s customers drawn of the %(size)s asked (the pool held "
                "%(eligible)s eligible customers); %(short)s short of the monthly minimum of "
                "%(minimum)s.",
                name=self.name,
                drawn=drawn,
                size=self.sample_size,
                eligible=result.eligible_size,
                short=max(minimum - drawn, 0),
                minimum=minimum,
            )
            note = warning + "\n" + note
        self._create_spot_check_callbacks(result.chosen)
        self.write(
            {
                "seed": seed,
                "state": "sampled",
                "pool_size": result.pool_size,
                "eligible_size": result.eligible_size,
                "sampling_note": note,
                "sampled_date": fields.Datetime.now(),
                "drawn_size": drawn,
                "minimum_size": minimum,
            }
        )
        self.message_post(body=note)
        followers = (self.leader_id | self.supervisor_id).partner_id
        if followers:
            self.message_subscribe(partner_ids=followers.ids)
        if self.supervisor_id:
            self.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=max(
                    self.due_date or fields.Date.context_today(self),
                    fields.Date.context_today(self),
                ),
                user_id=self.supervisor_id.id,
                summary=self.env._("Spot-check list %s", self.name),
            )
        return warning

    def _drawable_pool(self):
        """The pool's candidates less the customers the contact-fatigue cap
        would refuse, and how many those were (the preview and the draw
        count alike)."""
        pool = self._pool_candidates()
        fatigued = self.env["customer.callback"]._fatigue_capped_partners(
            self.company_id, {c.partner_id for c in pool}, fields.Date.context_today(self)
        )
        return [c for c in pool if c.partner_id not in fatigued], len(fatigued)

    def _sampling_note(self, result, seed, fatigued=0):
        """What the draw found and excluded (batch and chatter)."""
        company = self.company_id
        return self.env._(
            "Pool: %(pool)s customers; excluded: %(fatigue)s at their contact limit, %(dnc)s "
            "do-not-call, %(open)s with an open callback, %(cap)s already spot-checked "
            "%(limit)s times; eligible: %(eligible)s; sampled: %(sampled)s of %(size)s "
            "(seed %(seed)s).",
            pool=result.pool_size + fatigued,
            fatigue=fatigued,
            dnc=result.excluded[sampling.EXCLUDED_DO_NOT_CALL],
            open=result.excluded[sampling.EXCLUDED_OPEN_CALLBACK],
            cap=result.excluded[sampling.EXCLUDED_CAP],
            limit=company.callback_spot_check_cap,
            eligible=result.eligible_size,
            sampled=len(result.chosen),
            size=self.sample_size,
            seed=seed,
        )

    def _spot_check_script(self):
        self.ensure_one()
        return self.env["customer.callback.script"].search(
            [("kind", "=", "spot_check"), ("company_id", "in", (self.company_id.id, False))],
            order="company_id, sequence, id",
            limit=1,
        )

    # ------------------------------------------------------------------
    # Spreading the calls over agents and call windows
    # ------------------------------------------------------------------

    def _spot_check_agents(self):
        """The agents the calls are spread over: the batch's callers, else the
        agents of the team checked (else of the teams the lead leads, else of
        the company); the lead only when nobody else can call."""
        self.ensure_one()
        if self.caller_ids:
            return self.caller_ids
        company = self.company_id
        agent_group = self.env.ref(AGENT_GROUP)
        teams = self.team_id or self.env["helpdesk.ticket.team"].sudo().search(
            [("user_id", "=", self.leader_id.id), ("company_id", "in", [company.id, False])]
        )
        users = teams.user_ids if teams else agent_group.sudo().all_user_ids
        agents = users.filtered(
            lambda u: u.active
            and not u.share
            and company in u.company_ids
            and agent_group in u.all_group_ids
        ).sorted("id")
        return (agents - self.leader_id) or agents or self.leader_id

    def _spot_check_open_loads(self, agents, exclude=None):
        """Open callbacks per agent (user id -> count), ``exclude`` left out."""
        domain = Domain("user_id", "in", agents.ids) & Domain("state", "in", OPEN_STATES)
        if exclude:
            domain &= Domain("id", "not in", exclude.ids)
        return {
            user.id: count
            for user, count in self.env["customer.callback"]
            .sudo()
            ._read_group(domain, ["user_id"], ["__count"])
        }

    def _spot_check_spread(self, entries, agents, exclude=None):
        """Who calls and when, for ``entries`` (partner, checked user id).

        The agents are balanced by their open load (``tools.assignment``),
        never the agent checked when another one can call; each agent's calls
        are planned in the customers' call windows at least the company's
        spacing apart, going round the windows' slots. Returns a list of
        (user id, planned datetime)."""
        self.ensure_one()
        company = self.company_id
        Callback = self.env["customer.callback"]
        callers = assignment.spread(
            [checked for _partner, checked in entries],
            agents.ids,
            self._spot_check_open_loads(agents, exclude),
        )
        bounds = company._callback_slot_bounds()
        available = call_window.window_slots(company._callback_windows(), bounds)
        spacing = timedelta(minutes=company.callback_spot_check_spacing)
        now = fields.Datetime.now()
        is_holiday = company._callback_holiday_checker(fields.Date.context_today(self))
        last, used = {}, defaultdict(list)
        result = []
        for (partner, _checked), caller in zip(entries, callers, strict=True):
            earliest = last[caller] + spacing if caller in last else now
            # a customer's preferred time wins over the round of the slots
            avoid = (
                ()
                if partner.callback_preferred_time
                else assignment.slots_to_avoid(used[caller], available)
            )
            planned = Callback._place_in_window(
                company, partner, earliest, avoid_slots=avoid, is_holiday=is_holiday
            )
            used[caller].append(
                call_window.slot_at(planned, partner.tz or company._callback_tz(), bounds)
            )
            last[caller] = max(last.get(caller, planned), planned)
            result.append((caller, planned))
        return result

    def _rebalance(self, agents):
        """Spread the calls not started yet over ``agents`` again (the lead's
        Rebalance). Returns the callbacks moved."""
        self.ensure_one()
        self._check_supervisor()
        if not agents:
            raise UserError(self.env._("Choose at least one agent to make the calls."))
        calls = self.callback_ids.filtered(lambda c: c.state in NOT_STARTED_STATES).sorted(
            lambda c: (c.planned_date or datetime.max, c.id)
        )
        if not calls:
            raise UserError(self.env._("%s has no call left to rebalance.", self.name))
        plan = self._spot_check_spread(
            [(call.partner_id, call.checked_user_id.id) for call in calls], agents, exclude=calls
        )
        for call, (caller, planned) in zip(calls, plan, strict=True):
            day = call_window.to_local(planned, call_window.get_zone(call._tz())).date()
            values = {"user_id": caller, "planned_date": planned}
            if call.deadline and day > call.deadline:
                values["deadline"] = day
            call.write(values)
        self.message_post(
            body=self.env._(
                "%(count)s calls rebalanced over %(agents)s.",
                count=len(calls),
                agents=", ".join(agents.mapped("name")),
            ),
            subtype_xmlid="mail.mt_note",
        )
        return calls

    def _create_spot_check_callbacks(self, chosen):
        self.ensure_one()
        if not chosen:
            return self.env["customer.callback"]
        company = self.company_id
        partners = self.env["res.partner"].browse([c.partner_id for c in chosen])
        plan = self._spot_check_spread(
            [
                (partners.browse(candidate.partner_id), candidate.agent_id or False)
                for candidate in chosen
            ],
            self._spot_check_agents(),
        )
        script = self._spot_check_script()
        vals_list = [
            {
                "partner_id": candidate.partner_id,
                "company_id": company.id,
                "segment": "spot_check",
                "spot_check_id": self.id,
                "ticket_id": candidate.ticket_id or False,
                "checked_user_id": candidate.agent_id or False,
                "user_id": caller,
                "planned_date": planned,
                "team_id": self.team_id.id or False,
                "channel": "phone",
                "script_id": script.id,
                "deadline": self.due_date or False,
            }
            for candidate, (caller, planned) in zip(chosen, plan, strict=True)
        ]
        return self.env["customer.callback"].sudo()._plan_callbacks(vals_list)
