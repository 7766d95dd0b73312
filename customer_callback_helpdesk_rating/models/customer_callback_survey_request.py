# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models

from odoo.addons.customer_callback.tools import satisfaction_ask

from .helpdesk_ticket import QUEUE_CONTEXT_KEY


class CustomerCallbackSurveyRequest(models.Model):
    _inherit = "customer.callback.survey.request"

    channel = fields.Selection(
        selection_add=[("rating", "Helpdesk rating")], ondelete={"rating": "set null"}
    )
    rating_id = fields.Many2one(
        "rating.rating",
        string="Rating",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
        help="The helpdesk rating that asked the customer (the company chose the helpdesk "
        "rating instead of the survey).",
    )

    # ------------------------------------------------------------------
    # Who asks
    # ------------------------------------------------------------------

    def _callback_rating_requests(self):
        """The requests the helpdesk rating asks instead of the survey."""
        return self.filtered(
            lambda request: request.ticket_id
            and not request.callback_id
            and satisfaction_ask.asker(
                request.company_id.callback_satisfaction_asker, request.trigger
            )
            == satisfaction_ask.RATING
        )

    @api.model
    def _callback_rated_partners(self, partner_ids, now, days):
        """Customers sent a helpdesk rating request in the last ``days``."""
        if days <= 0 or not partner_ids:
            return set()
        rows = (
            self.env["rating.rating"]
            .sudo()
            ._read_group(
                [
                    ("partner_id", "in", list(partner_ids)),
                    ("res_model", "=", "helpdesk.ticket"),
                    ("is_internal", "=", False),
                    ("create_date", ">", now - timedelta(days=days)),
                ],
                ["partner_id"],
            )
        )
        return {partner.id for (partner,) in rows}

    def _recently_surveyed(self, now, days):
        """The contact cap counts the helpdesk rating requests too."""
        recent = super()._recently_surveyed(now, days)
        return recent | self._callback_rated_partners(self.partner_id.ids, now, days)

    # ------------------------------------------------------------------
    # Sending
    # ------------------------------------------------------------------

    def _ensure_user_inputs(self, survey):
        """A rating request has no survey answer."""
        return super(
            CustomerCallbackSurveyRequest, self - self._callback_rating_requests()
        )._ensure_user_inputs(survey)

    def _deliver(self, channel, company, now, reminder):
        sent = super()._deliver(channel, company, now, reminder)
        rated = sent._callback_rating_requests().filtered(lambda r: r.channel != "rating")
        if rated:
            rated.write({"channel": "rating"})
        return sent

    def _deliver_now(self, channel, company, reminder):
        rated = self._callback_rating_requests()
        if rated:
            rated._deliver_rating()
        others = self - rated
        if not others:
            return None
        return super(CustomerCallbackSurveyRequest, others)._deliver_now(channel, company, reminder)

    def _deliver_rating(self):
        """Ask by the helpdesk rating email: the ticket's stage template, else
        the default one of helpdesk_mgmt_rating. A reminder sends it again
        (the same rating link while unanswered)."""
        default = self.env.ref(
            "helpdesk_mgmt_rating.rating_ticket_email_template", raise_if_not_found=False
        )
        for request in self:
            ticket = request.ticket_id.sudo().with_context(**{QUEUE_CONTEXT_KEY: True})
            template = ticket.stage_id.rating_mail_template_id or default
            ticket.rating_send_request(
                template.sudo(), lang=request.partner_id.lang, force_send=False
            )
            rating = ticket.rating_ids.filtered(
                lambda r, partner=request.partner_id: r.partner_id == partner and not r.consumed
            )[-1:]
            if rating and request.rating_id != rating:
                request.rating_id = rating

    # ------------------------------------------------------------------
    # Answers
    # ------------------------------------------------------------------

    @api.model
    def _callback_record_ratings(self, ratings):
        """Helpdesk ratings answered: their score (5-point scale) answers the
        ticket's satisfaction request and is the ticket's satisfaction."""
        now = fields.Datetime.now()
        for rating in ratings.filtered(lambda r: r.res_model == "helpdesk.ticket"):
            score = satisfaction_ask.rating_to_score(rating.rating)
            if not score:
                continue
            ticket = self.env["helpdesk.ticket"].sudo().browse(rating.res_id)
            requests = self.sudo().search(
                [
                    ("ticket_id", "=", ticket.id),
                    ("callback_id", "=", False),
                    ("partner_id", "=", rating.partner_id.id),
                    ("state", "in", ("sent", "answered")),
                ]
            )
            requests.write(
                {
                    "state": "answered",
                    "answered_date": now,
                    "score": score,
                    "rating_id": rating.id,
                }
            )
            ticket.survey_score = score
