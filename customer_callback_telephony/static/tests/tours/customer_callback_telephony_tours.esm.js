/* License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// A Chinese agent finds the phone system's call in her calls, in Chinese,
// and on the callback the call made its attempt.
registry.category("web_tour.tours").add("customer_callback_telephony_zh_tour", {
    url: "/odoo/action-customer_callback_telephony.customer_callback_call_action",
    steps: () => [
        {
            content: "The calls list reads in Chinese",
            trigger: '.o_list_view th[data-name="outcome"]:contains("通话结果")',
        },
        {
            content: "Her call, connected, made the callback's attempt",
            trigger: '.o_data_row:contains("接通"):contains("已记为尝试")',
        },
        {
            content: "Open the call",
            trigger: '.o_data_row:contains("接通") td[name="callee_number"]',
            run: "click",
        },
        {
            content: "The recording was not kept: no consent",
            trigger: '.o_form_view div[name="recording_note"]:contains("未同意录音")',
        },
        {
            content: "Go to the callback",
            trigger:
                '.o_form_view div[name="callback_id"] a, .o_form_view div[name="callback_id"] .o_form_uri',
            run: "click",
        },
        {
            content: "The callback counts its call",
            trigger: '.o_form_view button[name="action_view_calls"]:contains("通话")',
        },
    ],
});
