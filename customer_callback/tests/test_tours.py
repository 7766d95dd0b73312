# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestTours(HttpCase):
    """Agents' and supervisors' flows in a real browser (headless Chromium)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.agent = new_test_user(
            cls.env,
            "tour_agent",
            groups="customer_callback.customer_callback_group_agent",
            password="tour_agent_pw",
            tz="Asia/Shanghai",
        )

    def make_callback(self, name):
        # My callbacks lists whom the agent may call now: for the flows that
        # start there, run at any hour of the day, the company calls all day.
        self.company.write(
            {
                "callback_workday_from1": 0.0,
                "callback_workday_to1": 24.0,
                "callback_workday_from2": 0.0,
                "callback_workday_to2": 0.0,
                "callback_holiday_from1": 0.0,
                "callback_holiday_to1": 24.0,
                "callback_holiday_from2": 0.0,
                "callback_holiday_to2": 0.0,
            }
        )
        partner = self.env["res.partner"].create(
            {"name": name, "tz": "Asia/Shanghai", "phone": "+86 10 1234"}
        )
        now = fields.Datetime.now()
        return self.env["customer.callback"].create(
            {
                "partner_id": partner.id,
                "user_id": self.agent.id,
                "state": "planned",
                "planned_date": now - timedelta(hours=1),
                "deadline": now.date() + timedelta(days=2),
            }
        )

    def test_agent_closes_unreachable_callback(self):
        # The tour clicks within seconds, so every attempt falls in the same slot:
        # for this flow the company does not ask for distinct slots.
        self.company.callback_distinct_slots = False
        callback = self.make_callback("Tour Unreachable Customer")
        self.start_tour("/odoo", "customer_callback_unreachable_tour", login="tour_agent")
        self.assertEqual(callback.state, "unreachable")
        self.assertEqual(len(callback.attempt_ids), 4)
        self.assertFalse(callback.score)

    def test_agent_confirms_hung_up_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["customer_callback"], ["zh_CN"])
        self.agent.lang = "zh_CN"
        callback = self.make_callback("挂断测试客户")
        self.start_tour("/odoo", "customer_callback_hung_up_tour", login="tour_agent")
        self.assertEqual(callback.state, "done")
        self.assertEqual(callback.attempt_ids.mapped("result"), ["hung_up"], "confirmed once")
        self.assertEqual(callback.score, self.company._callback_attempt_policy().hung_up_score)

    def test_agent_turns_problem_into_ticket(self):
        callback = self.make_callback("Tour Ticket Customer")
        # a ticket is routed by its category and due by the promised reply
        callback.write(
            {
                "problem_category_id": self.env.ref(
                    "customer_callback.helpdesk_ticket_category_product_quality"
                ).id,
                "promised_date": fields.Datetime.now() + timedelta(hours=2),
            }
        )
        self.start_tour("/odoo", "customer_callback_ticket_tour", login="tour_agent")
        self.assertEqual(callback.score, 2)
        ticket = callback.raised_ticket_ids
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.partner_id, callback.partner_id)
        self.assertIn("leaks every morning", ticket.description)
        self.assertEqual(
            ticket.team_id, self.env.ref("customer_callback.helpdesk_ticket_team_after_sales")
        )

    def test_settings_change_a_call_window(self):
        self.start_tour("/odoo", "customer_callback_settings_tour", login="admin")
        self.assertEqual(self.company.callback_workday_from1, 8.5)

    def test_agent_day_in_the_workspace_in_chinese(self):
        """今日工作台 as a Chinese agent: callable now first, start, log,
        score, raise a ticket routed to the category's team."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["customer_callback"], ["zh_CN"])
        self.agent.lang = "zh_CN"
        self.company.write(
            {
                "callback_workday_from1": 9.0,
                "callback_workday_to1": 12.0,
                "callback_workday_from2": 13.0,
                "callback_workday_to2": 20.0,
                "callback_holiday_from1": 10.0,
                "callback_holiday_to1": 12.0,
                "callback_holiday_from2": 13.0,
                "callback_holiday_to2": 20.0,
            }
        )
        now = fields.Datetime.now()

        def zone_at(local_hour):
            # the whole-hour zone where it is now local_hour:xx (Etc/GMT-8 is UTC+8)
            offset = (local_hour - now.hour + 12) % 24 - 12
            return f"Etc/GMT{-offset:+d}" if offset else "UTC"

        Partner = self.env["res.partner"]
        callable_partner = Partner.create(
            {"name": "可拨打客户", "tz": zone_at(10), "phone": "+86 10 1111", "lang": "zh_CN"}
        )
        closed_partner = Partner.create(
            {"name": "窗口关闭客户", "tz": zone_at(3), "phone": "+86 10 2222", "lang": "zh_CN"}
        )
        Callback = self.env["customer.callback"]
        values = {
            "user_id": self.agent.id,
            "state": "planned",
            "deadline": now.date() + timedelta(days=2),
            "promised_date": now + timedelta(hours=4),
        }
        callback = Callback.create(
            dict(values, partner_id=callable_partner.id, planned_date=now - timedelta(hours=1))
        )
        # planned earlier: a plain planned-date order would list it first
        closed = Callback.create(
            dict(values, partner_id=closed_partner.id, planned_date=now - timedelta(hours=2))
        )
        self.assertTrue(callback.callable_now)
        self.assertFalse(closed.callable_now)
        self.start_tour("/odoo", "customer_callback_workday_tour", login="tour_agent")
        self.env.invalidate_all()
        self.assertEqual(callback.state, "in_progress")
        self.assertEqual(callback.attempt_ids.mapped("result"), ["connected"])
        self.assertEqual(callback.score, 4)
        ticket = callback.raised_ticket_ids
        self.assertEqual(len(ticket), 1)
        category = self.env.ref("customer_callback.helpdesk_ticket_category_technical")
        self.assertEqual(ticket.category_id, category)
        self.assertEqual(
            ticket.team_id, self.env.ref("customer_callback.helpdesk_ticket_team_tech_support")
        )
        self.assertNotEqual(ticket.user_id, self.agent, "routed, not the caller's")
        self.assertEqual(ticket.promised_reply_date, callback.promised_date)
        self.assertEqual(ticket.callback_count, 1)
        self.assertEqual(closed.state, "planned", "the closed window was not called")


