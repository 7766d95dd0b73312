/* License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// A Chinese agent's day (issue #16): the Callbacks app opens on 今日工作台,
// whom she may call now comes first; she starts the call, logs it, records
// the outcome with a score and raises a ticket routed by its category.
registry.category("web_tour.tours").add("customer_callback_workday_tour", {
    url: "/odoo",
    steps: () => [
        {
            content: "Open the apps menu",
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
            content: "The app opens on the agent's workday, in Chinese",
            trigger: '.o_callback_workday .o_workday_callbacks h4:contains("待办回访")',
        },
        {
            content: "Two callbacks due, one callable now",
            trigger:
                '.o_workday_callbacks header:has(.o_workday_count:contains("2")):contains("可立即拨打")',
        },
        {
            content:
                "The customer whose window is closed comes last, with its next window",
            trigger:
                '.o_workday_callbacks li.o_workday_callback:last-child:contains("窗口关闭客户"):contains("下次通话时段")',
        },
        {
            content: "The callable customer comes first: open it",
            trigger:
                '.o_workday_callbacks li.o_workday_callback:first-child:has(.o_workday_callable:contains("可立即拨打")) .o_workday_partner:contains("可拨打客户")',
            run: "click",
        },
        {
            content: "The callback form opens, no call-window warning",
            trigger:
                '.o_form_view:has(div[name="partner_id"] input:value("可拨打客户")):not(:has(div[name="call_window_banner"]))',
        },
        {
            content: "Start the call (开始通话)",
            trigger: 'button[name="action_start"]:contains("开始通话")',
            run: "click",
        },
        {
            content: "The callback is in progress",
            trigger:
                '.o_statusbar_status button.o_arrow_button_current:contains("进行中")',
        },
        {
            content: "Log the attempt: connected (接通)",
            trigger:
                'div[name="attempt_buttons"] button:first-of-type:contains("接通")',
            run: "click",
        },
        {
            content: "Show the attempts",
            trigger: '.o_notebook a.nav-link:contains("联系尝试")',
            run: "click",
        },
        {
            content: "The connected attempt is recorded",
            trigger: 'div[name="attempt_ids"] .o_data_row:contains("接通")',
        },
        {
            content: "Open the outcome (回访结果)",
            trigger: '.o_notebook a.nav-link:contains("回访结果")',
            run: "click",
        },
        {
            content: "Score 4",
            trigger: 'div[name="score"] input',
            run: "edit 4",
        },
        {
            content: "Summary of the call",
            trigger: 'div[name="summary"] textarea',
            run: "edit 净水器每天早上漏水",
        },
        {
            content: "The problem's category",
            trigger: 'div[name="problem_category_id"] input',
            run: "edit 技术问题",
        },
        {
            trigger: '.o-autocomplete--dropdown-item a:contains("技术问题")',
            run: "click",
        },
        {
            content: "Save the outcome",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
        {
            content: "Raise a ticket (创建工单)",
            trigger: 'button[name="action_create_ticket"]:contains("创建工单")',
            run: "click",
        },
        {
            content: "The ticket lands in the category's team (技术支持组)",
            trigger: '.o_form_view div[name="team_id"] input:value("技术支持组")',
        },
        {
            content: "Its Callbacks button counts the callback that raised it",
            trigger: 'button[name="action_view_callbacks"] .o_stat_value:contains("1")',
        },
    ],
});
