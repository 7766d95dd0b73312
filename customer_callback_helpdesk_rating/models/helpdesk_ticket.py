# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from odoo.addons.customer_callback.tools import satisfaction_ask

# Set while the suite's own queue sends a rating request (the company chose
# the helpdesk rating): that one is the ask, not a second one.
QUEUE_CONTEXT_KEY = "callback_satisfaction_queue"


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    def _callback_survey_covered(self):
        """The tickets whose closing queues the suite's satisfaction request
        (the company's survey triggers): the suite asks them, once. Read as
        superuser: a helpdesk user without callback rights closes tickets too
        (the do-not-call flag is the callback users')."""
        return (
            self.sudo()
            .filtered(
                lambda ticket: satisfaction_ask.covers_ticket(
                    ticket.company_id.callback_survey_on_complaint,
                    ticket.company_id.callback_survey_on_ticket,
                    ticket.is_complaint,
                    ticket.partner_id.callback_do_not_call,
                )
            )
            .with_env(self.env)
        )

    def rating_send_request(self, template, lang=False, force_send=True):
        """No double asks: a ticket the suite asks (its closing queues a
        survey request) gets no other rating request (e.g. the one of a stage's
        rating template). The suite's queue sends its own rating requests (the
        company chose the helpdesk rating) with ``QUEUE_CONTEXT_KEY``. Other
        tickets keep helpdesk_mgmt_rating's behaviour; their rating requests
        count in the suite's contact cap."""
        if self.env.context.get(QUEUE_CONTEXT_KEY):
            return super().rating_send_request(template, lang=lang, force_send=force_send)
        tickets = self - self._callback_survey_covered()
        if not tickets:
            return None
        return super(HelpdeskTicket, tickets).rating_send_request(
            template, lang=lang, force_send=force_send
        )

    def rating_apply(
        self,
        rate,
        token=None,
        rating=None,
        feedback=None,
        subtype_xmlid=None,
        notify_delay_send=False,
    ):
        """The customer's rating counts on the 5-point scale: it answers the
        ticket's satisfaction request (history, quarterly report) and is the
        ticket's satisfaction score."""
        rating = super().rating_apply(
            rate,
            token=token,
            rating=rating,
            feedback=feedback,
            subtype_xmlid=subtype_xmlid,
            notify_delay_send=notify_delay_send,
        )
        self.env["customer.callback.survey.request"].sudo()._callback_record_ratings(rating)
        return rating
