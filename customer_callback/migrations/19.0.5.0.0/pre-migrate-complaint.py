# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""19.0.5.0.0 (issue #31): complaints leave the core for their own addon,
``customer_callback_complaint``: the grades, the complaint fields and clocks
of helpdesk tickets, the handling steps on stages, a category's default
grade, the companies' complaint settings, the reminders' activity types and
scheduled action, the views, menus, access rules and demo complaints.

What moves: the lists below; how, and why the addon is marked *to upgrade*:
``customer_callback/upgrade/addon_move.py``. The tickets' complaint columns,
the grades and the reminders' bookkeeping stay as they were (their rows are
not touched), so no reminder is sent twice and no deadline moves.

The report bridge ``customer_callback_complaint_report`` (the dashboard's
complaint card, the quarterly complaint figures, the workload's complaint
columns) is marked to install where the reports are; the helpdesk SLA
bridge now depends on the complaints and follows them."""

from openupgradelib import openupgrade

from odoo.addons.customer_callback.upgrade.addon_move import install_bridges, move_to_addon

OLD, NEW = "customer_callback", "customer_callback_complaint"
NEW_VERSION = "19.0.1.0.0"
MOVED_MODELS = ("customer.complaint.grade",)
COMPANY_FIELDS = [
    "complaint_soon_hours",
    "complaint_soon_percent",
    "complaint_require_resolution_summary",
    "complaint_reopen_score",
]
MOVED_FIELDS = {
    "helpdesk.ticket": [
        "is_complaint",
        "complaint_grade_id",
        "complaint_date",
        "first_response_deadline",
        "response_deadline",
        "resolution_deadline",
        "first_response_date",
        "response_date",
        "resolution_late",
        "complaint_reopen_count",
        "resolution_on_time",
        "response_on_time",
        "breach_reason",
        "resolution_summary",
        "complaint_sla_state",
        "can_edit_complaint_grade",
        "complaint_owner_update_date",
        "complaint_customer_update_date",
        "complaint_owner_reminded_date",
        "complaint_customer_reminded_date",
        "complaint_near_reminded_deadline",
        "complaint_breach_reminded_deadline",
        "complaint_next_check",
    ],
    "helpdesk.ticket.stage": ["complaint_step", "complaint_stage"],
    "helpdesk.ticket.category": ["complaint_grade_id"],
    "res.company": COMPANY_FIELDS,
    "res.config.settings": COMPANY_FIELDS,
}
STEPS = ("accept", "investigate", "solution", "carry_out", "feedback", "closed")
DEMO_COMPLAINTS = (
    "zhaolei",
    "liuyang",
    "sunli",
    "hiroshi",
    "zhoujie",
    "oliver",
    "oliver_invoice",
    "david",
    "huanghai",
    "michael",
    "isabelle",
    "sophie",
    "liming",
    "chenjing",
)
DEMO_FOLLOW_UPS = (
    "oliver",
    "oliver_invoice",
    "david",
    "huanghai",
    "michael",
    "isabelle",
    "sophie",
    "liming",
    "chenjing",
    "zhoujie",
)
MOVED_XMLIDS = (
    # data
    *(f"customer_complaint_grade_{grade}" for grade in ("urgent", "major", "normal", "minor")),
    *(f"helpdesk_ticket_stage_complaint_{step}" for step in STEPS),
    "mail_activity_type_complaint_owner_update",
    "mail_activity_type_complaint_customer_update",
    "mail_activity_type_complaint_deadline_near",
    "mail_activity_type_complaint_breached",
    "ir_cron_complaint_reminders",
    "ir_cron_complaint_reminders_ir_actions_server",
    # views, actions, menus
    "helpdesk_ticket_view_list",
    "helpdesk_ticket_view_kanban",
    "helpdesk_ticket_view_search",
    "helpdesk_ticket_view_pivot_complaint",
    "helpdesk_ticket_view_graph_complaint",
    "helpdesk_ticket_action_complaint_analysis",
    "helpdesk_ticket_action_complaints",
    "customer_complaint_grade_view_list",
    "customer_complaint_grade_view_form",
    "customer_complaint_grade_view_search",
    "customer_complaint_grade_action",
    "helpdesk_ticket_stage_view_form",
    "helpdesk_ticket_menu_complaints",
    "helpdesk_ticket_menu_complaint_analysis",
    "customer_complaint_grade_menu",
    # access and record rules
    "customer_complaint_grade_rule_company",
    "access_customer_complaint_grade_agent",
    "access_customer_complaint_grade_supervisor",
    "access_customer_complaint_grade_helpdesk_user",
    # demo
    *(f"demo_complaint_{name}" for name in DEMO_COMPLAINTS),
    *(f"demo_callback_complaint_{name}" for name in DEMO_FOLLOW_UPS),
)
SELECTION_PREFIXES = (
    "selection__helpdesk_ticket__complaint_sla_state__",
    "selection__helpdesk_ticket_stage__complaint_step__",
)
# the glue of the complaints with other addons (auto_install), installed in
# the same run where their other addon is: {bridge: (the addon whose fields
# it took over, {model: [field names]})}
BRIDGES = {
    # the team workload's complaint columns and the reassignment's complaints
    # (customer_callback_report's since 19.0.4.0.0)
    "customer_callback_complaint_report": (
        "customer_callback_report",
        {
            "customer.callback.workload": [
                "complaint_count",
                "complaint_today_count",
                "complaint_overdue_count",
                "complaint_week_count",
            ],
            "customer.callback.workload.reassign": ["include_complaints", "complaint_count"],
        },
    ),
    # a closed complaint's result by SMS (customer_callback_sms's code, no record)
    "customer_callback_complaint_sms": ("customer_callback_sms", {}),
}


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
