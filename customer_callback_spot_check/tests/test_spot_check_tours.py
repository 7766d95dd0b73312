# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The spot-check flows in a real browser (headless Chromium)."""

from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestSpotCheckTours(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company

    def test_supervisor_samples_spot_check(self):
        supervisor = new_test_user(
            self.env,
            "tour_supervisor",
            groups="customer_callback.customer_callback_group_supervisor",
            password="tour_supervisor_pw",
        )
        self.company.callback_spot_check_below_min = "warn"
        self.env["res.partner"].create(
            [{"name": f"Tour VIP {i}", "callback_vip": True, "phone": "+86 10 1"} for i in range(4)]
        )
        batch = self.env["customer.callback.spot.check"].create(
            {
                "name": "Tour spot-check",
                "date_from": fields.Date.today().replace(day=1),
                "leader_id": supervisor.id,
                "sample_size": 3,
                "use_after_sales": False,
                "use_complaints": False,
                "use_reviews": False,
            }
        )
        self.start_tour("/odoo", "customer_callback_spot_check_tour", login="tour_supervisor")
        self.assertEqual(batch.state, "sampled")
        self.assertEqual(len(batch.callback_ids), 3)


@tagged("post_install", "-at_install")
class TestLeadToursInChinese(HttpCase):
    """Issue #16 point 11 in a real browser, in Chinese: the team lead draws
    and rebalances a spot-check (the urgent complaint of point 8:
    customer_callback_complaint)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(
            ["customer_callback", "customer_callback_spot_check"], ["zh_CN"]
        )
        cls.company = cls.env.company
        chinese = {"lang": "zh_CN", "tz": "Asia/Shanghai"}
        agent_group = "customer_callback.customer_callback_group_agent"
        cls.lead = new_test_user(
            cls.env,
            "tour_zh_lead",
            name="王组长",
            groups="customer_callback.customer_callback_group_supervisor",
            password="tour_zh_lead_pw",
            **chinese,
        )
        cls.zhou = new_test_user(
            cls.env,
            "tour_zh_zhou",
            name="周婷",
            groups=agent_group,
            password="tour_zh_zhou_pw",
            **chinese,
        )
        cls.wu = new_test_user(
            cls.env,
            "tour_zh_wu",
            name="吴刚",
            groups=agent_group,
            password="tour_zh_wu_pw",
            **chinese,
        )
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "回访组",
                "user_id": cls.lead.id,
                "user_ids": [(6, 0, (cls.zhou | cls.wu).ids)],
            }
        )

    def test_lead_draws_and_rebalances_spot_check(self):
        self.company.callback_spot_check_below_min = "warn"
        self.env["res.partner"].create(
            [
                {
                    "name": f"抽查贵宾 {i}",
                    "callback_vip": True,
                    "phone": "+86 10 1",
                    "tz": "Asia/Shanghai",
                }
                for i in range(4)
            ]
        )
        batch = self.env["customer.callback.spot.check"].create(
            {
                "name": "抽查巡检",
                "date_from": fields.Date.today().replace(day=1),
                "leader_id": self.lead.id,
                "sample_size": 4,
                "use_after_sales": False,
                "use_complaints": False,
                "use_reviews": False,
            }
        )
        self.start_tour(
            "/odoo", "customer_callback_spot_check_rebalance_tour", login="tour_zh_lead"
        )
        self.assertEqual(batch.state, "sampled")
        calls = batch.callback_ids
        self.assertEqual(len(calls), 4)
        self.assertEqual(calls.user_id, self.zhou, "rebalanced to the agent chosen")
        planned = sorted(calls.mapped("planned_date"))
        spacing = timedelta(minutes=self.company.callback_spot_check_spacing)
        for before, after in zip(planned, planned[1:], strict=False):
            self.assertGreaterEqual(after - before, spacing)
        note = batch.message_ids.filtered(lambda m: "周婷" in str(m.body))
        self.assertEqual(note.author_id, self.lead.partner_id)
