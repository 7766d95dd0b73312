# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import asyncio
import logging
import uuid

from odoo import fields, models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)

ADMIN = "base.group_system"
ORIGINATE_TIMEOUT = 15


class ResCompany(models.Model):
    _inherit = "res.company"

    callback_telephony_provider = fields.Selection(
        selection_add=[("asterisk", "Asterisk (AMI)")], ondelete={"asterisk": "set default"}
    )
    callback_asterisk_host = fields.Char(string="AMI host", default="127.0.0.1", groups=ADMIN)
    callback_asterisk_port = fields.Integer(string="AMI port", default=5038, groups=ADMIN)
    callback_asterisk_user = fields.Char(string="AMI user", groups=ADMIN)
    callback_asterisk_secret = fields.Char(string="AMI secret", groups=ADMIN)
    callback_asterisk_channel = fields.Char(
        string="Agent channel",
        default="PJSIP/{extension}",
        groups=ADMIN,
        help="The agent's phone, rung first; {extension} is the agent's phone system ID.",
    )
    callback_asterisk_context = fields.Char(
        string="Outbound context", default="from-internal", groups=ADMIN
    )
    callback_asterisk_push_secret = fields.Char(
        string="AMI listener secret",
        groups=ADMIN,
        help="The secret the AMI listener signs the events it forwards with.",
    )

    def _callback_asterisk_manager(self, loop):
        """A panoramisk Manager for this company's AMI (tests replace it by
        panoramisk's testing Manager playing recorded traces)."""
        from panoramisk import Manager  # noqa: PLC0415

        company = self.sudo()
        return Manager(
            loop=loop,
            host=company.callback_asterisk_host,
            port=company.callback_asterisk_port,
            username=company.callback_asterisk_user,
            secret=company.callback_asterisk_secret,
            ping_delay=0,
        )

    def _callback_asterisk_call_ref(self):
        return f"cb-{uuid.uuid4().hex[:20]}"

    def _callback_telephony_dial_asterisk(self, callback):
        """Originate: Asterisk rings the agent's phone, then dials the
        customer from the outbound context; the call's id is ours
        (``ChannelId``), the ``Linkedid`` of all its events."""
        company = self.sudo()
        extension = self.env.user.callback_telephony_ref
        if not extension:
            raise UserError(
                self.env._("Your phone system agent ID (your extension) is not set on your user.")
            )
        if not company.callback_asterisk_user:
            raise UserError(
                self.env._(
                    "Asterisk is not set up for %s: an administrator enters its AMI "
                    "user and secret in Settings.",
                    self.name,
                )
            )
        call_ref = self._callback_asterisk_call_ref()
        action = {
            "Action": "Originate",
            "Channel": (company.callback_asterisk_channel or "PJSIP/{extension}").format(
                extension=extension
            ),
            "Exten": "".join(ch for ch in callback.partner_id.phone or "" if ch.isdigit()),
            "Context": company.callback_asterisk_context or "from-internal",
            "Priority": "1",
            "CallerID": callback.name,
            "ChannelId": call_ref,
            "Variable": f"CALLBACK_REF={callback.name}",
            "Async": "true",
        }
        loop = asyncio.new_event_loop()
        try:
            manager = self._callback_asterisk_manager(loop)
            response = loop.run_until_complete(
                asyncio.wait_for(self._callback_asterisk_send(manager, action), ORIGINATE_TIMEOUT)
            )
        except (OSError, TimeoutError) as error:
            raise UserError(self.env._("Asterisk could not be reached: %s", error)) from error
        finally:
            loop.close()
        first = response[0] if isinstance(response, list) else response
        if first.get("Response") != "Success":
            raise UserError(self.env._("Asterisk refused the call: %s", first.get("Message") or ""))
        return {"call_ref": call_ref, "agent_ref": extension}

    async def _callback_asterisk_send(self, manager, action):
        if not getattr(manager, "_connected", False):
            await manager.connect()
        try:
            return await manager.send_action(action)
        finally:
            manager.close()
