# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The customer's personal link on the callback: shown and copied on the
form, sent by e-mail from it, and given in the note asking for a message
after failed attempts (the core's ``_message_missing_note``)."""

from odoo import fields, models
from odoo.exceptions import UserError

from odoo.addons.customer_callback.tools import call_window


class CustomerCallback(models.Model):
    _inherit = "customer.callback"

    personal_link_url = fields.Char(
        string="Personal link",
        compute="_compute_personal_link",
        help="The customer's personal page (when and how we may contact him, stop our calls, "
        "ask for his data): send it by e-mail, or copy it into an SMS or a chat message.",
    )
    personal_link_expiry = fields.Char(
        string="Personal link valid until", compute="_compute_personal_link"
    )

    def _compute_personal_link(self):
        """The URL and expiry of the customer's valid personal link (contact
        preferences) of the callback's company, when he has one; reading
        creates none."""
        links = (
            self.env["customer.callback.link"]
            .sudo()
            .search(
                [
                    ("partner_id", "in", self.partner_id.ids),
                    ("company_id", "in", self.company_id.ids),
                    ("purpose", "=", "contact"),
                    ("revoked_date", "=", False),
                ]
            )
        )
        valid = {
            (link.partner_id.id, link.company_id.id): link
            for link in links
            if link.state == "valid"
        }
        for callback in self:
            link = valid.get((callback.partner_id.id, callback.company_id.id))
            callback.personal_link_url = link._url() if link else False
            callback.personal_link_expiry = (
                call_window.format_local(
                    link.expiry_date, callback.partner_id.tz or callback.company_id._callback_tz()
                )
                if link
                else False
            )

    def action_create_personal_link(self):
        """Make sure the customer has a valid personal link, to copy into an
        SMS or a chat message (the form shows it with a copy button)."""
        self.check_access("read")
        Link = self.env["customer.callback.link"]
        for callback in self:
            Link._for_partner(callback.partner_id, "contact", callback.company_id)
        return True

    def action_send_personal_link(self):
        """Open the e-mail with the customer's personal link (preferences
        page), to read before it leaves. Sent from the callback, the message
        and its delivery (or its failure) stay in the callback's chatter."""
        self.ensure_one()
        self.check_access("read")
        if not self.partner_id.email:
            raise UserError(
                self.env._(
                    "%s has no email address: give the link on the phone or by SMS.",
                    self.partner_id.display_name,
                )
            )
        self.action_create_personal_link()
        template = self.env.ref(
            "customer_callback_portal.mail_template_customer_callback_personal_link"
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Send the personal link"),
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_model": self._name,
                "default_res_ids": self.ids,
                "default_template_id": template.id,
                "default_composition_mode": "comment",
                "default_email_layout_xmlid": "mail.mail_notification_light",
            },
        }

    def _message_missing_note(self):
        """The note gives the customer's valid personal link (a new one when
        his expired), to put in the SMS or IM message."""
        self.ensure_one()
        link = self.env["customer.callback.link"]._for_partner(
            self.partner_id, "contact", self.company_id
        )
        return self.env._(
            "All call attempts failed: leave an SMS or IM message before the callback can"
            " close as unreachable. Put the customer's personal link in it, so he can "
            "choose when to be called: %s",
            link._url(),
        )
