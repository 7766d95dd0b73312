# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError

from .customer_callback_survey_request import SURVEY_STATUSES


def check_survey_score_write(records, vals):
    """``survey_score`` is the customer's own answer: only the survey
    write-back (superuser) or a system administrator sets it, whatever the
    form shows (a read-only field is still writable through RPC)."""
    env = records.env
    if "survey_score" in vals and not (env.su or env.user.has_group("base.group_system")):
        raise AccessError(
            env._("The survey satisfaction comes from the customer's answer and cannot be changed.")
        )


class CustomerCallback(models.Model):
    _inherit = "customer.callback"

    _zero_means_unscored = ("score", "survey_score")

    survey_score = fields.Integer(
        string="Survey satisfaction",
        readonly=True,
        copy=False,
        aggregator="avg",
        help="Overall score of the satisfaction survey sent after this callback.",
    )
    survey_request_ids = fields.One2many(
        "customer.callback.survey.request", "callback_id", string="Satisfaction surveys"
    )
    survey_status = fields.Selection(
        SURVEY_STATUSES,
        string="Survey status",
        compute="_compute_survey_status",
        help="Status of the satisfaction survey sent after this callback.",
    )
    survey_input_id = fields.Many2one(
        "survey.user_input",
        string="From survey answer",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
        help="The low-scored survey answer this supervisor callback follows up.",
    )
    survey_input_score = fields.Integer(
        related="survey_input_id.callback_score", string="Survey answer score"
    )
    survey_input_consent = fields.Boolean(
        related="survey_input_id.callback_consent", string="May be contacted again"
    )

    @api.depends("survey_request_ids.survey_status")
    def _compute_survey_status(self):
        latest = {}
        requests = self.env["customer.callback.survey.request"].search(
            [("callback_id", "in", self.ids)], order="id"
        )
        for request in requests:
            latest[request.callback_id.id] = request.survey_status
        for callback in self:
            callback.survey_status = latest.get(callback._origin.id, False)

    def _after_done(self):
        result = super()._after_done()
        completed = self.filtered(lambda c: c.close_reason == "completed")
        if completed:
            self.env["customer.callback.survey.request"].sudo()._queue_for_callbacks(
                callback_ids=completed.ids
            )
        return result

    def action_view_survey_requests(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "customer_callback_survey.customer_callback_survey_request_action"
        )
        action["domain"] = [
            "|",
            ("callback_id", "=", self.id),
            ("followup_callback_id", "=", self.id),
        ]
        action["context"] = {}
        return action

    def action_view_survey_answers(self):
        self.ensure_one()
        self.check_access("read")  # the answer is read as superuser below
        user_input = (
            self.sudo().survey_input_id or self.sudo().survey_request_ids.user_input_id[-1:]
        )
        return {
            "type": "ir.actions.act_url",
            "name": self.env._("Survey answers"),
            "target": "new",
            "url": user_input.get_print_url(),
        }

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_survey_score_write(self, vals)
        return super().create(vals_list)

    def write(self, vals):
        check_survey_score_write(self, vals)
        return super().write(vals)
