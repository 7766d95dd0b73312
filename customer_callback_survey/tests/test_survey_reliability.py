# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.customer_callback.tests.common import AccessMatrixMixin

from .common import SurveyCase

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
        cls.other_team = cls.env["helpdesk.ticket.team"].create({"name": "Survey other team"})
        cls.agent3 = new_test_user(
            cls.env,
            "survey_agent3",
            groups="customer_callback.customer_callback_group_agent",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
        )
        cls.other_team.user_ids = cls.agent3

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
