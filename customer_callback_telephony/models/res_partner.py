# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import AccessError


class ResPartner(models.Model):
    _inherit = "res.partner"

    callback_phone_invalid = fields.Boolean(
        string="Phone number reported invalid",
        tracking=True,
        help="The phone system reported the customer's number as non-existent or suspended. "
        "Clear it once the number is corrected.",
    )

    def action_erase_callback_data(self):
        """The customers' call records (numbers, recordings) are erased with
        their callbacks."""
        if not self.env.is_admin():
            raise AccessError(self.env._("Only administrators can erase callback data."))
        calls = (
            self.env["customer.callback.call"]
            .sudo()
            .search(
                ["|", ("partner_id", "in", self.ids), ("callback_id.partner_id", "in", self.ids)]
            )
        )
        calls.recording_attachment_id.unlink()
        calls.with_context(callback_erase_personal_data=True).unlink()
        return super().action_erase_callback_data()
