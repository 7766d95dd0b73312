# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import sms_rules

KINDS = [
    (sms_rules.AFTER_ATTEMPTS, "After failed attempts"),
    (sms_rules.SURVEY, "Survey invitation"),
    (sms_rules.PERSONAL_LINK, "Personal link"),
    (sms_rules.COMPLAINT_RESULT, "Complaint result"),
]


class CustomerCallbackSmsTemplate(models.Model):
    _name = "customer.callback.sms.template"
    _description = "Callback SMS Template"
    _order = "company_id, kind"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    kind = fields.Selection(KINDS, required=True)
    template_code = fields.Char(
        string="Template code",
        help="The code of the template approved by the provider (Aliyun SMS_123456789, "
        "Tencent a number). Without it, messages of this kind are refused.",
    )
    params = fields.Text(
        string="Parameters",
        help="One line per template variable: variable=value, the value one of the "
        "kind's values (see Values). Tencent numbers its variables: their order is the "
        "order of the lines.",
    )
    available_values = fields.Char(string="Values", compute="_compute_available_values")
    active = fields.Boolean(default=True)

    _company_kind_uniq = models.UniqueIndex(
        "(company_id, kind) WHERE active",
        "Each message kind has one template per company.",
    )

    @api.depends("kind")
    def _compute_available_values(self):
        for template in self:
            template.available_values = ", ".join(sms_rules.KIND_VALUES.get(template.kind) or ())

    @api.constrains("params", "kind", "template_code")
    def _check_params(self):
        for template in self:
            if len(template.template_code or "") > 64 or len(template.params or "") > 2000:
                raise ValidationError(self.env._("A template code or its parameters are too long."))
            try:
                sms_rules.parse_params(template.params, template.kind)
            except sms_rules.ParamError as error:
                raise ValidationError(template._param_error_text(error)) from error

    def _param_error_text(self, error):
        if error.code == "value":
            return self.env._(
                "'%(value)s' is not a value of this message kind; use one of: %(values)s.",
                value=error.item,
                values=", ".join(sms_rules.KIND_VALUES[self.kind]),
            )
        if error.code == "duplicate":
            return self.env._("The template variable '%s' is given twice.", error.item)
        if error.code == "variable":
            return self.env._(
                "'%s' is not a template variable (letters, digits and _ only).", error.item
            )
        return self.env._("Write each parameter as variable=value ('%s').", error.item)

    def _pairs(self):
        self.ensure_one()
        return sms_rules.parse_params(self.params, self.kind)
