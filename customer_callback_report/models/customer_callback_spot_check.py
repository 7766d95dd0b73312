# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class CustomerCallbackSpotCheck(models.Model):
    _inherit = "customer.callback.spot.check"

    def action_export_xlsx(self):
        """Detail and summary sheets, served by the XLSX report route.

        The export is logged in the batch's chatter (who took customers'
        feedback out of Odoo, and when: SPEC §8); the file itself is made
        for the user on download and never stored (no attachment that
        someone else could download)."""
        self._check_supervisor()
        self.ensure_one()
        self.check_access("read")
        self.message_post(
            body=self.env._("Exported to XLSX: %(count)s customers.", count=len(self.callback_ids)),
            subtype_xmlid="mail.mt_note",
        )
        return self.env.ref("customer_callback_report.spot_check_xlsx_report").report_action(
            self, config=False
        )
