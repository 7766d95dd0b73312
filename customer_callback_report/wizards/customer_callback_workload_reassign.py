# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.customer_callback.models.customer_callback import (
    AGENT_GROUP,
    OPEN_STATES,
    SUPERVISOR_GROUP,
)
from odoo.addons.customer_callback.tools import assignment, notification, script

SCOPES = [
    ("all", "All open work"),
    ("today", "Due today"),
    ("overdue", "Overdue"),
    ("week", "Due this week"),
]


class CustomerCallbackWorkloadReassign(models.TransientModel):
    """The lead's bulk reassignment from the team workload: the open
    callbacks (and the addons' open work, ``_records``) of the agents
    selected go to the agents chosen, balanced by their open load (nobody
    spot-checks their own work)."""

    _name = "customer.callback.workload.reassign"
    _description = "Reassign Open Work"

    from_user_ids = fields.Many2many(
        "res.users",
        "customer_callback_workload_reassign_from_rel",
        "wizard_id",
        "user_id",
        string="From agents",
        required=True,
    )
    to_user_ids = fields.Many2many(
        "res.users",
        "customer_callback_workload_reassign_to_rel",
        "wizard_id",
        "user_id",
        string="To agents",
        required=True,
        domain=lambda self: [
            ("share", "=", False),
            ("all_group_ids", "in", self.env.ref(AGENT_GROUP).ids),
        ],
        help="The work is spread over these agents, the least loaded first.",
    )
    scope = fields.Selection(SCOPES, string="Which work", required=True, default="all")
    include_callbacks = fields.Boolean(string="Callbacks", default=True)
    callback_count = fields.Integer(string="Callbacks to reassign", compute="_compute_counts")

    @api.depends("from_user_ids", "scope", "include_callbacks")
    def _compute_counts(self):
        for wizard in self:
            wizard.callback_count = len(wizard._records()[0])

    def _records(self):
        """The open work to reassign, one recordset per kind (as the user:
        record rules apply): the callbacks first; addons add theirs."""
        self.ensure_one()
        Workload = self.env["customer.callback.workload"]
        Callback = self.env["customer.callback"]
        users = self.from_user_ids._origin
        callbacks = Callback.browse()
        if users and self.include_callbacks:
            callbacks = Callback.search(
                Workload._callback_domain(users, self.scope), order="planned_date, id"
            )
        return [callbacks]

    def _open_load_domain(self, model):
        """The open work of ``model`` counted in an agent's load."""
        return [("state", "in", OPEN_STATES)] if model == "customer.callback" else []

    def _open_loads(self, model, users, exclude):
        domain = [("user_id", "in", users.ids), ("id", "not in", exclude.ids)]
        domain += self._open_load_domain(model)
        return {
            user.id: count
            for user, count in self.env[model].sudo()._read_group(domain, ["user_id"], ["__count"])
        }

    def _checked_users(self, records):
        """Per record, the agent whose work it checks (never given back to
        her): a spot-check call's checked agent, nobody for other work."""
        if records._name == "customer.callback":
            return [c.checked_user_id.id for c in records]
        return [False] * len(records)

    def _reassigned_text(self, records):
        """How many records of a kind were reassigned, as a phrase."""
        return self.env._("%s callbacks", len(records))

    def action_reassign(self):
        self.ensure_one()
        if not self.env.user.has_group(SUPERVISOR_GROUP):
            raise AccessError(self.env._("Only callback supervisors reassign the team's work."))
        targets = self.to_user_ids
        record_sets = self._records()
        if not any(record_sets):
            raise UserError(self.env._("There is no open work to reassign."))
        for records in record_sets:
            if not records:
                continue
            records.check_access("write")
            owners = assignment.spread(
                self._checked_users(records),
                targets.ids,
                self._open_loads(records._name, targets, records),
            )
            by_owner = {}
            for record, owner in zip(records, owners, strict=True):
                by_owner[owner] = by_owner.get(owner, records.browse()) | record
            for owner, group in by_owner.items():
                group.write({"user_id": owner})
        # the workload rows are a view over what was just written
        self.env.flush_all()
        self.env["customer.callback.workload"].invalidate_model()
        # the sentence says it all: no title (see tools/notification.py)
        return notification.toast(
            self.env._(
                "%(work)s reassigned to %(agents)s.",
                work=script.format_items(
                    [self._reassigned_text(records) for records in record_sets], self.env.lang
                ),
                agents=script.format_items(targets.mapped("name"), self.env.lang),
            ),
            kind="success",
            # the list the wizard was opened from, reloaded: not the same list
            # pushed once more ("团队工作量 / 团队工作量" in the breadcrumb)
            next_action={"type": "ir.actions.client", "tag": "soft_reload"},
        )
