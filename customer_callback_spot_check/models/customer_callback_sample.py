# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CustomerCallbackSample(models.AbstractModel):
    _inherit = "customer.callback.sample"

    @api.model
    def _sample_create_more(self, company, partners, team, user, track):
        """The month's spot-check, ready to be drawn."""
        result = super()._sample_create_more(company, partners, team, user, track)
        track(self._sample_create_spot_check(company, partners, team, user))
        return result

    @api.model
    def _sample_create_spot_check(self, company, partners, team, user):
        """The month's spot-check, restricted to the sample customers; none
        when the company has its own for the month already."""
        SpotCheck = self.env["customer.callback.spot.check"]
        month = fields.Date.context_today(self).replace(day=1)
        if SpotCheck.search_count([("company_id", "=", company.id), ("date_from", "=", month)]):
            return SpotCheck
        ids = partners.ids
        return SpotCheck.create(
            {
                "name": self.env._("Spot-check %s (sample)", month.strftime("%Y-%m")),
                "company_id": company.id,
                "date_from": month,
                "leader_id": user.id,
                "caller_ids": [fields.Command.link(user.id)],
                "sample_size": max(company.callback_spot_check_min_size, 1),
                "review_domain": repr([("partner_id", "in", ids)]),
                "complaint_domain": repr([("partner_id", "in", ids)]),
                "after_sales_domain": repr([("partner_id", "in", ids)]),
                "vip_domain": repr([("id", "in", ids)]),
            }
        )

    @api.model
    def _sample_removal_order(self):
        """The sample's spot-checks after their calls, before the customers."""
        order = super()._sample_removal_order()
        order.insert(order.index("res.partner"), "customer.callback.spot.check")
        return order
