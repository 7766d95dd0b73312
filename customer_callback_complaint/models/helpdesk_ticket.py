# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Complaints: helpdesk tickets graded and clocked (SPEC §4–§5, seed 001).

Complaint rules, in short:

* Grading: a complaint gets a grade (given, its category's, or the default
  grade) and three deadlines counted from the report time
  (``complaint_date``): first response, response, resolution. Re-grading
  recomputes them from the same report time. Only supervisors change grades,
  the report time and the deadlines.
* First response (``first_response_date``): the first message an internal
  user sends from Odoo (a "Send message", not a log note; mail received
  through the gateway is posted as an email and never counts), or the
  ticket's first stage move, whichever comes first. Response
  (``response_date``): the ticket reaches the "Decide solution" step or a
  later one. A closed complaint has answered everything.
* Reminders are planned by ``tools/complaint_deadlines.plan_reminders`` and
  created by the scheduled action in batches.
"""

from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain
from odoo.tools import convert

from odoo.addons.customer_callback.tools import call_window

from ..tools import complaint_deadlines as cd
from .helpdesk_ticket_stage import RESPONDED_STEPS

SUPERVISOR_GROUP = "customer_callback.customer_callback_group_supervisor"
# Only supervisors change what decides a complaint's deadlines.
PROTECTED_FIELDS = (
    "complaint_grade_id",
    "complaint_date",
    "first_response_deadline",
    "response_deadline",
    "resolution_deadline",
)
DEADLINE_FIELDS = ("first_response_deadline", "response_deadline", "resolution_deadline")
REMINDER_ACTIVITY_TYPES = {
    cd.OWNER_UPDATE: "customer_callback_complaint.mail_activity_type_complaint_owner_update",
    cd.CUSTOMER_UPDATE: "customer_callback_complaint.mail_activity_type_complaint_customer_update",
    cd.DEADLINE_NEAR: "customer_callback_complaint.mail_activity_type_complaint_deadline_near",
    cd.BREACH: "customer_callback_complaint.mail_activity_type_complaint_breached",
}


# the demo's complaints (demo/customer_callback_complaint_demo.xml loads them)
DEMO_SCENARIO = "demo/scenarios/customer_callback_complaint_demo.xml"
# its first record: there once the story was told, by this addon or, before
# 19.0.5.0.0, by the core (the upgrade moved it here with its xml id)
DEMO_TOLD = "customer_callback_complaint.demo_complaint_zhaolei"


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    # Complaint stages on complaints only, the other stages on the other
    # tickets; helpdesk_mgmt's per-team stages still apply.
    stage_id = fields.Many2one(
        domain="[('complaint_stage', '=', is_complaint), "
        "'|', ('team_ids', '=', team_id), ('team_ids', '=', False)]"
    )
    is_complaint = fields.Boolean(
        string="Complaint",
        index=True,
        tracking=True,
        help="Complaints are classified, graded and followed by a callback once closed.",
    )

    # ------------------------------------------------------------------
    # Complaints (SPEC §4–§5, seed 001)
    # ------------------------------------------------------------------

    complaint_grade_id = fields.Many2one(
        "customer.complaint.grade",
        string="Complaint grade",
        index="btree_not_null",
        tracking=True,
        copy=False,
        help="Severity grade: decides the deadlines. The agent recording the complaint sets "
        "it; afterwards only supervisors change it.",
    )
    complaint_date = fields.Datetime(
        string="Reported on",
        copy=False,
        help="When the customer made the complaint; the deadlines count from it.",
    )
    first_response_deadline = fields.Datetime(copy=False, tracking=True)
    response_deadline = fields.Datetime(copy=False, tracking=True)
    resolution_deadline = fields.Datetime(copy=False, tracking=True, index="btree_not_null")
    first_response_date = fields.Datetime(
        readonly=True,
        copy=False,
        help="First answer: the first message sent by an internal user from Odoo (not a "
        "note, not an email received through the mail gateway) or the first stage move, "
        "whichever comes first.",
    )
    response_date = fields.Datetime(
        readonly=True,
        copy=False,
        help="When the complaint first reached a step where the solution is decided.",
    )
    resolution_late = fields.Boolean(
        compute="_compute_resolution_late",
        store=True,
        help="Closed after the resolution deadline, or still open past it.",
    )
    complaint_reopen_count = fields.Integer(
        string="Times reopened",
        readonly=True,
        copy=False,
        aggregator="sum",
        help="How many times the complaint went back from a closed stage to an open one. "
        "Each new closing starts a new closing callback (closed loop).",
    )
    resolution_on_time = fields.Float(
        string="Resolved on time (%)",
        compute="_compute_resolution_late",
        store=True,
        aggregator="avg",
        digits=(5, 1),
        help="100 when the complaint was closed by its resolution deadline, else 0: its "
        "average is the on-time resolution rate in percent (complaints still open count as "
        "not resolved on time; filter on closed complaints for the rate of the closed ones).",
    )
    response_on_time = fields.Float(
        string="First response on time (%)",
        compute="_compute_response_on_time",
        store=True,
        aggregator="avg",
        digits=(5, 1),
        help="100 when the first response came by its deadline, else 0: its average is the "
        "on-time response rate in percent.",
    )
    breach_reason = fields.Text(copy=False, help="Why a deadline was missed.")
    resolution_summary = fields.Text(copy=False, help="How the complaint was solved.")
    complaint_sla_state = fields.Selection(
        [
            (cd.ON_TRACK, "On track"),
            (cd.SOON, "Breaching soon"),
            (cd.BREACHED, "Breached"),
        ],
        string="Deadline status",
        compute="_compute_complaint_sla_state",
        search="_search_complaint_sla_state",
    )
    can_edit_complaint_grade = fields.Boolean(compute="_compute_can_edit_complaint_grade")
    # Reminder bookkeeping (scheduled action).
    complaint_owner_update_date = fields.Datetime(
        string="Owner's last update", readonly=True, copy=False
    )
    complaint_customer_update_date = fields.Datetime(
        string="Customer last updated", readonly=True, copy=False
    )
    complaint_owner_reminded_date = fields.Datetime(readonly=True, copy=False)
    complaint_customer_reminded_date = fields.Datetime(readonly=True, copy=False)
    complaint_near_reminded_deadline = fields.Datetime(readonly=True, copy=False)
    complaint_breach_reminded_deadline = fields.Datetime(readonly=True, copy=False)
    complaint_next_check = fields.Datetime(
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="When the reminder scheduled action looks at this complaint again.",
    )

    @api.depends("is_complaint", "resolution_deadline", "closed_date", "stage_id.closed")
    def _compute_resolution_late(self):
        now = fields.Datetime.now()
        for ticket in self:
            closed_at = ticket.stage_id.closed and ticket.closed_date or None
            late = ticket.is_complaint and cd.is_late(ticket.resolution_deadline, closed_at, now)
            ticket.resolution_late = late
            on_time = closed_at and ticket.is_complaint and not late
            ticket.resolution_on_time = 100.0 if on_time else 0.0

    @api.depends("first_response_deadline", "first_response_date")
    def _compute_response_on_time(self):
        for ticket in self:
            on_time = (
                ticket.first_response_date
                and ticket.first_response_deadline
                and ticket.first_response_date <= ticket.first_response_deadline
            )
            ticket.response_on_time = 100.0 if on_time else 0.0

    def _complaint_pairs(self):
        """(deadline, met at) of the three deadlines; all met once closed."""
        self.ensure_one()
        closed_at = self.stage_id.closed and (self.closed_date or fields.Datetime.now())
        return [
            (self.first_response_deadline, self.first_response_date or closed_at),
            (self.response_deadline, self.response_date or closed_at),
            (self.resolution_deadline, closed_at),
        ]

    @api.depends_context("company")
    @api.depends(
        "is_complaint", "stage_id.closed", *DEADLINE_FIELDS, "first_response_date", "response_date"
    )
    def _compute_complaint_sla_state(self):
        now = fields.Datetime.now()
        for ticket in self:
            state = None
            if ticket.is_complaint:
                state = ticket._complaint_sla_state_at(now)
            ticket.complaint_sla_state = state or False

    def _complaint_sla_state_at(self, now):
        """The deadline status at ``now``: the warning lead of each deadline
        scales with its duration (the company's percentage, capped by its
        warning hours)."""
        self.ensure_one()
        company = self.company_id
        return cd.sla_state(
            now,
            self._complaint_pairs(),
            company.complaint_soon_hours,
            start=self.complaint_date or self.create_date,
            soon_percent=company.complaint_soon_percent,
        )

    def _search_complaint_sla_state(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        now = fields.Datetime.now()
        soon_limit = now + cd.hours_delta(
            max(self.env.companies.mapped("complaint_soon_hours") or [0.0])
        )
        unmet = [
            Domain("first_response_deadline", "!=", False)
            & Domain("first_response_date", "=", False),
            Domain("response_deadline", "!=", False) & Domain("response_date", "=", False),
            Domain("resolution_deadline", "!=", False),
        ]
        base = Domain("is_complaint", "=", True) & Domain("stage_id.closed", "=", False)
        breached = base & Domain.OR(
            u & Domain(f, "<", now) for u, f in zip(unmet, DEADLINE_FIELDS, strict=True)
        )
        # the absolute lead bounds the candidates; the scaled lead of each
        # deadline (a share of its own duration) decides among them
        near = (
            base
            & ~breached
            & Domain.OR(
                u & Domain(f, "<=", soon_limit) for u, f in zip(unmet, DEADLINE_FIELDS, strict=True)
            )
        )
        candidates = self.sudo().with_context(active_test=False).search(near)
        soon = Domain(
            "id", "in", candidates.filtered(lambda t: t._complaint_sla_state_at(now) == cd.SOON).ids
        )
        any_open = base & Domain.OR(unmet)
        by_state = {cd.BREACHED: breached, cd.SOON: soon, cd.ON_TRACK: any_open & ~breached & ~soon}
        domain = Domain.OR(by_state[state] for state in value if state in by_state)
        return domain if operator == "in" else ~domain

    @api.depends_context("uid")
    def _compute_can_edit_complaint_grade(self):
        allowed = self._complaint_can_edit()
        for ticket in self:
            ticket.can_edit_complaint_grade = allowed

    def _complaint_can_edit(self):
        return self.env.su or self.env.user.has_group(SUPERVISOR_GROUP)

    @api.model
    def _callback_problem_domain(self, start, end):
        """The complaints received in the period, and the other tickets
        raised during callbacks."""
        return Domain.OR(
            [
                Domain("is_complaint", "=", True)
                & Domain("complaint_date", ">=", start)
                & Domain("complaint_date", "<", end),
                Domain("is_complaint", "=", False) & super()._callback_problem_domain(start, end),
            ]
        )

    # ------------------------------------------------------------------
    # Complaints: create / write
    # ------------------------------------------------------------------

    @api.model
    def _complaint_stage(self, step, company):
        return (
            self.env["helpdesk.ticket.stage"]
            .sudo()
            .search(
                [("complaint_step", "=", step), ("company_id", "in", [False, company.id])],
                order="sequence, id",
                limit=1,
            )
            .sudo(False)
        )

    def _complaint_deadline_vals(self, grade, start, company, vals=None):
        deadlines = grade._deadlines(start, company)
        result = {
            "first_response_deadline": deadlines.first_response,
            "response_deadline": deadlines.response,
            "resolution_deadline": deadlines.resolution,
            "complaint_next_check": fields.Datetime.now(),
        }
        # explicit deadlines win
        return {k: v for k, v in result.items() if not (vals or {}).get(k)}

    @api.model_create_multi
    def create(self, vals_list):
        if (
            any(vals.get(f) for vals in vals_list for f in DEADLINE_FIELDS)
            and not self._complaint_can_edit()
        ):
            raise UserError(self.env._("Only callback supervisors can set complaint deadlines."))
        Category = self.env["helpdesk.ticket.category"].sudo()
        Grade = self.env["customer.complaint.grade"].sudo()
        now = fields.Datetime.now()
        for vals in vals_list:
            if not vals.get("is_complaint"):
                continue
            category = Category.browse(vals.get("category_id"))
            if category:
                # the category's team decides the complaint's company
                vals.update(self._ticket_routing_vals(category, vals))
            company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
            if vals.get("team_id"):
                company = (
                    self.env["helpdesk.ticket.team"].sudo().browse(vals["team_id"]).company_id
                    or company
                )
            if "stage_id" not in vals:
                stage = self._complaint_stage("accept", company)
                if stage:
                    vals["stage_id"] = stage.id
            vals.setdefault("complaint_date", now)
            grade = (
                Grade.browse(vals.get("complaint_grade_id"))
                or category.complaint_grade_id
                or Grade._default_for(company)
            )
            if grade:
                vals["complaint_grade_id"] = grade.id
                start = fields.Datetime.to_datetime(vals["complaint_date"])
                vals.update(self._complaint_deadline_vals(grade, start, company, vals))
        return super().create(vals_list)

    def write(self, vals):
        if set(PROTECTED_FIELDS) & vals.keys() and not self._complaint_can_edit():
            raise UserError(
                self.env._("Only callback supervisors can change a complaint's grade or deadlines.")
            )
        closing = self.browse()
        stage = self.env["helpdesk.ticket.stage"]
        if vals.get("stage_id"):
            stage = stage.browse(vals["stage_id"])
            if stage.closed:
                closing = self.filtered(
                    lambda t: (t.is_complaint or vals.get("is_complaint")) and not t.stage_id.closed
                )
                closing._complaint_check_closable(vals)
        reopening = self.browse()
        if stage and not stage.closed:
            reopening = self.filtered(lambda t: t.is_complaint and t.stage_id.closed)
        turned_on = self.browse()
        if vals.get("is_complaint"):
            turned_on = self.filtered(lambda t: not t.is_complaint)
        result = super().write(vals)
        if turned_on:
            turned_on._complaint_set_defaults()
        regrade = self.browse()
        if {"complaint_grade_id", "complaint_date"} & vals.keys():
            regrade = self.filtered(lambda t: t.is_complaint and t.complaint_grade_id)
        if regrade:
            regrade._complaint_reset_deadlines(vals)
        if stage:
            self._complaint_stage_moved(stage)
        for ticket in reopening.sudo():
            ticket.complaint_reopen_count += 1
        if closing:
            self.env["customer.callback.generator"].sudo()._generate_for_partners(
                closing.partner_id.ids, triggers=("ticket_closed",)
            )
        return result

    def _complaint_check_closable(self, vals):
        if "resolution_summary" in vals:
            missing = self if not (vals["resolution_summary"] or "").strip() else self.browse()
        else:
            missing = self.filtered(lambda t: not (t.resolution_summary or "").strip())
        missing = missing.filtered(lambda t: t.company_id.complaint_require_resolution_summary)
        if missing:
            raise UserError(
                self.env._(
                    "Write the resolution summary of complaint %s before closing it.",
                    ", ".join(missing.mapped("display_name")),
                )
            )

    def _complaint_set_defaults(self):
        """A ticket just flagged as a complaint: grade, report date, deadlines."""
        now = fields.Datetime.now()
        Grade = self.env["customer.complaint.grade"]
        for ticket in self.sudo():
            # the customer reported it when the ticket was opened
            values = {"complaint_date": ticket.complaint_date or ticket.create_date or now}
            grade = (
                ticket.complaint_grade_id
                or ticket.category_id.complaint_grade_id
                or Grade._default_for(ticket.company_id)
            )
            if grade:
                values["complaint_grade_id"] = grade.id
                values.update(
                    self._complaint_deadline_vals(
                        grade, values["complaint_date"], ticket.company_id
                    )
                )
            ticket.write(values)

    def _complaint_reset_deadlines(self, vals):
        """Re-grading moves the deadlines (unless they were given in the same write)."""
        for ticket in self.sudo():
            start = ticket.complaint_date or ticket.create_date
            new = self._complaint_deadline_vals(
                ticket.complaint_grade_id, start, ticket.company_id, vals
            )
            new["complaint_near_reminded_deadline"] = False
            ticket.write(new)

    def _complaint_stage_moved(self, stage):
        now = fields.Datetime.now()
        complaints = self.filtered("is_complaint").sudo()
        if not complaints:
            return
        common = {"complaint_owner_update_date": now, "complaint_next_check": now}
        complaints.filtered(lambda t: not t.first_response_date).write({"first_response_date": now})
        if stage.complaint_step in RESPONDED_STEPS or stage.closed:
            complaints.filtered(lambda t: not t.response_date).write({"response_date": now})
        complaints.write(common)

    def message_post(self, **kwargs):
        message = super().message_post(**kwargs)
        if self.is_complaint and message.message_type == "comment":
            author_users = message.author_id.user_ids
            if author_users and not all(author_users.mapped("share")):
                self._complaint_record_answer(message)
        return message

    def _complaint_record_answer(self, message):
        """An internal user wrote on the complaint from Odoo (the mail gateway
        posts ``email`` messages and never gets here)."""
        now = fields.Datetime.now()
        values = {}
        if message.author_id in self.user_id.partner_id:
            values["complaint_owner_update_date"] = now
        if not message.is_internal and message.subtype_id == self.env.ref("mail.mt_comment"):
            values["complaint_customer_update_date"] = now
            if not self.first_response_date:
                values["first_response_date"] = now
        if values:
            self.sudo().write(values)

    # ------------------------------------------------------------------
    # Complaints: closed loop (000 §4.1, 003 step 4)
    # ------------------------------------------------------------------

    def _complaint_reopen_from_callbacks(self, callbacks):
        """Callbacks just done: a complaint still unsolved, or scored low,
        goes back to an open handling step with a note."""
        reopen_stages = {}
        for callback in callbacks:
            ticket = callback.ticket_id.sudo()
            if not (ticket.is_complaint and ticket.stage_id.closed):
                continue
            limit = ticket.company_id.complaint_reopen_score
            unsolved = callback.problem_status in ("pending", "in_progress")
            low = bool(callback.score) and limit and 1 <= callback.score <= limit
            if not (unsolved or low):
                continue
            company = ticket.company_id
            if company not in reopen_stages:
                reopen_stages[company] = self._complaint_stage("investigate", company)
            stage = reopen_stages[company]
            if not stage:
                continue
            ticket.write({"stage_id": stage.id, "complaint_next_check": fields.Datetime.now()})
            labels = dict(callback._fields["problem_status"]._description_selection(self.env))
            reason = (
                self.env._("the customer's problem is still “%s”", labels[callback.problem_status])
                if unsolved
                else self.env._("the customer scored the callback %s", callback.score)
            )
            ticket.message_post(
                body=Markup("%s")
                % self.env._(
                    "Complaint reopened after callback %(callback)s: %(reason)s.",
                    callback=callback.name,
                    reason=reason,
                ),
                subtype_xmlid="mail.mt_note",
            )

    # ------------------------------------------------------------------
    # Complaints: reminders (scheduled action)
    # ------------------------------------------------------------------

    @api.model
    def _cron_complaint_reminders(self, batch_size=500):
        while True:
            done, remaining = self._complaint_reminder_batch(batch_size=batch_size)
            if not done:
                break
            if not self.env["ir.cron"]._commit_progress(done, remaining=remaining):
                break

    def _complaint_reminder_domain(self, now):
        return (
            Domain("is_complaint", "=", True)
            & Domain("stage_id.closed", "=", False)
            & (
                Domain("complaint_next_check", "=", False)
                | Domain("complaint_next_check", "<=", now)
            )
        )

    @api.model
    def _complaint_load_demo_scenario(self):
        """Tell the demo's complaints (``DEMO_SCENARIO``) unless they were told
        already: the addon's install after the core's upgrade to 19.0.5.0.0
        finds the core's demo complaints moved to it (their xml ids under this
        addon, ``migrations/19.0.5.0.0`` of the core) and must neither create
        them twice nor run their business steps again. Loaded in init mode
        as noupdate demo data, as Odoo loads its own scenarios."""
        if self.env.ref(DEMO_TOLD, raise_if_not_found=False):
            return False
        convert.convert_file(
            self.env, "customer_callback_complaint", DEMO_SCENARIO, None, mode="init", noupdate=True
        )
        return True

    @api.model
    def _complaint_reminder_batch(self, batch_size=500, now=None):
        """One batch of complaint reminders; returns (processed, remaining).

        Selects the complaints to look at in one query (``complaint_next_check``
        passed), the open reminder activities in one grouped query, creates
        the activities in one call and pushes ``complaint_next_check`` forward,
        so a second run finds nothing to do."""
        now = now or fields.Datetime.now()
        Ticket = self.sudo()
        domain = self._complaint_reminder_domain(now)
        tickets = Ticket.search(domain, limit=batch_size, order="id").try_lock_for_update()
        if not tickets:
            return 0, 0
        types = {
            kind: self.env.ref(xmlid, raise_if_not_found=False)
            for kind, xmlid in REMINDER_ACTIVITY_TYPES.items()
        }
        types = {kind: t for kind, t in types.items() if t}
        kind_of_type = {t.id: kind for kind, t in types.items()}
        open_rows = (
            self.env["mail.activity"]
            .sudo()
            ._read_group(
                [
                    ("res_model", "=", "helpdesk.ticket"),
                    ("res_id", "in", tickets.ids),
                    ("activity_type_id", "in", list(kind_of_type)),
                ],
                ["res_id", "activity_type_id"],
                ["__count"],
            )
        )
        open_kinds = defaultdict(set)
        for res_id, activity_type, _count in open_rows:
            open_kinds[res_id].add(kind_of_type[activity_type.id])
        model_id = self.env["ir.model"]._get_id("helpdesk.ticket")
        activities = []
        updates = defaultdict(lambda: self.browse())
        for ticket in tickets:
            grade = ticket.complaint_grade_id
            pairs = ticket._complaint_pairs()
            kinds, next_check = cd.plan_reminders(
                now,
                start=ticket.complaint_date or ticket.create_date,
                pairs=pairs,
                soon_hours=ticket.company_id.complaint_soon_hours,
                soon_percent=ticket.company_id.complaint_soon_percent,
                owner_interval=grade.owner_update_hours or 24.0,
                customer_interval=grade.customer_update_hours or 12.0,
                last_owner_update=ticket.complaint_owner_update_date,
                last_customer_update=ticket.complaint_customer_update_date,
                owner_reminded=ticket.complaint_owner_reminded_date,
                customer_reminded=ticket.complaint_customer_reminded_date,
                near_reminded_deadline=ticket.complaint_near_reminded_deadline,
                breach_reminded_deadline=ticket.complaint_breach_reminded_deadline,
                open_kinds=open_kinds[ticket.id],
            )
            values = {"complaint_next_check": next_check}
            for kind in kinds:
                if kind not in types:
                    continue
                user = (
                    ticket._complaint_escalation_user()
                    if kind == cd.BREACH
                    else ticket._complaint_owner()
                )
                activities.append(
                    {
                        "res_model_id": model_id,
                        "res_id": ticket.id,
                        "activity_type_id": types[kind].id,
                        "user_id": user.id,
                        "date_deadline": fields.Date.context_today(self),
                        "note": ticket._complaint_reminder_note(kind, pairs, now, user),
                    }
                )
                if kind == cd.OWNER_UPDATE:
                    values["complaint_owner_reminded_date"] = now
                elif kind == cd.CUSTOMER_UPDATE:
                    values["complaint_customer_reminded_date"] = now
                elif kind == cd.DEADLINE_NEAR:
                    values["complaint_near_reminded_deadline"] = cd.upcoming_deadline(now, pairs)
                else:
                    values["complaint_breach_reminded_deadline"] = cd.breached_deadline(now, pairs)
            updates[tuple(sorted(values.items()))] |= ticket
        if activities:
            self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True).create(
                activities
            )
        for values, group in updates.items():
            group.write(dict(values))
        # "open past the resolution deadline" depends on the clock: the tickets
        # looked at are open, so they are late once their deadline has passed
        now_late = tickets.filtered(
            lambda t: not t.resolution_late and cd.is_late(t.resolution_deadline, None, now)
        )
        if now_late:
            now_late.write({"resolution_late": True, "resolution_on_time": 0.0})
        return len(tickets), Ticket.search_count(domain)

    def _complaint_owner(self):
        self.ensure_one()
        return self.user_id or self.env["customer.callback"]._callback_responsible(
            self.company_id, self.team_id
        )

    def _complaint_escalation_user(self):
        self.ensure_one()
        return self.complaint_grade_id.escalation_user_id or self.env[
            "customer.callback"
        ]._callback_responsible(self.company_id, self.team_id)

    def _complaint_reminder_note(self, kind, pairs, now, user):
        """The activity's note, in the recipient's language, deadlines in the
        recipient's timezone (the company's when the user has none)."""
        self.ensure_one()
        tz = user.tz or self.company_id._callback_tz()
        env = self.with_context(lang=user.lang or self.env.lang).env

        def local(moment):
            return call_window.format_local(moment, tz)

        if kind == cd.OWNER_UPDATE:
            return env._("Update the status of this complaint (owner's regular status update).")
        if kind == cd.CUSTOMER_UPDATE:
            return env._("Update the customer on the progress of this complaint.")
        if kind == cd.DEADLINE_NEAR:
            return env._(
                "A deadline of this complaint is near: %s.",
                local(cd.upcoming_deadline(now, pairs)),
            )
        return env._(
            "This complaint missed its deadline of %s: follow it up with the owner.",
            local(cd.breached_deadline(now, pairs)),
        )
