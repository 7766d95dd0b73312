# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Hostile suite of the reports (issue #15, moved from customer_callback's
test_hostile with the reports, issue #31): the spot-checks' and the agents'
exports, the care record sheet, every print through the report route, the
team workload, the dashboard, and one record of each model of the addon
read by each profile, in the table format of customer_callback's hostile
suite (tests/hostile_common.py), on its records (HostileDataCase)."""

from odoo.tests import tagged
from odoo.tests.common import JsonRpcException

from odoo.addons.customer_callback.tests.hostile_common import (
    ALLOWED,
    REFUSED,
    Refused,
    Row,
    make_row_tests,
)
from odoo.addons.customer_callback.tests.test_hostile import (
    HostileDataCase,
    call,
    get,
    is_xlsx,
    read,
)
from odoo.addons.customer_callback_spot_check.tests.test_spot_check_hostile import (
    make_spot_check_records,
)

ACCESS = ("odoo.exceptions.AccessError",)
SPOT_CHECK_REPORT = "/report/xlsx/customer_callback_report.spot_check_xlsx/%s"
AGENT_REPORT = "/report/xlsx/customer_callback_report.agent_report_xlsx/%s"
CARE_RECORD = "/report/xlsx/customer_callback_report.care_record_xlsx/%s"


def get_care_records(*records):
    """The care record sheet of several callbacks at once."""

    def run(case, profile):
        ids = ",".join(str(getattr(case, record).id) for record in records)
        return case.download(profile, CARE_RECORD % ids)

    return run


def get_report(route, report, *records):
    """``/report/<route>/<report>/<ids>`` of the test records named ``records``."""

    def run(case, profile):
        ids = ",".join(str(getattr(case, record).id) for record in records)
        return case.download(profile, f"/report/{route}/customer_callback_report.{report}/{ids}")

    return run


def is_printed(case, content):
    """A printed report: a PDF, or in test mode (Odoo renders PDFs as HTML
    unless a test asks for wkhtmltopdf) the report's HTML page."""
    case.assertTrue(content.startswith(b"%PDF") or b'class="page' in content, content[:200])


def download_spot_check_attachments(case, profile):
    """A supervisor exports the batch; ``profile`` then looks for the
    batch's files and downloads them (issue #15, point 1)."""
    case.rpc("supervisor", "customer.callback.spot.check", "action_export_xlsx", [case.batch.ids])
    attachments = case.rpc(
        profile,
        "ir.attachment",
        "search_read",
        [[("res_model", "=", "customer.callback.spot.check"), ("res_id", "=", case.batch.id)]],
        {"fields": ["id"]},
    )
    return [
        case.download(profile, f"/web/content/{attachment['id']}?download=true")
        for attachment in attachments
    ]


def no_file_served(case, contents):
    case.assertFalse(contents, f"{len(contents)} stored export(s) downloaded")


def export_agent_report(case, profile):
    """The supervisor's export as the web client makes it: the wizard, its
    button, then the file the action points to."""
    export_id = case.rpc(
        profile,
        "customer.callback.agent.report.export",
        "create",
        [{"date_from": str(case.month), "date_to": str(case.month)}],
    )
    action = case.rpc(
        profile, "customer.callback.agent.report.export", "action_export", [[export_id]]
    )
    case.assertEqual(action.get("type"), "ir.actions.report", action)
    return case.download(profile, AGENT_REPORT % export_id)


def read_foreign_export(case, profile):
    """``profile`` looks for the files of an export another supervisor made,
    reads the export and downloads its report (issue #15, point 2): refused
    when none of it is served."""
    export = case.agent_report_export
    attempts = [
        lambda: case.rpc(profile, export._name, "read", [export.ids, ["date_from"]]),
        lambda: case.download(profile, AGENT_REPORT % export.id),
    ]
    try:
        attachments = case.rpc(
            profile,
            "ir.attachment",
            "search_read",
            [[("res_model", "=", export._name)]],
            {"fields": ["id"]},
        )
    except JsonRpcException:
        attachments = []
    attempts += [
        lambda attachment=attachment: case.download(
            profile, f"/web/content/{attachment['id']}?download=true"
        )
        for attachment in attachments
    ]
    served = []
    for attempt in attempts:
        try:
            served.append(attempt())
        except (JsonRpcException, Refused):
            continue
    if not served:
        raise Refused("nothing of the export was served")
    return served


