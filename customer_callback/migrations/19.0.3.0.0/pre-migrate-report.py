# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""19.0.3.0.0 (issue #31): the reports leave the core for their own addon,
``customer_callback_report`` (which brings the ``report_xlsx`` dependency
with it): the supervisors' dashboard, the quarterly analysis (wizard, PDF,
XLSX, the quarter-end mail and its scheduled action), the agents' monthly
reports and their export, the care record sheet, the spot-checks' prints and
XLSX, the team workload and its reassignment, the suite's PDF layout and
paper formats.

What moves: the lists below (models, the companies' quarter-end mail
fields, xml ids); how, and why the addon is marked *to upgrade*:
``customer_callback/upgrade/addon_move.py``. The companies' quarter-end mail
setting and the last quarter sent stay as they were, so a quarter is never
mailed twice. The printed reports' abstract models
(``report.customer_callback.*``) are renamed with their templates
(``report.customer_callback_report.*``): they hold no data."""

from openupgradelib import openupgrade

from odoo.addons.customer_callback.upgrade.addon_move import move_to_addon

OLD, NEW = "customer_callback", "customer_callback_report"
NEW_VERSION = "19.0.1.0.0"
MOVED_MODELS = (
    "customer.callback.agent.report",
    "customer.callback.agent.report.export",
    "customer.callback.dashboard",
    "customer.callback.quarterly.report",
    "customer.callback.workload",
    "customer.callback.workload.reassign",
)
MOVED_FIELDS = {
    "res.company": ["callback_quarterly_mail", "callback_quarterly_mail_sent"],
    "res.config.settings": ["callback_quarterly_mail"],
}
MOVED_XMLIDS = (
    # views, actions, menus, reports and paper formats
    "agent_month_report_action",
    "agent_month_report",
    "customer_callback_agent_report_view_pivot",
    "customer_callback_agent_report_view_graph",
    "customer_callback_agent_report_view_list",
    "customer_callback_agent_report_view_search",
    "customer_callback_agent_report_action",
    "customer_callback_agent_report_view_pivot_coverage",
    "customer_callback_agent_report_view_graph_coverage",
    "customer_callback_agent_report_action_coverage",
    "customer_callback_agent_report_view_pivot_satisfaction",
    "customer_callback_agent_report_view_graph_satisfaction",
    "customer_callback_agent_report_action_satisfaction",
    "customer_callback_problem_view_pivot",
    "customer_callback_problem_view_graph",
    "customer_callback_problem_action",
    "paperformat_care_record",
    "care_record_report",
    "care_record_xlsx_report",
    "care_record",
    "quarterly_report_action",
    "quarterly_report_xlsx_action",
    "quarterly_report",
    "paperformat_report",
    "report_layout",
    "report_header_pages",
    "spot_check_detail_report",
    "spot_check_summary_report",
    "spot_check_detail",
    "spot_check_summary",
    "customer_callback_workload_view_list",
    "customer_callback_workload_view_search",
    "customer_callback_workload_action",
    "spot_check_xlsx_report",
    "agent_report_xlsx_report",
    "customer_callback_agent_report_export_view_form",
    "customer_callback_agent_report_export_action",
    "customer_callback_quarterly_report_view_form",
    "customer_callback_quarterly_report_action",
    "customer_callback_workload_reassign_view_form",
    "customer_callback_dashboard_action",
    "customer_callback_dashboard_menu",
    "customer_callback_workload_menu",
    "customer_callback_agent_report_menu",
    "customer_callback_agent_report_menu_coverage",
    "customer_callback_agent_report_menu_satisfaction",
    "customer_callback_problem_menu",
    "customer_callback_quarterly_report_menu",
    "customer_callback_agent_report_export_menu",
    # access and record rules
    "customer_callback_agent_report_rule_company",
    "customer_callback_agent_report_rule_agent",
    "customer_callback_agent_report_rule_supervisor",
    "customer_callback_workload_rule_company",
    "customer_callback_workload_reassign_rule_owner",
    "customer_callback_agent_report_export_rule_company",
    "customer_callback_agent_report_export_rule_owner",
    "customer_callback_quarterly_report_rule_company",
    "customer_callback_quarterly_report_rule_owner",
    "access_customer_callback_agent_report_agent",
    "access_customer_callback_agent_report_supervisor",
    "access_customer_callback_agent_report_export_agent",
    "access_customer_callback_agent_report_export_supervisor",
    "access_customer_callback_quarterly_report_supervisor",
    "access_customer_callback_workload_supervisor",
    "access_customer_callback_workload_reassign_supervisor",
    # the quarter-end mail
    "ir_cron_send_quarterly_reports",
    "ir_cron_send_quarterly_reports_ir_actions_server",
)
# the glue of other addons with the reports (auto_install): installed in the
# same run where their other addon is there
BRIDGES = (
    "customer_callback_term_report",
    "customer_callback_survey_report",
    "customer_callback_helpdesk_rating_report",
)
# selection values of the moved models' fields
SELECTION_PREFIXES = (
    "selection__customer_callback_agent_report__",
    "selection__customer_callback_agent_report_export__",
    "selection__customer_callback_quarterly_report__",
    "selection__customer_callback_workload__",
    "selection__customer_callback_workload_reassign__",
)


def install_bridges(env, names):
    """Mark the bridges whose dependencies are all there to install. Odoo
    installs an auto_install addon only when one of its dependencies is
    being *installed*; the new addon is marked *to upgrade* (addon_move.py),
    so its bridges are marked here."""
    ready = {"installed", "to upgrade", "to install"}
    bridges = env["ir.module.module"].search([("name", "in", names), ("state", "=", "uninstalled")])
    for bridge in bridges:
        if all(dependency.state in ready for dependency in bridge.dependencies_id):
            bridge.button_install()


@openupgrade.migrate()
def migrate(env, version):
    move_to_addon(
        env,
        NEW,
        NEW_VERSION,
        models=MOVED_MODELS,
        fields=MOVED_FIELDS,
        xmlids=MOVED_XMLIDS,
        selection_prefixes=SELECTION_PREFIXES,
        old=OLD,
    )
    install_bridges(env, BRIDGES)
