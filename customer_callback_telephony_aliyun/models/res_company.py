# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo import fields, models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)

ADMIN = "base.group_system"


class ResCompany(models.Model):
    _inherit = "res.company"

    callback_telephony_provider = fields.Selection(
        selection_add=[("aliyun", "Aliyun")], ondelete={"aliyun": "set default"}
    )
    callback_aliyun_instance_id = fields.Char(string="Aliyun CCC instance", groups=ADMIN)
    callback_aliyun_access_key_id = fields.Char(
        string="Aliyun contact centre AccessKey ID", groups=ADMIN
    )
    callback_aliyun_access_key_secret = fields.Char(
        string="Aliyun contact centre AccessKey secret", groups=ADMIN
    )
    callback_aliyun_endpoint = fields.Char(
        string="Aliyun CCC endpoint", default="ccc.cn-shanghai.aliyuncs.com", groups=ADMIN
    )
    callback_aliyun_caller = fields.Char(string="Aliyun outbound number", groups=ADMIN)
    callback_aliyun_push_token = fields.Char(
        string="Aliyun push token",
        groups=ADMIN,
        help="The secret token of the push address given to Aliyun (…?token=<token>).",
    )

    def _callback_aliyun_client(self):
        from alibabacloud_ccc20200701.client import Client  # noqa: PLC0415
        from alibabacloud_tea_openapi import models as open_api_models  # noqa: PLC0415

        company = self.sudo()
        if not (
            company.callback_aliyun_access_key_id
            and company.callback_aliyun_access_key_secret
            and company.callback_aliyun_instance_id
        ):
            raise UserError(
                self.env._(
                    "Aliyun is not set up for %s: an administrator enters its instance, "
                    "AccessKey ID and secret in Settings.",
                    self.name,
                )
            )
        endpoint = company.callback_aliyun_endpoint or "ccc.cn-shanghai.aliyuncs.com"
        protocol = "https"
        if endpoint.startswith("http://"):
            protocol, endpoint = "http", endpoint[len("http://") :]
        config = open_api_models.Config(
            access_key_id=company.callback_aliyun_access_key_id,
            access_key_secret=company.callback_aliyun_access_key_secret,
            endpoint=endpoint,
            protocol=protocol,
            read_timeout=10000,
            connect_timeout=5000,
        )
        return Client(config)

    def _callback_telephony_dial_aliyun(self, callback):
        """MakeCall: Aliyun rings the agent's seat, then the customer."""
        from alibabacloud_ccc20200701 import models as ccc_models  # noqa: PLC0415
        from Tea.exceptions import TeaException  # noqa: PLC0415

        company = self.sudo()
        client = self._callback_aliyun_client()
        user_ref = self.env.user.callback_telephony_ref or self.env.user.email
        request = ccc_models.MakeCallRequest(
            instance_id=company.callback_aliyun_instance_id,
            user_id=user_ref,
            callee=callback.partner_id.phone,
            caller=company.callback_aliyun_caller or None,
            tags=callback.name,
        )
        try:
            response = client.make_call(request)
        except TeaException as error:
            _logger.info("Aliyun refused the call of %s: %s", callback.name, error)
            raise UserError(
                self.env._("Aliyun could not place the call: %s", error.message)
            ) from error
        body = response.body
        if body.code != "OK" or not (body.data and body.data.call_context):
            raise UserError(
                self.env._("Aliyun could not place the call: %s", body.message or body.code)
            )
        return {"call_ref": body.data.call_context.job_id, "agent_ref": user_ref}
