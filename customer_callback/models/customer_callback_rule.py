# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.safe_eval import safe_eval

from ..tools import assignment, notification

SEGMENTS = [
    ("new_customer", "New customer"),
    ("second_followup", "New customer, second follow-up"),
    ("usage", "Usage"),
    ("complaint", "Complaint"),
    ("churn_risk", "Churn risk"),
    ("long_term", "Long-term customer"),
    ("vip", "VIP / key account"),
    ("care_occasion", "Care occasion"),
    ("feedback_history", "Feedback history"),
]

CHANNELS = [
    ("phone", "Phone"),
    ("sms", "SMS"),
    ("email", "Email"),
    ("im", "IM / WeChat"),
    ("visit", "On-site visit"),
    ("video", "Video call"),
    ("survey", "Online questionnaire"),
]

# Addons add triggers (selection_add) with a ``_candidates_<trigger>`` method
# of customer.callback.generator, e.g. the sales orders of customer_callback_sale.
TRIGGERS = [
    ("callback_done", "Callback of another rule done"),
    ("ticket_closed", "Complaint ticket closed"),
    ("no_recent_order", "No order for the churn period"),
    ("anniversary", "Anniversary of the first order"),
    ("periodic", "Every period"),
    ("birthday", "Birthday"),
    ("occasion", "Care occasions and public holidays"),
    ("feedback", "Unsolved feedback"),
    ("manual", "Manual only"),
]

# Triggers whose callbacks recur once per period of ``period_months``.
PERIODIC_TRIGGERS = ("periodic", "no_recent_order")

TIERS = [
    ("prospect", "Prospect"),
    ("new", "New customer"),
    ("regular", "Long-term customer"),
    ("vip", "VIP"),
]


