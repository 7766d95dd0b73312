# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A company's first day (issue #29): callbacks always land where a person
sees them, the script never has an empty agent, a ticket raised from a call
is titled by the problem and owned, an attempt says what happens next."""

from datetime import datetime, timedelta

import freezegun
from lxml import etree

from odoo.tests import new_test_user, tagged

from .common import FROZEN_NOW, TODAY, CallbackCase

AGENT = "customer_callback.customer_callback_group_agent"
SUPERVISOR = "customer_callback.customer_callback_group_supervisor"


@tagged("post_install", "-at_install")
class TestFirstDayRouting(CallbackCase):
    """Point 1: a company of its own, without demo data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.first = cls.env["res.company"].create({"name": "清源净水科技有限公司"})
        cls.first.resource_calendar_id.tz = "Asia/Shanghai"
        cls.env.user.company_ids |= cls.first
        users = {}
        for login, name, group in (
            ("fd_lead", "陈主管", SUPERVISOR),
            ("fd_wang", "王芳", AGENT),
            ("fd_zhao", "赵强", AGENT),
        ):
            users[login] = new_test_user(
                cls.env,
                login,
                name=name,
                groups=group,
                company_id=cls.first.id,
                company_ids=[cls.first.id],
            )
        cls.lead, cls.wang, cls.zhao = users["fd_lead"], users["fd_wang"], users["fd_zhao"]
        # The suite does not copy the default rules to a new company: the
        # company's first-order rule as the default data defines it (team
        # queue, no team), with its script.
        default = cls.env.ref("customer_callback.rule_new_customer")
        cls.rule = cls.env["customer.callback.rule"].create(
            {
                "name": "新客户首次回访",
                "company_id": cls.first.id,
                "segment": "new_customer",
                "trigger": "first_order",
                "offset_days": 3,
                "window_days": 4,
                "assignment": "team",
                "script_id": default.script_id.id,
            }
        )

    def confirm_first_order(self, name):
        partner = self.env["res.partner"].create(
            {
                "name": name,
                "lang": "zh_CN",
                "tz": "Asia/Shanghai",
                "callback_title": "先生",
                "phone": "+86 13900000000",
            }
        )
        order = self.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "company_id": self.first.id,
                "order_line": [(0, 0, {"product_id": self.product.id, "product_uom_qty": 1})],
            }
        )
        order.action_confirm()
        callback = self.callbacks_of(partner, self.rule)
        self.assertEqual(len(callback), 1)
        return callback

    def dashboard_lines(self):
        """The routing lines the supervisors' dashboard shows
        (customer_callback_report lists them with a link each)."""
        issues = self.first.with_context(tz="Asia/Shanghai")._callback_routing_issues()
        return [issue["message"] for issue in issues]

    def test_first_order_callback_lands_on_an_agent_of_the_default_team(self):
        team = self.env["helpdesk.ticket.team"].create(
            {
                "name": "客服一组",
                "company_id": self.first.id,
                "user_ids": [(6, 0, (self.wang | self.zhao).ids)],
                "user_id": self.lead.id,
            }
        )
        # at install, each company gets its first team having members
        self.env["res.company"]._callback_init_default_team()
        self.assertEqual(self.first.callback_default_team_id, team)
        self.assertFalse(self.rule.routing_warning)
        settings = self.env["res.config.settings"].with_company(self.first).create({})
        self.assertFalse(settings.callback_routing_warning)
        self.assertEqual(self.dashboard_lines(), [])

        first = self.confirm_first_order("李明")
        self.assertIn(first.user_id, self.wang | self.zhao)
        self.assertEqual(first.team_id, team)
        self.assertFalse(first.is_unrouted)
        # the script names the agent
        html = str(first.with_context(lang="zh_CN").script_html)
        self.assertIn(f"我是清源净水科技有限公司的{first.user_id.name}。", html)
        # balanced: the next customer's callback goes to the other agent
        second = self.confirm_first_order("周杰")
        self.assertEqual(second.user_id, (self.wang | self.zhao) - first.user_id)

    def test_team_without_agents_goes_to_the_supervisor_and_is_flagged(self):
        empty = self.env["helpdesk.ticket.team"].create(
            {"name": "空的组", "company_id": self.first.id}
        )
        self.rule.team_id = empty
        self.first.callback_supervisor_id = self.lead
        self.assertEqual(
            self.rule.with_context(lang="zh_CN").routing_warning,
            "团队“空的组”中没有在岗客服专员。回访将进入回访主管的队列（陈主管）。",
        )
        settings = self.env["res.config.settings"].with_company(self.first).create({})
        self.assertIn(self.rule.name, settings.callback_routing_warning)
        self.assertTrue(any(self.rule.name in line for line in self.dashboard_lines()))

        callback = self.confirm_first_order("李明")
        self.assertEqual(callback.user_id, self.lead, "the supervisor's queue")
        self.assertEqual(callback.team_id, empty)
        self.assertFalse(callback.is_unrouted)

        # no supervisor either: unassigned, but flagged
        self.first.callback_supervisor_id = False
        self.assertIn("belong to nobody", self.rule.routing_warning)
        orphan = self.confirm_first_order("周杰")
        self.assertFalse(orphan.user_id)
        self.assertTrue(orphan.is_unrouted)
        Callback = self.env["customer.callback"]
        self.assertEqual(
            Callback.search([("is_unrouted", "=", True), ("company_id", "=", self.first.id)]),
            orphan,
        )
        self.assertIn("Open callbacks that belong to nobody: 1.", self.dashboard_lines())
        # the script does not leave the agent's name empty
        html = str(orphan.with_context(lang="zh_CN").script_html)
        self.assertNotIn("有限公司的。", html)
        self.assertIn("我是清源净水科技有限公司的空的组客服。", html)


