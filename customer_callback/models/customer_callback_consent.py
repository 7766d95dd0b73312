# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The customer's consent ledger (issue #20): every consent given or
withdrawn, and every contact preference stated, as history. Lines are
appended, never changed or deleted; what a customer allows now is decided
from them by ``tools.consent``."""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import consent as consent_tools
from .customer_callback import OPEN_STATES
from .customer_callback_rule import CHANNELS

PURPOSES = [
    (consent_tools.CONTACT, "Contact"),
    (consent_tools.SURVEY, "Satisfaction surveys"),
    (consent_tools.RECORDING, "Call recording"),
    (consent_tools.PREFERENCE, "Contact preference"),
]
DECISIONS = [(consent_tools.GIVEN, "Given"), (consent_tools.WITHDRAWN, "Withdrawn")]
SOURCES = [
    ("customer", "Customer page"),
    ("agent", "Agent"),
    ("import", "Import"),
]


class CustomerCallbackConsent(models.Model):
    _name = "customer.callback.consent"
    _description = "Customer Consent"
    _order = "date desc, id desc"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, ondelete="restrict"
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    purpose = fields.Selection(PURPOSES, required=True)
    channel = fields.Selection(
        CHANNELS,
        help="The channel the line is about; empty: every channel. On a contact "
        "preference: the preferred channel.",
    )
    decision = fields.Selection(DECISIONS, required=True, default=consent_tools.GIVEN)
    preferred_time = fields.Float(
        help="On a contact preference: the preferred time of day (customer's timezone)."
    )
    preferred_days = fields.Char(
        string="Preferred days",
        help="On a contact preference: the weekdays the customer prefers (0 = Monday, "
        "e.g. 1,3 for Tuesday and Thursday); empty: any day.",
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    source = fields.Selection(SOURCES, required=True, default="agent")
    user_id = fields.Many2one(
        "res.users", string="Recorded by", default=lambda self: self.env.user, index=True
    )
    callback_id = fields.Many2one(
        "customer.callback",
        string="Callback",
        index="btree_not_null",
        ondelete="set null",
        check_company=True,
    )
    text = fields.Text(string="Text shown", help="What the customer or the agent read.")

    _partner_date_idx = models.Index("(partner_id, date, id)")

    @api.constrains("preferred_time")
    def _check_preferred_time(self):
        if any(not 0 <= line.preferred_time < 24 for line in self):
            raise ValidationError(
                self.env._("The preferred time must lie within the day (00:00–24:00).")
            )

    @api.depends("purpose", "decision", "channel")
    def _compute_display_name(self):
        purposes, decisions = (
            dict(self._fields["purpose"]._description_selection(self.env)),
            dict(self._fields["decision"]._description_selection(self.env)),
        )
        channels = dict(self._fields["channel"]._description_selection(self.env))
        for line in self:
            parts = [purposes.get(line.purpose, ""), decisions.get(line.decision, "")]
            if line.channel:
                parts.append(channels[line.channel])
            line.display_name = " – ".join(part for part in parts if part)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            # a user records what the customer said to him: his own name, as
            # an agent (or an import); the customer page's lines are the page's
            source = "import" if self.env.context.get("import_file") else "agent"
            vals_list = [
                dict(vals, user_id=self.env.user.id, source=source, date=fields.Datetime.now())
                for vals in vals_list
            ]
        lines = super().create(vals_list)
        lines._act_on_withdrawals()
        return lines

    def _act_on_withdrawals(self):
        """A withdrawal acts at once, whoever records it (the customer's
        page, an agent, the customer's fields, an import): the customer's
        open callbacks of the line's company by a channel he may no longer
        be contacted by are cancelled, with the reason. Addons extend it
        (the satisfaction surveys pending)."""
        withdrawn = self.filtered(
            lambda line: line.purpose == consent_tools.CONTACT
            and line.decision == consent_tools.WITHDRAWN
        )
        if withdrawn:
            withdrawn._cancel_open_callbacks()

    def _withdrawn_pairs(self):
        """{(partner id, company id): lines of ``self`` for that customer and company}."""
        pairs = {}
        for line in self:
            pairs.setdefault((line.partner_id.id, line.company_id.id), self.browse())
            pairs[(line.partner_id.id, line.company_id.id)] |= line
        return pairs

    def _cancel_open_callbacks(self):
        """Cancel, as the system, the open callbacks of the customers and
        companies of these withdrawal lines that the customer's say (the
        whole ledger, these lines included) no longer allows."""
        pairs = self._withdrawn_pairs()
        consents = self._decide(self.partner_id)
        callbacks = (
            self.env["customer.callback"]
            .sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("partner_id", "in", self.partner_id.ids),
                    ("company_id", "in", self.company_id.ids),
                    ("state", "in", OPEN_STATES),
                ],
                order="id",
            )
            .filtered(
                lambda cb: (cb.partner_id.id, cb.company_id.id) in pairs
                and not consents[cb.partner_id.id].may_contact(cb.channel)
            )
        )
        if not callbacks:
            return
        bodies = {}
        for callback in callbacks:
            lines = pairs[(callback.partner_id.id, callback.company_id.id)]
            line = (
                lines.filtered(lambda line, cb=callback: line.channel == cb.channel)
                or lines.filtered(lambda line: not line.channel)
                or lines
            )[-1:]
            bodies[callback.id] = line._withdrawal_reason()
        callbacks.write(
            {
                "state": "cancelled",
                "close_reason": "withdrawn",
                "done_date": fields.Datetime.now(),
            }
        )
        callbacks._message_log_batch(bodies=bodies)

    def _withdrawal_reason(self):
        """Why a callback is cancelled after this withdrawal line (chatter)."""
        self.ensure_one()
        origin = dict(self._fields["source"]._description_selection(self.env))[self.source]
        if self.user_id:
            origin = f"{origin}, {self.user_id.name}"
        if self.channel:
            return self.env._(
                "Cancelled: the customer withdrew his consent to be contacted by "
                "%(channel)s (%(origin)s).",
                channel=dict(self._fields["channel"]._description_selection(self.env))[
                    self.channel
                ],
                origin=origin,
            )
        return self.env._(
            "Cancelled: the customer asked not to be contacted (%(origin)s).", origin=origin
        )

    def write(self, vals):
        if vals:
            raise UserError(
                self.env._("The consent ledger is history: add a line instead of changing one.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        if self.env.su and self.env.context.get("callback_sample_removal"):
            return  # the lines of fictitious customers go with the sample data
        raise UserError(self.env._("The consent ledger is history: its lines are never deleted."))

    @api.model
    def _decide(self, partners):
        """{partner id: tools.consent.Consent} of ``partners``, from their
        ledger lines (all companies' lines: the customer's say is his)."""
        result = {partner_id: consent_tools.Consent() for partner_id in partners.ids}
        if not partners.ids:
            return result
        by_partner = {}
        for line in (
            self.sudo()
            .with_context(active_test=False)
            .search_fetch(
                [("partner_id", "in", partners.ids)],
                [
                    "partner_id",
                    "purpose",
                    "decision",
                    "channel",
                    "preferred_time",
                    "preferred_days",
                    "date",
                ],
                order="id",
            )
        ):
            by_partner.setdefault(line.partner_id.id, []).append(
                consent_tools.Line(
                    moment=line.date,
                    sequence=line.id,
                    purpose=line.purpose,
                    decision=line.decision,
                    channel=line.channel or None,
                    preferred_time=line.preferred_time or None,
                    preferred_days=consent_tools.parse_days(line.preferred_days),
                )
            )
        for partner_id, lines in by_partner.items():
            result[partner_id] = consent_tools.decide(lines)
        return result