class CustomerCallbackRule(models.Model):
    _name = "customer.callback.rule"
    _description = "Callback Cadence Rule"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(
        default=10,
        help="Rules first in the list win when contact fatigue allows only some "
        "callbacks for a customer.",
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    segment = fields.Selection(SEGMENTS, required=True)
    trigger = fields.Selection(TRIGGERS, required=True, default="manual")
    source_rule_id = fields.Many2one(
        "customer.callback.rule",
        string="After callbacks of",
        ondelete="restrict",
        check_company=True,
        help="For 'Callback of another rule done': the rule whose done callbacks start this one.",
    )
    offset_days = fields.Integer(
        string="Start (days after trigger)",
        help="Days between the trigger and the first day the callback is due. "
        "Negative for occasions: -5 means five days before.",
    )
    window_days = fields.Integer(
        string="Window (days)",
        default=7,
        help="Days the agent has after the start; the end is the deadline.",
    )
    period_months = fields.Integer(
        string="Every (months)",
        default=3,
        help="For recurring rules: one callback per customer per period (3 = quarterly).",
    )
    partner_tier = fields.Selection(
        TIERS,
        string="Customer tier",
        help="Only customers of this tier. Empty: every customer.",
    )
    partner_domain = fields.Char(
        string="Customer filter",
        default="[]",
        help="Extra condition on the customers of this rule.",
    )
    include_public_holidays = fields.Boolean(
        help="Also greet customers before the public holidays of the company's "
        "working-time calendar.",
    )
    channel = fields.Selection(CHANNELS, string="Default channel", required=True, default="phone")
    assignment = fields.Selection(
        [
            ("team", "Team queue"),
            ("agent", "Fixed agent"),
            ("round_robin", "Round robin within the team"),
            ("salesperson", "Customer's salesperson"),
        ],
        required=True,
        default="round_robin",
    )
    team_id = fields.Many2one("helpdesk.ticket.team", string="Team", check_company=True)
    user_id = fields.Many2one(
        "res.users",
        string="Agent",
        domain=[("share", "=", False)],
        check_company=True,
    )
    script_id = fields.Many2one("customer.callback.script", string="Script", check_company=True)
    ignore_fatigue = fields.Boolean(
        string="Ignore contact fatigue",
        help="Callbacks of this rule are made even when the customer reached the "
        "contact fatigue limit (they still count towards it).",
    )
    description = fields.Text(translate=True)
    callback_count = fields.Integer(compute="_compute_callback_count")
    routing_warning = fields.Char(
        compute="_compute_routing_warning",
        help="Set when the rule's callbacks reach no team with an active agent: where they "
        "go instead (the default callback team, the supervisor's queue, or nobody).",
    )

    _window_positive = models.Constraint(
        "CHECK (window_days >= 0)", "The window of a rule cannot be negative."
    )

    def _compute_callback_count(self):
        counts = dict(
            self.env["customer.callback"]._read_group(
                [("rule_id", "in", self.ids)], ["rule_id"], ["__count"]
            )
        )
        for rule in self:
            rule.callback_count = counts.get(rule, 0)

    @api.depends(
        "assignment",
        "team_id.user_ids",
        "company_id.callback_default_team_id.user_ids",
        "company_id.callback_supervisor_id",
    )
    def _compute_routing_warning(self):
        for company, rules in self.grouped("company_id").items():
            if not company:
                rules.routing_warning = False
                continue
            agents, default, supervisor = company._callback_route_info(rules.team_id)
            for rule in rules:
                gap = rule._callback_routing_gap(agents, default, supervisor)
                rule.routing_warning = gap and company._callback_route_message(gap, rule.team_id)

    def _callback_routing_gap(self, agents, default, supervisor):
        """Why this rule's callbacks (those it gives nobody) reach no team with
        an agent, or None (``tools.assignment.routing_gap``); ``agents``,
        ``default`` and ``supervisor`` as ``res.company._callback_route_info``
        returns them. A rule with a fixed agent never has a gap."""
        self.ensure_one()
        if self.assignment == "agent":
            return None
        team = self.team_id
        return assignment.routing_gap(
            bool(team),
            bool(team and agents.get(team.id)),
            bool(default),
            bool(default and default[1]),
            bool(supervisor),
        )

    @api.constrains(
        "trigger", "source_rule_id", "period_months", "assignment", "team_id", "user_id"
    )
    def _check_trigger_settings(self):
        for rule in self:
            if rule.trigger == "callback_done" and not rule.source_rule_id:
                raise ValidationError(
                    self.env._(
                        "Rule “%s” starts after another rule's callbacks: choose that rule.",
                        rule.name,
                    )
                )
            if rule.source_rule_id == rule:
                raise ValidationError(
                    self.env._("Rule “%s” cannot follow its own callbacks.", rule.name)
                )
            if rule.trigger in PERIODIC_TRIGGERS and not 1 <= rule.period_months <= 12:
                raise ValidationError(
                    self.env._(
                        "The period of rule “%s” must be between 1 and 12 months.", rule.name
                    )
                )
            if rule.assignment == "agent" and not rule.user_id:
                raise ValidationError(
                    self.env._("Rule “%s” assigns a fixed agent: choose one.", rule.name)
                )
            if rule.assignment == "round_robin" and not rule.team_id:
                raise ValidationError(
                    self.env._(
                        "Rule “%s” assigns round robin within a team: choose the team.", rule.name
                    )
                )

    @api.constrains("partner_domain")
    def _check_partner_domain(self):
        for rule in self:
            try:
                rule._partner_domain()
            except Exception as error:
                raise ValidationError(
                    self.env._(
                        "The customer filter of rule “%(rule)s” is not valid: %(error)s",
                        rule=rule.name,
                        error=error,
                    )
                ) from error

    def _partner_domain(self):
        """The rule's extra customer condition, as a domain list."""
        self.ensure_one()
        domain = safe_eval(self.partner_domain or "[]")
        self.env["res.partner"]._search(domain)  # raises on an unknown field
        return domain

    @api.ondelete(at_uninstall=False)
    def _unlink_except_with_callbacks(self):
        """A rule's callbacks are history: the rule is archived, not deleted."""
        used = (
            self.env["customer.callback"]
            .sudo()
            .with_context(active_test=False)
            ._read_group([("rule_id", "in", self.ids)], ["rule_id"], ["__count"])
        )
        if used:
            raise UserError(
                self.env._(
                    "Rules with callbacks cannot be deleted; archive them instead: %s",
                    ", ".join(rule.display_name for rule, _count in used),
                )
            )

    def action_view_callbacks(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "customer_callback.customer_callback_action_all"
        )
        action["domain"] = [("rule_id", "=", self.id)]
        action["context"] = {"default_rule_id": self.id, "active_test": False}
        return action

    @api.model
    def _link_default_script(self, rule_xmlid, script_xmlid):
        """Data files: give a default rule its default script when it has
        none (a database installed before the script existed); a script
        chosen by hand is kept, a rule or script deleted is left alone."""
        rule = self.env.ref(rule_xmlid, raise_if_not_found=False)
        script = self.env.ref(script_xmlid, raise_if_not_found=False)
        if rule and script and not rule.script_id:
            rule.script_id = script

    def action_confirm_reviewed(self):
        """The supervisor checked the current company's rules (a step of the
        set-up checklist): the company remembers it."""
        if not self.env.user.has_group("customer_callback.customer_callback_group_supervisor"):
            raise AccessError(self.env._("Only a callback supervisor can confirm the rules."))
        company = self.env.company
        if not self.search_count([("company_id", "=", company.id)], limit=1):
            raise UserError(
                self.env._("%s has no active cadence rule yet: create one first.", company.name)
            )
        # a supervisor need not be allowed to edit the company: only this flag
        company.sudo().callback_rules_reviewed = True
        return notification.toast(
            self.env._("The cadence rules of %s are reviewed.", company.name), kind="success"
        )
