# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Rights of the reports (moved from customer_callback's test_reliability
with the reports, issue #31): the model-level rights of every model of the
addon per profile, a supervisor of another company gets nothing of the
company out of the analysis and the exports, an agent reads her own rows of
the analysis only, whatever the path."""

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.customer_callback.tests.common import (
    FROZEN_NOW,
    TODAY,
    AccessMatrixMixin,
    CallbackCase,
)

NONE = "----"
# Expected model-level rights of every model of the addon, per profile
# (ACCESS_PROFILES: portal, internal, helpdesk user, agent, supervisor,
# supervisor of another company) as "rwcu", "-" when denied.
ACCESS_MATRIX = {
    # the team workload, a SQL view for the leads: read only
    "customer.callback.workload": (NONE, NONE, NONE, NONE, "r---", "r---"),
    "customer.callback.workload.reassign": (NONE, NONE, NONE, NONE, "rwcu", "rwcu"),
    # a SQL view: read only
    "customer.callback.agent.report": (NONE, NONE, NONE, "r---", "r---", "r---"),
    "customer.callback.agent.report.export": (NONE, NONE, NONE, NONE, "rwcu", "rwcu"),
    "customer.callback.quarterly.report": (NONE, NONE, NONE, NONE, "rwcu", "rwcu"),
    # the dashboard's data: supervisors only, through the rights they have
    # (test_dashboard)
    "customer.callback.dashboard": (NONE,) * 6,
    "report.customer_callback_report.spot_check_xlsx": (NONE,) * 6,
    "report.customer_callback_report.agent_report_xlsx": (NONE,) * 6,
    "report.customer_callback_report.care_record": (NONE,) * 6,
    "report.customer_callback_report.care_record_xlsx": (NONE,) * 6,
    "report.customer_callback_report.agent_month_report": (NONE,) * 6,
    "report.customer_callback_report.quarterly_report": (NONE,) * 6,
    "report.customer_callback_report.quarterly_report_xlsx": (NONE,) * 6,
    "report.customer_callback_report.spot_check_detail": (NONE,) * 6,
    "report.customer_callback_report.spot_check_summary": (NONE,) * 6,
}


@tagged("post_install", "-at_install")
class TestReportReliability(AccessMatrixMixin, CallbackCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_access_profiles()

    def test_access_matrix_by_model_and_profile(self):
        """Model-level rights (ir.model.access) for every model of the addon."""
        self.assert_access_matrix(ACCESS_MATRIX)

    def test_access_matrix_lists_every_model_of_the_addon(self):
        self.assert_matrix_covers_module(ACCESS_MATRIX, "customer_callback_report")

    def test_foreign_supervisor_gets_nothing_of_the_company_out(self):
        """A supervisor of another company, with full model rights, finds
        none of this company's analysis rows and exports nothing of it."""
        callback = self.make_callback(state="done", score=4, summary="ok", done_date=FROZEN_NOW)
        batch = self.env["customer.callback.spot.check"].create(
            {"date_from": "2020-01-01", "leader_id": self.supervisor.id}
        )
        report_row = self.env["customer.callback.agent.report"].search(
            [("callback_id", "=", callback.id)]
        )
        self.assertTrue(report_row)
        foreign = self.foreign_supervisor
        Model = report_row.with_user(foreign).browse()
        self.assertFalse(Model.search([("id", "in", report_row.ids)]))
        self.assertFalse(Model._read_group([("id", "in", report_row.ids)], [], ["__count"])[0][0])
        with self.assertRaises(AccessError):
            report_row.with_user(foreign).read(["display_name"])
        # the exports run as the user: nothing of the company gets out
        with self.assertRaises(AccessError):
            batch.with_user(foreign).action_export_xlsx()
        export = (
            self.env["customer.callback.agent.report.export"]
            .with_user(foreign)
            .create({"date_from": TODAY, "date_to": TODAY})
        )
        self.assertEqual(export._rows(), [])
        own_export = (
            self.env["customer.callback.agent.report.export"]
            .with_user(self.supervisor)
            .create({"date_from": TODAY, "date_to": TODAY})
        )
        self.assertTrue(own_export._rows(), "the company's supervisor gets the rows")

    def test_agent_reads_only_her_rows_of_the_analysis(self):
        """Another team's callbacks stay hidden in the analysis report."""
        self.agent1.group_ids += self.env.ref("base.group_allow_export")
        mine = self.make_callback(state="done", score=5, summary="mine", done_date=FROZEN_NOW)
        theirs = self.make_callback(
            user_id=self.agent3.id,
            team_id=self.other_team.id,
            state="done",
            score=1,
            summary="secret",
            done_date=FROZEN_NOW,
        )
        self.env.invalidate_all()
        # the analysis report: own rows only, whatever the path
        Report = self.env["customer.callback.agent.report"]
        domain = [("callback_id", "in", (mine | theirs).ids)]
        self.assertEqual(len(Report.search(domain)), 2)
        as_agent = Report.with_user(self.agent1)
        self.assertEqual(as_agent.search(domain).callback_id, mine)
        self.assertEqual(as_agent._read_group(domain, [], ["__count", "score:avg"])[0], (1, 5.0))
        exported = as_agent.search(domain).export_data(["callback_id", "score"])["datas"]
        self.assertEqual(exported, [[mine.display_name, 5]])
        with self.assertRaises(AccessError):
            Report.search([("callback_id", "=", theirs.id)]).with_user(self.agent1).read(["score"])
