# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from odoo.addons.customer_callback.tools import sample_data


class CustomerCallbackSample(models.AbstractModel):
    _inherit = "customer.callback.sample"

    @api.model
    def _sample_create_tickets(self, company, partners, team, user, track, prefix):
        """A complaint with its clocks."""
        result = super()._sample_create_tickets(company, partners, team, user, track, prefix)
        track(self._sample_create_complaint(company, partners, team, user, prefix))
        return result

    @api.model
    def _sample_create_complaint(self, company, partners, team, user, prefix):
        category = self.env["helpdesk.ticket.category"].search(
            [("company_id", "in", [company.id, False])], limit=1
        )
        return self.env["helpdesk.ticket"].create(
            {
                "number": sample_data.sample_name(prefix, 1),
                "name": self.env._("The filter leaks after the installation (sample)"),
                "description": self.env._(
                    "<p>The customer says water drips under the sink since the technician "
                    "installed the purifier.</p>"
                ),
                "company_id": company.id,
                "partner_id": partners[sample_data.COMPLAINT_CUSTOMER].id,
                "team_id": team.id or False,
                "user_id": user.id,
                "category_id": category.id or False,
                "is_complaint": True,
            }
        )