@tagged("post_install", "-at_install")
class TestScriptWithoutAgent(CallbackCase):
    def test_agent_part_falls_back_on_the_team_or_the_company(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        script = self.env.ref("customer_callback.script_after_delivery")
        self.partner_paris.lang = "en_US"
        self.partner_sh.lang = "zh_CN"
        team = self.env["helpdesk.ticket.team"].create(
            {"name": "After-sales", "company_id": self.company.id}
        )
        english = self.make_callback(
            self.partner_paris, user_id=False, team_id=team.id, script_id=script.id
        )
        self.assertIn(
            "this is the After-sales team from Callback test company.", str(english.script_html)
        )
        english.team_id = False
        self.assertIn(
            "this is customer service from Callback test company.", str(english.script_html)
        )
        chinese = self.make_callback(
            self.partner_sh, user_id=False, team_id=False, script_id=script.id
        )
        self.assertIn("我是Callback test company的客服。", str(chinese.script_html))


@tagged("post_install", "-at_install")
class TestTicketFromCall(CallbackCase):
    """Point 5: the ticket raised from a call."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a category without owner nor team
        cls.category = cls.env["helpdesk.ticket.category"].create(
            {"name": "漏水", "company_id": cls.company.id}
        )

    def raise_ticket(self, **values):
        vals = {
            "summary": "客户反映滤芯漏水，已安抚。",
            "feedback": "滤芯每天早上漏水\n地板已经泡坏",
            "next_action": "Ask for the customer's satisfaction (5-point scale).",
            "problem_category_id": self.category.id,
            "promised_date": FROZEN_NOW + timedelta(hours=4),
        }
        vals.update(values)
        callback = self.make_callback(**vals)
        action = callback.with_user(self.agent1).action_create_ticket()
        return self.env["helpdesk.ticket"].browse(action["res_id"])

    def test_ticket_titled_by_the_problem_and_routed(self):
        self.company.callback_default_team_id = self.team
        ticket = self.raise_ticket()
        self.assertEqual(ticket.name, "滤芯每天早上漏水", "the problem, not the next action")
        self.assertIn(ticket.user_id, self.agent1 | self.agent2, "an agent of the default team")
        self.assertEqual(ticket.team_id, self.team)
        self.assertEqual(ticket.promised_reply_date, FROZEN_NOW + timedelta(hours=4))
        # no feedback: the callback's summary
        self.assertEqual(self.raise_ticket(feedback=False).name, "客户反映滤芯漏水，已安抚。")

    def test_ticket_without_owner_goes_to_the_supervisor_or_says_so(self):
        self.company.callback_supervisor_id = self.supervisor
        self.assertEqual(self.raise_ticket().user_id, self.supervisor)
        self.company.callback_supervisor_id = False
        ticket = self.raise_ticket()
        self.assertFalse(ticket.user_id)
        notes = ticket.message_ids.filtered(lambda m: "Nobody owns this ticket" in str(m.body))
        self.assertEqual(len(notes), 1)
        self.assertIn("漏水", str(notes.body))

    def test_promised_reply_on_the_main_part_of_the_form(self):
        arch = self.env["helpdesk.ticket"].get_views([(False, "form")])["views"]["form"]["arch"]
        root = etree.fromstring(arch)
        fields = root.xpath("//field[@name='promised_reply_date']")
        self.assertTrue(fields)
        for field in fields:
            self.assertFalse(field.xpath("ancestor::notebook"), "not on a hidden tab")
            self.assertFalse(field.get("invisible"))


@tagged("post_install", "-at_install")
class TestAttemptFeedback(CallbackCase):
    """Point 8: after an attempt, one line says what happens next."""

    def log(self, callback, result, when, tz="Asia/Shanghai", lang="en_US"):
        with freezegun.freeze_time(when):
            return callback.with_context(
                attempt_result=result, tz=tz, lang=lang
            ).action_log_attempt()

    def test_no_answer_tells_the_next_try(self):
        callback = self.make_callback()
        action = self.log(callback, "no_answer", FROZEN_NOW)
        self.assertEqual(action["tag"], "display_notification")
        self.assertFalse(action["params"]["sticky"])
        # 10:00 in Shanghai, two hours between tries, another slot: 13:00
        expected = "Next attempt: 11-23 13:00 (Afternoon, another slot). Deadline: 11-26."
        self.assertEqual(action["params"]["message"], expected)
        self.assertEqual(callback.with_context(tz="Asia/Shanghai").next_step, expected)
        # in Chinese, and for a reader in Paris: her time, and the customer's
        with freezegun.freeze_time(FROZEN_NOW):
            self.assertEqual(
                callback.with_context(tz="Asia/Shanghai", lang="zh_CN").next_step,
                "下次尝试：11-23 13:00（下午，另一时段）。截止日期：11-26。",
            )
            self.assertEqual(
                callback.with_context(tz="Europe/Paris").next_step,
                "Next attempt: 11-23 06:00 (Afternoon, another slot). "
                "Customer's time: 11-23 13:00 (Asia/Shanghai). Deadline: 11-26.",
            )

    def test_moved_deadline_and_closing_are_told(self):
        callback = self.make_callback(deadline=TODAY)
        # 19:00 in Shanghai: the next try is tomorrow, after the deadline
        action = self.log(callback, "busy", datetime(2026, 11, 23, 11, 0))
        self.assertIn("Deadline moved to 11-24.", action["params"]["message"])
        self.assertEqual(callback.deadline, TODAY + timedelta(days=1))
        self.log(callback, "no_answer", datetime(2026, 11, 24, 2, 0))
        action = self.log(callback, "switched_off", datetime(2026, 11, 24, 6, 0))
        self.assertIn("Leave an SMS or IM message", action["params"]["message"])
        action = self.log(callback, "message_sent", datetime(2026, 11, 24, 6, 5))
        self.assertEqual(callback.state, "unreachable")
        self.assertEqual(action["params"]["message"], "Closed as unreachable after 4 attempts.")
        self.assertEqual(callback.next_step, "Closed as unreachable after 4 attempts.")
