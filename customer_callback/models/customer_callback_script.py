# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import script as script_tools


class CustomerCallbackScript(models.Model):
    _name = "customer.callback.script"
    _description = "Callback Script"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", index=True, default=lambda self: self.env.company)
    kind = fields.Selection(
        [
            ("after_delivery", "After-delivery check"),
            ("usage", "Usage check"),
            ("out_of_stock", "Out-of-stock notice"),
            ("complaint", "Complaint follow-up"),
            ("greeting", "Holiday greeting"),
            ("churn_risk", "Win-back call"),
            ("closing", "Closing line"),
            ("other", "Other"),
        ],
        required=True,
        default="other",
    )
    body = fields.Html(
        translate=True,
        sanitize=True,
        help="Placeholders: {address}, {surname}, {title}, {name}, {order_date}, {product}, "
        "{last_feedback}, {agent}, {company}. {address} is the title and surname in the "
        "order of the customer's language (张先生, Herr Schneider).",
    )
    closing = fields.Html(string="Closing line", translate=True, sanitize=True)

    @api.constrains("body", "closing")
    def _check_body(self):
        for script in self:
            text = (script.body or "") + (script.closing or "")
            unknown = script_tools.unknown_placeholders(text)
            if unknown:
                raise ValidationError(
                    self.env._(
                        "Script “%(script)s” uses unknown placeholders: %(names)s. "
                        "Available: %(available)s.",
                        script=script.name,
                        names=", ".join(f"{{{n}}}" for n in unknown),
                        available=", ".join(f"{{{n}}}" for n in script_tools.PLACEHOLDERS),
                    )
                )
            company = script.company_id or self.env.company
            found = script_tools.forbidden_phrases_in(text, company._callback_forbidden_phrases())
            if found:
                raise ValidationError(
                    self.env._(
                        "Script “%(script)s” contains forbidden phrases: %(phrases)s.",
                        script=script.name,
                        phrases=", ".join(found),
                    )
                )

    def _render_for(self, values):
        """The script body and closing line with the callback's values."""
        self.ensure_one()
        parts = [self.body or "", self.closing or ""]
        return "".join(script_tools.render(str(part), values) for part in parts if part)
