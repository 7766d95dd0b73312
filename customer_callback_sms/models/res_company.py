# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import secrets

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .customer_callback_sms_template import KINDS


class ResCompany(models.Model):
    _inherit = "res.company"

    # the provider addons add their value (customer_callback_sms_aliyun, ..._tencent)
    callback_sms_provider = fields.Selection(
        [],
        string="SMS provider",
        help="Send every SMS of this company through this provider, with its approved "
        "templates. Empty: Odoo's own SMS service, as without these addons.",
    )
    callback_sms_sign_name = fields.Char(
        string="SMS sign name",
        help="The sign name (签名) registered with the provider, e.g. 【某某科技】 without "
        "the brackets.",
    )
    callback_sms_daily_quota = fields.Integer(
        string="SMS per customer and day",
        default=3,
        help="At most this many messages to one customer within 24 hours (0: only the "
        "provider's own limit). It must stay within the provider's limit.",
    )
    callback_sms_push_token = fields.Char(
        string="SMS push token",
        groups="base.group_system",
        copy=False,
        help="The secret part of the receipt and reply push addresses given to the provider.",
    )
    callback_sms_template_ids = fields.One2many(
        "customer.callback.sms.template", "company_id", string="SMS templates"
    )

    @api.constrains("callback_sms_daily_quota", "callback_sms_provider")
    def _check_callback_sms_daily_quota(self):
        for company in self:
            limit = company._callback_sms_provider_daily_limit()
            quota = company.callback_sms_daily_quota
            if quota < 0 or (limit and quota > limit):
                raise ValidationError(
                    self.env._(
                        "The SMS per customer and day must lie between 0 and the "
                        "provider's own limit (%s).",
                        limit or "-",
                    )
                )

    def _callback_sms_provider_daily_limit(self):
        """The provider's own limit of messages to one number in 24 hours
        (provider addons say where it comes from); 0: none known."""
        self.ensure_one()
        return 0

    def _callback_sms_provider_day_zone(self):
        """The time zone of the calendar day in which the provider counts
        its daily limit per number (provider addons that count so say it);
        False: no such limit known."""
        self.ensure_one()
        return False

    def _callback_sms_token(self):
        """The push token, made the first time it is asked for (as the system)."""
        self.ensure_one()
        company = self.sudo()
        if not company.callback_sms_push_token:
            company.callback_sms_push_token = secrets.token_urlsafe(24)
        return company.callback_sms_push_token

    def _callback_sms_template_action(self):
        self.ensure_one()
        Template = self.env["customer.callback.sms.template"]
        existing = set(Template.search([("company_id", "=", self.id)]).mapped("kind"))
        missing = [kind for kind, _label in KINDS if kind not in existing]
        if missing:
            Template.create([{"company_id": self.id, "kind": kind} for kind in missing])
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("SMS templates"),
            "res_model": "customer.callback.sms.template",
            "view_mode": "list",
            "views": [(False, "list")],
            "domain": [("company_id", "=", self.id)],
            "context": {"default_company_id": self.id},
        }

    def _callback_sms_template(self, kind):
        """The company's template of ``kind`` (empty when none is set)."""
        self.ensure_one()
        return (
            self.env["customer.callback.sms.template"]
            .sudo()
            .search([("company_id", "=", self.id), ("kind", "=", kind)], limit=1)
        )
