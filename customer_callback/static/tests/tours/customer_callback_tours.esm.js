/* License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

const tours = registry.category("web_tour.tours");

function openMyCallback(customer) {
    return [
        {
            content: "My callbacks lists today's and overdue callbacks",
            trigger: `.o_list_view .o_data_row td[name="partner_id"]:contains("${customer}")`,
            run: "click",
        },
        {
            content: "The callback form opens on that customer",
            trigger: `.o_form_view div[name="partner_id"] input:value("${customer}")`,
        },
    ];
}

function logAttempt(label, expectedState) {
    return [
        {
            content: `Log the attempt: ${label}`,
            trigger: `div[name="attempt_buttons"] button:contains("${label}")`,
            run: "click",
        },
        {
            content: `The callback is now ${expectedState}`,
            trigger: `.o_statusbar_status button.o_arrow_button_current:contains("${expectedState}")`,
        },
    ];
}

tours.add("customer_callback_unreachable_tour", {
    url: "/odoo/my-callbacks",
    steps: () => [
        ...openMyCallback("Tour Unreachable Customer"),
        {
            content: "Show the attempts",
            trigger: '.o_notebook a.nav-link:contains("Attempts")',
            run: "click",
        },
        ...logAttempt("No answer", "In progress"),
        {
            content: "The agent is told what happens next (notification)",
            trigger: '.o_notification:contains("Next attempt")',
        },
        {
            content: "The form says it too",
            trigger: 'div[name="next_step_banner"]:visible:contains("Next attempt")',
        },
        {
            content: "First attempt recorded",
            trigger: 'div[name="attempt_ids"] .o_data_row:nth-child(1)',
        },
        ...logAttempt("Busy", "In progress"),
        {
            content: "Second attempt recorded",
            trigger: 'div[name="attempt_ids"] .o_data_row:nth-child(2)',
        },
        ...logAttempt("Switched off", "In progress"),
        {
            content: "Third attempt recorded",
            trigger: 'div[name="attempt_ids"] .o_data_row:nth-child(3)',
        },
        ...logAttempt("Message sent", "Unreachable"),
        {
            content: "A closed callback offers no more attempt buttons",
            trigger: '.o_form_view:not(:has(div[name="attempt_buttons"]:visible))',
        },
    ],
});

tours.add("customer_callback_ticket_tour", {
    url: "/odoo/my-callbacks",
    steps: () => [
        ...openMyCallback("Tour Ticket Customer"),
        ...logAttempt("Connected", "In progress"),
        {
            content: "Open the outcome",
            trigger: '.o_notebook a.nav-link:contains("Outcome")',
            run: "click",
        },
        {
            content: "Score 2: dissatisfied",
            trigger: 'div[name="score"] input',
            run: "edit 2",
        },
        {
            content: "Summary of the call",
            trigger: 'div[name="summary"] textarea',
            run: "edit Water purifier leaks since delivery",
        },
        {
            content: "The customer's words",
            trigger: 'div[name="feedback"] textarea',
            run: "edit It leaks every morning, please send someone",
        },
        {
            content: "Turn the problem into a ticket",
            trigger: 'button[name="action_create_ticket"]',
            run: "click",
        },
        {
            content: "The ticket opens, linked to the callback",
            trigger: '.o_form_view div[name="origin_callback_id"]',
        },
        {
            content: "The ticket is titled by the problem in the customer's words",
            trigger:
                '.o_form_view div[name="name"] input:value("It leaks every morning, please send someone")',
        },
        {
            content: "The promised reply shows on the ticket, not on a hidden tab",
            trigger: '.o_form_view div[name="promised_reply_date"]:visible',
        },
    ],
});

tours.add("customer_callback_settings_tour", {
    url: "/odoo/action-customer_callback.res_config_settings_action",
    steps: () => [
        {
            content: "The first working-day window opens at 09:00",
            trigger: 'div[name="callback_workday_from1"] input:value("09:00")',
        },
        {
            content: "Open at 08:30 instead",
            trigger: 'div[name="callback_workday_from1"] input',
            run: "edit 08:30",
        },
        {
            content: "Save the settings",
            trigger: ".o_form_button_save",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The new value is shown",
            trigger: 'div[name="callback_workday_from1"] input:value("08:30")',
        },
    ],
});

// In Chinese: "Hung up" closes the callback with a score, so it asks first;
// cancelling keeps the callback open.
tours.add("customer_callback_hung_up_tour", {
    url: "/odoo/my-callbacks",
    steps: () => [
        ...openMyCallback("挂断测试客户"),
        {
            content: "Hung up (接通后挂断)",
            trigger: 'div[name="attempt_buttons"] button:contains("接通后挂断")',
            run: "click",
        },
        {
            content: "It asks before closing, in Chinese; the agent cancels",
            trigger: '.modal:contains("确定关闭吗") .modal-footer button.btn-secondary',
            run: "click",
        },
        {
            content: "Nothing was logged: the callback is still planned",
            trigger:
                '.o_form_view:not(:has(.modal)) .o_statusbar_status button.o_arrow_button_current:contains("已计划")',
        },
        {
            content: "Hung up again",
            trigger: 'div[name="attempt_buttons"] button:contains("接通后挂断")',
            run: "click",
        },
        {
            content: "This time the agent confirms",
            trigger: '.modal:contains("确定关闭吗") .modal-footer button.btn-primary',
            run: "click",
        },
        {
            content: "The callback is done",
            trigger:
                '.o_statusbar_status button.o_arrow_button_current:contains("完成")',
        },
    ],
});
