# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import calendar
import logging
import zlib
from collections import defaultdict
from datetime import datetime, time, timedelta

from markupsafe import Markup
from psycopg2 import errors
from psycopg2.extensions import TransactionRollbackError

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import SQL, format_date

from ..tools import (
    assignment,
    attempt_policy,
    batches,
    bulk,
    cadence,
    call_window,
    notification,
    sample_data,
)
from ..tools import script as script_tools
from .customer_callback_rule import CHANNELS, SEGMENTS

_logger = logging.getLogger(__name__)

OPEN_STATES = ("draft", "planned", "in_progress")
# a key of the planner's values, never a field: the placement set the
# customer's preferences aside for the deadline (_plan_place)
PREFERENCE_SET_ASIDE = "_preference_set_aside"
# What a concurrent commit makes a scheduled action's batch fail with: a
# serialization failure (a row this transaction locks was changed by a
# transaction committed after it began), a deadlock, or a row of a unique
# index (the day's progress, the day's digest) created meanwhile. Such a
# batch is rolled back and retried (tools/batches.py).
RETRIED_ERRORS = (TransactionRollbackError, errors.UniqueViolation)
# The advisory lock that keeps the runs of the overdue handling one at a time.
OVERDUE_LOCK_KEY = zlib.crc32(b"customer_callback.overdue")
CLOSED_STATES = ("done", "unreachable", "declined", "cancelled")
STATES = [
    ("draft", "Draft"),
    ("planned", "Planned"),
    ("in_progress", "In progress"),
    ("done", "Done"),
    ("unreachable", "Unreachable"),
    ("declined", "Declined"),
    ("cancelled", "Cancelled"),
]
PROBLEM_STATUSES = [
    ("pending", "Pending"),
    ("in_progress", "In progress"),
    ("resolved", "Resolved"),
    ("no_action", "No action needed"),
]
SUPERVISOR_GROUP = "customer_callback.customer_callback_group_supervisor"
AGENT_GROUP = "customer_callback.customer_callback_group_agent"
# Fields only supervisors (and the methods that own the state changes,
# through ``_write_state``) change: agents are refused whatever the path.
# ``user_id`` is the exception of the agent's hand-over (see
# ``_check_agent_write``).
AGENT_PROTECTED_FIELDS = frozenset(
    (
        "state",
        "done_date",
        "close_reason",
        "active",
        "user_id",
        "period_key",
    )
)


def average_ignoring_zero(model, aggregate_spec, query, fnames):
    """The ``AVG`` of a score field of ``fnames`` without its zeros, or None.

    Scores are Integer fields where 0 means "not scored" (the ORM stores 0 for
    an empty integer), so a plain average would count every unscored record
    as a 0: pivot and graph views would show a deflated satisfaction. Called
    from ``_read_group_select`` of the models holding such fields."""
    fname, _sep, func = aggregate_spec.partition(":")
    if func != "avg" or fname not in fnames:
        return None
    return SQL("AVG(NULLIF(%s, 0))", model._field_to_sql(model._table, fname, query))


def _format_serials(sequence, numbers):
    """The references of ``numbers``, as ``sequence.get_next_char`` writes
    them. Its prefix and suffix depend on the date only (not on the number):
    they are read off the first reference and checked against the last one
    (and the second), so the other references are formatted without
    interpolating the prefix again for each; when the check fails (a number
    that also appears in the prefix, say), every reference is asked of the
    sequence."""
    first = sequence.get_next_char(numbers[0])
    if len(numbers) < 3:
        return [first] + [sequence.get_next_char(number) for number in numbers[1:]]
    checks = [(number, sequence.get_next_char(number)) for number in (numbers[1], numbers[-1])]
    padding = sequence.padding
    text = f"{numbers[0]:0{padding}d}"
    start = first.find(text)
    while start >= 0:
        prefix, suffix = first[:start], first[start + len(text) :]
        if all(f"{prefix}{number:0{padding}d}{suffix}" == ref for number, ref in checks):
            return [f"{prefix}{number:0{padding}d}{suffix}" for number in numbers]
        start = first.find(text, start + 1)
    return [first] + [sequence.get_next_char(number) for number in numbers[1:]]