@tagged("post_install", "-at_install")
class TestFirstDayTour(HttpCase):
    """A company's first day, in Chinese (issue #29 point 2): the administrator
    of a brand-new company follows the set-up checklist (team, rules). (Where
    the first sale order's callback lands: customer_callback_sale's
    test_routing.py.)"""

    def test_first_day_checklist_then_first_callback(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["customer_callback", "helpdesk_mgmt"], ["zh_CN"]
        )
        china = self.env.ref("base.cn")
        company = self.env["res.company"].create({"name": "清源首日公司", "country_id": china.id})
        company.resource_calendar_id.tz = "Asia/Shanghai"
        chinese = {"lang": "zh_CN", "tz": "Asia/Shanghai"}
        admin = new_test_user(
            self.env,
            "firstday_admin",
            name="首日管理员",
            groups="base.group_system,customer_callback.customer_callback_group_supervisor,"
            "helpdesk_mgmt.group_helpdesk_manager",
            password="firstday_admin_pw",
            company_id=company.id,
            company_ids=[company.id],
            **chinese,
        )
        agent = new_test_user(
            self.env,
            "firstday_agent",
            name="周婷",
            groups="customer_callback.customer_callback_group_agent",
            password="firstday_agent_pw",
            company_id=company.id,
            company_ids=[company.id],
            **chinese,
        )
        # the company's first rule, as the default new-customer rule is:
        # to the team queue, with no team yet
        rule = self.env["customer.callback.rule"].create(
            {
                "name": "新客户首次回访",
                "company_id": company.id,
                "segment": "new_customer",
                "trigger": "manual",
                "offset_days": 3,
                "window_days": 4,
                "assignment": "team",
            }
        )
        steps = company._callback_setup_checks()
        self.assertFalse(steps["team"][0])
        self.assertFalse(steps["rules"][0])
        self.start_tour("/odoo", "customer_callback_setup_tour", login="firstday_admin")
        self.env.invalidate_all()
        team = self.env["helpdesk.ticket.team"].search([("name", "=", "回访一组")])
        self.assertEqual(team.company_id, company)
        self.assertEqual((team.user_id, team.user_ids), (admin, agent))
        self.assertEqual((rule.assignment, rule.team_id), ("round_robin", team))
        self.assertTrue(company.callback_rules_reviewed)
        steps = company._callback_setup_checks()
        self.assertTrue(steps["team"][0])
        self.assertTrue(steps["rules"][0])


@tagged("post_install", "-at_install")
class TestSampleDataTour(HttpCase):
    """Try the app with sample data, in Chinese (issue #29 point 2): load it
    from the checklist, see a sample callback on My workday, remove it."""

    def test_load_see_and_remove_sample_data(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["customer_callback", "helpdesk_mgmt"], ["zh_CN"]
        )
        company = self.env["res.company"].create(
            {"name": "示例试用公司", "country_id": self.env.ref("base.cn").id}
        )
        company.resource_calendar_id.tz = "Asia/Shanghai"
        lead = new_test_user(
            self.env,
            "sample_lead",
            name="试用组长",
            groups="customer_callback.customer_callback_group_supervisor",
            password="sample_lead_pw",
            company_id=company.id,
            company_ids=[company.id],
            lang="zh_CN",
            tz="Asia/Shanghai",
        )
        own = self.env["res.partner"].create({"name": "自己的客户", "company_id": company.id})
        self.start_tour(
            "/odoo/action-customer_callback.customer_callback_workday_action",
            "customer_callback_sample_tour",
            login="sample_lead",
        )
        self.env.invalidate_all()
        self.assertFalse(
            self.env["ir.model.data"].search([("module", "=", "customer_callback_sample")])
        )
        self.assertFalse(
            self.env["customer.callback"].search([("company_id", "=", company.id)]),
            "the sample's callbacks are gone",
        )
        self.assertTrue(own.exists())
        self.assertFalse(
            self.env["helpdesk.ticket.team"].search([("user_id", "=", lead.id)]),
            "the team made for the sample is gone",
        )


@tagged("post_install", "-at_install")
class TestLayoutAt1440(HttpCase):
    """Issue #29's screens at 1440 px, in Chinese: the call windows in
    Settings on one line each (the team workload's: customer_callback_report)."""

    browser_size = "1440x900"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(["customer_callback"], ["zh_CN"])

    def test_call_windows_on_one_line(self):
        self.env.ref("base.user_admin").write({"lang": "zh_CN", "tz": "Asia/Shanghai"})
        self.start_tour("/odoo", "customer_callback_call_window_layout_tour", login="admin")
