# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Creation of due callbacks from the cadence rules (SPEC §1).

Set-based reading, ORM writing: one batch covers a set of partners; every
rule reads its candidates in one query, existing callbacks are filtered out
in one query per rule, and the new callbacks go through
``customer.callback._plan_callbacks`` (placement, fatigue, numbering,
``create()`` in batches), like the callbacks of every other creator.

Progress lives in the data: one row per day
(``customer.callback.generation.progress``) holds the highest partner id
evaluated that day; a batch evaluates the next partners by id and moves the
row on in its own transaction, so a killed run, another process or another
worker resumes exactly where the last commit left. One run at a time: each
batch takes a transaction-level advisory lock; a run that cannot get it
stops (one log line), the run holding it finishes the work. A batch that
meets a concurrent commit (a run that committed after this transaction
began, a callback numbered meanwhile) is rolled back and retried by the
scheduled action, never half done. The unique index on (partner, rule,
period key) stays the last guard against duplicates.
"""

import logging
import zlib
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools import SQL

from ..tools import assignment, batches, cadence, call_window
from .customer_callback import OPEN_STATES, RETRIED_ERRORS

_logger = logging.getLogger(__name__)

# The advisory lock that keeps generation runs one at a time.
LOCK_KEY = zlib.crc32(b"customer_callback.generate")


@dataclass(frozen=True)
class RuleInfo:
    """The values of a rule the per-candidate work needs, as plain Python
    (reading fields of a record per candidate costs more than the rest)."""

    id: int
    segment: str
    offset_days: int
    window_days: int
    channel: str
    script_id: int | None
    ignore_fatigue: bool
    assignment: str
    user_id: int | None
    team_id: int | None

    @classmethod
    def of(cls, rule):
        return cls(
            rule.id,
            rule.segment,
            rule.offset_days,
            rule.window_days,
            rule.channel,
            rule.script_id.id or None,
            rule.ignore_fatigue,
            rule.assignment,
            rule.user_id.id or None,
            rule.team_id.id or None,
        )


class Candidate:
    __slots__ = (
        "rule",
        "partner_id",
        "anchor",
        "key",
        "ticket_id",
        "source_callback_id",
        "values",
        "due",
    )

    def __init__(
        self,
        rule,
        partner_id,
        anchor,
        key,
        ticket_id=None,
        source_callback_id=None,
        values=None,
    ):
        """``values``: more values of the callback, from the addon that knows
        the trigger (e.g. the sales order of an order trigger)."""
        self.rule = rule
        self.partner_id = partner_id
        self.anchor = anchor
        self.key = key
        self.ticket_id = ticket_id
        self.source_callback_id = source_callback_id
        self.values = values or {}
        self.due = cadence.due_dates(anchor, rule.offset_days, rule.window_days)


class CustomerCallbackGenerator(models.AbstractModel):
    _name = "customer.callback.generator"
    _description = "Callback Generator"

    # ------------------------------------------------------------------
    # Entry points
    # ------------------------------------------------------------------

    @api.model
    def _cron_generate_callbacks(self, batch_size=10000):
        """Scheduled action: evaluate today's partners in batches, committing
        each; a batch that meets a concurrent commit is rolled back and
        retried in a new transaction."""
        today = fields.Date.context_today(self)
        Cron = self.env["ir.cron"]
        batches.run_batches(
            lambda: self._generate_next_batch(batch_size=batch_size, today=today),
            lambda processed, remaining: Cron._commit_progress(processed, remaining=remaining),
            self.env.cr.rollback,
            retried=RETRIED_ERRORS,
            on_retry=lambda error, attempt: _logger.info(
                "Callback generation: batch rolled back after a concurrent commit (%s); retrying.",
                type(error).__name__,
            ),
        )

    @api.model
    def _generate_next_batch(self, batch_size=10000, today=None):
        """Generate for the next ``batch_size`` partners (by id) not evaluated
        on ``today`` yet, and move the day's progress on in the same
        transaction.

        Returns (partners processed, partners remaining); (0, 0) when all
        are done or when another run holds the generation lock."""
        today = today or fields.Date.context_today(self)
        cr = self.env.cr
        # SQL: a transaction-level advisory lock has no ORM counterpart.
        cr.execute("SELECT pg_try_advisory_xact_lock(%s)", [LOCK_KEY])
        if not cr.fetchone()[0]:
            _logger.info("Callback generation: another run is in progress; this run stops.")
            return 0, 0
        progress = self.env["customer.callback.generation.progress"].sudo()._lock_day(today)
        Partner = self.env["res.partner"].sudo().with_context(active_test=False)
        domain = Domain("active", "=", True) & Domain("id", ">", progress.last_partner_id)
        partners = Partner.search(domain, order="id", limit=batch_size)
        if not partners:
            return 0, 0
        # Numbering first: the months' counters are this batch's until it
        # commits (a callback created meanwhile by a user waits for it).
        rules = self.env["customer.callback.rule"].sudo().search([("active", "=", True)])
        self.env["customer.callback"]._lock_callback_numbers(rules.company_id)
        # The batch holds the lowest ids not evaluated today: the ids in between
        # were evaluated already (or are archived), a range is what the
        # planner handles best.
        last = partners[-1].id
        self._generate(SQL("BETWEEN %s AND %s", partners[0].id, last), today=today)
        progress.write({"last_partner_id": last})
        remaining = (
            Partner.search_count(Domain("active", "=", True) & Domain("id", ">", last))
            if len(partners) == batch_size
            else 0
        )
        return len(partners), remaining

    @api.model
    def _generate_for_partners(self, partner_ids, triggers=None, today=None):
        """Generate at once for some partners (a sales order confirmed, a
        callback done…), with the same rules and guarantees as the cron."""
        if not partner_ids:
            return self.env["customer.callback"]
        return self._generate(SQL("= ANY(%s)", list(partner_ids)), triggers=triggers, today=today)

    # ------------------------------------------------------------------
    # Generation
    # ------------------------------------------------------------------

    @api.model
    def _generate(self, partner_filter, triggers=None, today=None):
        """Create the due callbacks for the partners matching ``partner_filter``
        (an SQL fragment applied to a partner id column)."""
        self.env.flush_all()
        today = today or fields.Date.context_today(self)
        rule_domain = Domain("active", "=", True) & Domain("trigger", "!=", "manual")
        if triggers:
            rule_domain &= Domain("trigger", "in", list(triggers))
        rules = self.env["customer.callback.rule"].sudo().search(rule_domain)
        created = []
        for company, company_rules in rules.grouped("company_id").items():
            created += self._generate_company(company, company_rules, partner_filter, today)
        return self.env["customer.callback"].browse(created)

    def _generate_company(self, company, rules, partner_filter, today):
        ctx = {
            "company": company,
            "today": today,
            "ahead": company.callback_plan_ahead_days,
            "tz": company._callback_tz(),
            "partner_filter": partner_filter,
            "rules": {rule.id: RuleInfo.of(rule) for rule in rules},
        }
        candidates = []
        for rule in rules.sorted(lambda r: (r.sequence, r.id)):
            # one method per trigger: an addon adding a trigger (selection_add
            # on the rule's trigger) adds its ``_candidates_<trigger>``
            rows = getattr(self, f"_candidates_{rule.trigger}")(rule, ctx)
            # in the customers' order (then the key): the queries read rows in
            # the table's physical order, which updates and VACUUM change, so
            # the callbacks' numbers and round-robin agents depended on when
            # PostgreSQL had cleaned up (two runs of the simulated year with
            # one seed numbered a day's VIP callbacks in two orders)
            due = sorted(
                (c for c in rows if self._is_due(c, ctx)),
                key=lambda c: (c.partner_id, str(c.key)),
            )
            candidates += self._without_existing(rule, due)
        if not candidates:
            return []
        if not company._callback_windows():
            # before anything is numbered: nothing burned, the next run retries
            _logger.warning(
                "No call window configured for company %s: no callback generated", company.name
            )
            return []
        return self._plan(company, candidates, today).ids

    def _is_due(self, candidate, ctx):
        today = ctx["today"]
        return candidate.due.start <= today + timedelta(days=ctx["ahead"]) and cadence.is_open(
            candidate.due, today
        )

    def _without_existing(self, rule, candidates):
        if not candidates:
            return []
        # SQL: one query for the whole batch on (partner, period key) pairs;
        # a domain can only express the cartesian product of both lists.
        self.env.cr.execute(
            SQL(
                """SELECT partner_id, period_key FROM customer_callback
                    WHERE rule_id = %s AND (partner_id, period_key) IN (
                        SELECT * FROM unnest(%s::int[], %s::varchar[]))""",
                rule.id,
                [c.partner_id for c in candidates],
                [c.key for c in candidates],
            )
        )
        existing = set(self.env.cr.fetchall())
        seen = set()
        result = []
        for candidate in candidates:
            ident = (candidate.partner_id, candidate.key)
            if ident in existing or ident in seen:
                continue
            seen.add(ident)
            result.append(candidate)
        return result

    def _plan(self, company, candidates, today):
        """The candidates' callbacks, through the one planning entry point."""
        partners = self.env["res.partner"].browse({c.partner_id for c in candidates})
        partners.fetch(["tz", "callback_channel", "callback_preferred_time"])
        vals_list = []
        for candidate, (user_id, team_id) in zip(
            candidates, self._assignees(company, candidates), strict=True
        ):
            rule = candidate.rule
            vals_list.append(
                {
                    **candidate.values,
                    "company_id": company.id,
                    "partner_id": candidate.partner_id,
                    "rule_id": rule.id,
                    "segment": rule.segment,
                    "period_key": candidate.key,
                    "user_id": user_id or False,
                    "team_id": team_id or False,
                    "channel": partners.browse(candidate.partner_id).callback_channel
                    or rule.channel,
                    "plan_start": max(candidate.due.start, today),
                    "deadline": candidate.due.deadline,
                    "state": "planned",
                    "ticket_id": candidate.ticket_id or False,
                    "source_callback_id": candidate.source_callback_id or False,
                    "script_id": rule.script_id or False,
                }
            )
        return self.env["customer.callback"]._plan_callbacks(vals_list, today=today)

    def _assignees(self, company, candidates):
        """(user id, team id) per candidate, following each rule's assignment.

        A callback always lands where a person sees it (issue #29): a fixed
        agent, the customer's salesperson, or the queue of a team with
        agents, as the rule says; else (round robin, no salesperson, a team
        queue without agents, no team) the agents of the rule's team, else of
        the company's default callback team, balanced by their open
        callbacks; else the supervisor's queue; else nobody (the callback is
        flagged: ``customer.callback.is_unrouted``)."""
        result = [None] * len(candidates)
        to_route = defaultdict(list)
        salespeople = {}
        if any(c.rule.assignment == "salesperson" for c in candidates):
            # SQL: the salesperson of every candidate and whether that user can
            # still take calls, in one join instead of reading partners and users.
            self.env.cr.execute(
                """SELECT p.id, p.user_id FROM res_partner p JOIN res_users u ON u.id = p.user_id
                    WHERE p.id = ANY(%s) AND NOT u.share AND u.active""",
                [list({c.partner_id for c in candidates})],
            )
            salespeople = dict(self.env.cr.fetchall())
        teams = self.env["helpdesk.ticket.team"].browse(
            {c.rule.team_id for c in candidates if c.rule.team_id}
        )
        agents, default, supervisor = company._callback_route_info(teams)
        for index, candidate in enumerate(candidates):
            rule = candidate.rule
            if rule.assignment == "agent":
                result[index] = (rule.user_id, rule.team_id)
            elif rule.assignment == "salesperson" and salespeople.get(candidate.partner_id):
                result[index] = (salespeople[candidate.partner_id], rule.team_id)
            elif rule.assignment == "team" and agents.get(rule.team_id):
                # the team's queue, which its agents see
                result[index] = (None, rule.team_id)
            else:
                to_route[rule.team_id].append(index)
        if not to_route:
            return result
        members = [uid for ids in agents.values() for uid in ids]
        loads = dict(
            (user.id, count)
            for user, count in self.env["customer.callback"]._read_group(
                [("user_id", "in", members), ("state", "in", list(OPEN_STATES))],
                ["user_id"],
                ["__count"],
            )
        )
        for team_id, indexes in to_route.items():
            target, routed_team, users = assignment.route(
                len(indexes),
                (team_id, agents.get(team_id, [])) if team_id else None,
                default,
                supervisor,
                loads,
            )
            if target == assignment.NOBODY:
                _logger.warning(
                    "Company %s: %s callbacks belong to nobody (no team with an active agent, "
                    "no default callback team with one, no supervisor)",
                    company.name,
                    len(indexes),
                )
            for index, user_id in zip(indexes, users, strict=True):
                result[index] = (user_id, routed_team or None)
                if user_id:
                    loads[user_id] = loads.get(user_id, 0) + 1
        return result

    # ------------------------------------------------------------------
    # Candidates, one query per rule
    # ------------------------------------------------------------------

    def _partner_subquery(self, rule, ctx):
        """SQL selecting the ids of the batch's partners the rule applies to."""
        company = ctx["company"]
        domain = (
            Domain("callback_do_not_call", "=", False)
            & Domain("company_id", "in", [False, company.id])
            & Domain(rule._partner_domain())
        )
        if rule.partner_tier:
            limit = ctx["today"] - timedelta(days=company.callback_long_term_days)
            domain &= self.env["res.partner"]._callback_tier_domain(rule.partner_tier, limit)
        query = self.env["res.partner"].sudo()._search(domain)
        # the batch's partners only: the subquery reads an id range, not the
        # whole partner table, once per rule and batch
        query.add_where(SQL("%s %s", SQL.identifier(query.table, "id"), ctx["partner_filter"]))
        return query.subselect()

    def _local_date(self, column, ctx):
        return SQL("(%s AT TIME ZONE 'UTC' AT TIME ZONE %s)::date", column, ctx["tz"])

    def _anchor_bounds(self, rule, ctx):
        """Anchor dates whose callback is due now: start within the planning
        horizon and deadline not past."""
        today = ctx["today"]
        low = today - timedelta(days=rule.offset_days + max(rule.window_days, 0))
        high = today + timedelta(days=ctx["ahead"] - rule.offset_days)
        return low, high

    # Candidate selection reads in SQL (reading only, writing goes through
    # customer.callback._plan_callbacks): each rule's candidates are one query
    # joining tickets, callbacks (or, in addons, e.g. orders) with the
    # partners the rule applies to (the ORM's own _search subquery), computing
    # local dates in the company's timezone; search_read would load every
    # ticket and callback of the batch into the cache and do the rest in
    # Python.
    def _fetch(self, query):
        self.env.cr.execute(query)
        return self.env.cr.fetchall()

    def _carried_callback_fields(self):
        """Hook: the many2one fields of ``customer.callback`` a follow-up
        callback takes over from the callback it follows (besides its ticket),
        e.g. the sales order in ``customer_callback_sale``."""
        return []

    def _candidates_from_callbacks(self, rule, ctx, condition, key_prefix):
        low, high = self._anchor_bounds(rule, ctx)
        local = self._local_date(SQL("cb.done_date"), ctx)
        carried = self._carried_callback_fields()
        columns = SQL(", ").join(
            [SQL("cb.partner_id, cb.id, %s, cb.ticket_id", local)]
            + [SQL.identifier("cb", name) for name in carried]
        )
        rows = self._fetch(
            SQL(
                """SELECT %(columns)s
                     FROM customer_callback cb
                    WHERE cb.state = 'done' AND cb.company_id = %(company)s
                      AND cb.partner_id %(filter)s AND %(condition)s
                      AND cb.done_date >= %(low)s AND cb.done_date < %(high)s
                      AND cb.partner_id IN (%(partners)s)""",
                columns=columns,
                company=ctx["company"].id,
                filter=ctx["partner_filter"],
                condition=condition,
                low=datetime.combine(low - timedelta(days=1), time.min),
                high=datetime.combine(high + timedelta(days=2), time.min),
                partners=self._partner_subquery(rule, ctx),
            )
        )
        return [
            Candidate(
                ctx["rules"][rule.id],
                pid,
                day,
                f"{key_prefix}{cb_id}",
                ticket_id=ticket_id,
                source_callback_id=cb_id,
                values={name: value for name, value in zip(carried, more, strict=True) if value},
            )
            for pid, cb_id, day, ticket_id, *more in rows
            if low <= day <= high
        ]

    def _candidates_callback_done(self, rule, ctx):
        return self._candidates_from_callbacks(
            rule, ctx, SQL("cb.rule_id = %s", rule.source_rule_id.id), "CB"
        )

    def _candidates_feedback(self, rule, ctx):
        return self._candidates_from_callbacks(
            rule, ctx, SQL("cb.problem_status IN ('pending', 'in_progress')"), "FB"
        )

    def _ticket_closed_condition(self, rule):
        """Which closed tickets start a callback of ``rule`` (SQL on ``t``): a
        hook, none here; customer_callback_complaint's complaints."""
        return SQL("FALSE")

    def _ticket_closed_round(self, rule):
        """How many times the closed ticket was reopened (SQL on ``t``): each
        closing gets its own callback. A hook: customer_callback_complaint
        counts a complaint's reopenings."""
        return SQL("0")

    def _candidates_ticket_closed(self, rule, ctx):
        low, high = self._anchor_bounds(rule, ctx)
        local = self._local_date(SQL("t.closed_date"), ctx)
        rows = self._fetch(
            SQL(
                """SELECT t.partner_id, t.id, %(local)s, %(round)s
                     FROM helpdesk_ticket t
                     JOIN helpdesk_ticket_stage st ON st.id = t.stage_id AND st.closed
                    WHERE t.company_id = %(company)s AND t.partner_id %(filter)s
                      AND %(condition)s
                      AND t.closed_date >= %(low)s AND t.closed_date < %(high)s
                      AND t.partner_id IN (%(partners)s)""",
                local=local,
                round=self._ticket_closed_round(rule),
                company=ctx["company"].id,
                filter=ctx["partner_filter"],
                condition=self._ticket_closed_condition(rule),
                low=datetime.combine(low - timedelta(days=1), time.min),
                high=datetime.combine(high + timedelta(days=2), time.min),
                partners=self._partner_subquery(rule, ctx),
            )
        )
        # one callback per closing: a reopened and closed again ticket gets a new key
        return [
            Candidate(
                ctx["rules"][rule.id],
                pid,
                day,
                f"T{ticket_id}R{reopened}" if reopened else f"T{ticket_id}",
                ticket_id=ticket_id,
            )
            for pid, ticket_id, day, reopened in rows
            if low <= day <= high
        ]

    def _periodic_candidates(self, rule, ctx, condition):
        today = ctx["today"]
        period_start = cadence.period_start(today, rule.period_months)
        period_end = cadence.period_end(today, rule.period_months)
        key = cadence.period_key(today, rule.period_months)
        window = max(rule.window_days, 0)
        span = max(1, (period_end - period_start).days + 1 - window - max(rule.offset_days, 0))
        # Only the customers whose turn in the period has come (see
        # cadence.spread_in_period) and who have no callback for it yet.
        rows = self._fetch(
            SQL(
                """SELECT p.id FROM res_partner p
                    WHERE p.id %(filter)s AND p.active AND %(condition)s
                      AND %(start)s::date + ((p.id::bigint * 7919) %% %(span)s)::int
                          <= %(latest)s::date
                      AND NOT EXISTS (SELECT 1 FROM customer_callback cb
                                       WHERE cb.partner_id = p.id AND cb.rule_id = %(rule)s
                                         AND cb.period_key = %(key)s)
                      AND p.id IN (%(partners)s)""",
                filter=ctx["partner_filter"],
                condition=condition,
                start=period_start,
                span=span,
                latest=today + timedelta(days=ctx["ahead"] - rule.offset_days),
                rule=rule.id,
                key=key,
                partners=self._partner_subquery(rule, ctx),
            )
        )
        result = []
        for (partner_id,) in rows:
            anchor = cadence.spread_in_period(
                partner_id, period_start, period_end, rule.offset_days, rule.window_days, today
            )
            result.append(Candidate(ctx["rules"][rule.id], partner_id, anchor, key))
        return result

    def _candidates_periodic(self, rule, ctx):
        return self._periodic_candidates(
            rule, ctx, SQL("(p.first_purchase_date IS NOT NULL OR p.callback_vip)")
        )

    def _candidates_no_recent_order(self, rule, ctx):
        limit = ctx["today"] - timedelta(days=ctx["company"].callback_churn_days)
        return self._periodic_candidates(rule, ctx, SQL("p.last_order_date < %s", limit))

    def _yearly_candidates(self, rule, ctx, column, condition, min_years):
        today = ctx["today"]
        lookback = rule.offset_days + max(rule.window_days, 0)
        low, high = self._anchor_bounds(rule, ctx)
        # Prefilter on the day of the year (one day wider for 29 February);
        # the exact occurrence is computed below.
        low_md = (low - timedelta(days=1)).strftime("%m%d")
        high_md = (high + timedelta(days=1)).strftime("%m%d")
        month_day = SQL("to_char(%s, 'MMDD')", column)
        if (high - low).days >= 364:
            in_range = SQL("TRUE")
        elif low_md <= high_md:
            in_range = SQL("%s BETWEEN %s AND %s", month_day, low_md, high_md)
        else:  # the range crosses the new year
            in_range = SQL("(%s >= %s OR %s <= %s)", month_day, low_md, month_day, high_md)
        rows = self._fetch(
            SQL(
                """SELECT p.id, %(column)s FROM res_partner p
                    WHERE p.id %(filter)s AND p.active AND %(column)s IS NOT NULL
                      AND %(in_range)s AND %(condition)s AND p.id IN (%(partners)s)""",
                column=column,
                filter=ctx["partner_filter"],
                in_range=in_range,
                condition=condition,
                partners=self._partner_subquery(rule, ctx),
            )
        )
        result = []
        for partner_id, day in rows:
            occurrence = cadence.next_yearly(day, today, lookback_days=max(lookback, 0))
            if cadence.years_between(day, occurrence) < min_years:
                continue
            result.append(
                Candidate(ctx["rules"][rule.id], partner_id, occurrence, str(occurrence.year))
            )
        return result

    def _candidates_birthday(self, rule, ctx):
        return self._yearly_candidates(rule, ctx, SQL("p.birthday"), SQL("TRUE"), 0)

    def _candidates_anniversary(self, rule, ctx):
        return self._yearly_candidates(rule, ctx, SQL("p.first_purchase_date"), SQL("TRUE"), 1)

    def _occasion_days(self, rule, ctx):
        """(key, date) of the occasions whose greeting is due now."""
        company = ctx["company"]
        low, high = self._anchor_bounds(rule, ctx)
        # lunar and fixed-date occasions list their dates of the years looked at
        self.env["customer.callback.occasion"].sudo().search(
            [("kind", "!=", "manual"), ("company_id", "in", [False, company.id])]
        )._fill_dates(high.year)
        dates = (
            self.env["customer.callback.occasion.date"]
            .sudo()
            .search(
                [
                    ("date", ">=", low),
                    ("date", "<=", high),
                    ("occasion_id.active", "=", True),
                    ("occasion_id.company_id", "in", [False, company.id]),
                ]
            )
        )
        days = [(f"O{d.id}", d.date) for d in dates]
        if rule.include_public_holidays:
            for first_day in self._public_holiday_starts(company, low, high):
                if not any(abs((first_day - day).days) <= 1 for _key, day in days):
                    days.append((f"H{first_day.isoformat()}", first_day))
        return days

    def _public_holiday_starts(self, company, low, high):
        """First days of the company's public holidays (global leaves of its
        working-time calendar) in [low, high]; consecutive days merge."""
        calendar = company.resource_calendar_id
        leaves = (
            self.env["resource.calendar.leaves"]
            .sudo()
            .search(
                [
                    ("resource_id", "=", False),
                    ("calendar_id", "in", [False, calendar.id]),
                    ("company_id", "in", [False, company.id]),
                    ("date_to", ">=", datetime.combine(low - timedelta(days=1), time.min)),
                    ("date_from", "<=", datetime.combine(high + timedelta(days=1), time.max)),
                ],
                order="date_from",
            )
        )
        zone = call_window.get_zone(company._callback_tz())
        starts = []
        last_end = None
        for leave in leaves:
            first = call_window.to_local(leave.date_from, zone).date()
            last = call_window.to_local(leave.date_to, zone).date()
            if last_end is None or first > last_end + timedelta(days=1):
                if low <= first <= high:
                    starts.append(first)
            last_end = max(last, last_end) if last_end else last
        return starts

    def _candidates_occasion(self, rule, ctx):
        days = self._occasion_days(rule, ctx)
        if not days:
            return []
        partner_ids = [
            row[0]
            for row in self._fetch(
                SQL(
                    """SELECT p.id FROM res_partner p
                        WHERE p.id %(filter)s AND p.active AND p.id IN (%(partners)s)""",
                    filter=ctx["partner_filter"],
                    partners=self._partner_subquery(rule, ctx),
                )
            )
        ]
        return [
            Candidate(ctx["rules"][rule.id], pid, day, key)
            for key, day in days
            for pid in partner_ids
        ]
