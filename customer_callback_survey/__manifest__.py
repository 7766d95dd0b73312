# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Customer Callback Satisfaction Surveys",
    "summary": "Satisfaction survey after a problem is solved (SMS or online "
    "questionnaire); low scores bring a supervisor callback",
    "version": "19.0.1.3.0",
    "category": "After-Sales",
    "license": "AGPL-3",
    "author": "Customer Callback Suite contributors",
    "maintainers": ["customer-callback-maintainers"],
    "development_status": "Beta",
    "depends": ["customer_callback_portal", "customer_callback_complaint", "survey"],
    "data": [
        "security/customer_callback_survey_security.xml",
        "security/ir.model.access.csv",
        "data/survey_survey_data.xml",
        "data/mail_template_data.xml",
        "data/customer_callback_script_data.xml",
        "data/customer_callback_rule_data.xml",
        "data/ir_cron_data.xml",
        "views/customer_callback_survey_request_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/customer_callback_views.xml",
        "views/survey_question_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "views/customer_callback_survey_menus.xml",
    ],
    "demo": [
        "demo/customer_callback_survey_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "customer_callback_survey/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
