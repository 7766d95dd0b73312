/* License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// A company's first day, in Chinese (issue #29 point 2): its administrator
// opens the Callbacks app, reads the set-up checklist, creates the callback
// team and reviews the cadence rules from it, and sees both steps ticked.
registry.category("web_tour.tours").add("customer_callback_setup_tour", {
    url: "/odoo",
    steps: () => [
        {
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            content: "Open the Callbacks app (回访)",
            trigger:
                '.o-dropdown--menu .o_app[data-menu-xmlid="customer_callback.customer_callback_menu_root"]',
            run: "click",
        },
        {
            content: "The set-up checklist is on the workday screen",
            trigger: '.o_callback_setup h4:contains("回访应用设置清单")',
        },
        {
            content: "The team step is still to do",
            trigger:
                '.o_callback_setup_step[data-key="team"][data-state="not_done"]:contains("还没有回访团队")',
        },
        {
            content: "The rules step is still to do",
            trigger: '.o_callback_setup_step[data-key="rules"][data-state="not_done"]',
        },
        {
            content: "Create a team (创建团队)",
            trigger:
                '.o_callback_setup_step[data-key="team"] .o_callback_setup_open:contains("创建团队")',
            run: "click",
        },
        {
            content: "The teams' list opens: a new team",
            trigger: ".o_list_view .o_list_button_add",
            run: "click",
        },
        {
            content: "Name the team",
            trigger: '.o_form_view div[name="name"] input',
            run: "edit 回访一组",
        },
        {
            content: "Its leader: the administrator",
            trigger: '.o_form_view div[name="user_id"] input',
            run: "edit 首日",
        },
        {
            trigger: '.o-autocomplete--dropdown-item:contains("首日管理员")',
            run: "click",
        },
        {
            content: "Add a member",
            trigger: '.o_form_view div[name="user_ids"] .o-kanban-button-new',
            run: "click",
        },
        {
            content: "The agent",
            trigger: '.modal-dialog tr:contains("周婷") input.form-check-input',
            run: "click",
        },
        {
            trigger: '.modal-dialog tr:contains("周婷") input.form-check-input:checked',
        },
        {
            trigger: ".modal-dialog button.o_select_button",
            run: "click",
        },
        {
            content: "The agent is a member",
            trigger:
                '.o_form_view div[name="user_ids"] .o_kanban_record:contains("周婷")',
        },
        {
            content: "Save the team",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: '.o_form_saved div[name="name"] input:value("回访一组")',
        },
        {
            content: "Back to the workday (今日工作台)",
            trigger: '.o_breadcrumb .breadcrumb-item a:contains("今日工作台")',
            run: "click",
        },
        {
            content: "The team step is ticked",
            trigger:
                '.o_callback_setup_step[data-key="team"][data-state="just_done"] .o_callback_setup_done',
        },
        {
            trigger: '.o_callback_setup_step[data-key="team"]:contains("回访一组")',
        },
        {
            content: "Review the cadence rules",
            trigger: '.o_callback_setup_step[data-key="rules"] .o_callback_setup_open',
            run: "click",
        },
        {
            content: "The company's rule routes to no team: open it",
            trigger:
                '.o_list_view .o_data_row td[name="name"]:contains("新客户首次回访")',
            run: "click",
        },
        {
            content: "Round robin within the team (团队内轮流分配)",
            trigger: '.o_form_view div[name="assignment"] .o_select_menu input',
            run: "click",
        },
        {
            trigger: '.o-dropdown--menu .o_select_menu_item:contains("团队内轮流分配")',
            run: "click",
        },
        {
            content: "The new team",
            trigger: '.o_form_view div[name="team_id"] input',
            run: "edit 回访一组",
        },
        {
            trigger: '.o-autocomplete--dropdown-item:contains("回访一组")',
            run: "click",
        },
        {
            content: "Save the rule",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: '.o_form_saved div[name="team_id"] input:value("回访一组")',
        },
        {
            content: "Back to the rules (回访规则)",
            trigger: '.o_breadcrumb .breadcrumb-item a:contains("回访规则")',
            run: "click",
        },
        {
            content: "Confirm the rules are reviewed (确认规则已审阅)",
            trigger:
                '.o_list_view button[name="action_confirm_reviewed"]:contains("确认规则已审阅")',
            run: "click",
        },
        {
            content: "Confirmed",
            trigger: ".o_notification:contains(回访规则已审阅)",
        },
        {
            content: "Back to the workday",
            trigger: '.o_breadcrumb .breadcrumb-item a:contains("今日工作台")',
            run: "click",
        },
        {
            content: "The rules step is ticked",
            trigger:
                '.o_callback_setup_step[data-key="rules"][data-state="just_done"] .o_callback_setup_done',
        },
        {
            content: "The team step stays ticked",
            trigger: '.o_callback_setup_step[data-key="team"][data-state="done"]',
        },
        {
            content: "Teams are in the app's configuration menu too (配置)",
            trigger:
                '.o_menu_sections [data-menu-xmlid="customer_callback.customer_callback_menu_config"]',
            run: "click",
        },
        {
            trigger:
                '.o-dropdown--menu [data-menu-xmlid="customer_callback.customer_callback_team_menu"]:contains("团队")',
            run: "click",
        },
        {
            content: "The team created today is listed",
            trigger: '.o_list_view .o_data_row:contains("回访一组")',
        },
    ],
});
