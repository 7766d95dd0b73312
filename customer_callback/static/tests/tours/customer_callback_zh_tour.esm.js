/* License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// A Chinese agent's ticket list reads in Chinese, helpdesk_mgmt's terms
// included (helpdesk_mgmt ships no zh_CN: the suite's i18n_extra does).
registry.category("web_tour.tours").add("customer_callback_zh_ticket_list_tour", {
    url: "/odoo/helpdesk-tickets",
    steps: () => [
        {
            content: "helpdesk_mgmt's list columns read in Chinese",
            trigger: '.o_list_view th[data-name="number"]:contains("工单编号")',
        },
        {
            trigger: '.o_list_view th[data-name="user_id"]:contains("负责人")',
        },
        {
            content: "helpdesk_mgmt's stage records read in Chinese",
            trigger:
                '.o_data_row:contains("Tour zh ticket") td[name="stage_id"]:contains("新建")',
        },
        {
            content: "Open the search options",
            trigger: ".o_searchview_dropdown_toggler",
            run: "click",
        },
        {
            content: "helpdesk_mgmt's filters read in Chinese",
            trigger: '.o_filter_menu .o-dropdown-item:contains("未关闭")',
        },
    ],
});

// Not scored reads empty, not 0, on the callback form.
registry.category("web_tour.tours").add("customer_callback_unscored_tour", {
    steps: () => [
        {
            content: "Show the outcome",
            trigger:
                '.o_notebook a.nav-link[name="outcome"], .o_notebook a.nav-link:contains("Outcome")',
            run: "click",
        },
        {
            content: "The score of a callback not scored yet is empty",
            trigger: 'div[name="score"] input',
            run({anchor}) {
                if (anchor.value !== "") {
                    throw new Error(`an unscored callback shows "${anchor.value}"`);
                }
            },
        },
        {
            content: "The agent scores it",
            trigger: 'div[name="score"] input',
            run: "edit 4",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: '.o_form_saved div[name="score"] input:value("4")',
        },
    ],
});
