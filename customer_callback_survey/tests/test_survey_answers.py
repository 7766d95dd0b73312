# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import importlib.util
from datetime import timedelta
from pathlib import Path

from odoo.tests import Form, tagged

from odoo.addons.customer_callback.tests.common import FROZEN_NOW
from odoo.addons.customer_callback.tests.i18n_check import english_in_messages, load_language

from .common import SurveyCase


@tagged("post_install", "-at_install")
class TestSurveyAnswers(SurveyCase):
    def sent_request(self, partner=None, **ticket_values):
        request = self.close(self.make_ticket(partner, **ticket_values))
        self.send()
        self.assertEqual(request.state, "sent")
        return request

    def followups(self, partner=None):
        callbacks = self.callbacks_of(partner or self.partner_sh)
        return callbacks.filtered(lambda c: c.period_key and c.period_key.startswith("SV"))

    def test_answer_writes_the_score_back(self):
        request = self.sent_request()
        ticket = request.ticket_id
        user_input = self.answer(
            request.user_input_id, [5, 4, 4, 5], suggestion="Call before coming."
        )
        self.assertEqual(user_input.state, "done")
        self.assertEqual(user_input.callback_score, 5)  # 4.5 rounds up
        self.assertTrue(user_input.callback_consent)
        self.assertEqual(user_input.callback_suggestion, "Call before coming.")
        self.assertEqual(request.state, "answered")
        self.assertEqual(request.survey_status, "answered")
        self.assertEqual(request.score, 5)
        self.assertTrue(request.answered_date)
        self.assertEqual(ticket.survey_score, 5)
        self.assertEqual(ticket.survey_status, "answered")
        self.assertEqual(self.partner_sh.callback_survey_satisfaction, 5.0)
        self.assertEqual(self.partner_sh.callback_survey_count, 1)
        self.assertFalse(self.followups(), "a satisfied customer is not called back")
        # reports: average per agent and team
        rows = self.Request._read_group(
            [("state", "=", "answered"), ("team_id", "=", self.team.id)], ["user_id"], ["score:avg"]
        )
        self.assertEqual(rows, [(self.agent1, 5.0)])
        # a reminder is not sent for an answered survey
        later = request.sent_date.replace(year=2030)
        self.assertNotIn(request, self.Request.search(self.Request._remind_domain(later)))

    def test_low_score_creates_exactly_one_supervisor_callback(self):
        request = self.sent_request()
        user_input = self.answer(
            request.user_input_id, [3, 2, 3, 2], suggestion="Too slow.", consent=False
        )
        self.assertEqual(user_input.callback_score, 3)  # 2.5 rounds up to "average"
        followup = self.followups()
        self.assertEqual(len(followup), 1)
        self.assertEqual(followup.segment, "feedback_history")
        self.assertEqual(followup.period_key, f"SV{user_input.id}")
        self.assertEqual(followup.rule_id, self.company._callback_survey_followup_rule())
        self.assertEqual(followup.rule_id.trigger, "manual")
        self.assertEqual(followup.user_id, self.supervisor, "the team leader calls back")
        self.assertEqual(followup.ticket_id, request.ticket_id)
        self.assertEqual(followup.survey_input_id, user_input)
        self.assertEqual(followup.feedback, "Too slow.")
        self.assertEqual(followup.state, "planned")
        self.assertFalse(followup.survey_input_consent)
        self.assert_in_window(followup)
        self.assertEqual(request.followup_callback_id, followup)
        self.assertIn(user_input.access_token, followup.message_ids[:1].body)
        # processing the answer again creates nothing more
        user_input._callback_process_answers()
        user_input._callback_create_followups()
        self.assertEqual(self.followups(), followup)
        self.assertEqual(self.partner_sh.callback_survey_satisfaction, 3.0)

    def test_low_score_follow_up_has_a_script(self):
        """The supervisor's call after a low score reads a script, in the
        customer's language (#29: the script tab was empty)."""
        load_language(self.env, "zh_CN")
        self.partner_sh.lang = "zh_CN"
        self.supervisor.lang = "zh_CN"
        request = self.sent_request()
        self.answer(request.user_input_id, [2, 2, 2, 2])
        followup = self.followups()
        script = self.env.ref("customer_callback_survey.script_survey_followup")
        self.assertEqual(followup.script_id, script)
        self.assertEqual(followup.rule_id.script_id, script)
        self.assertIn("感谢您参与我们的满意度调查", followup.script_html)
        self.assertIn(self.supervisor.name, followup.script_html)
        # what the answer writes in the follow-up's chatter reads in Chinese
        # for a company in Chinese (#29)
        self.assertFalse(
            english_in_messages(
                followup.with_context(lang="zh_CN").message_ids,
                allowed={self.company.name, self.partner_sh.name, self.supervisor.name},
            )
        )
        self.partner_sh.lang = "en_US"
        followup.invalidate_recordset(["script_html"])
        self.assertIn("Thank you for answering our satisfaction survey", followup.script_html)

    def test_low_score_is_followed_up_at_the_contact_limit(self):
        """Like the complaint and feedback follow-ups, the supervisor's call
        after a low score is not dropped by the contact-fatigue cap (the
        demo lost it on days a holiday greeting was planned, issue #27)."""
        request = self.sent_request()
        for days in (1, 3, 5):
            self.make_callback(
                self.partner_sh,
                planned_date=FROZEN_NOW + timedelta(days=days),
                deadline=(FROZEN_NOW + timedelta(days=days + 2)).date(),
            )
        self.assertIn(
            self.partner_sh.id,
            self.env["customer.callback"]._fatigue_capped_partners(
                self.company, {self.partner_sh.id}, FROZEN_NOW.date()
            ),
        )
        self.answer(request.user_input_id, [1, 2, 1, 1])
        followup = self.followups()
        self.assertEqual(len(followup), 1)
        self.assertTrue(followup.rule_id.ignore_fatigue)

    def test_migration_lets_the_follow_ups_pass_the_contact_limit(self):
        """19.0.1.3.0: the low-score rules of earlier versions (noupdate data
        and each company's copy) no longer obey the contact-fatigue cap."""
        rule = self.company._callback_survey_followup_rule()
        default = self.env.ref("customer_callback_survey.rule_survey_followup")
        (rule | default).write({"ignore_fatigue": False})
        path = Path(__file__).parent.parent / "migrations" / "19.0.1.3.0" / "post-migrate.py"
        spec = importlib.util.spec_from_file_location("survey_migration_19_0_1_3_0", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.migrate(self.env.cr, "19.0.1.2.0")
        self.env.invalidate_all()
        self.assertTrue(rule.ignore_fatigue)
        self.assertTrue(default.ignore_fatigue)

    def test_threshold_is_a_setting(self):
        self.company.callback_survey_followup_score = 2
        request = self.sent_request()
        self.answer(request.user_input_id, [3, 3, 3, 3])
        self.assertFalse(self.followups())
        self.company.callback_survey_followup_score = 0
        request = self.sent_request(self.partner_paris)
        self.answer(request.user_input_id, [1, 1, 1, 1])
        self.assertFalse(self.followups(self.partner_paris))

    def test_follow_up_without_team_goes_to_the_company_supervisor(self):
        self.company.callback_supervisor_id = self.agent2
        request = self.sent_request(team_id=False, user_id=False)
        self.answer(request.user_input_id, [1, 2, 1, 1])
        self.assertEqual(self.followups().user_id, self.agent2)

    def test_callback_survey_fills_an_empty_callback_score(self):
        rule = self.make_rule(segment="complaint", trigger="manual", assignment="team")
        self.company.callback_survey_rule_ids = rule
        unscored = self.make_callback(self.partner_paris, rule_id=rule.id, summary="Solved")
        scored = self.make_callback(self.partner_ny, rule_id=rule.id, summary="Solved", score=5)
        self.partner_ny.email = "james@example.com"
        (unscored | scored).action_done()
        self.send()
        requests = self.Request.search([("callback_id", "in", (unscored | scored).ids)])
        self.assertEqual(set(requests.mapped("state")), {"sent"})
        self.answer(unscored.survey_request_ids.user_input_id, [4, 4, 4, 4])
        self.answer(scored.survey_request_ids.user_input_id, [2, 2, 2, 2])
        self.assertEqual(unscored.score, 4)
        self.assertEqual(unscored.survey_score, 4)
        self.assertEqual(scored.score, 5, "the agent's own score is kept")
        self.assertEqual(scored.survey_score, 2)
        self.assertEqual(self.partner_paris.callback_satisfaction, 4.0)
        followup = self.followups(self.partner_ny)
        self.assertEqual(followup.source_callback_id, scored)

    def test_survey_score_averages_leave_unanswered_out(self):
        """Tickets, requests and callbacks without an answer (score 0) are not
        averaged in as zeros by the pivot and graph views."""
        answered = self.sent_request()
        self.answer(answered.user_input_id, [4, 4, 4, 4])
        unanswered = self.sent_request(self.partner_paris)
        tickets = answered.ticket_id | unanswered.ticket_id
        tickets.sudo().write({"survey_score": False})  # stored as 0
        answered.ticket_id.sudo().survey_score = 4
        self.assertEqual(
            self.env["helpdesk.ticket"]._read_group(
                [("id", "in", tickets.ids)], [], ["survey_score:avg"]
            ),
            [(4.0,)],
        )
        self.assertEqual(
            self.Request._read_group(
                [("id", "in", (answered | unanswered).ids)], [], ["score:avg"]
            ),
            [(4.0,)],
        )
        callbacks = self.make_callback(score=2) | self.make_callback(self.partner_ny)
        callbacks.sudo().write({"survey_score": False})
        callbacks[0].sudo().survey_score = 5
        self.assertEqual(
            self.env["customer.callback"]._read_group(
                [("id", "in", callbacks.ids)], [], ["score:avg", "survey_score:avg"]
            ),
            [(2.0, 5.0)],
        )

    def test_survey_scores_feed_the_partner_average_satisfaction(self):
        """Ticket surveys join the scored callbacks in the customer's average;
        a callback's survey counts once, through the callback's score."""
        rule = self.make_rule(segment="complaint", trigger="manual", assignment="team")
        scored = self.make_callback(self.partner_sh, rule_id=rule.id, summary="Solved", score=3)
        scored.action_done()
        self.assertEqual(self.partner_sh.callback_satisfaction, 3.0)
        ticket_request = self.sent_request()
        self.answer(ticket_request.user_input_id, [5, 5, 5, 5])
        self.assertEqual(self.partner_sh.callback_survey_count, 1)
        self.assertEqual(self.partner_sh.callback_satisfaction, 4.0)  # (3 + 5) / 2
        # the survey after an unscored callback fills its score: counted once
        self.company.callback_survey_rule_ids = rule
        unscored = self.make_callback(self.partner_sh, rule_id=rule.id, summary="Solved")
        unscored.action_done()
        callback_request = unscored.survey_request_ids
        # after the contact cap (30 days) of the ticket's survey
        self.send(now=callback_request.due_date + timedelta(days=31))
        self.assertEqual(callback_request.state, "sent")
        self.answer(callback_request.user_input_id, [1, 1, 1, 1])
        self.assertEqual(unscored.score, 1)
        self.assertEqual(self.partner_sh.callback_survey_count, 2)
        self.assertEqual(self.partner_sh.callback_satisfaction, 3.0)  # (3 + 5 + 1) / 3

    def test_answer_without_callback_link_is_left_alone(self):
        user_input = self.survey.sudo()._create_answer(
            partner=self.partner_sh, check_attempts=False
        )
        self.answer(user_input, [1, 1, 1, 1])
        self.assertFalse(user_input.callback_score)
        self.assertFalse(self.followups())

    def test_agent_sees_survey_status_without_survey_rights(self):
        rule = self.make_rule(segment="complaint", trigger="manual", assignment="team")
        self.company.callback_survey_rule_ids = rule
        callback = self.make_callback(self.partner_paris, rule_id=rule.id, summary="Solved")
        callback.action_done()
        ticket = self.make_ticket()
        self.close(ticket)
        self.send()
        self.assertFalse(self.agent1.has_group("survey.group_survey_user"))
        self.assertTrue(self.supervisor.has_group("survey.group_survey_user"))
        callback_form = Form(callback.with_user(self.agent1))
        self.assertEqual(callback_form.survey_status, "sent")
        ticket_form = Form(ticket.with_user(self.agent1))
        self.assertEqual(ticket_form.survey_status, "sent")
        request = ticket.survey_request_ids.with_user(self.agent1)
        self.assertEqual(Form(request).survey_status, "sent")
        self.answer(request.user_input_id, [2, 2, 2, 2])
        followup = self.followups()
        # the supervisor opens the follow-up and the answers
        followup_form = Form(followup.with_user(self.supervisor))
        self.assertEqual(followup_form.survey_input_score, 2)
        action = request.with_user(self.agent1).action_view_answers()
        self.assertIn(request.user_input_id.access_token, action["url"])
