# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.fields import Domain

from ..tools import consent as consent_tools
from .customer_callback_rule import CHANNELS, TIERS

AGENT_GROUP = "customer_callback.customer_callback_group_agent"
# What a salesperson without callback groups needs of the customer: whether
# the customer asked not to be contacted (a salesperson calls customers too)
# and whether it is a key account (its tier). The callback details (birthday,
# preferred time and channel, form of address, promised reply) stay with the
# callback groups.
SALES_OR_AGENT = "sales_team.group_sale_salesman," + AGENT_GROUP


class ResPartner(models.Model):
    _inherit = "res.partner"

    callback_ids = fields.One2many(
        "customer.callback", "partner_id", string="Callbacks", groups=AGENT_GROUP
    )
    callback_count = fields.Integer(
        compute="_compute_callback_count", string="Callbacks count", groups=AGENT_GROUP
    )
    callback_vip = fields.Boolean(
        string="VIP / key account",
        tracking=True,
        groups=SALES_OR_AGENT,
        help="Key customers get their own cadence.",
    )
    callback_tier = fields.Selection(
        TIERS,
        string="Customer tier",
        compute="_compute_callback_tier",
        search="_search_callback_tier",
        groups=SALES_OR_AGENT,
        help="Prospect: no confirmed order yet; new: first order less than the "
        "long-term period ago; long-term: first order older; VIP: flagged.",
    )
    callback_title = fields.Char(
        string="Form of address",
        groups=AGENT_GROUP,
        help="How agents address the customer with the surname, e.g. 先生, 女士, Ms.",
    )
    # The customer's say, derived from his consent ledger; typing them on the
    # customer (screens, imports) appends a ledger line (source: agent).
    callback_consent_ids = fields.One2many(
        "customer.callback.consent", "partner_id", string="Consents", groups=AGENT_GROUP
    )
    callback_channel = fields.Selection(
        CHANNELS,
        string="Preferred channel",
        compute="_compute_callback_consent",
        inverse="_inverse_callback_consent",
        store=True,
        readonly=False,
        groups=AGENT_GROUP,
        help="How this customer prefers to be contacted (from the consent ledger).",
    )
    callback_preferred_time = fields.Float(
        string="Preferred time",
        compute="_compute_callback_consent",
        inverse="_inverse_callback_consent",
        store=True,
        readonly=False,
        groups=AGENT_GROUP,
        help="Preferred time of day for calls (customer's timezone), from the consent "
        "ledger. Used when it falls inside a call window.",
    )
    callback_preferred_days = fields.Char(
        string="Preferred days",
        compute="_compute_callback_consent",
        store=True,
        groups=AGENT_GROUP,
        help="Weekdays the customer prefers to be called on (0 = Monday), from the "
        "consent ledger; empty: any day.",
    )
    callback_do_not_call = fields.Boolean(
        string="Do not call",
        compute="_compute_callback_consent",
        inverse="_inverse_callback_consent",
        store=True,
        readonly=False,
        tracking=True,
        groups=SALES_OR_AGENT,
        help="The customer asked not to be contacted (from the consent ledger).",
    )
    birthday = fields.Date(groups=AGENT_GROUP)
    # the customer's purchases, from the addon that knows them
    # (_callback_purchase_dates)
    first_purchase_date = fields.Date(
        compute="_compute_order_dates", store=True, string="First purchase"
    )
    last_order_date = fields.Date(compute="_compute_order_dates", store=True, string="Last order")
    last_callback_date = fields.Datetime(
        compute="_compute_callback_stats", store=True, string="Last callback", groups=AGENT_GROUP
    )
    callback_satisfaction = fields.Float(
        compute="_compute_callback_stats",
        store=True,
        string="Average satisfaction",
        digits=(3, 2),
        aggregator="avg",
        groups=AGENT_GROUP,
        help="Average of the customer's satisfaction scores (5-point scale): the scored "
        "callbacks, and the satisfaction surveys answered after a ticket where surveys "
        "are used.",
    )
    callback_churn_risk = fields.Boolean(
        string="Churn risk",
        compute="_compute_callback_churn_risk",
        search="_search_callback_churn_risk",
        help="No confirmed order for the churn period of the company's settings.",
    )

    @api.constrains("callback_preferred_time")
    def _check_callback_preferred_time(self):
        for partner in self:
            if not 0 <= partner.callback_preferred_time < 24:
                raise ValidationError(
                    self.env._("The preferred time must lie within the day (00:00–24:00).")
                )

    @api.constrains("birthday")
    def _check_birthday(self):
        today = fields.Date.context_today(self)
        for partner in self:
            if partner.birthday and partner.birthday > today:
                raise ValidationError(self.env._("A birthday cannot be in the future."))

    @api.depends(
        "callback_consent_ids.purpose",
        "callback_consent_ids.decision",
        "callback_consent_ids.channel",
        "callback_consent_ids.preferred_time",
        "callback_consent_ids.preferred_days",
        "callback_consent_ids.date",
    )
    def _compute_callback_consent(self):
        decisions = self.env["customer.callback.consent"]._decide(self._origin)
        for partner in self:
            consent = decisions.get(partner._origin.id) or consent_tools.Consent()
            partner.callback_do_not_call = consent.do_not_call
            partner.callback_channel = consent.preferred_channel or False
            partner.callback_preferred_time = consent.preferred_time or 0.0
            partner.callback_preferred_days = (
                consent_tools.format_days(consent.preferred_days) or False
            )

    def _inverse_callback_consent(self):
        """What was typed on the customer becomes ledger lines (source agent)."""
        decisions = self.env["customer.callback.consent"]._decide(self)
        vals_list = []
        # as superuser: a salesperson's "do not call" is recorded with the
        # customer's channel and time she may not read
        for partner in self.sudo():
            current = decisions[partner.id]
            for purpose, decision, channel, preferred_time in consent_tools.changes(
                current,
                partner.callback_do_not_call,
                partner.callback_channel,
                partner.callback_preferred_time,
            ):
                vals_list.append(
                    {
                        "partner_id": partner.id,
                        "company_id": (partner.company_id or self.env.company).id,
                        "purpose": purpose,
                        "decision": decision,
                        "channel": channel or False,
                        "preferred_time": preferred_time or 0.0,
                        # the days chosen before are kept with the new channel or time
                        "preferred_days": consent_tools.format_days(current.preferred_days)
                        if purpose == consent_tools.PREFERENCE
                        else False,
                        "source": self.env.context.get("callback_consent_source", "agent"),
                        "user_id": self.env.user.id,
                        "text": self.env.context.get("callback_consent_text")
                        or self.env._("Changed on the customer by %s.", self.env.user.name),
                    }
                )
        if vals_list:
            # agents and salespeople record the customer's say; nobody else
            # writes the ledger
            self.env["customer.callback.consent"].sudo().create(vals_list)

    def _callback_consents(self):
        """{partner id: tools.consent.Consent}: what each customer allows now."""
        return self.env["customer.callback.consent"]._decide(self)

    def _compute_callback_count(self):
        counts = dict(
            self.env["customer.callback"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.callback_count = counts.get(partner, 0)

    def _compute_order_dates(self):
        dates = self._callback_purchase_dates()
        for partner in self:
            first, last = dates.get(partner._origin.id, (False, False))
            partner.first_purchase_date = first
            partner.last_order_date = last

    def _callback_purchase_dates(self):
        """Hook: {partner id: (first purchase date, last purchase date)} behind
        the customers' tiers, churn risk and anniversaries. The core knows no
        purchase (every customer is a prospect unless VIP); the addon of a
        sales channel (customer_callback_sale: confirmed sales orders) extends
        it and adds its dependencies by overriding ``_compute_order_dates``."""
        return {}

    @api.depends("callback_ids.state", "callback_ids.score", "callback_ids.done_date")
    def _compute_callback_stats(self):
        callbacks = self.env["customer.callback"].sudo().with_context(active_test=False)
        last = dict(
            callbacks._read_group(
                [("partner_id", "in", self.ids), ("state", "=", "done")],
                ["partner_id"],
                ["done_date:max"],
            )
        )
        totals = self._callback_satisfaction_totals()
        for partner in self:
            origin = partner._origin
            partner.last_callback_date = last.get(origin, False)
            total, count = totals.get(origin, (0, 0))
            partner.callback_satisfaction = total / count if count else 0.0

    def _callback_satisfaction_totals(self):
        """Hook: {partner: (sum of scores, number of scores)} behind the
        average satisfaction: here the done, scored callbacks. Addons add
        other scores (e.g. satisfaction surveys) by extending it, and add
        their dependencies by overriding ``_compute_callback_stats``."""
        rows = (
            self.env["customer.callback"]
            .sudo()
            .with_context(active_test=False)
            ._read_group(
                [("partner_id", "in", self.ids), ("state", "=", "done"), ("score", ">", 0)],
                ["partner_id"],
                ["score:sum", "__count"],
            )
        )
        return {partner: (total, count) for partner, total, count in rows}

    def _long_term_limit(self):
        return fields.Date.context_today(self) - timedelta(
            days=self.env.company.callback_long_term_days
        )

    @api.depends("callback_vip", "first_purchase_date")
    @api.depends_context("company")
    def _compute_callback_tier(self):
        limit = self._long_term_limit()
        for partner in self:
            if partner.callback_vip:
                partner.callback_tier = "vip"
            elif not partner.first_purchase_date:
                partner.callback_tier = "prospect"
            elif partner.first_purchase_date <= limit:
                partner.callback_tier = "regular"
            else:
                partner.callback_tier = "new"

    @api.model
    def _callback_tier_domain(self, tier, long_term_limit):
        if tier == "vip":
            return Domain("callback_vip", "=", True)
        not_vip = Domain("callback_vip", "=", False)
        if tier == "prospect":
            return not_vip & Domain("first_purchase_date", "=", False)
        if tier == "regular":
            return not_vip & Domain("first_purchase_date", "<=", long_term_limit)
        return not_vip & Domain("first_purchase_date", ">", long_term_limit)

    def _search_callback_tier(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        limit = self._long_term_limit()
        domain = Domain.OR(self._callback_tier_domain(tier, limit) for tier in value if tier)
        return domain if operator == "in" else ~domain

    def _churn_limit(self):
        return fields.Date.context_today(self) - timedelta(
            days=self.env.company.callback_churn_days
        )

    @api.depends("last_order_date")
    @api.depends_context("company")
    def _compute_callback_churn_risk(self):
        limit = self._churn_limit()
        for partner in self:
            partner.callback_churn_risk = bool(
                partner.last_order_date and partner.last_order_date < limit
            )

    def _search_callback_churn_risk(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        domain = Domain("last_order_date", "<", self._churn_limit())
        positive = (True in value) == (operator == "in")
        return domain if positive else ~domain

    def _callback_preferred_hour(self):
        self.ensure_one()
        return self.callback_preferred_time or None

    def _callback_preferred_weekdays(self):
        self.ensure_one()
        return consent_tools.parse_days(self.callback_preferred_days)

    def action_view_callbacks(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "customer_callback.customer_callback_action_all"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id, "active_test": False}
        return action

    def action_erase_callback_data(self):
        """Erase the customers' callbacks and attempts on a data-subject request.

        Administrators only: the history guard that keeps callbacks from being
        deleted yields to this explicit, logged erasure.
        """
        if not self.env.is_admin():
            raise AccessError(self.env._("Only administrators can erase callback data."))
        callbacks = (
            self.env["customer.callback"]
            .sudo()
            .with_context(active_test=False)
            .search([("partner_id", "in", self.ids)])
        )
        count = len(callbacks)
        callbacks.with_context(callback_erase_personal_data=True).unlink()
        for partner in self:
            partner.message_post(
                body=self.env._("Callback data erased on request (%s callbacks).", count),
                subtype_xmlid="mail.mt_note",
            )
        return True

    # Tickets: the latest reply promised to this customer (SPEC §4).
    promised_reply_date = fields.Datetime(
        string="Promised reply",
        readonly=True,
        groups=AGENT_GROUP,
        copy=False,
        help="The latest reply time promised to this customer on a ticket.",
    )
