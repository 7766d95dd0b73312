# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestComplaintDashboardTour(HttpCase):
    """The open complaints' card of 服务看板 in a real browser, in Chinese."""

    def test_complaint_card(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["customer_callback", "customer_callback_report", "customer_callback_complaint_report"],
            ["zh_CN"],
        )
        # a company of its own: the demo data's figures stay out
        company = self.env["res.company"].create({"name": "看板投诉公司"})
        company.resource_calendar_id.tz = "Asia/Shanghai"
        new_test_user(
            self.env,
            "tour_zh_complaint_board",
            name="赵主管",
            groups="customer_callback.customer_callback_group_supervisor",
            password="tour_zh_complaint_board_pw",
            lang="zh_CN",
            tz="Asia/Shanghai",
            company_id=company.id,
            company_ids=[company.id],
        )
        team = self.env["helpdesk.ticket.team"].create({"name": "看板组", "company_id": company.id})
        self.env["helpdesk.ticket"].create(
            {
                "name": "看板投诉",
                "description": "<p>漏水</p>",
                "company_id": company.id,
                "team_id": team.id,
                "is_complaint": True,
                "complaint_grade_id": self.env.ref(
                    "customer_callback_complaint.customer_complaint_grade_urgent"
                ).id,
                "complaint_date": fields.Datetime.now() - timedelta(hours=3),
            }
        )
        self.start_tour(
            "/odoo", "customer_callback_complaint_dashboard_tour", login="tour_zh_complaint_board"
        )
