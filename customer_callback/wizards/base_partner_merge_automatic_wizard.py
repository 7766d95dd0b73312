# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import models


class BasePartnerMergeAutomaticWizard(models.TransientModel):
    _inherit = "base.partner.merge.automatic.wizard"

    def _merge(self, partner_ids, dst_partner=None, extra_checks=True):
        """Merging moves callbacks by SQL: the duplicates' callbacks of a rule
        and period the kept customer already has are re-keyed first (a
        customer has one callback per rule and period), so that every
        callback and its history survive the merge; then the surviving
        partner's order dates and callback statistics are recomputed."""
        self._callback_rekey_duplicates(partner_ids, dst_partner)
        result = super()._merge(partner_ids, dst_partner=dst_partner, extra_checks=extra_checks)
        survivors = self.env["res.partner"].browse(partner_ids).exists()
        if survivors:
            survivors = survivors.sudo()
            self.env["customer.callback"].invalidate_model(["partner_id"])
            for field_name in (
                "first_purchase_date",
                "last_order_date",
                "last_callback_date",
                "callback_satisfaction",
            ):
                self.env.add_to_compute(survivors._fields[field_name], survivors)
            survivors.flush_recordset()
        return result

    def _callback_rekey_duplicates(self, partner_ids, dst_partner):
        """Callbacks of the merged partners sharing a rule and period: the
        kept customer's (else the oldest) keeps the period key, the others
        get ``<key>/merged-<id>`` and a note linking the callback kept."""
        callbacks = (
            self.env["customer.callback"]
            .sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("partner_id", "in", list(partner_ids)),
                    ("rule_id", "!=", False),
                    ("period_key", "!=", False),
                ],
                order="id",
            )
        )
        groups = {}
        for callback in callbacks:
            groups.setdefault((callback.rule_id.id, callback.period_key), []).append(callback)
        for group in groups.values():
            if len(group) < 2:
                continue
            kept = next((c for c in group if dst_partner and c.partner_id == dst_partner), group[0])
            for callback in group:
                if callback == kept:
                    continue
                callback.write({"period_key": f"{callback.period_key}/merged-{callback.id}"})
                callback.message_post(
                    body=Markup(
                        self.env._(
                            "Customer %(customer)s merged: this callback duplicated %(kept)s "
                            "(same rule and period); both are kept with their history."
                        )
                    )
                    % {"customer": callback.partner_id.display_name, "kept": kept._get_html_link()},
                    subtype_xmlid="mail.mt_note",
                )
