# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A company's first day (issue #29, moved from customer_callback's
test_routing.py with the order triggers): the callback of a first order always
lands where a person sees it."""

from odoo.tests import new_test_user, tagged

from .common import SaleCallbackCase

AGENT = "customer_callback.customer_callback_group_agent"
SUPERVISOR = "customer_callback.customer_callback_group_supervisor"


@tagged("post_install", "-at_install")
class TestFirstDayRouting(SaleCallbackCase):
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
        default = cls.env.ref("customer_callback_sale.rule_new_customer")
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
