# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The callbacks of the monthly spot-checks: the batch a callback was drawn
by, the agent whose service it rates, the praise recorded; a spot-check
closes with a score, never counts toward the contact-fatigue cap, and a
dissatisfied customer gets a ticket with a promised reply."""

from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

from odoo.addons.customer_callback.tools import call_window

SPOT_CHECK = "spot_check"


class CustomerCallback(models.Model):
    _inherit = "customer.callback"

    segment = fields.Selection(
        selection_add=[("spot_check", "Service spot-check")],
        ondelete={"spot_check": "set default"},
    )
    # Spot-check callbacks (SPEC §7, 002): one per customer drawn by a batch.
    spot_check_id = fields.Many2one(
        "customer.callback.spot.check",
        string="Spot-check batch",
        index="btree_not_null",
        ondelete="restrict",
        readonly=True,
        copy=False,
    )
    checked_user_id = fields.Many2one(
        "res.users",
        string="Agent checked",
        index="btree_not_null",
        copy=False,
        help="The agent whose service this spot-check rates.",
    )
    praise = fields.Text(
        copy=False,
        help="Praise the customer asked to record (it counts towards the agent's rewards).",
    )
    spot_check_complaint_id = fields.Many2one(
        "helpdesk.ticket",
        string="Spot-check complaint",
        compute="_compute_spot_check_complaint_id",
    )

    _spot_check_review_idx = models.Index(
        "(company_id, done_date) WHERE state = 'done' AND score > 0"
    )
    # "has an open callback" probes of the spot-check pool: index-only scans
    _open_partner_idx = models.Index(
        "(partner_id) WHERE active IS TRUE AND state IN ('draft', 'planned', 'in_progress')"
    )

    @api.model
    def _customer_words_fields(self):
        """A spot-checked customer's praise is in his own words too."""
        return (*super()._customer_words_fields(), "praise")

    @api.model
    def _fatigue_free_segments(self):
        """A spot-check never counts toward the contact-fatigue cap (quality
        control, with its own cap of twice in 12 months, 002 §9)."""
        return (*super()._fatigue_free_segments(), SPOT_CHECK)

    def write(self, vals):
        result = super().write(vals)
        if vals.get("state") in ("in_progress", "done", "unreachable", "declined"):
            self._spot_check_batches_started()
        return result

    def _spot_check_batches_started(self):
        """A spot-check batch is in progress once one of its callbacks is."""
        batches = self.spot_check_id.filtered(lambda b: b.state == "sampled")
        if batches:
            batches.sudo().write({"state": "in_progress"})

    @api.model
    def _spot_check_ticket_domain(self):
        """Which tickets raised in a spot-check call are its complaint (a
        hook: customer_callback_complaint keeps the complaints)."""
        return Domain.TRUE

    def _compute_spot_check_complaint_id(self):
        tickets = (
            self.env["helpdesk.ticket"]
            .sudo()
            .search(
                Domain("origin_callback_id", "in", self.ids) & self._spot_check_ticket_domain(),
                order="id desc",
            )
        )
        first = {}
        for ticket in tickets:
            first.setdefault(ticket.origin_callback_id.id, ticket)
        for callback in self:
            callback.spot_check_complaint_id = first.get(callback.id, False)

    def _check_closable(self):
        result = super()._check_closable()
        self._check_spot_check_closable()
        return result

    def _check_spot_check_closable(self):
        """A spot-check closes with a score, and a reason when dissatisfied."""
        for callback in self.filtered(lambda c: c.segment == "spot_check"):
            if not callback.score:
                raise UserError(
                    self.env._(
                        "Ask the customer for a score (1 to 5) before closing spot-check %s; "
                        "log 'Hung up' when the customer refuses to answer.",
                        callback.name,
                    )
                )
            if callback.score <= 2 and not (callback.feedback or "").strip():
                raise UserError(
                    self.env._(
                        "Record why the customer is dissatisfied before closing spot-check %s.",
                        callback.name,
                    )
                )

    def action_open_spot_check_complaint(self):
        """A dissatisfied spot-checked customer (score 1-2) whose problem cannot
        be solved on the call: a complaint ticket with a promised reply."""
        self.ensure_one()
        if self.segment != "spot_check" or not self.score or self.score > 2:
            raise UserError(self.env._("A complaint is opened from a spot-check scored 1 or 2."))
        self.check_access("write")
        ticket = self.spot_check_complaint_id
        if not ticket:
            company = self.company_id
            promised = fields.Datetime.now() + timedelta(
                minutes=company.callback_spot_check_reply_minutes
            )
            owner = self.spot_check_id.leader_id or self.env.user
            reason = (
                self.feedback
                or self.summary
                or self.env._("Dissatisfied during spot-check %s", self.name)
            )
            # The agent may not be allowed to create tickets for the team lead:
            # the ticket is created as superuser, the agent follows it.
            ticket = (
                self.env["helpdesk.ticket"]
                .sudo()
                .create(
                    {
                        "name": self.env._(
                            "Spot-check complaint: %s", self.partner_id.display_name
                        )[:200],
                        "description": Markup("<p>%s</p><p>%s</p>")
                        % (
                            reason,
                            self.with_context(lang=owner.lang or self.env.lang).env._(
                                "Score %(score)s. Promised reply by %(date)s.",
                                score=self.score,
                                date=call_window.format_local(
                                    promised, owner.tz or company._callback_tz()
                                ),
                            ),
                        ),
                        "partner_id": self.partner_id.id,
                        "partner_name": self.partner_id.name,
                        "partner_email": self.partner_id.email,
                        "company_id": company.id,
                        "team_id": (self.spot_check_id.team_id or self.team_id).id or False,
                        "user_id": owner.id,
                        "origin_callback_id": self.id,
                        **self._spot_check_ticket_vals(),
                    }
                )
            )
            ticket.message_subscribe(partner_ids=self.env.user.partner_id.ids)
            self.write(
                {
                    "promised_date": promised,
                    "problem_status": "pending",
                    "next_action_user_id": owner.id,
                    "important": True,
                }
            )
            self.message_post(
                body=Markup(self.env._("Complaint %(ticket)s opened; reply promised by %(date)s."))
                % {
                    "ticket": ticket._get_html_link(),
                    "date": call_window.format_local(promised, self._reader_tz()),
                }
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": "helpdesk.ticket",
            "res_id": ticket.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

    def _spot_check_ticket_vals(self):
        """More values of the ticket opened for a dissatisfied spot-checked
        customer (a hook: customer_callback_complaint makes it a complaint)."""
        return {}
