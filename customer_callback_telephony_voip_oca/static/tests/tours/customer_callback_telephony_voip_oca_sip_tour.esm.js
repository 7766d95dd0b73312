/* License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {dialToneStarted} from "./customer_callback_telephony_voip_oca_tours.esm";
import {registry} from "@web/core/registry";

// Real SIP calls (bin/test-sip): the softphone is registered on Kamailio,
// the customers are baresip. From 今日工作台 the agent calls a customer who
// answers, one who rejects and one who does not pick up.
// The buttons of voip_oca are found by their icons: their titles are translated
const HANG_UP = ".o_voip_softphone .o_voip_softphone_footer button.text-danger";
const OFF_CALL =
    ".o_voip_softphone:not(:has(.o_voip_softphone_footer button.text-danger))";
// The mute button shows while the call is ongoing (answered)
const ONGOING = ".o_voip_softphone button:has(.fa-microphone, .fa-microphone-slash)";

function wait(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

function dial(name) {
    return {
        content: `Call ${name} (拨打) through the softphone`,
        trigger: `.o_workday_callback:contains("${name}") button.o_workday_voip_call:contains("拨打")`,
        run: "click",
    };
}

registry
    .category("web_tour.tours")
    .add("customer_callback_telephony_voip_oca_sip_tour", {
        url: "/odoo/action-customer_callback.customer_callback_workday_action",
        steps: () => [
            {
                content: "The softphone registered on the SIP server",
                trigger: ".o_nav_entry.o_voip_connected",
                timeout: 20000,
            },
            {
                content: "Let the registration finish",
                trigger: ".o_workday_callbacks",
                run: () => wait(2000),
            },
            dial("接听客户"),
            {
                content: "The customer answered: the call is ongoing",
                trigger: ONGOING,
                timeout: 20000,
            },
            {
                content: "Talk for three seconds",
                trigger: ONGOING,
                run: () => wait(3000),
            },
            {
                content: "Hang up",
                trigger: HANG_UP,
                run: "click",
            },
            {
                content: "The softphone is off the call",
                trigger: OFF_CALL,
            },
            dial("拒接客户"),
            {
                content: "The customer rejects the call",
                trigger: ".o_notification_manager .o_notification",
                timeout: 20000,
            },
            {
                content: "The softphone is off the call",
                trigger: OFF_CALL,
            },
            dial("未接客户"),
            {
                content: "It rings",
                trigger: HANG_UP,
                run: async () => {
                    await dialToneStarted();
                    await wait(6000);
                },
            },
            {
                content: "Nobody picks up: hang up",
                trigger: HANG_UP,
                run: "click",
            },
            {
                content: "The softphone is off the call",
                trigger: OFF_CALL,
            },
            {
                content: "Open the answered callback",
                trigger: '.o_workday_callback:contains("接听客户") .o_workday_partner',
                run: "click",
            },
            {
                content: "Show the attempts",
                trigger: '.o_notebook a.nav-link:contains("联系尝试")',
                run: "click",
            },
            {
                content: "The SIP call is the connected attempt",
                trigger: 'div[name="attempt_ids"] .o_data_row:contains("接通")',
            },
        ],
    });