def workload_counted(case, result):
    open_callbacks = case.env["customer.callback"].search_count(
        [
            ("user_id", "=", case.users["agent"].id),
            ("state", "in", ("draft", "planned", "in_progress")),
        ]
    )
    case.assertEqual(result, [{"id": case.users["agent"].id, "callback_count": open_callbacks}])


def reassigned_to_other_agent(case, _result):
    # the agent's callbacks planned today went to the other agent
    case.assertEqual(case.callback.user_id, case.users["other_agent"])


ROWS = [
    # -- 1. spot-check exports: no stored file; the report route checks -----
    Row(
        "p01_agent_downloads_spot_check_files",
        "agent",
        ALLOWED,
        download_spot_check_attachments,
        no_file_served,
    ),
    Row("p01_agent_downloads_spot_check_report", "agent", REFUSED, get(SPOT_CHECK_REPORT, "batch")),
    Row(
        "p01_foreign_supervisor_downloads_spot_check_report",
        "foreign_supervisor",
        REFUSED,
        get(SPOT_CHECK_REPORT, "batch"),
    ),
    Row(
        "p01_supervisor_downloads_spot_check_report",
        "supervisor",
        ALLOWED,
        get(SPOT_CHECK_REPORT, "batch"),
        is_xlsx,
    ),
    # -- 2. agents' report exports: company and owner rules, nothing stored --
    Row("p02_foreign_supervisor_reads_export", "foreign_supervisor", REFUSED, read_foreign_export),
    Row("p02_other_supervisor_of_company_reads_export", "admin", REFUSED, read_foreign_export),
    Row("p02_supervisor_exports_agent_report", "supervisor", ALLOWED, export_agent_report, is_xlsx),
    Row("p02_agent_exports_agent_report", "agent", REFUSED, export_agent_report),
    # -- 2b. the care record sheet: the callbacks' own rules decide ---------
    Row(
        "p02b_agent_prints_own_care_record", "agent", ALLOWED, get(CARE_RECORD, "callback"), is_xlsx
    ),
    Row(
        "p02b_agent_prints_other_care_record", "agent", REFUSED, get(CARE_RECORD, "other_callback")
    ),
    Row(
        "p02b_agent_slips_a_foreign_callback_in",
        "agent",
        REFUSED,
        get_care_records("callback", "other_callback"),
    ),
    Row(
        "p02b_foreign_supervisor_prints_care_record",
        "foreign_supervisor",
        REFUSED,
        get(CARE_RECORD, "callback"),
    ),
    Row("p02b_portal_prints_care_record", "portal", REFUSED, get(CARE_RECORD, "callback")),
    Row(
        "p02b_supervisor_prints_care_records",
        "supervisor",
        ALLOWED,
        get_care_records("callback", "other_callback"),
        is_xlsx,
    ),
    # -- 2c. every print and export through the report route (issue #17
    # point 4): the records' own rules decide who downloads it -------------
    *[
        Row(
            f"p02c_{profile}_{route}_{report}_{len(records)}",
            profile,
            ALLOWED if profile in allowed else REFUSED,
            get_report(route, report, *records),
            is_xlsx if route == "xlsx" else is_printed,
        )
        for route, report, records, allowed in [
            ("pdf", "quarterly_report", ("quarterly_report",), ("supervisor",)),
            ("xlsx", "quarterly_report_xlsx", ("quarterly_report",), ("supervisor",)),
            ("pdf", "spot_check_detail", ("batch",), ("supervisor",)),
            ("pdf", "spot_check_summary", ("batch",), ("supervisor",)),
            ("pdf", "agent_month_report", ("agent_report_export",), ("supervisor",)),
            ("pdf", "care_record", ("callback",), ("agent", "supervisor")),
            ("pdf", "care_record", ("callback", "other_callback"), ("supervisor",)),
        ]
        for profile in ("agent", "other_agent", "portal", "supervisor", "foreign_supervisor")
    ],
    # -- issue #16 point 13: the team workload is the supervisors' ----------
    Row(
        "i16p13_agent_reads_team_workload",
        "agent",
        REFUSED,
        call("customer.callback.workload", "search_read", lambda case: [[], ["user_id"]]),
        ACCESS,
    ),
    Row(
        "i16p13_agent_reassigns_team_work",
        "agent",
        REFUSED,
        call(
            "customer.callback.workload.reassign",
            "create",
            lambda case: [
                {
                    "from_user_ids": [(6, 0, case.users["other_agent"].ids)],
                    "to_user_ids": [(6, 0, case.users["agent"].ids)],
                }
            ],
        ),
        ACCESS,
    ),
    Row(
        "i16p13_supervisor_reads_team_workload",
        "supervisor",
        ALLOWED,
        call(
            "customer.callback.workload",
            "search_read",
            lambda case: [[("user_id", "=", case.users["agent"].id)], ["callback_count"]],
        ),
        workload_counted,
    ),
    Row(
        "i16p13_supervisor_reassigns_team_work",
        "supervisor",
        ALLOWED,
        call(
            "customer.callback.workload.reassign",
            "action_reassign",
            lambda case: [case.reassign_wizard.ids],
        ),
        reassigned_to_other_agent,
    ),
    # -- issue #17 point 5: the supervisors' dashboard -------------------------
    *[
        Row(
            f"i17p5_{profile}_cannot_read_the_dashboard",
            profile,
            REFUSED,
            call("customer.callback.dashboard", "get_dashboard_data"),
            ACCESS,
        )
        for profile in ("agent", "other_agent", "internal", "helpdesk", "portal")
    ],
    Row(
        "i17p5_supervisor_reads_the_dashboard_of_its_company",
        "supervisor",
        ALLOWED,
        call("customer.callback.dashboard", "get_dashboard_data"),
        lambda case, result: case.assertEqual(result["company"], case.company.name),
    ),
    Row(
        "i17p5_foreign_supervisor_reads_only_its_own_company",
        "foreign_supervisor",
        ALLOWED,
        call("customer.callback.dashboard", "get_dashboard_data"),
        lambda case, result: case.assertEqual(result["company"], case.company_b.name),
    ),
    # -- access matrix through the server: one record of each model ---------
    *[
        Row(
            f"read_{model.replace('.', '_')}_as_{profile}",
            profile,
            ALLOWED if profile in allowed else REFUSED,
            read(model, record),
            ACCESS,
        )
        for model, record, allowed in [
            ("customer.callback.workload", "workload_row", ("supervisor",)),
            ("customer.callback.workload.reassign", "reassign_wizard", ("supervisor",)),
            ("customer.callback.agent.report", "report_line", ("agent", "supervisor")),
            ("customer.callback.agent.report.export", "agent_report_export", ("supervisor",)),
            ("customer.callback.quarterly.report", "quarterly_report", ("supervisor",)),
        ]
        for profile in (
            "agent",
            "other_agent",
            "internal",
            "portal",
            "supervisor",
            "foreign_supervisor",
        )
    ],
]


