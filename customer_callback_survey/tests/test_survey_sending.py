# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta
from unittest.mock import patch

import freezegun

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged

from odoo.addons.mail.models.mail_template import MailTemplate

from .common import DUE, FROZEN_NOW, SurveyCase


@tagged("post_install", "-at_install")
class TestSurveySending(SurveyCase):
    def mails_of(self, user_inputs):
        return (
            self.env["mail.mail"]
            .sudo()
            .search([("model", "=", "survey.user_input"), ("res_id", "in", user_inputs.ids)])
        )

    def test_closed_complaint_queues_one_request(self):
        ticket = self.make_ticket()
        other = self.make_ticket(self.partner_paris, complaint=False)
        self.assertFalse(self.Request.search([("ticket_id", "in", (ticket | other).ids)]))
        request = self.close(ticket | other)
        self.assertEqual(request.ticket_id, ticket, "only the complaint is surveyed")
        self.assertEqual(request.trigger, "complaint")
        self.assertEqual(request.state, "pending")
        self.assertEqual(request.due_date, DUE)
        self.assertEqual(request.user_id, self.agent1)
        self.assertEqual(request.team_id, self.team)
        # queued once, however often the trigger is seen again
        ticket.write({"stage_id": self.closed_stage.id})
        self.Request._queue_for_tickets()
        self.Request._queue_missed(now=DUE)
        self.assertEqual(self.Request.search_count([("ticket_id", "=", ticket.id)]), 1)
        # all closed tickets when the company chooses so
        self.company.callback_survey_on_ticket = True
        self.Request._queue_missed(now=DUE)
        self.assertEqual(self.Request.search([("ticket_id", "=", other.id)]).trigger, "ticket")

    def test_cron_batch_sends_once_after_the_delay(self):
        request = self.close(self.make_ticket())
        # before the delay: nothing
        self.assertEqual(self.send(now=DUE - timedelta(minutes=1)), (0, 0))
        self.assertEqual(request.state, "pending")
        self.assertFalse(request.user_input_id)
        # after the delay: sent by email, one answer record linked to the ticket
        processed, _remaining = self.send(now=DUE)
        self.assertEqual(processed, 1)
        self.assertEqual(request.state, "sent")
        self.assertEqual(request.survey_status, "sent")
        self.assertEqual(request.channel, "email")
        self.assertEqual(request.sent_date, DUE)
        user_input = request.user_input_id
        self.assertEqual(user_input.survey_id, self.survey)
        self.assertEqual(request.survey_id, self.survey)
        self.assertEqual(user_input.partner_id, self.partner_sh)
        self.assertEqual(user_input.ticket_id, request.ticket_id)
        mail = self.mails_of(user_input)
        self.assertEqual(len(mail), 1)
        self.assertIn(user_input.access_token, mail.body_html)
        self.assertEqual(request.ticket_id.survey_status, "sent")
        # a second run sends nothing more
        self.assertEqual(self.send(now=DUE + timedelta(hours=1)), (0, 0))
        self.assertEqual(
            self.env["survey.user_input"].search_count([("ticket_id", "=", request.ticket_id.id)]),
            1,
        )
        self.assertEqual(len(self.mails_of(user_input)), 1)
        # opening the survey shows on the request and the ticket
        user_input._mark_in_progress()
        self.assertEqual(request.survey_status, "opened")
        self.assertEqual(request.ticket_id.survey_status, "opened")

    def test_batches_are_bounded_and_report_what_remains(self):
        partners = self.env["res.partner"].create(
            [{"name": f"Customer {i}", "email": f"c{i}@example.com"} for i in range(5)]
        )
        tickets = self.env["helpdesk.ticket"]
        for partner in partners:
            tickets |= self.make_ticket(partner)
        self.close(tickets)
        self.assertEqual(self.send(batch_size=2), (2, 3))
        self.assertEqual(self.send(batch_size=2), (2, 1))
        self.assertEqual(self.send(batch_size=2), (1, 0))
        self.assertEqual(self.send(batch_size=2), (0, 0))
        requests = self.Request.search([("ticket_id", "in", tickets.ids)])
        self.assertEqual(set(requests.mapped("state")), {"sent"})
        self.assertEqual(len(requests.user_input_id), 5)

    def test_cap_once_per_fatigue_period(self):
        first, second = self.make_ticket(), self.make_ticket(name="Second problem")
        requests = self.close(first | second)
        self.send()
        self.assertEqual(sorted(requests.mapped("state")), ["sent", "skipped_cap"])
        self.assertEqual(requests.filtered(lambda r: r.state == "sent").ticket_id, first)
        # later, within the fatigue period: still capped
        third = self.make_ticket(name="Third problem")
        request = self.close(third)
        self.send(now=DUE + timedelta(days=29))
        self.assertEqual(request.state, "skipped_cap")
        # after the period the customer is surveyed again
        fourth = self.make_ticket(name="Fourth problem")
        request = self.close(fourth)
        self.send(now=DUE + timedelta(days=31))
        self.assertEqual(request.state, "sent")

    def survey_link(self, partner):
        return self.env["customer.callback.link"].search(
            [
                ("partner_id", "=", partner.id),
                ("company_id", "=", self.company.id),
                ("purpose", "=", "survey"),
                ("revoked_date", "=", False),
            ]
        )

    def test_second_survey_after_the_link_expired(self):
        """Issue #28, 1: a customer surveyed 45 days ago (past the fatigue
        period, his personal link expired after its 30 days) has another
        complaint closed: the survey leaves, with a new link."""
        self.company.callback_link_days = 30
        first = self.close(self.make_ticket())
        self.send()
        self.assertEqual(first.state, "sent")
        old_link = self.survey_link(self.partner_sh)
        self.assertEqual(old_link.state, "valid")
        later = FROZEN_NOW + timedelta(days=45)
        with freezegun.freeze_time(later), patch.object(self.env.cr, "now", lambda: later):
            self.env.invalidate_all()
            self.assertEqual(old_link.state, "expired")
            second = self.close(self.make_ticket(name="Second problem"))
            self.send(now=later + timedelta(hours=24))
            self.assertEqual(second.state, "sent", second.error_message)
            self.assertFalse(second.error_message)
            new_link = self.survey_link(self.partner_sh)
            self.assertEqual((new_link.state, old_link.state), ("valid", "revoked"))
        self.assertIn(new_link._url(), self.mails_of(second.user_input_id).body_html)
        # and the third, 45 days later again, by SMS: its link is new too
        self.company.callback_survey_channel = "sms"
        much_later = later + timedelta(days=45)
        with (
            freezegun.freeze_time(much_later),
            patch.object(self.env.cr, "now", lambda: much_later),
        ):
            self.env.invalidate_all()
            third = self.close(self.make_ticket(name="Third problem"))
            self.send(now=much_later + timedelta(hours=24))
            self.assertEqual((third.state, third.channel), ("sent", "sms"), third.error_message)
            third_link = self.survey_link(self.partner_sh)
            self.assertEqual((third_link.state, new_link.state), ("valid", "revoked"))
        sms = self.env["sms.sms"].sudo().search([("partner_id", "=", self.partner_sh.id)])
        self.assertIn(third_link._url(), sms.body)

    def test_survey_of_another_companys_customer_goes_without_link(self):
        """A ticket of this company for a customer of another company alone:
        the survey leaves, without a personal page of this company."""
        other_company = self.env["res.company"].create({"name": "Survey company B"})
        self.partner_paris.company_id = other_company
        request = self.close(self.make_ticket(self.partner_paris))
        self.send()
        self.assertEqual(request.state, "sent", request.error_message)
        self.assertFalse(
            self.env["customer.callback.link"].search([("partner_id", "=", self.partner_paris.id)])
        )
        self.assertNotIn("/callback/my/", self.mails_of(request.user_input_id).body_html)

    def test_customer_without_email_is_listed_to_call(self):
        self.partner_paris.write({"email": False, "phone": False})
        request = self.close(self.make_ticket(self.partner_paris))
        self.send()
        self.assertEqual(request.state, "no_contact")
        self.assertTrue(request.error_message)
        self.assertFalse(request.user_input_id)
        # the "Call instead" list shows it
        action = self.env.ref(
            "customer_callback_survey.customer_callback_survey_request_action_call"
        )
        self.assertIn("search_default_call_instead", action.context)
        call_filter = [("state", "in", ("no_contact", "failed")), ("call_callback_id", "=", False)]
        self.assertIn(request, self.Request.search(call_filter))
        # the agent makes a phone callback out of it, once
        request.with_user(self.agent1).action_create_call()
        callback = request.call_callback_id
        self.assertEqual(callback.partner_id, self.partner_paris)
        self.assertEqual(callback.channel, "phone")
        self.assertEqual(callback.ticket_id, request.ticket_id)
        self.assertEqual(callback.user_id, self.agent1)
        self.assert_in_window(callback)
        request.action_create_call()
        calls = self.callbacks_of(self.partner_paris).filtered(
            lambda c: c.period_key == f"SR{request.id}"
        )
        self.assertEqual(calls, callback)
        self.assertNotIn(request, self.Request.search(call_filter))

    def test_phone_only_customer_without_sms_is_listed(self):
        self.partner_paris.write({"email": False, "phone": "+33 6 12 34 56 78"})
        request = self.close(self.make_ticket(self.partner_paris))
        with patch.object(
            type(self.env["res.company"]), "_callback_sms_available", return_value=False
        ):
            self.send()
        self.assertEqual(request.state, "no_contact")

    def test_sms_channel(self):
        # Odoo's sms is optional for this addon; it is auto-installed with mail.
        self.assertIn("sms.sms", self.env)
        self.company.callback_survey_channel = "sms"
        self.partner_paris.write({"email": False, "phone": "+33 6 12 34 56 78"})
        self.partner_ny.write({"email": "james@example.com", "phone": False})
        sms_request = self.close(self.make_ticket(self.partner_paris))
        email_request = self.close(self.make_ticket(self.partner_ny))
        self.send()
        self.assertEqual(sms_request.state, "sent")
        self.assertEqual(sms_request.channel, "sms")
        sms = self.env["sms.sms"].sudo().search([("partner_id", "=", self.partner_paris.id)])
        self.assertEqual(len(sms), 1)
        self.assertIn(sms_request.user_input_id.access_token, sms.body)
        self.assertIn("http", sms.body)
        self.assertEqual(email_request.state, "sent")
        self.assertEqual(email_request.channel, "email", "no mobile number: the email is used")
        # the reminder goes by the same channel
        self.send(now=DUE + timedelta(days=2))
        self.assertEqual(
            self.env["sms.sms"].sudo().search_count([("partner_id", "=", self.partner_paris.id)]), 2
        )
        self.assertEqual(len(self.mails_of(email_request.user_input_id)), 2)

    def test_sms_needs_the_sms_app(self):
        with patch.object(
            type(self.env["res.company"]), "_callback_sms_available", return_value=False
        ):
            with self.assertRaises(ValidationError):
                self.company.callback_survey_channel = "sms"

    def test_failing_send_stays_pending_and_is_retried(self):
        ok_ticket = self.make_ticket(self.partner_paris)
        bad_ticket = self.make_ticket(self.partner_sh)
        requests = self.close(ok_ticket | bad_ticket)
        bad = requests.filtered(lambda r: r.ticket_id == bad_ticket)
        ok = requests - bad
        original = MailTemplate.send_mail_batch

        def failing(template, res_ids, *args, **kwargs):
            inputs = self.env["survey.user_input"].browse(res_ids)
            if bad_ticket in inputs.ticket_id:
                raise ConnectionError("mail server down")
            return original(template, res_ids, *args, **kwargs)

        with patch.object(MailTemplate, "send_mail_batch", failing):
            self.send()
        self.assertEqual(ok.state, "sent", "one failure does not hold back the others")
        self.assertEqual(bad.state, "pending")
        self.assertIn("mail server down", bad.error_message)
        self.assertEqual(bad.attempt_count, 1)
        user_input = bad.user_input_id
        self.assertTrue(user_input)
        self.assertFalse(self.mails_of(user_input))
        # not retried within the same run, retried at the next one
        self.assertEqual(self.send(now=DUE + timedelta(minutes=5)), (0, 0))
        self.send(now=DUE + timedelta(hours=1))
        self.assertEqual(bad.state, "sent")
        self.assertFalse(bad.error_message)
        self.assertEqual(bad.user_input_id, user_input, "the same answer record is reused")
        self.assertEqual(
            self.env["survey.user_input"].search_count([("ticket_id", "=", bad_ticket.id)]), 1
        )
        self.assertEqual(len(self.mails_of(user_input)), 1)

    def test_never_sent_requests_fail_and_are_listed(self):
        request = self.close(self.make_ticket())
        with patch.object(MailTemplate, "send_mail_batch", side_effect=ConnectionError("down")):
            self.send()
        self.assertEqual(request.state, "pending")
        self.Request._expire_pending(now=DUE + timedelta(days=2))
        self.assertEqual(request.state, "pending")
        self.Request._expire_pending(now=DUE + timedelta(days=3, minutes=1))
        self.assertEqual(request.state, "failed")
        request.action_retry()
        self.assertEqual(request.state, "pending")

    def test_reminder_once_after_the_days(self):
        request = self.close(self.make_ticket())
        self.send()
        mails = self.mails_of(request.user_input_id)
        self.assertEqual(len(mails), 1)
        self.assertEqual(self.send(now=DUE + timedelta(days=1)), (0, 0))
        self.assertEqual(self.send(now=DUE + timedelta(days=2)), (1, 0))
        self.assertEqual(request.reminder_date, DUE + timedelta(days=2))
        self.assertEqual(len(self.mails_of(request.user_input_id)), 2)
        self.assertEqual(self.send(now=DUE + timedelta(days=5)), (0, 0))

    def test_done_callback_of_chosen_rule_queues_a_survey(self):
        rule = self.make_rule(segment="complaint", trigger="manual", assignment="team")
        other_rule = self.make_rule(segment="usage", trigger="manual", assignment="team")
        self.company.callback_survey_rule_ids = rule
        chosen = self.make_callback(self.partner_paris, rule_id=rule.id, summary="Solved")
        other = self.make_callback(self.partner_ny, rule_id=other_rule.id, summary="Fine")
        (chosen | other).action_done()
        request = self.Request.search([("callback_id", "in", (chosen | other).ids)])
        self.assertEqual(request.callback_id, chosen)
        self.assertEqual(request.trigger, "callback")
        self.assertEqual(request.due_date, FROZEN_NOW + timedelta(hours=24))
        self.Request._queue_missed(now=DUE)
        self.assertEqual(self.Request.search_count([("callback_id", "=", chosen.id)]), 1)
        self.send()
        self.assertEqual(request.state, "sent")
        self.assertEqual(request.user_input_id.callback_id, chosen)
        self.assertEqual(chosen.survey_status, "sent")

    def test_cron_catches_missed_triggers(self):
        ticket = self.make_ticket()
        # closed without the ORM hook (e.g. imported)
        self.env.cr.execute(
            "UPDATE helpdesk_ticket SET stage_id = %s, closed_date = %s WHERE id = %s",
            [self.closed_stage.id, FROZEN_NOW, ticket.id],
        )
        self.assertFalse(self.Request.search([("ticket_id", "=", ticket.id)]))
        self.Request._queue_missed(now=DUE)
        request = self.Request.search([("ticket_id", "=", ticket.id)])
        self.assertEqual(request.state, "pending")
        # too old to be surveyed: not queued
        old = self.make_ticket(self.partner_paris)
        self.env.cr.execute(
            "UPDATE helpdesk_ticket SET stage_id = %s, closed_date = %s WHERE id = %s",
            [self.closed_stage.id, FROZEN_NOW - timedelta(days=10), old.id],
        )
        self.Request._queue_missed(now=DUE)
        self.assertFalse(self.Request.search([("ticket_id", "=", old.id)]))

    def test_no_survey_configured_keeps_requests_pending(self):
        request = self.close(self.make_ticket())
        with patch.object(
            type(self.env["res.company"]),
            "_callback_survey",
            return_value=self.env["survey.survey"],
        ):
            self.send()
        self.assertEqual(request.state, "pending")
        self.assertTrue(request.error_message)
        self.assertFalse(request.user_input_id)
        self.send(now=DUE + timedelta(hours=1))
        self.assertEqual(request.state, "sent")

    def test_do_not_call_customers_are_not_surveyed(self):
        self.partner_sh.callback_do_not_call = True
        self.assertFalse(self.close(self.make_ticket()))

    def test_cron_driver_runs(self):
        request = self.close(self.make_ticket())
        request.due_date = FROZEN_NOW - timedelta(hours=1)
        with patch.object(type(self.env["ir.cron"]), "_commit_progress", return_value=1.0):
            self.Request._cron_send_surveys()
        self.assertEqual(request.state, "sent")

    def test_default_delay_keeps_the_24_hour_promise(self):
        """With the default delay and the hourly scheduled sending, whatever
        minute the scheduler runs at, the survey leaves within 24 hours of
        the solution."""
        default = self.env["res.company"].default_get(["callback_survey_delay_hours"])
        self.company.callback_survey_delay_hours = default["callback_survey_delay_hours"]
        cron = self.env.ref("customer_callback_survey.ir_cron_send_surveys")
        self.assertEqual((cron.interval_number, cron.interval_type), (1, "hours"))
        for offset in (1, 30, 59):  # the scheduler's minute past the closing
            # one customer each: the contact cap would stop a second survey
            partner = self.env["res.partner"].create(
                {"name": f"Customer {offset}", "email": f"c{offset}@example.com"}
            )
            request = self.close(
                self.make_ticket(partner=partner, name=f"Solved, cron at +{offset} min")
            )
            closed = request.ticket_id.closed_date
            tick = closed + timedelta(minutes=offset)
            sent_at = None
            while sent_at is None and tick < closed + timedelta(hours=48):
                self.send(now=tick)
                if request.state == "sent":
                    sent_at = tick
                tick += timedelta(hours=1)
            self.assertEqual(request.state, "sent")
            self.assertLess(sent_at - closed, timedelta(hours=24))

    def test_settings_are_per_company_with_the_sop_defaults(self):
        company = self.env["res.company"].create({"name": "Other company"})
        self.assertEqual(company.callback_survey_delay_hours, 2)
        self.assertEqual(company.callback_survey_reminder_days, 2)
        self.assertEqual(company.callback_survey_followup_score, 3)
        self.assertTrue(company.callback_survey_on_complaint)
        self.assertEqual(company._callback_survey(), self.survey)
        rule = company._callback_survey_followup_rule()
        self.assertEqual(rule.company_id, company)
        self.assertEqual((rule.segment, rule.trigger), ("feedback_history", "manual"))
        self.assertEqual(company._callback_survey_followup_rule(), rule)
        arch = self.env["res.config.settings"].get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn('name="customer_callback_survey"', arch)
        self.assertIn("callback_survey_delay_hours", arch)
        own_rule = self.make_rule(segment="complaint", trigger="manual", assignment="team")
        settings = self.env["res.config.settings"].create(
            {"callback_survey_delay_hours": 12, "callback_survey_rule_ids": [(6, 0, own_rule.ids)]}
        )
        settings.execute()
        self.assertEqual(self.company.callback_survey_delay_hours, 12)
        self.assertEqual(self.company.callback_survey_rule_ids, own_rule)
        with self.assertRaises(ValidationError):
            self.company.callback_survey_followup_score = 6
        with self.assertRaises(ValidationError):
            self.company.callback_survey_delay_hours = -1


