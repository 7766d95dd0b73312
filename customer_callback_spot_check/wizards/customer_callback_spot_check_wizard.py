# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from odoo.addons.customer_callback.tools import notification

from ..tools import sampling


class CustomerCallbackSpotCheckWizard(models.TransientModel):
    """Create (or take) a month's spot-check batch and draw its sample."""

    _name = "customer.callback.spot.check.wizard"
    _description = "Draw a Spot-check Sample"

    spot_check_id = fields.Many2one(
        "customer.callback.spot.check", string="Spot-check", domain=[("state", "=", "draft")]
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    date_from = fields.Date(
        string="Month",
        default=lambda self: fields.Date.context_today(self).replace(day=1),
        help="Any day of the month to check.",
    )
    # the batch's month as a month (2026年12月), when the batch is given
    month = fields.Char(related="spot_check_id.month", string="Period")
    team_id = fields.Many2one("helpdesk.ticket.team", string="Team checked")
    sample_size = fields.Integer(default=lambda self: self.env.company.callback_spot_check_min_size)
    leader_id = fields.Many2one(
        "res.users",
        string="Team lead",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
    )
    supervisor_id = fields.Many2one(
        "res.users",
        string="Supervisor",
        default=lambda self: self.env.company.callback_supervisor_id,
        domain=[("share", "=", False)],
    )
    caller_ids = fields.Many2many("res.users", string="Callers", domain=[("share", "=", False)])
    seed = fields.Integer(
        help="Leave empty for a random draw; the seed of an earlier draw reproduces it."
    )
    minimum_size = fields.Integer(related="company_id.callback_spot_check_min_size")
    pool_preview = fields.Text(compute="_compute_pool_preview")
    pool_short = fields.Boolean(compute="_compute_pool_preview")
    pool_warning = fields.Text(compute="_compute_pool_preview")

    @api.onchange("spot_check_id")
    def _onchange_spot_check_id(self):
        batch = self.spot_check_id
        if batch:
            self.update(
                {
                    "company_id": batch.company_id,
                    "date_from": batch.date_from,
                    "team_id": batch.team_id,
                    "sample_size": batch.sample_size,
                    "leader_id": batch.leader_id,
                    "supervisor_id": batch.supervisor_id,
                    "caller_ids": batch.caller_ids,
                    "seed": batch.seed,
                }
            )

    def _batch_values(self):
        return {
            "company_id": self.company_id.id,
            "date_from": self.date_from.replace(day=1),
            "team_id": self.team_id.id,
            "sample_size": self.sample_size,
            "leader_id": self.leader_id.id or self.env.user.id,
            "supervisor_id": self.supervisor_id.id,
            "caller_ids": [(6, 0, self.caller_ids.ids)],
        }

    @api.depends("spot_check_id", "company_id", "date_from", "team_id", "sample_size")
    def _compute_pool_preview(self):
        Batch = self.env["customer.callback.spot.check"]
        for wizard in self:
            if not wizard.date_from or not wizard.company_id:
                wizard.pool_preview = wizard.pool_warning = False
                wizard.pool_short = False
                continue
            # an existing batch keeps its pool definition (sources, filters, team)
            batch = wizard.spot_check_id._origin or Batch.new(wizard._batch_values())
            # the same pool as the draw: the contact-fatigue cap counted too
            pool, fatigued = batch._drawable_pool()
            kept, excluded = sampling.eligible(pool, wizard.company_id.callback_spot_check_cap)
            wizard.pool_short = len(kept) < max(wizard.sample_size, 1)
            wizard.pool_preview = self.env._(
                "%(eligible)s eligible customers (excluded: %(fatigue)s at their contact limit, "
                "%(dnc)s do-not-call, %(open)s with an open callback, %(cap)s spot-checked too "
                "often) for a sample of %(size)s.",
                eligible=len(kept),
                fatigue=fatigued,
                dnc=excluded[sampling.EXCLUDED_DO_NOT_CALL],
                open=excluded[sampling.EXCLUDED_OPEN_CALLBACK],
                cap=excluded[sampling.EXCLUDED_CAP],
                size=wizard.sample_size,
            )
            wizard.pool_warning = wizard.pool_short and self.env._(
                "The pool is smaller than the sample: every eligible customer will be drawn. %s",
                wizard.pool_preview,
            )

    def action_sample(self):
        self.ensure_one()
        batch = self.spot_check_id
        if batch:
            values = self._batch_values()
            for key in ("date_from", "company_id", "team_id"):
                values.pop(key)
            batch.write(values)
        else:
            batch = self.env["customer.callback.spot.check"].create(self._batch_values())
        warning = batch._sample(seed=self.seed or None)
        action = {
            "type": "ir.actions.act_window",
            "res_model": batch._name,
            "res_id": batch.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }
        if not warning:
            return action
        # the warning names the batch and the shortfall: no title
        return notification.toast(
            warning,
            kind="warning",
            sticky=True,
            next_action=action,
        )