class CustomerCallback(models.Model):
    _name = "customer.callback"
    _description = "Customer Callback"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "planned_date, id"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/", index="btree"
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        check_company=True,
    )
    partner_phone = fields.Char(related="partner_id.phone", string="Phone")
    partner_email = fields.Char(related="partner_id.email", string="Email")
    partner_tz = fields.Selection(related="partner_id.tz", string="Customer timezone")
    rule_id = fields.Many2one(
        "customer.callback.rule",
        string="Rule",
        index=True,
        # users archive rules with callbacks (customer.callback.rule's
        # ondelete guard); an uninstall may still delete an addon's rule
        ondelete="set null",
        check_company=True,
        tracking=True,
    )
    segment = fields.Selection(
        SEGMENTS
        + [
            ("other", "Other"),
            ("customer_request", "Asked by the customer"),
        ],
        required=True,
        default="other",
        index=True,
    )
    period_key = fields.Char(
        readonly=True,
        copy=False,
        help="Identifies the occasion of a generated callback: a customer gets one "
        "callback per rule and period.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Agent",
        index=True,
        tracking=True,
        domain=[("share", "=", False)],
        default=lambda self: self.env.user,
    )
    team_id = fields.Many2one(
        "helpdesk.ticket.team", string="Team", index=True, tracking=True, check_company=True
    )
    channel = fields.Selection(CHANNELS, required=True, default="phone", tracking=True)
    planned_date = fields.Datetime(
        string="Planned",
        tracking=True,
        index=True,
        copy=False,
        help="Always inside a call window of the customer's timezone.",
    )
    deadline = fields.Date(tracking=True, index=True, copy=False)
    state = fields.Selection(
        STATES,
        required=True,
        default="draft",
        tracking=True,
        index=True,
        copy=False,
        group_expand="_expand_states",
    )
    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Ticket",
        index="btree_not_null",
        check_company=True,
        help="The ticket this callback follows up.",
    )
    raised_ticket_ids = fields.One2many(
        "helpdesk.ticket", "origin_callback_id", string="Raised tickets"
    )
    raised_ticket_count = fields.Integer(compute="_compute_raised_ticket_count")
    source_callback_id = fields.Many2one(
        "customer.callback",
        string="Follows callback",
        index="btree_not_null",
        copy=False,
    )
    script_id = fields.Many2one("customer.callback.script", string="Script")
    script_html = fields.Html(
        string="Script for this customer",
        compute="_compute_script_html",
        sanitize=True,
        help="The call script in the customer's language, with their form of address, "
        "dates and products written the way that language writes them.",
    )
    attempt_ids = fields.One2many(
        "customer.callback.attempt", "callback_id", string="Attempts", copy=False
    )
    attempt_count = fields.Integer(compute="_compute_attempt_count")
    # Outcome (000 §5.2, 003 step 3).
    score = fields.Integer(
        tracking=True,
        copy=False,
        aggregator="avg",
        help="Satisfaction on the 5-point scale: 5 very satisfied, 4 satisfied, "
        "3 average, 2 dissatisfied, 1 very dissatisfied. Empty when not scored.",
    )
    summary = fields.Text(string="Content summary", copy=False)
    feedback = fields.Text(string="Customer feedback", copy=False)
    needs = fields.Text(copy=False, help="Further needs: a second-sale opportunity.")
    sales_opportunity = fields.Boolean(copy=False, tracking=True)
    competitor_info = fields.Text(string="Competitor information", copy=False)
    remarks = fields.Text(
        copy=False, help="Anything else worth keeping (the care record sheet's last column)."
    )
    important = fields.Boolean(copy=False, tracking=True)
    next_action = fields.Char(copy=False)
    next_action_user_id = fields.Many2one("res.users", string="Next action owner", copy=False)
    promised_date = fields.Datetime(
        string="Promised reply",
        copy=False,
        tracking=True,
        help="When the customer was promised an answer.",
    )
    problem_category_id = fields.Many2one(
        "helpdesk.ticket.category",
        string="Problem category",
        copy=False,
        check_company=True,
        help="What the customer's problem is about: a ticket created from this callback "
        "is routed to the category's team.",
    )
    problem_status = fields.Selection(
        PROBLEM_STATUSES, string="Problem status", copy=False, tracking=True
    )
    recording_consent = fields.Boolean(
        copy=False,
        help="The customer agreed that the call is recorded (written to the consent ledger).",
    )
    partner_consent_ids = fields.One2many(
        related="partner_id.callback_consent_ids", string="Customer's consents"
    )
    done_date = fields.Datetime(string="Closed on", readonly=True, copy=False)
    close_reason = fields.Selection(
        [
            ("completed", "Completed"),
            ("hung_up", "Hung up after connecting"),
            ("unreachable", "Unreachable after all attempts"),
            ("declined", "Declined before connecting"),
            ("expired", "Expired past its deadline"),
            ("manual", "Cancelled by a user"),
            ("withdrawn", "The customer withdrew his consent"),
            ("fatigue", "Not made: contact-fatigue cap"),
        ],
        readonly=True,
        copy=False,
    )
    # The overdue digest is a view over the callbacks, not a stamp on them
    # (issue #18): the callback shows the current digest that lists it.
    escalation_id = fields.Many2one(
        "customer.callback.escalation",
        string="Overdue digest",
        compute="_compute_escalation_id",
        help="The team leader's current digest of overdue callbacks that lists this callback.",
    )
    is_overdue = fields.Boolean(compute="_compute_is_overdue", search="_search_is_overdue")
    # Whom an agent may call now (issue #16 point 5): "now" moves, so these
    # are computed on read and searched through their search methods.
    customer_local_time = fields.Char(
        string="Customer's time",
        compute="_compute_call_window_now",
        help="The customer's local time now (in the customer's timezone).",
    )
    callable_now = fields.Boolean(
        string="Callable now",
        compute="_compute_call_window_now",
        search="_search_callable_now",
        help="A call window of the customer is open now: the customer may be called.",
    )
    next_window_note = fields.Char(
        string="Next call window",
        compute="_compute_call_window_now",
        help="When the customer's next call window opens, in the customer's time and yours.",
    )
    due_today = fields.Boolean(
        string="Today and overdue",
        compute="_compute_due_today",
        search="_search_due_today",
        help="Open and planned before the end of your day (in your timezone), or with a "
        "deadline today or past (your date).",
    )
    # Routing (issue #29): an open callback no agent has, in no team with an
    # active agent, is seen by nobody but supervisors.
    is_unrouted = fields.Boolean(
        string="Belongs to nobody",
        compute="_compute_is_unrouted",
        search="_search_is_unrouted",
        help="Open, with no agent, and its team (if any) has no active agent: nobody sees it "
        "in their callbacks. Give it an agent, or set a default callback team or a "
        "supervisor in Settings.",
    )
    # What happens next after an attempt (issue #29 point 8), in the reader's time.
    next_step = fields.Char(
        string="Next step",
        compute="_compute_next_step",
        help="What happens after the attempts so far: the next attempt (your time, and the "
        "customer's when it differs), or why the callback closed.",
    )
    _score_range = models.Constraint(
        "CHECK (score IS NULL OR (score >= 0 AND score <= 5))",
        "The score must be between 1 and 5.",
    )
    _generated_unique = models.UniqueIndex(
        "(partner_id, rule_id, period_key) WHERE rule_id IS NOT NULL AND period_key IS NOT NULL",
        "This customer already has a callback for this rule and period.",
    )
    # "My callbacks": an agent's open callbacks in planned-date order.
    _agent_queue_idx = models.Index(
        "(user_id, planned_date, id) WHERE state IN ('draft', 'planned', 'in_progress')"
    )
    _partner_date_idx = models.Index("(partner_id, planned_date)")

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.model
    def _expand_states(self, states, domain):
        return [key for key, _label in STATES]

    def _compute_attempt_count(self):
        counts = dict(
            self.env["customer.callback.attempt"]._read_group(
                [("callback_id", "in", self.ids)], ["callback_id"], ["__count"]
            )
        )
        for callback in self:
            callback.attempt_count = counts.get(callback, 0)

    def _compute_raised_ticket_count(self):
        counts = dict(
            self.env["helpdesk.ticket"]._read_group(
                [("origin_callback_id", "in", self.ids)], ["origin_callback_id"], ["__count"]
            )
        )
        for callback in self:
            callback.raised_ticket_count = counts.get(callback, 0)

    @api.depends("deadline", "state")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for callback in self:
            callback.is_overdue = bool(
                callback.deadline and callback.deadline < today and callback.state in OPEN_STATES
            )

    @api.depends("state", "deadline", "company_id", "team_id")
    @api.depends_context("tz")
    def _compute_escalation_id(self):
        overdue = self.filtered("is_overdue")
        digests = (
            self.env["customer.callback.escalation"]
            .sudo()
            .search(
                [("state", "=", "current"), ("company_id", "in", overdue.company_id.ids)],
                order="date desc, id desc",
            )
            if overdue
            else self.env["customer.callback.escalation"]
        )
        overdue_ids = set(overdue.ids)
        for callback in self:
            callback.escalation_id = callback.id in overdue_ids and next(
                (
                    digest
                    for digest in digests
                    if digest.company_id == callback.company_id
                    and (
                        callback.team_id in digest.team_ids
                        if callback.team_id
                        else digest.without_team
                    )
                ),
                False,
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        today = fields.Date.context_today(self)
        domain = Domain("deadline", "<", today) & Domain("state", "in", OPEN_STATES)
        positive = True in value
        if operator == "not in":
            positive = not positive
        return domain if positive else ~domain

    @api.depends("state", "user_id", "team_id", "company_id")
    def _compute_is_unrouted(self):
        agents = self.team_id._callback_agent_ids()
        for callback in self:
            callback.is_unrouted = (
                callback.state in OPEN_STATES
                and not callback.user_id
                and not agents.get(callback.team_id.id)
            )

    def _search_is_unrouted(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        domain = self._unrouted_domain()
        positive = True in value
        if operator == "not in":
            positive = not positive
        return domain if positive else ~domain

    @api.model
    def _unrouted_domain(self, company=None):
        """Open callbacks with no agent whose team has no active agent (or
        that have no team), of ``company`` (or of any company)."""
        Team = self.env["helpdesk.ticket.team"].sudo().with_context(active_test=False)
        teams = Team.search([("company_id", "in", [company.id, False])] if company else [])
        routed = [tid for tid, ids in teams._callback_agent_ids().items() if ids]
        domain = (
            Domain("state", "in", OPEN_STATES)
            & Domain("user_id", "=", False)
            & (Domain("team_id", "=", False) | Domain("team_id", "not in", routed))
        )
        if company:
            domain &= Domain("company_id", "=", company.id)
        return domain

    @api.depends("state", "planned_date", "deadline", "close_reason", "score", "attempt_ids")
    @api.depends_context("tz", "lang")
    def _compute_next_step(self):
        now = fields.Datetime.now()
        reader_tz = self._reader_tz()
        for callback in self:
            callback.next_step = callback._next_step_text(now, reader_tz)

    def _next_step_text(self, now, reader_tz, deadline_before=None):
        """One line telling the agent what the attempts so far lead to (False
        when there is nothing to tell): the next try and its slot in the
        reader's time (and the customer's when it differs), the deadline
        (moved when it lies after ``deadline_before``), or why it closed."""
        self.ensure_one()
        attempts = self.attempt_ids.sorted(lambda a: (a.attempt_date, a.id))
        if not attempts:
            return False
        if self.close_reason == "unreachable":
            return self.env._("Closed as unreachable after %s attempts.", len(attempts))
        if self.close_reason == "declined":
            return self.env._("Closed: the customer declined the call.")
        if self.close_reason == "hung_up":
            return self.env._(
                "Closed: the customer hung up after answering (score %s).", self.score or "-"
            )
        if self.state not in OPEN_STATES:
            return False
        decision = attempt_policy.evaluate(
            [(a.result, a.slot) for a in attempts], self.company_id._callback_attempt_policy()
        )
        if decision.outcome == attempt_policy.TALKING:
            return self.env._("Connected: record the outcome, then close the callback.")
        if not self.planned_date:
            return False
        customer_tz = self._tz()
        slot = call_window.slot_at(
            self.planned_date, customer_tz, self.company_id._callback_slot_bounds()
        )
        slot_label = dict(
            self.env["customer.callback.attempt"]._fields["slot"]._description_selection(self.env)
        )[slot]
        if decision.used_slots and slot not in decision.used_slots:
            slot_label = self.env._("%s, another slot", slot_label)
        reader_zone = call_window.get_zone(reader_tz)
        sentences = [
            self.env._(
                "Next attempt: %(when)s (%(slot)s).",
                when=f"{call_window.to_local(self.planned_date, reader_zone):%m-%d %H:%M}",
                slot=slot_label,
            )
        ]
        customer_zone = call_window.get_zone(customer_tz)
        if (
            call_window.to_local(now, customer_zone).utcoffset()
            != call_window.to_local(now, reader_zone).utcoffset()
        ):
            sentences.append(
                self.env._(
                    "Customer's time: %(when)s (%(tz)s).",
                    when=f"{call_window.to_local(self.planned_date, customer_zone):%m-%d %H:%M}",
                    tz=customer_tz,
                )
            )
        if self.deadline:
            deadline = f"{self.deadline:%m-%d}"
            if deadline_before and self.deadline > deadline_before:
                sentences.append(self.env._("Deadline moved to %s.", deadline))
            else:
                sentences.append(self.env._("Deadline: %s.", deadline))
        if decision.message_missing:
            sentences.append(
                self.env._(
                    "Leave an SMS or IM message: without it the callback cannot close as "
                    "unreachable."
                )
            )
        return script_tools.join_sentences(sentences)

    def _reader_tz(self):
        """The timezone of the user reading: the context's, else the user's."""
        return self.env.context.get("tz") or self.env.user.tz or "UTC"

    def _window_context(self, company, now, country=None):
        """(windows, holiday checker) of ``company`` around ``now``, for a
        customer of ``country`` (whose holidays decide the window kind)."""
        # two weeks of public holidays: the next window may be after a long holiday
        return company._callback_windows(), company._callback_holiday_checker(
            now.date(), days=14, country=country
        )

    @api.depends_context("tz")
    def _compute_call_window_now(self):
        now = fields.Datetime.now()
        reader_zone = call_window.get_zone(self._reader_tz())
        reader_day = call_window.to_local(now, reader_zone).date()
        per_company = {}
        for callback in self:
            company = callback.company_id
            country = callback.partner_id.country_id
            if (company, country) not in per_company:
                per_company[company, country] = self._window_context(company, now, country)
            windows, is_holiday = per_company[company, country]
            tz_name = callback._tz()
            zone = call_window.get_zone(tz_name)
            local = call_window.to_local(now, zone)
            callback.customer_local_time = (
                f"{local:%H:%M}" if local.date() == reader_day else f"{local:%m-%d %H:%M}"
            )
            is_open = callback.state in OPEN_STATES
            opening = call_window.next_opening(now, tz_name, windows, is_holiday)
            callback.callable_now = is_open and opening == now
            if not is_open or opening == now:
                callback.next_window_note = False
            elif opening is None:
                callback.next_window_note = self.env._(
                    "Outside the call window: no call window is configured."
                )
            else:
                callback.next_window_note = self.env._(
                    "Outside the call window — next window opens at %(customer)s customer "
                    "time (%(tz)s) / %(agent)s your time",
                    customer=self._format_moment(opening, zone, now),
                    tz=tz_name,
                    agent=self._format_moment(opening, reader_zone, now),
                )

    @api.model
    def _format_moment(self, moment, zone, now):
        """HH:MM in ``zone``, with the day when it is not today there."""
        local = call_window.to_local(moment, zone)
        if local.date() == call_window.to_local(now, zone).date():
            return f"{local:%H:%M}"
        return f"{local:%Y-%m-%d %H:%M}"

    def _callable_now_domain(self, now=None, within=None):
        """Open callbacks whose customer is inside a call window at ``now``:
        per company, the timezones with an open window (computed once per
        zone, not per callback); customers without a timezone use the
        company's. ``within`` (callbacks): the domain is only to be applied
        to them, the zones and companies of the others are not looked at."""
        now = now or fields.Datetime.now()
        partner_domain = Domain("tz", "!=", False)
        open_domain = Domain("state", "in", OPEN_STATES)
        if within is not None:
            partner_domain &= Domain("id", "in", within.sudo().partner_id.ids)
            open_domain &= Domain("id", "in", within.ids)
        # the timezones (and countries: their holidays decide the window
        # kind) customers have, a handful, not the 600 zones Odoo offers
        zones_by_country = defaultdict(list)
        for tz, country in (
            self.env["res.partner"]
            .sudo()
            .with_context(active_test=False)
            ._read_group(partner_domain, ["tz", "country_id"])
        ):
            zones_by_country[country].append(tz)
        Country = self.env["res.country"]
        domains = []
        # the companies with open callbacks: one grouped query
        companies = [
            company
            for (company,) in self.sudo()
            .with_context(active_test=False)
            ._read_group(open_domain, ["company_id"])
        ]
        # a company's own calendar is read once, whatever the number of
        # countries it decides for (each read is a resource-calendar
        # computation, most of the cost of a My callbacks request)
        contexts = {}

        def window_context(company, country):
            key = (company, company._callback_holiday_country(country))
            if key not in contexts:
                contexts[key] = self._window_context(company, now, country)
            return contexts[key]

        for company in companies:
            windows, is_holiday = window_context(company, Country)
            # customers without a timezone: the company's, with its holidays
            if call_window.open_zones(now, [company._callback_tz()], windows, is_holiday):
                domains.append(
                    Domain("company_id", "=", company.id) & Domain("partner_id.tz", "=", False)
                )
            for country, zones in zones_by_country.items():
                windows, is_holiday = window_context(company, country or Country)
                open_zones = call_window.open_zones(now, zones, windows, is_holiday)
                if open_zones:
                    domains.append(
                        Domain("company_id", "=", company.id)
                        & Domain("partner_id.tz", "in", sorted(open_zones))
                        & Domain("partner_id.country_id", "=", country.id or False)
                    )
        return Domain("state", "in", OPEN_STATES) & Domain.OR(domains or [Domain.FALSE])

    def _search_callable_now(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        positive = (True in value) == (operator == "in")
        domain = self._callable_now_domain()
        return domain if positive else ~domain

    def _field_to_sql(self, alias, field_expr, query=None):
        # "callable now first": ordering (and grouping) by the computed
        # field, through the same per-timezone domain as its search
        if field_expr == "callable_now":
            subquery = self._search(self._callable_now_domain())
            return SQL("%s IN %s", SQL.identifier(alias, "id"), subquery.subselect())
        return super()._field_to_sql(alias, field_expr, query)

    @api.depends("state", "planned_date", "deadline")
    @api.depends_context("tz")
    def _compute_due_today(self):
        today = fields.Date.context_today(self)
        _start, end = call_window.local_day_bounds(today, self._reader_tz())
        for callback in self:
            callback.due_today = callback.state in OPEN_STATES and bool(
                (callback.planned_date and callback.planned_date < end)
                or (callback.deadline and callback.deadline <= today)
            )

    def _search_due_today(self, operator, value):
        """Today and overdue, in the reader's day: open callbacks planned
        before the end of the reader's today (midnight in the reader's
        timezone, not in UTC), or whose deadline is today or past (the
        reader's date). A customer planned at 01:00 tomorrow (reader's time)
        with tomorrow's deadline is tomorrow's work."""
        if operator not in ("in", "not in"):
            return NotImplemented
        today = fields.Date.context_today(self)
        _start, end = call_window.local_day_bounds(today, self._reader_tz())
        domain = Domain("state", "in", OPEN_STATES) & (
            Domain("planned_date", "<", end) | Domain("deadline", "<=", today)
        )
        positive = (True in value) == (operator == "in")
        return domain if positive else ~domain

    # addons whose values the script reads extend the dependencies by
    # overriding this method (e.g. the sales order in customer_callback_sale)
    @api.depends("script_id", "partner_id", "user_id", "team_id", "company_id")
    @api.depends_context("lang")
    def _compute_script_html(self):
        last_feedback = self._last_feedback_by_partner()
        for callback in self:
            if not callback.script_id:
                callback.script_html = False
                continue
            lang = callback._script_lang()
            values = callback._script_values(last_feedback.get(callback.partner_id.id, ""), lang)
            script = callback.script_id.with_context(lang=lang)
            callback.script_html = Markup(script._render_for(values))

    def _last_feedback_by_partner(self):
        """Latest recorded feedback per customer, one query for the batch."""
        partners = self.partner_id
        if not partners:
            return {}
        rows = self.env["customer.callback"].search_read(
            [
                ("partner_id", "in", partners.ids),
                ("feedback", "!=", False),
                ("state", "=", "done"),
            ],
            ["partner_id", "feedback"],
            order="done_date desc, id desc",
        )
        result = {}
        for row in rows:
            result.setdefault(row["partner_id"][0], row["feedback"])
        return result

    def _script_lang(self):
        """The script is read to the customer: in the customer's language when
        the script is written in it, else in the language it was written in
        (English), never in the agent's language the customer may not speak.
        Without a language on the customer, the agent's."""
        self.ensure_one()
        lang = self.partner_id.lang
        installed = {code for code, _name in self.env["res.lang"].get_installed()}
        if lang not in installed:
            return self.env.lang or "en_US"
        if lang.split("_")[0] == "en":
            return lang
        script = self.script_id
        source = script.with_context(lang="en_US")
        local = script.with_context(lang=lang)
        translated = (local.body, local.closing) != (source.body, source.closing)
        return lang if translated else "en_US"

    def _script_values(self, last_feedback, lang=None):
        self.ensure_one()
        lang = lang or self.env.lang or "en_US"
        partner = self.partner_id
        return {
            "address": script_tools.form_of_address(partner.name, partner.callback_title),
            "surname": script_tools.surname(partner.name),
            "title": partner.callback_title or "",
            "name": partner.name or "",
            # what was bought and when: filled by the addon that knows the
            # purchase (customer_callback_sale extends this method)
            "order_date": "",
            "product": "",
            "last_feedback": last_feedback or "",
            "agent": self.user_id.name or self._script_agent_fallback(lang),
            "company": self.company_id.name or "",
        }

    def _script_agent_fallback(self, lang):
        """Who speaks when the callback has no agent yet: the team, else the
        company's customer service, in the script's language ("this is the
        After-sales team from…", "我是…的售后服务客服"), never an empty name."""
        env = self.with_context(lang=lang).env
        # sudo: the team's name, whatever the reader's access to teams
        team = self.sudo().team_id.with_context(lang=lang)
        if team:
            return env._("the %s team", team.name)
        return env._("customer service")

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    @api.constrains("planned_date", "deadline")
    def _check_dates(self):
        for callback in self:
            if (
                callback.planned_date
                and callback.deadline
                and callback.planned_date.date() > callback.deadline + timedelta(days=1)
            ):
                raise ValidationError(
                    self.env._(
                        "Callback %(name)s is planned after its deadline %(deadline)s.",
                        name=callback.name,
                        deadline=callback.deadline,
                    )
                )

    def _validate_score_value(self, value):
        """Refuse an explicit score outside 1–5 (0 included: it is not a score).

        Empty values (False/None) clear the score."""
        if value is False or value is None:
            return
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
            raise ValidationError(
                self.env._("The score must be a whole number between 1 and 5 (got %s).", value)
            )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        partner_ids = {vals.get("partner_id") for vals in vals_list if vals.get("partner_id")}
        blocked = self.env["res.partner"].browse(partner_ids).filtered("callback_do_not_call")
        if blocked and not self.env.context.get("callback_allow_do_not_call"):
            raise UserError(
                self.env._(
                    "%s asked not to be called: no callback can be created.",
                    ", ".join(blocked.mapped("display_name")),
                )
            )
        for vals in vals_list:
            self._validate_score_value(vals.get("score"))
            self._check_agent_write(vals, create=True)
        # copies: a batch retried after a rollback is numbered again
        vals_list = [dict(vals) for vals in vals_list]
        self._default_rule_scripts(vals_list)
        if not (self.env.su or self.env.context.get("callback_fatigue_checked")):
            # created by a user (form, import, RPC): the planner's cap applies
            self._check_fatigue(vals_list)
        self._number(vals_list)
        pending = self._partner_stats_pending()
        callbacks = super().create(vals_list)
        callbacks._skip_unchanged_partner_stats(pending)
        callbacks.filtered("recording_consent")._log_recording_consent()
        return callbacks

    def _default_rule_scripts(self, vals_list):
        """A callback of a rule, created without a script (survey follow-ups,
        a form, an import), gets its rule's script: no empty script tab."""
        rule_ids = {
            vals["rule_id"] for vals in vals_list if vals.get("rule_id") and "script_id" not in vals
        }
        if not rule_ids:
            return
        # sudo: the rule's script is read for the callback, whoever creates it
        scripts = {
            rule.id: rule.script_id.id
            for rule in self.env["customer.callback.rule"].sudo().browse(rule_ids)
            if rule.script_id
        }
        for vals in vals_list:
            if "script_id" not in vals and scripts.get(vals.get("rule_id")):
                vals["script_id"] = scripts[vals["rule_id"]]

    # The customer's statistics computed from the done and scored callbacks
    # (res.partner._compute_callback_stats).
    _PARTNER_STATS = ("last_callback_date", "callback_satisfaction")

    def _partner_stats_pending(self):
        """The partners whose callback statistics are to be recomputed already."""
        Partner = self.env["res.partner"]
        return {
            name: set(self.env.records_to_compute(Partner._fields[name])._ids)
            for name in self._PARTNER_STATS
        }

    def _skip_unchanged_partner_stats(self, pending):
        """A new callback that is neither done nor scored changes none of its
        customer's statistics: the recomputation its creation queued is
        dropped (it would rewrite the same values on every customer of a
        bulk creation, and their write date). Customers queued before, or
        that also got a done or scored callback, are recomputed as usual;
        the other fields depending on callbacks too.

        Kept for its measured gain (issue #31, ``tests/bench/private_hooks.py``,
        through the environment's public ``records_to_compute`` /
        ``remove_to_compute``): 2,000 callbacks in one ``create()`` for
        customers with 5 done callbacks each took 3.9 s with it and 5.7 s
        without (1.46x; median of 3, 2026-12-07); for new customers without
        history it changes nothing (0.96x at 5,000)."""
        changing = self.filtered(lambda c: c.state == "done" or c.score or c.done_date)
        neutral = self.partner_id - changing.partner_id
        if not neutral:
            return
        for name in self._PARTNER_STATS:
            field = neutral._fields[name]
            queued = neutral.browse(set(neutral._ids) - pending[name])
            if queued:
                self.env.remove_to_compute(field, queued)

    def _check_company(self, fnames=None):
        """The ORM's company check, set-wise: per company and field, the
        distinct linked records are checked once (``_check_company_domain``
        and ``filtered_domain``, as the ORM does) instead of once per
        callback, which is most of the cost of creating callbacks in bulk.
        The callbacks linked to a record of another company are handed to
        the ORM's own check, which raises its usual message.

        Kept for its measured gain (issue #31, ``tests/bench/private_hooks.py``):
        5,000 callbacks in one ``create()`` took 15.3 s with it and 21.7 s
        with the ORM's own check (1.42x; median of 5, 2026-12-07, the same
        queries)."""
        if len(self) < 2:
            return super()._check_company(fnames)
        if fnames is None or {"company_id", "company_ids"} & set(fnames):
            fnames = self._fields
        names, others = [], []
        for name in fnames:
            field = self._fields[name]
            if field.relational and field.check_company:
                (others if field.company_dependent else names).append(name)
        if others:
            super()._check_company(others)
        suspects = self.browse()
        for company, records in self.grouped("company_id").items():
            records = records.sudo()
            for name in names:
                linked = records[name]
                if not linked:
                    continue
                domain = linked._check_company_domain(company)
                if not domain:
                    continue
                wrong = linked - linked.with_context(active_test=False).filtered_domain(domain)
                if wrong:
                    suspects |= records.filtered(lambda record, n=name, w=wrong: record[n] & w)
        if suspects:
            super(CustomerCallback, suspects.with_env(self.env))._check_company(names)
        return None

    _zero_means_unscored = ("score",)

    def _read_group_select(self, aggregate_spec, query):
        select = average_ignoring_zero(self, aggregate_spec, query, self._zero_means_unscored)
        if select is not None:
            return select
        return super()._read_group_select(aggregate_spec, query)

    def write(self, vals):
        if "score" in vals:
            self._validate_score_value(vals["score"])
        self._check_agent_write(vals)
        changed_consent = (
            self.filtered(lambda cb: cb.recording_consent != bool(vals["recording_consent"]))
            if "recording_consent" in vals
            else self.browse()
        )
        result = super().write(vals)
        changed_consent._log_recording_consent()
        return result

    def _log_recording_consent(self):
        """The recording consent ticked or cleared on a call is a line of the
        customer's consent ledger (source: agent)."""
        vals_list = [
            {
                "partner_id": callback.partner_id.id,
                "company_id": callback.company_id.id,
                "purpose": "recording",
                "decision": "given" if callback.recording_consent else "withdrawn",
                "source": "agent",
                "user_id": self.env.user.id,
                "callback_id": callback.id,
                "text": self.env._(
                    "Recording consent on call %(name)s, recorded by %(user)s.",
                    name=callback.name,
                    user=self.env.user.name,
                ),
            }
            for callback in self
            if callback.partner_id
        ]
        if vals_list:
            # the agent records the customer's answer: the ledger itself is
            # not writable by her beyond adding lines
            self.env["customer.callback.consent"].sudo().create(vals_list)

    # --- agents' field guard (issue #15) -------------------------------
    def _check_agent_write(self, vals, create=False):
        """Refuse agents the fields of AGENT_PROTECTED_FIELDS, whatever the
        path (form, RPC, import): state changes go through the action
        methods (``_write_state``), archiving and reassigning are the
        supervisors'. An agent may hand a callback over to a user who may
        work callbacks (or back to the team queue), never to a portal user.
        On create, the values of a new callback are allowed (draft or
        planned, active, not closed)."""
        env = self.env
        if env.su or env.user.has_group(SUPERVISOR_GROUP):
            return
        refused = AGENT_PROTECTED_FIELDS.intersection(vals) - {"user_id"}
        if create:
            refused = {
                name
                for name in refused
                if not (
                    (name == "state" and vals[name] in ("draft", "planned"))
                    or (name == "active" and vals[name])
                    or (name not in ("state", "active") and not vals[name])
                )
            }
        if refused:
            raise AccessError(
                env._(
                    "Only callback supervisors may change %s: use the callback's buttons.",
                    ", ".join(
                        sorted(
                            self._fields[name].get_description(env)["string"] for name in refused
                        )
                    ),
                )
            )
        if vals.get("user_id"):
            user = env["res.users"].sudo().browse(vals["user_id"]).exists()
            companies = self.company_id or env["res.company"].browse(
                vals.get("company_id") or env.company.id
            )
            if not (
                user
                and not user.share
                and user.has_group(AGENT_GROUP)
                and not (companies - user.company_ids)
            ):
                raise AccessError(
                    env._(
                        "A callback can only be handed over to a user who may work callbacks "
                        "of its company."
                    )
                )

    def _write_state(self, vals):
        """Write a state change owned by an action method: the user must be
        allowed to change the callbacks; the agents' field guard is passed."""
        self.check_access("write")
        return self.sudo().write(vals)

    # ------------------------------------------------------------------

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        if self.env.context.get("callback_erase_personal_data") and self.env.is_admin():
            return
        with_history = self.filtered(
            lambda c: c.attempt_ids or c.score or c.state in ("done", "unreachable", "declined")
        )
        if with_history:
            raise UserError(
                self.env._(
                    "Callbacks with attempts, a score or a result are history and cannot "
                    "be deleted; archive them instead: %s",
                    ", ".join(with_history.mapped("name")),
                )
            )

    def copy_data(self, default=None):
        vals_list = super().copy_data(default=default)
        for vals in vals_list:
            vals.setdefault("name", "/")
        return vals_list

    # ------------------------------------------------------------------
    # Sequence
    # ------------------------------------------------------------------

    @api.model
    def _callback_sequence(self, company, day=None):
        """The company's callback sequence (year + month + serial: 202405001),
        with the date range of ``day``'s month when a day is given. "No gap":
        a serial is taken in the transaction that uses it, so a rollback
        gives it back (see ``_callback_names``)."""
        sequence = (
            self.env["ir.sequence"]
            .sudo()
            .search([("code", "=", "customer.callback"), ("company_id", "=", company.id)], limit=1)
        )
        if not sequence:
            sequence = (
                self.env["ir.sequence"]
                .sudo()
                .create(
                    {
                        "name": self.env._("Customer callbacks (%s)", company.name),
                        "code": "customer.callback",
                        "company_id": company.id,
                        "prefix": "%(range_year)s%(range_month)s",
                        "padding": 3,
                        "use_date_range": True,
                        "implementation": "no_gap",
                    }
                )
            )
        if day:
            self._callback_sequence_month(sequence, day)
        return sequence

    @api.model
    def _callback_sequence_month(self, sequence, day):
        """The sequence's date range of ``day``'s month (created when missing:
        ``ir.sequence`` would create a yearly one)."""
        Range = self.env["ir.sequence.date_range"].sudo()
        date_range = Range.search(
            [("sequence_id", "=", sequence.id), ("date_from", "<=", day), ("date_to", ">=", day)],
            limit=1,
        )
        if not date_range:
            date_range = Range.create(
                {
                    "sequence_id": sequence.id,
                    "date_from": day.replace(day=1),
                    "date_to": day.replace(day=calendar.monthrange(day.year, day.month)[1]),
                }
            )
        return date_range

    @api.model
    def _callback_names(self, company, count, day=None):
        """``count`` consecutive references of ``company``'s callbacks in the
        month of ``day`` (default today), reserved at once: the month's
        counter is read under a row lock, moved on by ``count`` through the
        ORM and the references are formatted by the sequence itself
        (``get_next_char``, with the date context keys ``ir.sequence``
        reads). The lock is held until the transaction ends, as for
        ``ir.sequence``'s own "no gap" numbering (``next_by_id``), which
        therefore never hands out the same serial: a rollback gives the
        serials back, a concurrent transaction waits for the commit.

        A sequence an administrator turned back to the standard
        implementation (or without date ranges) is numbered one serial at a
        time through ``next_by_id``."""
        if count <= 0:
            return []
        day = day or fields.Date.context_today(self)
        sequence = self._callback_sequence(company)
        if sequence.implementation != "no_gap" or not sequence.use_date_range:
            return [sequence.next_by_id(sequence_date=day) for _i in range(count)]
        date_range = self._callback_sequence_month(sequence, day)
        first = self._lock_month_counter(date_range)
        step = sequence.number_increment or 1
        date_range.write({"number_next": first + step * count})
        sequence = sequence.with_context(
            ir_sequence_date=day, ir_sequence_date_range=date_range.date_from
        )
        return _format_serials(sequence, [first + step * index for index in range(count)])

    @api.model
    def _lock_month_counter(self, date_range):
        """Lock the month's counter until the transaction ends; its next number."""
        date_range.flush_recordset(["number_next"])
        # SQL: a row lock that waits for the transaction holding it
        # (lock_for_update() skips a locked row and raises instead); a read.
        self.env.cr.execute(
            SQL(
                "SELECT number_next FROM %s WHERE id = %s FOR UPDATE",
                SQL.identifier(date_range._table),
                date_range.id,
            )
        )
        return self.env.cr.fetchone()[0]

    @api.model
    def _lock_callback_numbers(self, companies, day=None):
        """Take the counters of ``companies``' callback month of ``day``
        (default today) for this transaction, in company order: a long
        transaction that will number callbacks (a generation batch) locks
        them first: a callback numbered meanwhile waits for its commit (and
        is retried, as the platform retries any transaction that met a
        concurrent update) instead of making the batch fail."""
        day = day or fields.Date.context_today(self)
        for company in companies.sorted("id"):
            sequence = self._callback_sequence(company)
            if sequence.implementation == "no_gap" and sequence.use_date_range:
                self._lock_month_counter(self._callback_sequence_month(sequence, day))

    @api.model
    def _number(self, vals_list, day=None):
        """Give a reference to the values without one (``name`` missing or
        "/"): per company, one reservation of consecutive serials
        (``_callback_names``). The serial restarts every month (202405001,
        202405002 … 202406001): the sequence has one date range per month.
        Companies are numbered in id order, so two transactions lock their
        months in the same order. The callbacks of the company's sample
        customers (customer.callback.sample) take no serial: they are named
        SAMPLE-001…, and the company's numbering has no gap once the sample
        is removed."""
        day = day or fields.Date.context_today(self)
        by_company = defaultdict(list)
        Sample = self.env["customer.callback.sample"]
        samples = defaultdict(list)
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                company_id = vals.get("company_id") or self.env.company.id
                # a sample customer's callbacks take no serial of the company
                partner_id = vals.get("partner_id")
                if isinstance(partner_id, int) and partner_id in Sample._sample_partner_ids(
                    company_id
                ):
                    samples[company_id].append(vals)
                else:
                    by_company[company_id].append(vals)
        for company_id, company_vals in samples.items():
            for vals, name in zip(
                company_vals, self._sample_names(company_id, len(company_vals)), strict=True
            ):
                vals["name"] = name
        for company_id in sorted(by_company):
            company_vals = by_company[company_id]
            names = self._callback_names(
                self.env["res.company"].browse(company_id), len(company_vals), day
            )
            for vals, name in zip(company_vals, names, strict=True):
                vals["name"] = name

    @api.model
    def _sample_names(self, company_id, count):
        """``count`` references for callbacks of sample customers (SAMPLE-004…):
        outside the company's gapless sequence, numbered after the sample
        callbacks the company has."""
        prefix = self.env._("SAMPLE")
        existing = (
            self.sudo()
            .with_context(active_test=False)
            .search_count([("company_id", "=", company_id), ("name", "=like", f"{prefix}-%")])
        )
        return [sample_data.sample_name(prefix, existing + index + 1) for index in range(count)]

    # ------------------------------------------------------------------
    # Call windows
    # ------------------------------------------------------------------

    def _tz(self):
        self.ensure_one()
        return self.partner_id.tz or self.company_id._callback_tz()

    @api.model
    def _place_in_window(self, company, partner, earliest, avoid_slots=(), is_holiday=None):
        """A datetime at or after ``earliest`` inside the customer's windows."""
        if is_holiday is None:
            is_holiday = company._callback_holiday_checker(
                earliest.date(), country=partner.country_id
            )
        return self._window_place(
            company,
            partner.tz or company._callback_tz(),
            partner._callback_preferred_hour(),
            earliest,
            is_holiday,
            avoid_slots=avoid_slots,
            preferred_days=partner._callback_preferred_weekdays(),
        )

    @api.model
    def _window_place_by_deadline(
        self, company, tz_name, preferred, earliest, is_holiday, deadline, preferred_days
    ):
        """(moment, preference kept): ``_window_place`` for a callback with a
        deadline: the customer's preferences inside it, else the earliest
        window (``call_window.place_by_deadline``)."""
        placed, kept = call_window.place_by_deadline(
            earliest,
            tz_name,
            company._callback_windows(),
            is_holiday,
            deadline=deadline,
            preferred_hour=preferred or None,
            bounds=company._callback_slot_bounds(),
            preferred_days=preferred_days,
        )
        if not placed:
            raise UserError(
                self.env._(
                    "No call window is configured for %s: set the call windows in Settings.",
                    company.name,
                )
            )
        return placed, kept

    @api.model
    def _window_place(
        self, company, tz_name, preferred, earliest, is_holiday, avoid_slots=(), preferred_days=()
    ):
        """The placement in a call window, for one callback or a bulk plan:
        the first moment at or after ``earliest`` (UTC, or aware) inside the
        company's windows in ``tz_name``. Raises when no window exists."""
        placed = call_window.place(
            earliest,
            tz_name,
            company._callback_windows(),
            is_holiday,
            preferred_hour=preferred or None,
            avoid_slots=avoid_slots,
            bounds=company._callback_slot_bounds(),
            preferred_days=preferred_days,
        )
        if not placed:
            raise UserError(
                self.env._(
                    "No call window is configured for %s: set the call windows in Settings.",
                    company.name,
                )
            )
        return placed

    # ------------------------------------------------------------------
    # Planning: the one way callbacks are created by the suite
    # ------------------------------------------------------------------

    @api.model
    def _callback_responsible(self, company, team=None):
        """Who handles what has nobody else: the team leader, else the
        company's callback supervisor, else the administrator."""
        return (
            (team and team.user_id)
            or company.callback_supervisor_id
            or self.env.ref("base.user_admin")
        )

    @api.model
    def _plan_callbacks(self, vals_list, fatigue_exempt=False, today=None):
        """Create planned callbacks: the entry point of every creator (the
        generator, complaint follow-ups, spot-checks, survey follow-ups and
        calls replacing a survey).

        ``vals_list`` holds field values; besides fields, a ``plan_start``
        date means "not before that day in the customer's timezone". Per
        company, in order:

        - placement in the customer's call window, at or after
          ``planned_date`` (or now); the deadline is not before the planned day;
        - the responsible when no ``user_id`` is given (team leader, else
          supervisor, else administrator);
        - the callbacks a customer already has for the same rule and period
          key are left out (the unique index stays the last guard);
        - the contact-fatigue cap, unless ``fatigue_exempt`` (the SOP demands
          the call) or the rule ignores fatigue;
        - numbering and ``create()`` in batches (``tools.bulk``).

        Returns the created callbacks."""
        today = today or fields.Date.context_today(self)
        now = fields.Datetime.now()
        by_company = defaultdict(list)
        for vals in vals_list:
            vals = dict(vals)
            vals.setdefault("company_id", self.env.company.id)
            by_company[vals["company_id"]].append(vals)
        accepted = []
        for company_id, company_vals in by_company.items():
            company = self.env["res.company"].browse(company_id)
            company_vals = self._plan_with_consent(company_vals)
            placed = self._plan_place(company, company_vals, today, now)
            placed = self._plan_without_existing(placed)
            if not fatigue_exempt:
                placed, refused = self._fatigue_split(company, placed)
                # a rule's callback the cap refuses on every day up to its
                # deadline is recorded as not made (issue #30), never silently
                # dropped: closed with the reason, it is not planned again
                placed += self._fatigue_closed(company, refused, now, placed)
            accepted += placed
        if not accepted:
            return self.browse()
        set_aside = {
            (vals["partner_id"], vals.get("rule_id") or False, vals.get("period_key") or False)
            for vals in accepted
            if vals.pop(PREFERENCE_SET_ASIDE, False) and vals.get("state") != "cancelled"
        }
        # numbered by create(), batch by batch: a batch rolled back gives its
        # serials back (tools.bulk)
        callbacks = bulk.create_in_batches(
            self.with_context(callback_fatigue_checked=True), accepted
        ).with_env(self.env)
        if set_aside:
            callbacks.filtered(
                lambda c: (c.partner_id.id, c.rule_id.id, c.period_key or False) in set_aside
            )._log_preference_set_aside()
        return callbacks

    def _log_preference_set_aside(self):
        """Say on each callback that the customer's preferred days and time
        could not be met before its deadline (issue #30), in the language of
        its agent."""
        bodies = {}
        for callback in self:
            company = callback.company_id
            env = callback.with_context(
                lang=callback.user_id.lang or company.partner_id.lang or self.env.lang
            ).env
            bodies[callback.id] = env._(
                "The customer's preferred days and time could not be met before the deadline "
                "(%(deadline)s): planned at the earliest call window instead, %(moment)s.",
                deadline=format_date(env, callback.deadline),
                moment=call_window.format_local(callback.planned_date, callback._tz()),
            )
        self._message_log_batch(bodies=bodies)

    def _plan_place(self, company, vals_list, today, now):
        # the customer's country decides which days are holidays for the call
        # windows: one checker per country (the company's own calendar for
        # customers of its holiday country)
        holiday_checkers = {}
        company_tz = company._callback_tz()
        partners = self.env["res.partner"].browse({vals["partner_id"] for vals in vals_list})
        partners.fetch(["tz", "callback_preferred_time", "callback_preferred_days", "country_id"])
        teams = self.env["helpdesk.ticket.team"]
        # Placement depends only on (timezone, start, preferred time):
        # computed once per distinct combination, not once per callback.
        placements = {}
        for vals in vals_list:
            partner = partners.browse(vals["partner_id"])
            tz_name = partner.tz or company_tz
            preferred = partner.callback_preferred_time or None
            days = partner._callback_preferred_weekdays()
            start = vals.pop("plan_start", None)
            earliest = max(vals.get("planned_date") or now, now)
            country = partner.country_id
            if country == company.callback_holiday_country_id:
                country = country.browse()
            if country.id not in holiday_checkers:
                holiday_checkers[country.id] = company._callback_holiday_checker(
                    today, country=country
                )
            is_holiday = holiday_checkers[country.id]
            deadline = fields.Date.to_date(vals.get("deadline")) or None
            key = (tz_name, start or earliest, preferred, days, country.id, deadline)
            if key not in placements:
                zone = call_window.get_zone(tz_name)
                moment = call_window.to_local(earliest, zone)
                if start:
                    moment = max(datetime.combine(start, time.min, tzinfo=zone), moment)
                planned, kept = self._window_place_by_deadline(
                    company, tz_name, preferred, moment, is_holiday, deadline, days
                )
                placements[key] = (planned, call_window.to_local(planned, zone).date(), kept)
            planned, planned_day, kept = placements[key]
            if not kept:
                # the customer's preferred days/time set aside for the deadline
                # (said on the callback once it exists, _plan_callbacks)
                vals[PREFERENCE_SET_ASIDE] = True
            vals["planned_date"] = planned
            vals["deadline"] = max(vals.get("deadline") or planned_day, planned_day)
            vals.setdefault("state", "planned")
            if "user_id" not in vals:
                team = teams.browse(vals.get("team_id") or [])
                vals["user_id"] = self._callback_responsible(company, team).id
        return vals_list

    def _plan_with_consent(self, vals_list):
        """The values whose customer may be contacted by their channel: no
        callback by a channel the customer withdrew (consent ledger)."""
        partners = self.env["res.partner"].browse({vals["partner_id"] for vals in vals_list})
        consents = partners._callback_consents()
        return [
            vals
            for vals in vals_list
            if consents[vals["partner_id"]].may_contact(
                vals.get("channel") or self._fields["channel"].default(self)
            )
        ]

    def _plan_without_existing(self, vals_list):
        keyed = [v for v in vals_list if v.get("rule_id") and v.get("period_key")]
        if not keyed:
            return vals_list
        existing = {
            (cb.partner_id.id, cb.rule_id.id, cb.period_key)
            for cb in self.sudo()
            .with_context(active_test=False)
            .search_fetch(
                [
                    ("partner_id", "in", list({v["partner_id"] for v in keyed})),
                    ("rule_id", "in", list({v["rule_id"] for v in keyed})),
                    ("period_key", "in", list({v["period_key"] for v in keyed})),
                ],
                ["partner_id", "rule_id", "period_key"],
            )
        }
        result = []
        for vals in vals_list:
            if vals.get("rule_id") and vals.get("period_key"):
                ident = (vals["partner_id"], vals["rule_id"], vals["period_key"])
                if ident in existing:
                    continue
                existing.add(ident)
            result.append(vals)
        return result

    @api.model
    def _check_callback_supervisor(self):
        """Refuse a user who is not a callback supervisor (the reports, the
        terms, the spot-checks: supervisors' screens and exports)."""
        if not self.env.user.has_group("customer_callback.customer_callback_group_supervisor"):
            raise AccessError(self.env._("Only callback supervisors may do this."))

    @api.model
    def _customer_words_fields(self):
        """The callback's fields that hold the customer's own words, read by
        the high-frequency terms (customer_callback_term): the feedback and
        the needs (a hook: customer_callback_spot_check adds the praise)."""
        return ("feedback", "needs")

    @api.model
    def _fatigue_free_segments(self):
        """The segments whose callbacks never count toward the contact-fatigue
        cap (a hook: customer_callback_spot_check adds the spot-checks)."""
        return cadence.FATIGUE_FREE_SEGMENTS

    @api.model
    def _fatigue_counting_domain(self, path=""):
        """The callbacks that count toward the contact-fatigue cap, as a
        domain (``path``: the way to the callback, e.g. ``"callback_id."``):
        ``cadence.counts_toward_fatigue``, the one definition, for a search."""
        return Domain(f"{path}segment", "not in", list(self._fatigue_free_segments())) & (
            Domain(f"{path}rule_id", "=", False)
            | Domain(f"{path}rule_id.ignore_fatigue", "=", False)
        )

    def _counts_toward_fatigue(self):
        self.ensure_one()
        return cadence.counts_toward_fatigue(
            self.segment, self.rule_id.ignore_fatigue, self._fatigue_free_segments()
        )

    @api.model
    def _fatigue_local_day(self, moment, tz_name):
        """The day of ``moment`` (naive UTC) where the customer lives: the
        contact-fatigue cap counts the customer's days, not UTC's."""
        return call_window.to_local(moment, call_window.get_zone(tz_name)).date()

    def _fatigue_contact_days(self, partner_ids, low, high):
        """The customers' local days in [low, high) (dates) of their
        callbacks that count toward the cap (``_fatigue_counting_domain``),
        per partner id: a callback counts on the day of its first attempt
        (the contact made, issue #30), one not attempted yet on its planned
        day (cancelled ones without an attempt never count)."""
        callbacks = self.sudo().with_context(active_test=False)
        existing = defaultdict(list)
        for partner, company, dates in callbacks._read_group(
            Domain(
                [
                    ("partner_id", "in", list(partner_ids)),
                    ("state", "!=", "cancelled"),
                    ("attempt_ids", "=", False),
                    # a local day lies within a day of the UTC one
                    ("planned_date", ">=", low - timedelta(days=1)),
                    ("planned_date", "<", high + timedelta(days=1)),
                ]
            )
            & self._fatigue_counting_domain(),
            ["partner_id", "company_id"],
            ["planned_date:array_agg"],
        ):
            tz_name = partner.tz or (company or self.env.company)._callback_tz()
            days = (self._fatigue_local_day(moment, tz_name) for moment in dates if moment)
            existing[partner.id].extend(day for day in days if low <= day < high)
        for partner_id, days in self._fatigue_first_attempt_days(partner_ids, low, high).items():
            existing[partner_id].extend(days)
        return existing

    def _fatigue_first_attempt_days(self, partner_ids, low, high):
        """The customers' local days in [low, high) (dates) of their
        contacts: the first attempt of each of their callbacks that count
        toward the cap (``_fatigue_counting_domain``), per partner id."""
        domain = Domain(
            [
                ("callback_id.partner_id", "in", list(partner_ids)),
                # a local day lies within a day of the UTC one
                ("attempt_date", "<", high + timedelta(days=1)),
            ]
        ) & self._fatigue_counting_domain("callback_id.")
        days = defaultdict(list)
        for callback, first in (
            self.env["customer.callback.attempt"]
            .sudo()
            .with_context(active_test=False)
            ._read_group(
                domain,
                ["callback_id"],
                ["attempt_date:min"],
                having=[("attempt_date:min", ">=", low - timedelta(days=1))],
            )
        ):
            day = self._fatigue_local_day(first, callback._tz())
            if low <= day < high:
                days[callback.partner_id.id].append(day)
        return days

    def _fatigue_held_back(self, now):
        """{callback: the first day the cap allows its call} for the
        callbacks of ``self`` whose call at ``now`` (their first attempt: a
        new contact) would give their customer more contacts than the
        company's contact-fatigue cap in the trailing period, counted by
        first attempts (issue #30), on the customer's local days. Only the
        callbacks that count toward the cap (``cadence.counts_toward_fatigue``:
        not a spot-check, not the customer's own request, not of a rule that
        ignores fatigue) are held back."""
        candidates = self.sudo().filtered(
            lambda c: c.state in OPEN_STATES
            and c.partner_id
            and c._counts_toward_fatigue()
            and c.company_id.callback_fatigue_max
        )
        if not candidates:
            return {}
        attempted = {
            callback.id
            for (callback,) in self.env["customer.callback.attempt"]
            .sudo()
            ._read_group([("callback_id", "in", candidates.ids)], ["callback_id"])
        }
        candidates = candidates.filtered(lambda c: c.id not in attempted)
        if not candidates:
            return {}
        period = max(max(candidates.company_id.mapped("callback_fatigue_days")), 1)
        # the customer's day at ``now``: after his midnight, yesterday's calls are yesterday's
        days = {c.id: self._fatigue_local_day(now, c._tz()) for c in candidates}
        contacts = self._fatigue_first_attempt_days(
            set(candidates.partner_id.ids),
            min(days.values()) - timedelta(days=period),
            max(days.values()) + timedelta(days=1),
        )
        held = {}
        for callback in candidates:
            company = callback.company_id
            day = days[callback.id]
            first = cadence.fatigue_first_call_day(
                contacts[callback.partner_id.id],
                day,
                company.callback_fatigue_max,
                company.callback_fatigue_days,
            )
            if first > day:
                held[self.browse(callback.id)] = first
        return held

    def _check_fatigue_at_call(self):
        """Refuse a call that would contact the customer beyond the
        contact-fatigue cap, naming the first day it may be made."""
        held = self._fatigue_held_back(fields.Datetime.now())
        if not held:
            return
        callback, first = next(iter(held.items()))
        company = callback.sudo().company_id
        raise UserError(
            self.env._(
                "%(callback)s: calling %(customer)s now would contact the customer more than "
                "%(cap)s times within %(days)s days (contact-fatigue cap, Settings > "
                "Callbacks). The call may be made from %(day)s on.",
                callback=callback.name,
                customer=callback.partner_id.display_name,
                cap=company.callback_fatigue_max,
                days=company.callback_fatigue_days,
                day=format_date(self.env, first),
            )
        )

    @api.model
    def _fatigue_capped_partners(self, company, partner_ids, day):
        """The customers the contact-fatigue cap would refuse a callback on ``day``."""
        cap, days = company.callback_fatigue_max, company.callback_fatigue_days
        if not cap or not partner_ids:
            return set()
        existing = self._fatigue_contact_days(
            partner_ids, day - timedelta(days=days), day + timedelta(days=days + 1)
        )
        return {
            partner_id
            for partner_id, dates in existing.items()
            if not cadence.fatigue_allows(dates, day, cap, days)
        }

    def _fatigue_split(self, company, vals_list):
        """(accepted, refused) values of ``vals_list`` (with a datetime
        ``planned_date`` each) under ``company``'s contact-fatigue cap, the
        callbacks the customers already have and the accepted ones before
        them counted."""
        cap, days = company.callback_fatigue_max, company.callback_fatigue_days
        if not cap or not vals_list:
            return vals_list, []
        rule_ids = {vals["rule_id"] for vals in vals_list if vals.get("rule_id")}
        exempt = set(
            self.env["customer.callback.rule"]
            .sudo()
            .browse(rule_ids)
            .filtered("ignore_fatigue")
            .ids
        )
        # each callback on the customer's local day
        company_tz = company._callback_tz()
        tz_of = {
            partner.id: partner.tz or company_tz
            for partner in self.env["res.partner"]
            .sudo()
            .browse({vals["partner_id"] for vals in vals_list})
        }
        planned_days = [
            self._fatigue_local_day(vals["planned_date"], tz_of[vals["partner_id"]])
            for vals in vals_list
        ]
        existing = self._fatigue_contact_days(
            {vals["partner_id"] for vals in vals_list},
            min(planned_days) - timedelta(days=days),
            max(planned_days) + timedelta(days=days + 1),
        )
        accepted, refused = [], []
        free = self._fatigue_free_segments()
        for vals, day in zip(vals_list, planned_days, strict=True):
            dates = existing[vals["partner_id"]]
            ignores = vals.get("rule_id") in exempt
            if ignores or cadence.fatigue_allows(dates, day, cap, days):
                if cadence.counts_toward_fatigue(vals.get("segment", "other"), ignores, free):
                    dates.append(day)
                accepted.append(vals)
            else:
                refused.append(vals)
        return accepted, refused

    def _fatigue_closed(self, company, refused, now, accepted=()):
        """The values of the rules' callbacks in ``refused`` (by the cap)
        that no day up to their deadline would accept, as callbacks closed
        with the reason ``fatigue``; the others are left for a later day
        (the generator offers them again while they are due). ``accepted``:
        the values accepted with them, counted as the customers' callbacks."""
        refused = [vals for vals in refused if vals.get("rule_id") and vals.get("deadline")]
        if not refused:
            return []
        cap, period = company.callback_fatigue_max, company.callback_fatigue_days
        company_tz = company._callback_tz()
        partners = self.env["res.partner"].sudo().browse({vals["partner_id"] for vals in refused})
        tz_of = {partner.id: partner.tz or company_tz for partner in partners}
        ignoring = set(
            self.env["customer.callback.rule"]
            .sudo()
            .browse({vals["rule_id"] for vals in accepted if vals.get("rule_id")})
            .filtered("ignore_fatigue")
            .ids
        )
        free = self._fatigue_free_segments()
        spans = [
            (
                self._fatigue_local_day(vals["planned_date"], tz_of[vals["partner_id"]]),
                fields.Date.to_date(vals["deadline"]),
            )
            for vals in refused
        ]
        existing = self._fatigue_contact_days(
            set(tz_of),
            min(first for first, _last in spans) - timedelta(days=period),
            max(last for _first, last in spans) + timedelta(days=period + 1),
        )
        for vals in accepted:
            if vals["partner_id"] in tz_of and cadence.counts_toward_fatigue(
                vals.get("segment", "other"), vals.get("rule_id") in ignoring, free
            ):
                existing[vals["partner_id"]].append(
                    self._fatigue_local_day(vals["planned_date"], tz_of[vals["partner_id"]])
                )
        closed = []
        for vals, (first, last) in zip(refused, spans, strict=True):
            if cadence.fatigue_first_allowed_day(
                existing[vals["partner_id"]], first, last, cap, period
            ):
                continue
            closed.append(
                dict(
                    vals,
                    state="cancelled",
                    close_reason="fatigue",
                    done_date=now,
                    remarks=self.env._(
                        "Not made: the customer reached the contact-fatigue cap (%(cap)s "
                        "callbacks within %(days)s days, Settings > Callbacks) on every day "
                        "up to its deadline.",
                        cap=cap,
                        days=period,
                    ),
                )
            )
        return closed

    def _check_fatigue(self, vals_list):
        """The contact-fatigue cap for callbacks a user creates or plans
        (form, import, RPC): a callback that would go beyond it is refused
        with the customers, the cap and the way out. Callbacks without a
        planned date are checked when they are planned; cancelled ones
        never count."""
        by_company = defaultdict(list)
        for vals in vals_list:
            if not vals.get("planned_date") or vals.get("state") == "cancelled":
                continue
            if not vals.get("partner_id"):
                continue
            vals = dict(vals, planned_date=fields.Datetime.to_datetime(vals["planned_date"]))
            by_company[vals.get("company_id") or self.env.company.id].append(vals)
        for company_id, company_vals in by_company.items():
            message = self._fatigue_refusal(company_id, company_vals)
            if message:
                raise UserError(message)

    def _fatigue_refusal(self, company_id, vals_list):
        """Why the cap refuses some of ``vals_list`` (planned datetimes), or None."""
        company = self.env["res.company"].sudo().browse(company_id)
        _accepted, refused = self._fatigue_split(company, vals_list)
        if not refused:
            return None
        partners = (
            self.env["res.partner"]
            .sudo()
            .browse(dict.fromkeys(vals["partner_id"] for vals in refused))
        )
        return self.env._(
            "%(customers)s would get more than %(cap)s callbacks within %(days)s "
            "days (contact-fatigue cap, Settings > Callbacks). Plan the callback "
            "on another day, or cancel one of the customer's callbacks of that "
            "period.",
            customers=", ".join(partners.mapped("display_name")),
            cap=company.callback_fatigue_max,
            days=company.callback_fatigue_days,
        )

    @api.onchange("partner_id", "planned_date")
    def _onchange_fatigue_warning(self):
        """Tell the user in the form, before saving, that the cap refuses it."""
        if self.env.su or self._origin or not (self.partner_id and self.planned_date):
            return None
        message = self._fatigue_refusal(
            self.company_id.id or self.env.company.id,
            [
                {
                    "partner_id": self.partner_id.id,
                    "rule_id": self.rule_id.id,
                    "planned_date": self.planned_date,
                }
            ],
        )
        if message:
            return {"warning": {"title": self.env._("Contact-fatigue cap"), "message": message}}
        return None

    def _is_in_window(self, moment):
        self.ensure_one()
        company = self.company_id
        return call_window.is_in_window(
            moment,
            self._tz(),
            company._callback_windows(),
            company._callback_holiday_checker(
                moment.date(), days=2, country=self.partner_id.country_id
            ),
        )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_plan(self):
        """Draft -> planned, in the next call window when no date is set."""
        now = fields.Datetime.now()
        for callback in self:
            if callback.state != "draft":
                raise UserError(self.env._("Only draft callbacks can be planned."))
            vals = {"state": "planned"}
            if not callback.planned_date or not callback._is_in_window(callback.planned_date):
                vals["planned_date"] = self._place_in_window(
                    callback.company_id, callback.partner_id, max(callback.planned_date or now, now)
                )
            if not callback.deadline:
                vals["deadline"] = (vals.get("planned_date") or callback.planned_date).date()
            if not (callback.planned_date or self.env.su):
                # a draft without a date did not count yet: it does from now on
                self._check_fatigue(
                    [
                        {
                            "partner_id": callback.partner_id.id,
                            "company_id": callback.company_id.id,
                            "rule_id": callback.rule_id.id,
                            "planned_date": vals["planned_date"],
                        }
                    ]
                )
            callback._write_state(vals)
        return True

    def action_start(self):
        # a withdrawn customer's call says why it cannot start, even cancelled
        self._check_contact_consent()
        self._check_fatigue_at_call()
        self.filtered(lambda c: c.state in ("draft", "planned"))._write_state(
            {"state": "in_progress"}
        )
        return True

    def action_log_attempt(self):
        """One-click attempt result from the form: context key ``attempt_result``."""
        result = self.env.context.get("attempt_result")
        if result not in attempt_policy.RESULTS:
            raise UserError(self.env._("Unknown attempt result: %s", result))
        self._check_contact_consent()
        self._check_open()
        self._check_fatigue_at_call()
        now = fields.Datetime.now()
        deadlines = {callback.id: callback.deadline for callback in self}
        attempts = self.env["customer.callback.attempt"].create(
            [
                {
                    "callback_id": callback.id,
                    "result": result,
                    "attempt_date": now,
                    "channel": callback.channel,
                }
                for callback in self
            ]
        )
        # what happens next, one line per callback, in the agent's time
        reader_tz = self._reader_tz()
        lines = []
        for callback in self:
            line = callback._next_step_text(now, reader_tz, deadlines[callback.id])
            if line:
                lines.append(line if len(self) == 1 else f"{callback.name}: {line}")
        outside = attempts.filtered(lambda a: not a.in_window)
        if outside:
            lines.insert(
                0,
                self.env._(
                    "This attempt was logged outside the customer's call windows: "
                    "customers must not be called outside them."
                ),
            )
        if not lines:
            return True
        # the lines say what happened: no title (see tools/notification.py);
        # then the form reloads its record, as after a button returning
        # nothing (a soft_reload would rebuild the view, losing a tab the
        # agent opened meanwhile)
        return notification.toast(
            "\n".join(lines),
            kind="warning" if outside else "info",
            next_action={"type": "ir.actions.act_window_close"},
        )

    def _check_contact_consent(self, channels=None):
        """Refuse to call (or message) a customer who withdrew his consent to
        be contacted by the callback's channel, or by ``channels[callback]``
        when given ({callback id: channels}, an attempt's own channel): the
        customer's say, from his consent ledger, is read at the moment of the
        call."""
        callbacks = self.filtered("partner_id")
        if not callbacks:
            return
        consents = callbacks.partner_id._callback_consents()
        channel_labels = dict(self._fields["channel"]._description_selection(self.env))
        for callback in callbacks:
            for channel in sorted((channels or {}).get(callback.id) or {callback.channel}):
                if not consents[callback.partner_id.id].may_contact(channel):
                    raise UserError(
                        self.env._(
                            "%(customer)s withdrew his consent to be contacted by "
                            "%(channel)s: callback %(callback)s cannot be made.",
                            customer=callback.partner_id.display_name,
                            channel=channel_labels.get(channel, channel),
                            callback=callback.name,
                        )
                    )

    def _check_open(self):
        closed = self.filtered(lambda c: c.state in CLOSED_STATES)
        if closed:
            raise UserError(
                self.env._("Callback %s is already closed.", ", ".join(closed.mapped("name")))
            )

    def action_done(self):
        self._check_open()
        self._check_closable()
        now = fields.Datetime.now()
        for callback in self:
            if (
                callback.company_id.callback_require_summary
                and not (callback.summary or "").strip()
            ):
                raise UserError(
                    self.env._(
                        "Write a content summary of callback %s before closing it.", callback.name
                    )
                )
        self._write_state({"state": "done", "done_date": now, "close_reason": "completed"})
        self._after_done()
        return True

    def _check_closable(self):
        """Hook: refuse to close ``self`` as done when a capability asks for
        more first (customer_callback_spot_check: a spot-check's score)."""
        return True

    def _after_done(self):
        """Hook: callbacks just closed as done (follow-ups are generated)."""
        self.env["customer.callback.generator"].sudo()._generate_for_partners(
            self.partner_id.ids, triggers=("callback_done", "feedback")
        )

    def action_cancel(self):
        self._check_open()
        self._write_state(
            {"state": "cancelled", "done_date": fields.Datetime.now(), "close_reason": "manual"}
        )
        return True

    def action_reopen(self):
        """Back to planned, in the next window (a closed callback was closed too
        early): supervisors only, a closed callback is the agent's result."""
        if not (self.env.su or self.env.user.has_group(SUPERVISOR_GROUP)):
            raise AccessError(self.env._("Only callback supervisors may reopen a callback."))
        for callback in self:
            if callback.state not in CLOSED_STATES:
                continue
            planned = self._place_in_window(
                callback.company_id, callback.partner_id, fields.Datetime.now()
            )
            callback._write_state(
                {
                    "state": "planned",
                    "planned_date": planned,
                    "deadline": max(callback.deadline or planned.date(), planned.date()),
                    "done_date": False,
                    "close_reason": False,
                }
            )
        return True

    def action_create_ticket(self):
        """Turn what the customer raised into a helpdesk ticket, keeping the link.

        The ticket is routed by its category as complaints are (the
        category's team and owner, not the agent who called), and its
        deadline is the reply promised to the customer."""
        self.ensure_one()
        missing = []
        if not self.problem_category_id:
            missing.append(self._fields["problem_category_id"].get_description(self.env)["string"])
        if not self.promised_date:
            missing.append(self._fields["promised_date"].get_description(self.env)["string"])
        if missing:
            raise UserError(
                self.env._(
                    "Fill in %s on the Outcome tab before creating a ticket: the ticket is "
                    "routed by its category and due by the promised reply.",
                    ", ".join(missing),
                )
            )
        description = Markup("<p>%s</p>") % (
            self.feedback or self.summary or self.env._("Raised during callback %s", self.name)
        )
        category = self.problem_category_id
        self.check_access("write")
        team, owner, target = self._ticket_routing(category)
        # Routed to another team, the ticket may be one the agent is not
        # allowed to create (helpdesk_mgmt's "own tickets" rule): it is
        # created as superuser and the agent follows it, as for spot-check
        # complaints.
        ticket = (
            self.env["helpdesk.ticket"]
            .sudo()
            .create(
                {
                    "name": self._ticket_title(),
                    "description": description,
                    "partner_id": self.partner_id.id,
                    "partner_name": self.partner_id.name,
                    "partner_email": self.partner_id.email,
                    "company_id": self.company_id.id,
                    "origin_callback_id": self.id,
                    "category_id": category.id,
                    "team_id": team.id or False,
                    "user_id": owner.id or False,
                    "promised_reply_date": self.promised_date,
                }
            )
        )
        ticket.message_subscribe(partner_ids=self.env.user.partner_id.ids)
        if target == assignment.NOBODY:
            ticket.message_post(
                body=self.env._(
                    "Nobody owns this ticket: category %s has no owner, its team and the "
                    "default callback team have no active agent, and no callback supervisor "
                    "is set. Assign it by hand, and set them in Settings.",
                    category.display_name,
                ),
                subtype_xmlid="mail.mt_note",
            )
        values = {}
        if not self.problem_status:
            values["problem_status"] = "pending"
        if values:
            self.write(values)
        self.message_post(
            body=Markup(self.env._("Ticket %s created from this callback."))
            % ticket._get_html_link()
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "helpdesk.ticket",
            "res_id": ticket.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

    def _ticket_title(self):
        """The title of a ticket raised from this callback: the problem in the
        customer's words (first line of the feedback), else the first line of
        the content summary, never the next action planned after the call."""
        self.ensure_one()
        for text in (self.feedback, self.summary):
            line = next((ln.strip() for ln in (text or "").splitlines() if ln.strip()), "")
            if line:
                return line if len(line) <= 80 else line[:79].rstrip() + "…"
        return self.env._("Problem raised during callback %s", self.name)

    def _ticket_routing(self, category):
        """(team, owner, target) of a ticket raised from this callback about
        ``category``: the category's owner and team; without an owner, an
        agent of the category's team, else of the default callback team
        (balanced by open tickets), else the callback supervisor, else nobody
        (``target``: ``tools.assignment`` NOBODY). The ticket stays in the
        category's team (else the callback's) unless the default team takes
        it."""
        self.ensure_one()
        category = category.sudo()
        company = self.company_id
        team = category.routing_team_id or self.sudo().team_id
        if category.routing_user_id:
            return team, category.routing_user_id, assignment.TEAM
        agents, default, supervisor = company._callback_route_info(category.routing_team_id)
        candidates = [uid for ids in agents.values() for uid in ids]
        loads = dict(
            (user.id, count)
            for user, count in self.env["helpdesk.ticket"]
            .sudo()
            ._read_group(
                [("user_id", "in", candidates), ("stage_id.closed", "=", False)],
                ["user_id"],
                ["__count"],
            )
        )
        routing_team = category.routing_team_id
        target, team_id, users = assignment.route(
            1,
            (routing_team.id, agents[routing_team.id]) if routing_team else None,
            default,
            supervisor,
            loads,
        )
        if target == assignment.DEFAULT_TEAM:
            team = team.browse(team_id)
        return team, self.env["res.users"].browse(users[0]), target

    def action_view_raised_tickets(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Raised tickets"),
            "res_model": "helpdesk.ticket",
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": [("origin_callback_id", "=", self.id)],
            "context": {
                "default_origin_callback_id": self.id,
                "default_partner_id": self.partner_id.id,
            },
        }

    def action_handover(self):
        """Hand what was found to another department: an activity on this callback."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Hand over"),
            "res_model": "mail.activity.schedule",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "active_model": self._name,
                "active_id": self.id,
                "active_ids": self.ids,
                "default_res_model": self._name,
                "default_res_ids": str(self.ids),
                "default_summary": (self.next_action or self.env._("Customer feedback"))[:100],
                "default_note": Markup("<p>%s</p>") % (self.feedback or self.summary or ""),
            },
        }

    # ------------------------------------------------------------------
    # Attempt policy
    # ------------------------------------------------------------------

    def _apply_attempt_policy(self):
        """Update state, score and the next attempt from the attempts so far."""
        now = fields.Datetime.now()
        for callback in self:
            if callback.state in CLOSED_STATES:
                continue
            company = callback.company_id
            attempts = callback.attempt_ids.sorted(lambda a: (a.attempt_date, a.id))
            decision = attempt_policy.evaluate(
                [(a.result, a.slot) for a in attempts], company._callback_attempt_policy()
            )
            if decision.outcome == attempt_policy.DONE:
                callback._write_state(
                    {
                        "state": "done",
                        "score": callback.score or decision.score,
                        "done_date": now,
                        "close_reason": "hung_up",
                    }
                )
                callback._after_done()
            elif decision.outcome in (attempt_policy.UNREACHABLE, attempt_policy.DECLINED):
                callback._write_state(
                    {
                        "state": decision.outcome,
                        "score": False,
                        "done_date": now,
                        "close_reason": decision.outcome,
                    }
                )
            elif decision.outcome == attempt_policy.TALKING:
                if callback.state != "in_progress":
                    callback._write_state({"state": "in_progress"})
            else:
                earliest = now + timedelta(hours=company.callback_retry_gap_hours)
                next_try = self._place_in_window(
                    company, callback.partner_id, earliest, avoid_slots=decision.used_slots
                )
                vals = {"state": "in_progress", "planned_date": next_try}
                if callback.deadline and next_try.date() > callback.deadline:
                    vals["deadline"] = next_try.date()
                callback._write_state(vals)
                if decision.message_missing:
                    callback.message_post(
                        body=callback._message_missing_note(), subtype_xmlid="mail.mt_note"
                    )

    def _message_missing_note(self):
        """The note asking the agent for an SMS or IM message after every
        attempt failed (a hook: ``customer_callback_portal`` gives the
        customer's personal link to put in the message)."""
        self.ensure_one()
        return self.env._(
            "All call attempts failed: leave an SMS or IM message before the callback can "
            "close as unreachable."
        )

    # ------------------------------------------------------------------
    # Scheduled action: overdue callbacks
    # ------------------------------------------------------------------

    @api.model
    def _cron_close_stale_callbacks(self, batch_size=1000):
        """Expire the long overdue callbacks, then bring the team leaders'
        overdue digests of the day up to date.

        The expiry runs in batches (``_close_stale_batch``), each committed;
        it selects only what is still to do and locks the rows it takes, so
        a second run does nothing twice. The digests are one step (a few
        grouped queries whatever the backlog). One run at a time: each batch
        takes a transaction-level advisory lock, a run that cannot get it
        stops, the run holding it finishes the work (the digests are then
        counted after every expiry committed). A batch that meets a
        concurrent commit is rolled back and retried in a new transaction."""
        today = fields.Date.context_today(self)
        Cron = self.env["ir.cron"]
        time_left = [True]

        def commit(done, remaining):
            time_left[0] = Cron._commit_progress(done, remaining=remaining)
            return time_left[0]

        def retrying(error, attempt):
            _logger.info(
                "Overdue callbacks: batch rolled back after a concurrent commit (%s, attempt %s); "
                "retrying.",
                type(error).__name__,
                attempt,
            )

        for step in (
            self._fatigue_postpone_step,
            self._close_stale_batch,
            self._escalate_overdue_step,
        ):
            batches.run_batches(
                lambda step=step: step(batch_size=batch_size, today=today),
                commit,
                self.env.cr.rollback,
                retried=RETRIED_ERRORS,
                on_retry=retrying,
            )
            if not time_left[0]:
                break

    def _stale_expiry_domain(self, today):
        domains = []
        for company in (
            self.env["res.company"].sudo().search([("callback_overdue_cancel_days", ">", 0)])
        ):
            limit = today - timedelta(days=company.callback_overdue_cancel_days)
            domains.append(Domain("company_id", "=", company.id) & Domain("deadline", "<", limit))
        if not domains:
            return Domain.FALSE
        return Domain("state", "in", OPEN_STATES) & Domain.OR(domains)

    @api.model
    def _lock_overdue_handling(self):
        """Take the overdue handling's lock for this transaction; False (and
        one log line) when another run holds it: that run does the work."""
        # SQL: a transaction-level advisory lock has no ORM counterpart.
        self.env.cr.execute("SELECT pg_try_advisory_xact_lock(%s)", [OVERDUE_LOCK_KEY])
        if self.env.cr.fetchone()[0]:
            return True
        _logger.info("Overdue callbacks: another run is in progress; this run stops.")
        return False

    @api.model
    def _close_stale_batch(self, batch_size=1000, today=None):
        """One batch of the expiry of long overdue callbacks; returns
        (processed, remaining), (0, 0) when another run holds the lock."""
        today = today or fields.Date.context_today(self)
        if not self._lock_overdue_handling():
            return 0, 0
        callbacks = self.sudo().with_context(active_test=False)
        expiry_domain = self._stale_expiry_domain(today)
        expired = callbacks.search(
            expiry_domain, limit=batch_size, order="id"
        ).try_lock_for_update()
        if not expired:
            return 0, 0
        expired.write(
            {
                "state": "cancelled",
                "close_reason": "expired",
                "done_date": fields.Datetime.now(),
            }
        )
        # in the company's language: a scheduled action has no reader of its own
        expired._message_log_batch(
            bodies={
                cb.id: cb.with_context(lang=cb.company_id.partner_id.lang or self.env.lang).env._(
                    "Cancelled: %s days past its deadline.", (today - cb.deadline).days
                )
                for cb in expired
            }
        )
        return len(expired), callbacks.search_count(expiry_domain)

    @api.model
    def _fatigue_postpone_step(self, batch_size=1000, today=None):
        """The callbacks due by today whose call would now go beyond the
        contact-fatigue cap (a call slipped past its planned day, issue #30):
        moved to the first day the cap allows, or closed when that day is
        past their deadline, each with a chatter line saying why. Returns
        (handled, 0): what is held back today is handled in one step."""
        now = fields.Datetime.now()
        day = now.date()
        companies = self.env["res.company"].sudo().search([("callback_fatigue_max", ">", 0)])
        if not companies:
            return 0, 0
        # only the customers with at least the smallest cap of attempts in
        # the longest period may be held back: one grouped query narrows the
        # search to them
        period = max(max(companies.mapped("callback_fatigue_days")), 1)
        contacted = [
            partner.id
            for (partner,) in self.env["customer.callback.attempt"]
            .sudo()
            .with_context(active_test=False)
            ._read_group(
                # a local day lies within a day of the UTC one
                [
                    (
                        "attempt_date",
                        ">=",
                        datetime.combine(day - timedelta(days=period + 1), time.min),
                    )
                ],
                ["callback_id.partner_id"],
                having=[("__count", ">=", min(companies.mapped("callback_fatigue_max")))],
            )
        ]
        if not contacted:
            return 0, 0
        due = (
            self.sudo()
            .with_context(active_test=False)
            .search(
                Domain(
                    [
                        ("partner_id", "in", contacted),
                        ("company_id", "in", companies.ids),
                        ("state", "in", ("draft", "planned")),
                        ("planned_date", "<", datetime.combine(day + timedelta(days=2), time.min)),
                        ("attempt_ids", "=", False),
                    ]
                )
                & self._fatigue_counting_domain(),
                limit=batch_size,
                order="planned_date, id",
            )
        )
        # due by the customer's today (his day may be ahead of UTC's)
        due = due.filtered(
            lambda c: self._fatigue_local_day(c.planned_date, c._tz())
            <= self._fatigue_local_day(now, c._tz())
        )
        held = due._fatigue_held_back(now)
        if not held:
            return 0, 0
        bodies, closed = {}, self.browse()
        for callback, first in held.items():
            company = callback.company_id
            env = callback.with_context(
                lang=callback.user_id.lang or company.partner_id.lang or self.env.lang
            ).env
            reason = env._(
                "The customer was contacted %(cap)s times within %(days)s days "
                "(contact-fatigue cap): the call may be made from %(day)s on.",
                cap=company.callback_fatigue_max,
                days=company.callback_fatigue_days,
                day=format_date(env, first),
            )
            if callback.deadline and first > callback.deadline:
                closed |= callback
                bodies[callback.id] = env._("Closed: %s That day is past its deadline.", reason)
            else:
                callback.write(
                    {
                        "planned_date": self._place_in_window(
                            company,
                            callback.partner_id,
                            call_window.local_day_bounds(first, callback._tz())[0],
                        )
                    }
                )
                bodies[callback.id] = env._("Moved: %s", reason)
        closed.write({"state": "cancelled", "close_reason": "fatigue", "done_date": now})
        moved = due.browse(list(bodies))
        moved._message_log_batch(bodies=bodies)
        return len(moved), 0

    @api.model
    def _escalate_overdue_step(self, batch_size=None, today=None):
        """The overdue digests of ``today`` brought up to date (one digest
        per team leader and day, customer.callback.escalation, not one
        activity per callback); returns (digests written, 0), or (0, 0) when
        another run holds the digests' lock."""
        today = today or fields.Date.context_today(self)
        written = self.env["customer.callback.escalation"]._escalate(today)
        return len(written or ()), 0
