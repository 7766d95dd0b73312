/* License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

const tours = registry.category("web_tour.tours");

// In Chinese: an agent records an urgent complaint, grading it at intake;
// once saved the grade is the supervisors' and the deadlines show.
tours.add("customer_callback_urgent_complaint_tour", {
    url: "/odoo/action-customer_callback.helpdesk_ticket_action_complaints",
    steps: () => [
        {
            content: "Record a new complaint",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Title of the complaint",
            trigger: '.o_form_view div[name="name"] input',
            run: "edit 净水器漏水严重",
        },
        {
            content: "The agent grades it urgent (紧急) at intake",
            trigger: '.o_form_view div[name="complaint_grade_id"] input',
            run: "edit 紧急",
        },
        {
            trigger: '.o-autocomplete--dropdown-item:contains("紧急")',
            run: "click",
        },
        {
            content: "What the customer says",
            trigger: '.o_form_view div[name="description"] .odoo-editor-editable',
            run: "editor 净水器一直往外喷水，厨房已经淹了",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved: the grade is urgent and no longer editable by the agent",
            trigger:
                '.o_form_saved div[name="complaint_grade_id"]:contains("紧急"):not(:has(input))',
        },
        {
            content: "Not 'breaching soon' at birth: on track",
            trigger: '.o_form_view div[name="complaint_sla_state"]:contains("正常")',
        },
        {
            content: "Open the complaint's page",
            trigger: '.o_notebook a.nav-link[name="complaint"], .o_notebook a.nav-link:contains("投诉")',
            run: "click",
        },
        {
            content: "The deadlines of an urgent complaint show",
            trigger: '.o_form_view div[name="first_response_deadline"] span:contains(":")',
        },
        {
            trigger: '.o_form_view div[name="response_deadline"] span:contains(":")',
        },
    ],
});

// In Chinese: the team lead draws a spot-check, sees the calls spread over
// the team's agents, and rebalances them to the agent she chooses.
tours.add("customer_callback_spot_check_rebalance_tour", {
    url: "/odoo/action-customer_callback.customer_callback_spot_check_action",
    steps: () => [
        {
            content: "Open the month's spot-check batch",
            trigger: '.o_list_view .o_data_row td[name="name"]:contains("抽查巡检")',
            run: "click",
        },
        {
            content: "Draw the sample",
            trigger: 'button[name="action_open_sample_wizard"]',
            run: "click",
        },
        {
            content: "Draw",
            trigger: '.modal footer button[name="action_sample"]',
            run: "click",
        },
        {
            content: "The calls are spread over the team's agents: 周婷 calls",
            trigger: 'div[name="callback_ids"] .o_data_row td[name="user_id"]:contains("周婷")',
        },
        {
            content: "and 吴刚 calls, not the team lead",
            trigger:
                'div[name="callback_ids"]:not(:has(td[name="user_id"]:contains("组长"))) .o_data_row td[name="user_id"]:contains("吴刚")',
        },
        {
            content: "Rebalance the calls",
            trigger: 'button[name="action_open_rebalance_wizard"]',
            run: "click",
        },
        {
            content: "Leave 吴刚 out",
            trigger: '.modal div[name="user_ids"] .o_tag:contains("吴刚") .o_delete',
            run: "click",
        },
        {
            trigger: '.modal div[name="user_ids"]:not(:has(.o_tag:contains("吴刚")))',
        },
        {
            content: "Rebalance",
            trigger: '.modal footer button[name="action_rebalance"]',
            run: "click",
        },
        {
            content: "Every call is now 周婷's",
            trigger:
                'body:not(:has(.modal)) div[name="callback_ids"]:not(:has(td[name="user_id"]:contains("吴刚"))) td[name="user_id"]:contains("周婷")',
        },
    ],
});
