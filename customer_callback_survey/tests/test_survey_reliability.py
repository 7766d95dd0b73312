# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta
from unittest.mock import patch

from odoo import SUPERUSER_ID, api, fields
from odoo.exceptions import AccessError
from odoo.fields import Domain
from odoo.tests import TransactionCase, tagged

from odoo.addons.customer_callback.tests.common import (
    AccessMatrixMixin,
    cron_commits,
    fail_on_call,
    run_in_two_cursors,
)

from ..models.customer_callback_survey_request import RETRY_DELAY
from .common import DUE, FROZEN_NOW, SurveyCase

NONE = "----"
# Expected model-level rights of every model of the addon, per profile
# (ACCESS_PROFILES of customer_callback's tests: portal, internal, helpdesk
# user, agent, supervisor, supervisor of another company) as "rwcu".
ACCESS_MATRIX = {
    # the queue writes the requests: agents read them (and act through the
    # buttons), nobody deletes them
    "customer.callback.survey.request": (NONE, NONE, NONE, "r---", "rwc-", "rwc-"),
}


@tagged("post_install", "-at_install")
class TestSurveyReliability(AccessMatrixMixin, SurveyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_access_profiles()

    def mails_of(self, user_inputs):
        return (
            self.env["mail.mail"]
            .sudo()
            .search([("model", "=", "survey.user_input"), ("res_id", "in", user_inputs.ids)])
        )

    # ------------------------------------------------------------------
    # Access
    # ------------------------------------------------------------------

    def test_access_matrix_by_model_and_profile(self):
        self.assert_access_matrix(ACCESS_MATRIX)

    def test_access_matrix_lists_every_model_of_the_addon(self):
        self.assert_matrix_covers_module(ACCESS_MATRIX, "customer_callback_survey")

    def test_foreign_supervisor_sees_no_survey_request(self):
        request = self.close(self.make_ticket())
        self.send()
        self.assertEqual(request.state, "sent")
        Request = self.Request.with_user(self.foreign_supervisor)
        self.assertFalse(Request.search([("id", "=", request.id)]))
        self.assertEqual(Request._read_group([("id", "=", request.id)], [], ["__count"]), [(0,)])
        with self.assertRaises(AccessError):
            request.with_user(self.foreign_supervisor).read(["score"])
        with self.assertRaises(AccessError):
            request.with_user(self.foreign_supervisor).action_view_answers()
        with self.assertRaises(AccessError):
            request.with_user(self.foreign_supervisor).action_retry()

    def test_agent_cannot_reach_another_team_survey_requests(self):
        """On the agent's own ticket, the survey of another team's callback
        stays hidden: search, the ticket's requests, the answers' link."""
        self.agent1.group_ids += self.env.ref("base.group_allow_export")
        rule = self.make_rule(segment="complaint", trigger="manual", assignment="team")
        self.company.callback_survey_rule_ids = rule
        ticket = self.make_ticket()
        mine = self.close(ticket)
        # another customer's callback on this ticket (the contact cap holds back
        # a second survey to the same customer)
        theirs_callback = self.make_callback(
            self.partner_paris,
            rule_id=rule.id,
            ticket_id=ticket.id,
            user_id=self.agent3.id,
            team_id=self.other_team.id,
            summary="Solved by the other team",
        )
        theirs_callback.action_done()
        theirs = self.Request.search([("callback_id", "=", theirs_callback.id)])
        self.assertEqual(theirs.ticket_id, ticket)
        self.send()
        self.assertEqual((mine | theirs).mapped("state"), ["sent", "sent"])
        self.env.invalidate_all()  # the agent's request starts with an empty cache
        Request = self.Request.with_user(self.agent1)
        domain = [("id", "in", (mine | theirs).ids)]
        self.assertEqual(Request.search(domain), mine)
        self.assertEqual(Request._read_group(domain, [], ["__count"]), [(1,)])
        self.assertEqual(
            Request.search(domain).export_data(["trigger"])["datas"], [["Closed complaint"]]
        )
        self.assertEqual(ticket.with_user(self.agent1).survey_request_ids, mine)
        with self.assertRaises(AccessError):
            theirs.with_user(self.agent1).action_view_answers()
        with self.assertRaises(AccessError):
            theirs_callback.with_user(self.agent1).action_view_survey_answers()
        self.assertTrue(theirs.with_user(self.agent3).action_view_answers()["url"])
        self.assertTrue(mine.with_user(self.agent1).action_view_answers()["url"])

    def test_agents_act_on_requests_without_writing_them(self):
        """An agent cannot forge a survey's state or score; the buttons still
        work for them (a call instead, a new try) and notes can be posted."""
        self.partner_sh.write({"email": False, "phone": False})
        request = self.close(self.make_ticket())
        self.send()
        self.assertEqual(request.state, "no_contact")
        as_agent = request.with_user(self.agent1)
        for values in ({"score": 5}, {"state": "answered"}, {"user_id": self.agent2.id}):
            with self.assertRaises(AccessError, msg=str(values)):
                as_agent.write(values)
        as_agent.message_post(body="Customer asked to be called in the evening.")
        as_agent.action_create_call()
        self.assertEqual(request.call_callback_id.user_id, self.agent1)
        as_agent.action_retry()
        self.assertEqual(request.state, "pending")
        self.assertFalse(request.score)

    def test_survey_score_is_the_customers_only(self):
        """Read-only in the forms and through RPC: an agent cannot set the
        survey score of their callback, nor a helpdesk user of their ticket."""
        callback = self.make_callback(user_id=self.agent1.id)
        ticket = self.make_ticket(user_id=self.profiles["helpdesk"].id)
        with self.assertRaises(AccessError):
            callback.with_user(self.agent1).write({"survey_score": 5})
        with self.assertRaises(AccessError):
            ticket.with_user(self.profiles["helpdesk"]).write({"survey_score": 5})
        with self.assertRaises(AccessError):
            ticket.with_user(self.supervisor).write({"survey_score": 1})
        # their other fields stay writable
        callback.with_user(self.agent1).write({"summary": "Called back"})
        ticket.with_user(self.profiles["helpdesk"]).write({"name": "Renamed"})
        self.assertFalse(callback.survey_score or ticket.survey_score)
        # the customer's answer sets it
        request = self.close(ticket)
        self.send()
        self.answer(request.user_input_id, [4, 4, 4, 4])
        self.assertEqual(ticket.survey_score, 4)

    # ------------------------------------------------------------------
    # Faults
    # ------------------------------------------------------------------

    def test_interrupted_sending_resumes_without_gaps_or_duplicates(self):
        """The sending scheduled action crashes in its second batch: the first
        batch stays sent, the crashed one leaves no answer record or mail
        behind, and the next run sends every survey exactly once."""
        partners = self.env["res.partner"].create(
            [{"name": f"Batch customer {i}", "email": f"batch{i}@example.com"} for i in range(5)]
        )
        tickets = self.env["helpdesk.ticket"]
        for partner in partners:
            tickets |= self.make_ticket(partner)
        requests = self.close(tickets).sorted("id")
        self.assertEqual(len(requests), 5)
        requests.write({"due_date": FROZEN_NOW - timedelta(hours=1)})
        # only these requests are due in this run
        self.Request._queue_missed()
        self.Request.search([("state", "=", "pending"), ("id", "not in", requests.ids)]).write(
            {"state": "skipped_cap"}
        )
        Request = type(self.Request)

        def answers(request):
            return self.env["survey.user_input"].search([("ticket_id", "=", request.ticket_id.id)])

        with (
            fail_on_call(Request, "_send_batch", 2),
            cron_commits(self.env, crash=RuntimeError) as run,
        ):
            self.Request._cron_send_surveys(batch_size=2)
        self.assertTrue(run.error, "the run crashed")
        self.assertEqual(run.commits, [(0, None), (2, 3)], "the first batch was committed")
        for request in requests[:2]:
            self.assertEqual(request.state, "sent")
            self.assertEqual(len(answers(request)), 1)
            self.assertEqual(len(self.mails_of(answers(request))), 1)
        for request in requests[2:]:
            self.assertEqual(request.state, "pending")
            self.assertFalse(answers(request), "the crashed batch left nothing")
            self.assertFalse(request.attempt_count)
        # the next run sends the rest
        with cron_commits(self.env) as run:
            self.Request._cron_send_surveys(batch_size=2)
        self.assertEqual(run.commits, [(0, None), (2, 1), (1, 0)])
        for request in requests:
            self.assertEqual(request.state, "sent")
            self.assertEqual(request.user_input_id, answers(request), "one answer record each")
            self.assertEqual(len(self.mails_of(request.user_input_id)), 1, "one mail each")
        with cron_commits(self.env) as run:
            self.Request._cron_send_surveys(batch_size=2)
        self.assertEqual(run.commits, [(0, None)], "nothing left")
        self.assertEqual(len(self.mails_of(requests.user_input_id)), 5)

    def test_failing_sms_stays_pending_and_is_retried(self):
        self.company.callback_survey_channel = "sms"
        self.partner_paris.write({"email": False, "phone": "+33 6 12 34 56 78"})
        request = self.close(self.make_ticket(self.partner_paris))
        Sms = self.env["sms.sms"].sudo()

        def sms_of_partner():
            return Sms.search([("partner_id", "=", self.partner_paris.id)])

        with patch.object(type(Sms), "create", side_effect=ConnectionError("SMS gateway down")):
            self.assertEqual(self.send(), (1, 0))
        self.assertEqual(request.state, "pending")
        self.assertIn("SMS gateway down", request.error_message)
        self.assertEqual(request.attempt_count, 1)
        self.assertEqual(request.next_attempt_date, DUE + RETRY_DELAY)
        self.assertFalse(sms_of_partner())
        user_input = request.user_input_id
        self.assertTrue(user_input)
        # retried at the next run, not within the same one
        self.assertEqual(self.send(now=DUE + timedelta(minutes=5)), (0, 0))
        self.assertEqual(self.send(now=DUE + timedelta(hours=1)), (1, 0))
        self.assertEqual(request.state, "sent")
        self.assertEqual(request.channel, "sms")
        self.assertFalse(request.error_message)
        self.assertEqual(request.user_input_id, user_input, "the same answer record")
        self.assertEqual(len(sms_of_partner()), 1)
        self.assertIn(user_input.access_token, sms_of_partner().body)
        self.assertEqual(self.send(now=DUE + timedelta(hours=2)), (0, 0))
        self.assertEqual(len(sms_of_partner()), 1, "sent once")


@tagged("post_install", "-at_install")
class TestConcurrentSending(TransactionCase):
    """Two runs of the sending scheduled action at once send each survey once
    (real cursors: the requests are committed, then deleted)."""

    def test_two_cursors_send_each_survey_once(self):
        registry = self.registry
        Request = type(self.env["customer.callback.survey.request"])
        now = fields.Datetime.now()
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            partner = env["res.partner"].create(
                {"name": "Concurrent survey customer", "email": "concurrent@example.com"}
            )
            ticket = env["helpdesk.ticket"].create(
                {"name": "Concurrent survey", "description": "<p>x</p>", "partner_id": partner.id}
            )
            request = env["customer.callback.survey.request"].create(
                {
                    "partner_id": partner.id,
                    "ticket_id": ticket.id,
                    "trigger": "ticket",
                    "due_date": now - timedelta(hours=1),
                }
            )
            ids = {"partner": partner.id, "ticket": ticket.id, "request": request.id}
        send_domain, remind_domain = Request._send_domain, Request._remind_domain
        # only this test's request is due: the database's others stay as they are
        mine = Domain("id", "=", ids["request"])
        try:
            with (
                patch.object(Request, "_send_domain", lambda m, n: send_domain(m, n) & mine),
                patch.object(Request, "_remind_domain", lambda m, n: remind_domain(m, n) & mine),
            ):
                results, errors = run_in_two_cursors(
                    registry,
                    lambda env: env["customer.callback.survey.request"]._send_batch(now=now),
                    Request,
                    "_send",
                )
            # the request is locked by the run sending it: the other skips it,
            # without waiting and without a serialization failure
            self.assertEqual(errors, [])
            self.assertEqual(sorted(results), [(0, 0), (1, 0)], "one run sent it")
            with registry.cursor() as cr:
                cr.execute(
                    "SELECT state FROM customer_callback_survey_request WHERE id = %s",
                    [ids["request"]],
                )
                self.assertEqual(cr.fetchone()[0], "sent")
                cr.execute(
                    "SELECT count(*) FROM survey_user_input WHERE ticket_id = %s", [ids["ticket"]]
                )
                self.assertEqual(cr.fetchone()[0], 1, "one answer record")
                cr.execute(
                    """SELECT count(*) FROM mail_mail m
                         JOIN mail_message msg ON msg.id = m.mail_message_id
                         JOIN survey_user_input i ON i.id = msg.res_id
                        WHERE msg.model = 'survey.user_input' AND i.ticket_id = %s""",
                    [ids["ticket"]],
                )
                self.assertEqual(cr.fetchone()[0], 1, "one mail")
        finally:
            with registry.cursor() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                inputs = env["survey.user_input"].search([("ticket_id", "=", ids["ticket"])])
                env["mail.mail"].search(
                    [("model", "=", "survey.user_input"), ("res_id", "in", inputs.ids)]
                ).unlink()
                env["customer.callback.survey.request"].browse(ids["request"]).unlink()
                inputs.unlink()
                env["helpdesk.ticket"].browse(ids["ticket"]).unlink()
                env["res.partner"].browse(ids["partner"]).unlink()
