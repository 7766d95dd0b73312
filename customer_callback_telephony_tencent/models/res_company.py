# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo import fields, models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)

ADMIN = "base.group_system"


class ResCompany(models.Model):
    _inherit = "res.company"

    callback_telephony_provider = fields.Selection(
        selection_add=[("tencent_ccc", "Tencent Cloud CCC")],
        ondelete={"tencent_ccc": "set default"},
    )
    callback_tencent_sdk_app_id = fields.Char(string="Tencent CCC SdkAppId", groups=ADMIN)
    callback_tencent_secret_id = fields.Char(string="Tencent Cloud SecretId", groups=ADMIN)
    callback_tencent_secret_key = fields.Char(string="Tencent Cloud SecretKey", groups=ADMIN)
    callback_tencent_endpoint = fields.Char(
        string="Tencent CCC API endpoint",
        default="ccc.tencentcloudapi.com",
        groups=ADMIN,
    )
    callback_tencent_caller = fields.Char(
        string="Tencent CCC outbound number",
        groups=ADMIN,
        help="The number the customer sees (empty: the contact centre's default).",
    )
    callback_tencent_push_user = fields.Char(string="Push user (basicAuth)", groups=ADMIN)
    callback_tencent_push_password = fields.Char(string="Push password (basicAuth)", groups=ADMIN)

    def _callback_tencent_client(self):
        """The SDK's CCC client for this company's credentials."""
        # the SDK is imported here: the addon's manifest requires it, the
        # other addons of the suite do not
        from tencentcloud.ccc.v20200210 import ccc_client  # noqa: PLC0415
        from tencentcloud.common import credential  # noqa: PLC0415
        from tencentcloud.common.profile.client_profile import ClientProfile  # noqa: PLC0415
        from tencentcloud.common.profile.http_profile import HttpProfile  # noqa: PLC0415

        company = self.sudo()
        if not (
            company.callback_tencent_secret_id
            and company.callback_tencent_secret_key
            and company.callback_tencent_sdk_app_id
        ):
            raise UserError(
                self.env._(
                    "Tencent Cloud CCC is not set up for %s: an administrator enters its "
                    "SdkAppId, SecretId and SecretKey in Settings.",
                    self.name,
                )
            )
        endpoint = company.callback_tencent_endpoint or "ccc.tencentcloudapi.com"
        protocol = "https"
        if endpoint.startswith("http://"):
            protocol, endpoint = "http", endpoint[len("http://") :]
        http_profile = HttpProfile(protocol=protocol, endpoint=endpoint, reqTimeout=10)
        return ccc_client.CccClient(
            credential.Credential(
                company.callback_tencent_secret_id, company.callback_tencent_secret_key
            ),
            "",
            ClientProfile(httpProfile=http_profile),
        )

    def _callback_telephony_dial_tencent_ccc(self, callback):
        """CreateCallOutSession: the contact centre rings the agent's seat,
        then the customer. Returns the call's values (its SessionId)."""
        from tencentcloud.ccc.v20200210 import models as ccc_models  # noqa: PLC0415
        from tencentcloud.common.exception.tencent_cloud_sdk_exception import (  # noqa: PLC0415
            TencentCloudSDKException,
        )

        client = self._callback_tencent_client()
        request = ccc_models.CreateCallOutSessionRequest()
        request.SdkAppId = int(self.sudo().callback_tencent_sdk_app_id)
        request.UserId = self.env.user.email or self.env.user.login
        request.Callee = callback.partner_id.phone
        if self.sudo().callback_tencent_caller:
            request.Caller = self.sudo().callback_tencent_caller
        request.Uui = callback.name
        try:
            response = client.CreateCallOutSession(request)
        except TencentCloudSDKException as error:
            _logger.info("Tencent CCC refused the call of %s: %s", callback.name, error)
            raise UserError(
                self.env._("Tencent Cloud CCC could not place the call: %s", error.get_message())
            ) from error
        return {"call_ref": response.SessionId, "agent_ref": request.UserId}
