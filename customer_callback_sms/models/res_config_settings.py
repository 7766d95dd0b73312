# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from werkzeug.urls import url_join

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    callback_sms_provider = fields.Selection(
        related="company_id.callback_sms_provider", readonly=False
    )
    callback_sms_sign_name = fields.Char(
        related="company_id.callback_sms_sign_name", readonly=False
    )
    callback_sms_daily_quota = fields.Integer(
        related="company_id.callback_sms_daily_quota", readonly=False
    )

    def _callback_sms_push_urls(self, provider, kinds):
        """{kind: address} of the push endpoints to give ``provider``'s
        console (/customer_callback_sms/<provider>/<kind>/<token>), for a
        company that sends through it, shown to administrators only (the
        token is the secret); else {}."""
        self.ensure_one()
        if self.callback_sms_provider != provider or not self.env.user.has_group(
            "base.group_system"
        ):
            return {}
        company = self.company_id
        base = url_join(company.get_base_url(), f"/customer_callback_sms/{provider}/")
        token = company._callback_sms_token()
        return {kind: url_join(base, f"{kind}/{token}") for kind in kinds}

    def action_callback_sms_templates(self):
        self.ensure_one()
        return self.company_id._callback_sms_template_action()

    def action_callback_sms_test(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Send a test SMS"),
            "res_model": "customer.callback.sms.test",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_company_id": self.company_id.id},
        }
