# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class BasePartnerMergeAutomaticWizard(models.TransientModel):
    _inherit = "base.partner.merge.automatic.wizard"

    def _merge(self, partner_ids, dst_partner=None, extra_checks=True):
        """Merging moves the personal links by SQL to the kept customer, who
        has one open link per company and purpose: the merged customers'
        other open links of the same company and purpose are revoked first
        (kept, as revoked, with a note), or the move would break the unique
        index and the merge fail."""
        self._callback_revoke_duplicate_links(partner_ids, dst_partner)
        return super()._merge(partner_ids, dst_partner=dst_partner, extra_checks=extra_checks)

    def _callback_revoke_duplicate_links(self, partner_ids, dst_partner):
        links = (
            self.env["customer.callback.link"]
            .sudo()
            .search(
                [("partner_id", "in", list(partner_ids)), ("revoked_date", "=", False)],
                order="id desc",
            )
        )
        groups = {}
        for link in links:
            groups.setdefault((link.company_id.id, link.purpose), []).append(link)
        now = fields.Datetime.now()
        for group in groups.values():
            if len(group) < 2:
                continue
            # the kept customer's link, else the newest
            kept = next(
                (link for link in group if dst_partner and link.partner_id == dst_partner),
                group[0],
            )
            for link in group:
                if link == kept:
                    continue
                link.write({"revoked_date": now, "revoked_by_id": self.env.user.id})
                link.partner_id._message_log(
                    body=self.env._(
                        "Personal link revoked by the merge of the customer: the kept "
                        "customer's link replaces it."
                    )
                )
