# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta
from unittest.mock import patch

import freezegun

from odoo.tests import Form, tagged

from odoo.addons.customer_callback_survey.tests.common import DUE, FROZEN_NOW, SurveyCase

SUBJECT = "Satisfaction Survey of the ticket"


@tagged("post_install", "-at_install")
class TestNoDoubleAsks(SurveyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rating_template = cls.env.ref("helpdesk_mgmt_rating.rating_ticket_email_template")
        # the Done stage asks with helpdesk_mgmt_rating's rating email
        cls.closed_stage.rating_mail_template_id = cls.rating_template

    def ratings_of(self, tickets):
        return (
            self.env["rating.rating"]
            .sudo()
            .search([("res_model", "=", "helpdesk.ticket"), ("res_id", "in", tickets.ids)])
        )

    def rating_messages(self, ticket):
        return ticket.message_ids.filtered(lambda m: SUBJECT in (m.subject or ""))

    def test_default_survey_asks_the_complaint_and_the_rating_the_others(self):
        self.assertEqual(self.company.callback_satisfaction_asker, "survey")
        complaint = self.make_ticket()
        other = self.make_ticket(self.partner_paris, complaint=False)
        request = self.close(complaint | other)
        self.assertEqual(request.ticket_id, complaint)
        # the complaint: no rating email at closing, and none when the survey leaves
        self.assertFalse(self.ratings_of(complaint))
        self.assertFalse(self.rating_messages(complaint))
        self.send(now=DUE)
        self.assertEqual(request.state, "sent")
        self.assertEqual(request.channel, "email")
        self.assertTrue(request.user_input_id)
        self.assertFalse(self.ratings_of(complaint), "surveyed, so never rated too")
        # the ticket the suite does not survey keeps the stage's rating email
        self.assertEqual(len(self.ratings_of(other)), 1)
        self.assertEqual(len(self.rating_messages(other)), 1)

    def test_rating_asks_instead_of_the_survey_and_counts_on_the_scale(self):
        self.company.callback_satisfaction_asker = "rating"
        complaint = self.make_ticket()
        request = self.close(complaint)
        # not at closing: the queue asks with the survey delay
        self.assertEqual(request.state, "pending")
        self.assertFalse(self.ratings_of(complaint))
        self.assertEqual(self.send(now=DUE - timedelta(minutes=1)), (0, 0))
        processed, _remaining = self.send(now=DUE)
        self.assertEqual(processed, 1)
        self.assertEqual(request.state, "sent")
        self.assertEqual(request.channel, "rating")
        self.assertFalse(request.user_input_id, "no survey answer: the rating asks")
        rating = self.ratings_of(complaint)
        self.assertEqual(len(rating), 1)
        self.assertEqual(request.rating_id, rating)
        self.assertEqual(rating.partner_id, self.partner_sh)
        self.assertEqual(len(self.rating_messages(complaint)), 1)
        self.assertFalse(self.env["survey.user_input"].search([("ticket_id", "=", complaint.id)]))
        # a second run asks nothing more
        self.assertEqual(self.send(now=DUE + timedelta(hours=1)), (0, 0))
        self.assertEqual(len(self.ratings_of(complaint)), 1)
        # the customer clicks "unhappy" (1): answered with 1 on the 5-point scale
        complaint.rating_apply(1, token=rating.access_token)
        self.assertEqual(request.state, "answered")
        self.assertEqual(request.score, 1)
        self.assertEqual(request.survey_status, "answered")
        self.assertEqual(complaint.survey_score, 1)
        self.assertEqual(self.partner_sh.callback_satisfaction, 1.0)
        # changing the answer to "happy" (5) updates the score
        complaint.rating_apply(5, rating=rating)
        self.assertEqual(request.score, 5)
        self.assertEqual(complaint.survey_score, 5)
        self.assertEqual(self.partner_sh.callback_satisfaction, 5.0)

    def test_rating_reminder_sends_the_same_rating_link(self):
        self.company.callback_satisfaction_asker = "rating"
        request = self.close(self.make_ticket())
        self.send(now=DUE)
        rating = request.rating_id
        self.send(now=DUE + timedelta(days=2))
        self.assertEqual(request.reminder_date, DUE + timedelta(days=2))
        self.assertEqual(self.ratings_of(request.ticket_id), rating, "one rating, asked again")
        self.assertEqual(len(self.rating_messages(request.ticket_id)), 2)

    def test_callback_surveys_stay_surveys_with_the_rating(self):
        self.company.callback_satisfaction_asker = "rating"
        request = self.Request.new({"trigger": "callback", "company_id": self.company.id})
        self.assertFalse(request._callback_rating_requests())

    def test_contact_cap_counts_ratings_and_surveys(self):
        # rated on another ticket 31 days ago: out of the fatigue period
        earlier = FROZEN_NOW - timedelta(days=31)
        with freezegun.freeze_time(earlier), patch.object(self.env.cr, "now", lambda: earlier):
            old = self.make_ticket(complaint=False)
            old.write({"stage_id": self.closed_stage.id})
        self.assertEqual(len(self.ratings_of(old)), 1)
        # rated on another ticket today: the complaint's survey is capped
        self.partner_paris.email = "claire@example.com"
        recent = self.make_ticket(self.partner_paris, complaint=False)
        recent.write({"stage_id": self.closed_stage.id})
        self.assertEqual(len(self.ratings_of(recent)), 1)
        surveyed = self.close(self.make_ticket())
        capped = self.close(self.make_ticket(self.partner_paris))
        self.send(now=DUE)
        self.assertEqual(surveyed.state, "sent")
        self.assertEqual(capped.state, "skipped_cap")
        # the helpdesk's own rating of a ticket the suite does not ask is kept
        later = self.make_ticket(complaint=False)
        later.write({"stage_id": self.closed_stage.id})
        self.assertEqual(len(self.ratings_of(later)), 1)

    def test_setting_is_per_company(self):
        with Form(self.env["res.config.settings"].with_company(self.company)) as settings:
            self.assertEqual(settings.callback_satisfaction_asker, "survey")
            settings.callback_satisfaction_asker = "rating"
        self.assertEqual(self.company.callback_satisfaction_asker, "rating")
        other = self.env["res.company"].create({"name": "Other shop"})
        self.assertEqual(other.callback_satisfaction_asker, "survey")
