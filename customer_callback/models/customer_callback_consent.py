# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The customer's consent ledger (issue #20): every consent given or
withdrawn, and every contact preference stated, as history. Lines are
appended, never changed or deleted; what a customer allows now is decided
from them by ``tools.consent``."""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import consent as consent_tools
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
        return super().create(vals_list)

    def write(self, vals):
        if vals:
            raise UserError(
                self.env._("The consent ledger is history: add a line instead of changing one.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
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