@tagged("post_install", "-at_install")
class TestReportHostile(HostileDataCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the spot-check batch of the exports and prints
        make_spot_check_records(cls)
        env = cls.env
        agent, other_agent = cls.users["agent"], cls.users["other_agent"]
        supervisor = cls.users["supervisor"]
        cls.workload_row = env["customer.callback.workload"].browse(agent.id)
        cls.reassign_wizard = (
            env["customer.callback.workload.reassign"]
            .with_user(supervisor)
            .create(
                {
                    "from_user_ids": [(6, 0, agent.ids)],
                    "to_user_ids": [(6, 0, other_agent.ids)],
                    # all open callbacks: "today" is the reader's day, and the
                    # callback planned "now" may be placed in a call window
                    # of another day at some hours of the day
                    "scope": "all",
                }
            )
            .sudo()
        )
        cls.report_line = env["customer.callback.agent.report"].search(
            [("callback_id", "=", cls.callback.id)]
        )
        cls.agent_report_export = (
            env["customer.callback.agent.report.export"]
            .with_user(supervisor)
            .create({"date_from": cls.month, "date_to": cls.month})
            .sudo()
        )
        # the export as main made it: a file attached to the export
        cls.agent_report_export.with_user(supervisor).action_export()
        cls.quarterly_report = (
            env["customer.callback.quarterly.report"].with_user(supervisor).create({}).sudo()
        )

    def test_every_model_of_the_addon_has_rows(self):
        """A new model of the addon gets its rows in ROWS."""
        self.assert_every_model_has_rows("customer_callback_report", ROWS)


make_row_tests(TestReportHostile, ROWS)
