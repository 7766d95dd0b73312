# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import UserError


class CustomerCallbackSurveyRequest(models.Model):
    _inherit = "customer.callback.survey.request"

    def _deliver_sms(self, reminder):
        """A company that sends through a Chinese provider invites by the
        approved *survey invitation* template (the text of the survey addon
        has no approved template); the others as before."""
        templated = self.filtered(lambda request: request.company_id.callback_sms_provider)
        if self - templated:
            super(CustomerCallbackSurveyRequest, self - templated)._deliver_sms(reminder)
        if not templated:
            return
        requests = []
        for request in templated:
            user_input = request.user_input_id
            requests.append(
                {
                    "partner": request.partner_id,
                    "company": request.company_id,
                    "kind": "survey",
                    "callback": request.callback_id,
                    "ticket": request.ticket_id,
                    "values": {
                        "name": request.partner_id.name,
                        "company": request.company_id.name,
                        "url": user_input.get_base_url() + user_input.get_start_url(),
                    },
                }
            )
        lines = self.env["customer.callback.sms"]._callback_sms_queue(requests)
        refused = lines.filtered(lambda line: line.state == "refused")
        if refused:
            # kept pending with the reason, tried again at the next run
            raise UserError(refused[0].failure_reason)
