# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The reports in a real browser (headless Chromium), moved from the core's
test_tours with the reports (issue #31): the supervisors' dashboard, the
spot-check export, the team workload at 1440 px."""

import io
from datetime import timedelta

import openpyxl

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestSpotCheckExportTour(HttpCase):
    def test_supervisor_exports_a_sampled_spot_check(self):
        supervisor = new_test_user(
            self.env,
            "tour_supervisor",
            groups="customer_callback.customer_callback_group_supervisor",
            password="tour_supervisor_pw",
        )
        self.env.company.callback_spot_check_below_min = "warn"
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
        batch.with_user(supervisor)._sample()
        self.assertEqual(batch.state, "sampled")
        self.assertEqual(len(batch.callback_ids), 3)
        self.start_tour(
            "/odoo", "customer_callback_spot_check_export_tour", login="tour_supervisor"
        )
        # The tour clicked Export XLSX: logged in the chatter, no file stored;
        # the supervisor downloads it through the report route.
        self.assertFalse(
            self.env["ir.attachment"].search(
                [("res_model", "=", batch._name), ("res_id", "=", batch.id)]
            )
        )
        note = batch.message_ids.filtered(lambda m: "Exported to XLSX" in str(m.body))
        self.assertEqual(note.author_id, supervisor.partner_id)
        self.authenticate("tour_supervisor", "tour_supervisor_pw")
        response = self.url_open(
            f"/report/xlsx/customer_callback_report.spot_check_xlsx/{batch.id}"
        )
        self.assertEqual(response.status_code, 200)
        book = openpyxl.load_workbook(io.BytesIO(response.content))
        detail = list(book.worksheets[0].iter_rows(values_only=True))
        self.assertEqual(
            sorted(row[0] for row in detail[1:]), sorted(batch.callback_ids.mapped("name"))
        )


@tagged("post_install", "-at_install")
class TestSupervisorDashboardTour(HttpCase):
    """服务看板 in a real browser, in Chinese (issue #17): a supervisor reads a
    figure, opens the list behind it, exports the quarter's report from the
    dashboard and the care record sheet of a selection of callbacks."""

    def test_supervisor_dashboard_tour(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["customer_callback", "customer_callback_report"], ["zh_CN"]
        )
        # a company of its own: the demo data's figures stay out
        company = self.env["res.company"].create({"name": "看板测试公司"})
        company.resource_calendar_id.tz = "Asia/Shanghai"
        supervisor = new_test_user(
            self.env,
            "tour_zh_dashboard",
            name="李主管",
            groups="customer_callback.customer_callback_group_supervisor",
            password="tour_zh_dashboard_pw",
            lang="zh_CN",
            tz="Asia/Shanghai",
            company_id=company.id,
            company_ids=[company.id],
        )
        today = fields.Date.context_today(supervisor.with_context(tz="Asia/Shanghai"))
        now = fields.Datetime.now()
        Partner = self.env["res.partner"]

        def callback(name, deadline, **values):
            return self.env["customer.callback"].create(
                {
                    "partner_id": Partner.create({"name": name, "tz": "Asia/Shanghai"}).id,
                    "company_id": company.id,
                    "user_id": supervisor.id,
                    "state": "planned",
                    "planned_date": now,
                    "deadline": deadline,
                    **values,
                }
            )

        # this month: one made (score 5) and one cancelled of the two due; two open later
        callback("看板完成", today).sudo().write({"state": "done", "score": 5, "done_date": now})
        callback("看板取消", today).sudo().write({"state": "cancelled"})
        chosen = callback("看板客户甲", today + timedelta(days=3)) | callback(
            "看板客户乙", today + timedelta(days=3)
        )
        callback("看板客户丙", today + timedelta(days=3))
        self.start_tour(
            "/odoo", "customer_callback_supervisor_dashboard_tour", login="tour_zh_dashboard"
        )
        # the wizard the tour opened from the dashboard was on this quarter
        wizard = self.env["customer.callback.quarterly.report"].search(
            [("create_uid", "=", supervisor.id)]
        )
        self.assertEqual(
            (wizard.year, wizard.quarter), (today.year, str((today.month - 1) // 3 + 1))
        )
        self.assertEqual(wizard.company_id, company)
        # the sheet of that selection holds the customers selected
        self.authenticate("tour_zh_dashboard", "tour_zh_dashboard_pw")
        ids = ",".join(map(str, chosen.ids))
        response = self.url_open(f"/report/xlsx/customer_callback_report.care_record_xlsx/{ids}")
        self.assertEqual(response.status_code, 200)
        rows = list(openpyxl.load_workbook(io.BytesIO(response.content)).active.values)
        self.assertTrue(any("看板客户甲" in str(row) for row in rows))


@tagged("post_install", "-at_install")
class TestWorkloadLayoutAt1440(HttpCase):
    """Issue #29's team workload at 1440 px, in Chinese: its headers whole,
    and one breadcrumb after a reassign (moved from the core's test_tours
    with the workload, issue #31)."""

    browser_size = "1440x900"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(
            ["customer_callback", "customer_callback_report"], ["zh_CN"]
        )
        chinese = {"lang": "zh_CN", "tz": "Asia/Shanghai"}
        agent_group = "customer_callback.customer_callback_group_agent"
        cls.lead = new_test_user(
            cls.env,
            "tour_layout_lead",
            name="王组长",
            groups="customer_callback.customer_callback_group_supervisor",
            password="tour_layout_lead_pw",
            **chinese,
        )
        cls.zhou = new_test_user(
            cls.env, "tour_layout_zhou", name="周婷", groups=agent_group, **chinese
        )
        cls.wu = new_test_user(
            cls.env, "tour_layout_wu", name="吴刚", groups=agent_group, **chinese
        )
        cls.env["helpdesk.ticket.team"].create(
            {
                "name": "回访组",
                "user_id": cls.lead.id,
                "user_ids": [(6, 0, (cls.zhou | cls.wu).ids)],
            }
        )
        partners = cls.env["res.partner"].create(
            [{"name": f"客户{i}", "tz": "Asia/Shanghai"} for i in range(2)]
        )
        cls.callbacks = cls.env["customer.callback"].create(
            [
                {
                    "partner_id": partner.id,
                    "user_id": user.id,
                    "state": "planned",
                    "planned_date": fields.Datetime.now() + timedelta(hours=1),
                    "deadline": fields.Date.today() + timedelta(days=3),
                }
                for partner, user in zip(partners, cls.zhou | cls.wu, strict=True)
            ]
        )

    def test_team_workload_headers_and_breadcrumb_after_a_reassign(self):
        self.start_tour("/odoo", "customer_callback_workload_layout_tour", login="tour_layout_lead")
        self.assertEqual(self.callbacks.user_id, self.wu)
