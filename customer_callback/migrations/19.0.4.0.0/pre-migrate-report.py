# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""19.0.4.0.0 (issue #31): the reports leave the core for their own addon,
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
(``report.customer_callback.*``) are renamed in place with their templates
(``report.customer_callback_report.*``: Odoo names a report's model after its
template), their ``ir.model`` records and xml ids kept.

The addons that extended the reports (terms, surveys, sales orders, the
helpdesk rating bridge), and the data requests of the portal, now do it
through small bridges: each bridge is marked to install
where its other addon is, and the xml ids its addon held on the reports'
models (the extension of a model, its fields, the terms' template) are
re-homed to it."""

from openupgradelib import openupgrade

from odoo.addons.customer_callback.upgrade.addon_move import move_to_addon

OLD, NEW = "customer_callback", "customer_callback_report"
NEW_VERSION = "19.0.1.0.0"
# the printed reports: report.<template>, renamed with their templates
REPORTS = (
    "agent_month_report",
    "agent_report_xlsx",
    "care_record",
    "care_record_xlsx",
    "quarterly_report",
    "quarterly_report_xlsx",
    "spot_check_detail",
    "spot_check_summary",
    "spot_check_xlsx",
)
RENAMED_MODELS = [(f"report.{OLD}.{name}", f"report.{NEW}.{name}") for name in REPORTS]
# the XLSX reports inherit report_xlsx's abstract report (ir.model.inherit)
XLSX_PARENT = "report_report_xlsx_abstract"
MOVED_MODELS = (
    *(new for _old, new in RENAMED_MODELS),
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
# the glue of other addons with the reports (auto_install), installed in the
# same run where their other addon is: {bridge: (the addon whose extension of
# the reports it took over, the models it extends, its xml ids of records)}
BRIDGES = {
    "customer_callback_term_report": (
        "customer_callback_term",
        ("customer.callback.quarterly.report", f"report.{NEW}.quarterly_report_xlsx"),
        ("quarterly_report",),
    ),
    "customer_callback_survey_report": (
        "customer_callback_survey",
        ("customer.callback.dashboard", "customer.callback.quarterly.report"),
        (),
    ),
    "customer_callback_helpdesk_rating_report": (
        "customer_callback_helpdesk_rating",
        ("customer.callback.quarterly.report",),
        (),
    ),
    # the care record's products of the sales order (customer_callback_sale,
    # 19.0.3.0.0, extended the care record's printed report)
    "customer_callback_sale_report": (
        "customer_callback_sale",
        (f"report.{NEW}.care_record",),
        (),
    ),
    # the data export request's care record sheet: the report cut gave it to
    # the reports, the data requests are the portal's since 19.0.3.0.0
    "customer_callback_portal_report": ("customer_callback_portal", (), ()),
}
# selection values of the moved models' fields
SELECTION_PREFIXES = (
    "selection__customer_callback_agent_report__",
    "selection__customer_callback_agent_report_export__",
    "selection__customer_callback_quarterly_report__",
    "selection__customer_callback_workload__",
    "selection__customer_callback_workload_reassign__",
)


def rename_report_models(cr):
    """report.customer_callback.<template> becomes
    report.customer_callback_report.<template>: the ir.model record, its
    fields and their xml ids renamed (openupgradelib), and the XLSX
    reports' inheritance of report_xlsx's abstract report."""
    openupgrade.rename_models(cr, RENAMED_MODELS)
    renames = []
    for old_model, new_model in RENAMED_MODELS:
        old_table, new_table = old_model.replace(".", "_"), new_model.replace(".", "_")
        renames.append(
            (
                f"{OLD}.model_inherit__{old_table}__{XLSX_PARENT}",
                f"{NEW}.model_inherit__{new_table}__{XLSX_PARENT}",
            )
        )
    openupgrade.rename_xmlids(cr, renames)


def install_bridges(env, bridges):
    """Mark the bridges whose dependencies are all there to install, and
    re-home to each the xml ids its other addon held on the reports. Odoo
    installs an auto_install addon only when one of its dependencies is
    being *installed*; the new addon is marked *to upgrade* (addon_move.py),
    so its bridges are marked here."""
    ready = {"installed", "to upgrade", "to install"}
    Module = env["ir.module.module"]
    for bridge in Module.search([("name", "in", list(bridges)), ("state", "=", "uninstalled")]):
        if not all(dependency.state in ready for dependency in bridge.dependencies_id):
            continue
        bridge.button_install()
        addon, models, xmlids = bridges[bridge.name]
        for model in models:
            openupgrade.update_module_moved_models(env.cr, model, addon, bridge.name)
        openupgrade.rename_xmlids(
            env.cr, [(f"{addon}.{name}", f"{bridge.name}.{name}") for name in xmlids]
        )


@openupgrade.migrate()
def migrate(env, version):
    rename_report_models(env.cr)
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