@tagged("post_install", "-at_install")
class TestSecondSurveyAtTheRealClock(TransactionCase):
    """Issue #28, 1 at the real clock (no frozen time): a company, a team and
    a customer of the test's own; the customer was surveyed 45 days ago and
    his personal link expired 15 days ago."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.company = env["res.company"].create({"name": "Real clock survey company"})
        env.user.write({"company_ids": [(4, cls.company.id)], "company_id": cls.company.id})
        cls.company.write(
            {
                "callback_survey_on_complaint": True,
                "callback_survey_on_ticket": False,
                "callback_survey_delay_hours": 0,
                "callback_survey_channel": "email",
                "callback_fatigue_days": 30,
                "callback_link_days": 30,
            }
        )
        cls.Request = env["customer.callback.survey.request"]
        # the database's other requests (demo data) are not this test's to send
        cls.Request.search([("state", "in", ("pending", "sent"))]).write({"state": "skipped_cap"})
        cls.partner = env["res.partner"].create(
            {"name": "李娜", "email": "li.na@example.com", "company_id": cls.company.id}
        )
        cls.team = env["helpdesk.ticket.team"].create(
            {"name": "Real clock team", "company_id": cls.company.id}
        )
        cls.closed_stage = env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")

    def ticket(self, name):
        return self.env["helpdesk.ticket"].create(
            {
                "name": name,
                "description": "It leaks.",
                "partner_id": self.partner.id,
                "company_id": self.company.id,
                "team_id": self.team.id,
                "is_complaint": True,
                "resolution_summary": "Seal replaced on site.",
            }
        )

    def test_second_survey_45_days_later_leaves(self):
        now = fields.Datetime.now()
        surveyed = now - timedelta(days=45)
        self.Request.create(
            {
                "company_id": self.company.id,
                "partner_id": self.partner.id,
                "ticket_id": self.ticket("First problem").id,
                "trigger": "complaint",
                "due_date": surveyed,
                "state": "sent",
                "sent_date": surveyed,
                "channel": "email",
            }
        )
        # the link of that first survey: 30 days valid, expired 15 days ago
        # (as superuser, the only one who sets a validity)
        Link = self.env["customer.callback.link"].sudo()
        expired = Link.create(
            {
                "partner_id": self.partner.id,
                "company_id": self.company.id,
                "purpose": "survey",
                "expiry_date": surveyed + timedelta(days=30),
            }
        )
        self.assertEqual(expired.state, "expired")
        ticket = self.ticket("Second problem")
        ticket.stage_id = self.closed_stage
        request = self.Request.search([("ticket_id", "=", ticket.id)])
        self.assertEqual(request.state, "pending")
        self.Request._send_batch()
        self.assertEqual(request.state, "sent", request.error_message)
        self.assertFalse(request.next_attempt_date)
        fresh = Link.search(
            [
                ("partner_id", "=", self.partner.id),
                ("purpose", "=", "survey"),
                ("revoked_date", "=", False),
            ]
        )
        self.assertEqual((fresh.state, expired.state), ("valid", "revoked"))
        self.assertEqual(request.user_input_id.callback_personal_link_url, fresh._url())
