# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The callback app's set-up checklist (issue #29 point 2): each step is done
once the company's data passes its check, per company."""

from unittest.mock import patch

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import config

from .common import CallbackCase

AGENT = "customer_callback.customer_callback_group_agent"
SUPERVISOR = "customer_callback.customer_callback_group_supervisor"


@tagged("post_install", "-at_install")
class TestSetupChecklist(CallbackCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.china = cls.env.ref("base.cn")
        # a second company, on its first day: its progress is its own
        cls.other = cls.env["res.company"].create({"name": "Second callback company"})
        cls.other.resource_calendar_id.tz = "Asia/Shanghai"

    def done(self, company, step):
        return company._callback_setup_checks()[step][0]

    def note(self, company, step):
        return company._callback_setup_checks()[step][1]

    def test_country_and_timezone(self):
        self.assertFalse(self.done(self.company, "company"))
        self.assertIn("country", self.note(self.company, "company"))
        self.company.country_id = self.china
        self.assertTrue(self.done(self.company, "company"))
        self.assertIn("Asia/Shanghai", self.note(self.company, "company"))
        # a timezone of another country is not the company's
        self.company.callback_calendar_tz = "Europe/Brussels"
        self.assertEqual(self.company.resource_calendar_id.tz, "Europe/Brussels")
        self.assertFalse(self.done(self.company, "company"))
        self.assertIn("Europe/Brussels", self.note(self.company, "company"))
        self.company.callback_calendar_tz = "Asia/Shanghai"
        self.assertTrue(self.done(self.company, "company"))
        self.assertFalse(self.done(self.other, "company"))

    def test_call_windows(self):
        self.assertTrue(self.done(self.company, "windows"), "the SOP's windows by default")
        self.assertIn("09:00–12:00", self.note(self.company, "windows"))
        self.company.write(
            {
                "callback_workday_from1": 0.0,
                "callback_workday_to1": 0.0,
                "callback_workday_from2": 0.0,
                "callback_workday_to2": 0.0,
            }
        )
        self.assertFalse(self.done(self.company, "windows"))
        self.assertTrue(self.done(self.other, "windows"))
        self.company.write({"callback_workday_from1": 8.5, "callback_workday_to1": 11.0})
        self.assertTrue(self.done(self.company, "windows"))
        self.assertIn("08:30–11:00", self.note(self.company, "windows"))

    def test_official_holidays_loaded(self):
        self.assertFalse(self.done(self.company, "holidays"))
        self.assertIn("country", self.note(self.company, "holidays"))
        self.company.callback_holiday_country_id = self.china
        self.assertFalse(self.done(self.company, "holidays"))
        self.assertIn("not loaded", self.note(self.company, "holidays"))
        self.company._callback_refresh_official_calendar()
        self.assertTrue(self.done(self.company, "holidays"))
        self.other.callback_holiday_country_id = self.china
        self.assertFalse(self.done(self.other, "holidays"), "loaded in the first company only")

    def test_team_with_agents_and_a_leader(self):
        self.assertTrue(self.done(self.company, "team"))
        self.assertIn(self.team.name, self.note(self.company, "team"))
        self.assertFalse(self.done(self.other, "team"))
        self.assertEqual(self.note(self.other, "team"), "No callback team yet.")
        clerk = new_test_user(
            self.env,
            "cb_setup_clerk",
            groups="base.group_user",
            company_id=self.other.id,
            company_ids=[self.other.id],
        )
        agent = new_test_user(
            self.env,
            "cb_setup_agent",
            groups=AGENT,
            company_id=self.other.id,
            company_ids=[self.other.id],
        )
        team = self.env["helpdesk.ticket.team"].create(
            {"name": "Second team", "company_id": self.other.id, "user_ids": [(6, 0, clerk.ids)]}
        )
        self.assertFalse(self.done(self.other, "team"))
        self.assertIn("agent", self.note(self.other, "team"))
        team.user_ids = [(4, agent.id)]
        self.assertFalse(self.done(self.other, "team"))
        self.assertIn("leader", self.note(self.other, "team"))
        team.user_id = clerk
        self.assertTrue(self.done(self.other, "team"))
        # an archived team, or one without agents, no longer counts
        self.team.user_ids = [(5, 0, 0)]
        self.assertFalse(self.done(self.company, "team"))

    def test_rules_reviewed_by_a_supervisor(self):
        Rule = self.env["customer.callback.rule"]
        with self.assertRaises(UserError):
            Rule.with_user(self.supervisor).action_confirm_reviewed()
        self.make_rule()
        self.assertFalse(self.done(self.company, "rules"))
        self.assertIn("1 active rules", self.note(self.company, "rules"))
        with self.assertRaises(AccessError):
            Rule.with_user(self.agent1).action_confirm_reviewed()
        result = Rule.with_user(self.supervisor).action_confirm_reviewed()
        self.assertEqual(result["tag"], "display_notification")
        self.assertTrue(self.company.callback_rules_reviewed)
        self.assertTrue(self.done(self.company, "rules"))
        self.assertFalse(self.done(self.other, "rules"))

    def test_supervisor_and_agent_groups(self):
        self.assertTrue(self.done(self.company, "groups"))
        self.assertFalse(self.done(self.other, "groups"))
        agent = new_test_user(
            self.env,
            "cb_setup_agent2",
            groups=AGENT,
            company_id=self.other.id,
            company_ids=[self.other.id],
        )
        self.assertIn("a supervisor", self.note(self.other, "groups"))
        self.assertNotIn("an agent", self.note(self.other, "groups"))
        # a supervisor is not counted as an agent: agents are who only call
        agent.group_ids = [(4, self.env.ref(SUPERVISOR).id)]
        self.assertIn("an agent", self.note(self.other, "groups"))
        self.assertNotIn("a supervisor", self.note(self.other, "groups"))
        new_test_user(
            self.env,
            "cb_setup_agent3",
            groups=AGENT,
            company_id=self.other.id,
            company_ids=[self.other.id],
        )
        self.assertTrue(self.done(self.other, "groups"))
        self.assertEqual(self.note(self.other, "groups"), "1 supervisors, 1 agents.")

    def test_surveys_sms_and_mails_can_leave(self):
        self.env["ir.mail_server"].search([]).active = False
        installed = set(
            self.env["ir.module.module"]
            .search(
                [("name", "in", ("sms", "customer_callback_survey")), ("state", "=", "installed")]
            )
            .mapped("name")
        )
        modules = [name for name in ("sms", "customer_callback_survey") if name not in installed]
        with patch.dict(config.options, {"smtp_server": "localhost"}):
            self.assertEqual(
                self.company._callback_setup_missing_channels(), ["mail_server", "email", *modules]
            )
            self.assertFalse(self.done(self.company, "channels"))
            self.assertIn("outgoing mail server", self.note(self.company, "channels"))
            self.env["ir.mail_server"].create({"name": "Outgoing", "smtp_host": "smtp.example.com"})
            self.company.email = "callbacks@example.com"
            self.assertEqual(self.company._callback_setup_missing_channels(), modules)
            self.assertEqual(self.other._callback_setup_missing_channels(), ["email", *modules])
            self.assertEqual(self.done(self.company, "channels"), not modules)
        with patch.dict(config.options, {"smtp_server": "smtp.example.com"}):
            self.env["ir.mail_server"].search([]).active = False
            self.assertEqual(self.company._callback_setup_missing_channels(), modules)
        if modules:
            with patch.object(
                type(self.company), "_callback_setup_missing_channels", lambda self: []
            ):
                self.assertTrue(self.done(self.company, "channels"))

    def test_panel_follows_the_data_per_company(self):
        """The workday's checklist, as the supervisor reads it: a step just
        done is reported once as such, then done; it is not done again when
        its data no longer passes; another company's progress is its own."""
        Workday = self.env["customer.callback.workday"].with_user(self.supervisor)

        def states(workday):
            setup = workday.get_workday_data()["setup"]
            return {step["key"]: step["state"] for step in setup["steps"]}

        first = states(Workday)
        self.assertEqual(
            list(first), ["company", "windows", "holidays", "team", "rules", "groups", "channels"]
        )
        self.assertEqual(first["team"], "just_done")
        self.assertEqual(first["company"], "not_done")
        self.assertEqual(states(Workday)["team"], "done")
        self.team.user_id = False
        self.assertEqual(states(Workday)["team"], "not_done")
        self.team.user_id = self.supervisor
        self.assertEqual(states(Workday)["team"], "just_done")
        # the second company's panel, for a supervisor of both companies
        self.supervisor.company_ids = [(4, self.other.id)]
        other_states = states(Workday.with_company(self.other))
        self.assertEqual(other_states["team"], "not_done")
        self.assertEqual(states(Workday)["team"], "done")
        self.assertFalse(
            self.env["customer.callback.workday"]
            .with_user(self.agent1)
            .get_workday_data()["setup"],
            "agents see no checklist",
        )

    def test_panel_hidden_and_shown_again(self):
        Workday = self.env["customer.callback.workday"].with_user(self.supervisor)
        self.assertFalse(Workday.get_workday_data()["setup"]["closed"])
        self.assertTrue(Workday.toggle_setup_checklist()["closed"])
        self.assertTrue(Workday.get_workday_data()["setup"]["closed"])
        self.assertFalse(Workday.toggle_setup_checklist()["closed"])
        with self.assertRaises(AccessError):
            self.env["customer.callback.workday"].with_user(self.agent1).toggle_setup_checklist()

    def test_each_step_opens_its_screen(self):
        Step = self.env["onboarding.onboarding.step"].with_user(self.supervisor)
        setup = self.env["onboarding.onboarding"].with_user(self.supervisor)._callback_setup_panel()
        screens = {step["key"]: getattr(Step, step["method"])() for step in setup["steps"]}
        self.assertEqual(screens["company"]["res_model"], "res.company")
        self.assertEqual(screens["company"]["res_id"], self.company.id)
        self.assertEqual(screens["windows"]["res_model"], "res.config.settings")
        self.assertEqual(screens["holidays"]["res_model"], "res.config.settings")
        self.assertEqual(
            screens["team"]["id"], self.env.ref("helpdesk_mgmt.helpdesk_ticket_team_action").id
        )
        self.assertEqual(screens["rules"]["res_model"], "customer.callback.rule")
        self.assertEqual(screens["groups"]["res_model"], "res.users")
        self.assertIn(
            screens["channels"]["res_model"], ("ir.mail_server", "res.company", "ir.module.module")
        )

    def test_teams_in_the_callback_configuration_menu(self):
        menu = self.env.ref("customer_callback.customer_callback_team_menu")
        self.assertEqual(
            menu.parent_id, self.env.ref("customer_callback.customer_callback_menu_config")
        )
        self.assertEqual(menu.action, self.env.ref("helpdesk_mgmt.helpdesk_ticket_team_action"))


@tagged("post_install", "-at_install")
class TestSetupChecklistFromOutside(HttpCase):
    """The checklist's calls as the web client sends them (JSON-RPC): only a
    supervisor confirms the rules or hides the checklist, and only for a
    company of her own."""

    def rpc(self, login, model, method, context, args=([],)):
        self.authenticate(login, login)
        self.env.flush_all()
        result = self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": {"context": context}},
        )
        self.env.invalidate_all()
        return result

    def test_rules_confirmed_by_a_supervisor_of_the_company_only(self):
        company, foreign = self.env["res.company"].create(
            [{"name": "Checklist company"}, {"name": "Checklist foreign company"}]
        )
        for each in (company, foreign):
            self.env["customer.callback.rule"].create(
                {"name": "Rule", "company_id": each.id, "segment": "usage", "assignment": "team"}
            )
        own = {"company_id": company.id, "company_ids": [company.id]}
        new_test_user(self.env, "cl_agent_rpc", groups=AGENT, password="cl_agent_rpc", **own)
        new_test_user(self.env, "cl_sup_rpc", groups=SUPERVISOR, password="cl_sup_rpc", **own)
        mine = {"allowed_company_ids": [company.id]}
        with self.assertRaises(JsonRpcException) as error:
            self.rpc("cl_agent_rpc", "customer.callback.rule", "action_confirm_reviewed", mine)
        self.assertEqual(error.exception.args[0], "odoo.exceptions.AccessError")
        with self.assertRaises(JsonRpcException) as error:
            self.rpc(
                "cl_sup_rpc",
                "customer.callback.rule",
                "action_confirm_reviewed",
                {"allowed_company_ids": [foreign.id]},
            )
        self.assertEqual(error.exception.args[0], "odoo.exceptions.AccessError")
        with self.assertRaises(JsonRpcException) as error:
            self.rpc(
                "cl_agent_rpc", "customer.callback.workday", "toggle_setup_checklist", mine, ()
            )
        self.assertEqual(error.exception.args[0], "odoo.exceptions.AccessError")
        hidden = self.rpc(
            "cl_sup_rpc", "customer.callback.workday", "toggle_setup_checklist", mine, ()
        )
        self.assertTrue(hidden["closed"], "the supervisor hid her company's checklist")
        self.assertEqual((company | foreign).mapped("callback_rules_reviewed"), [False, False])
        self.rpc("cl_sup_rpc", "customer.callback.rule", "action_confirm_reviewed", mine)
        self.assertEqual((company | foreign).mapped("callback_rules_reviewed"), [True, False])
