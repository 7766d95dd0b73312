/* License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// A Chinese agent calls her customer from 今日工作台 through OCA VoIP's
// softphone (its test mode when no SIP account is set: no audio, the call is
// placed as far as the browser goes), hangs up, and the callback holds the
// attempt the softphone's call made.
/**
 * Resolves once the softphone's dial tone plays: hanging up while it still
 * loads makes voip_oca's tone player reject its play() promise, uncaught,
 * which fails a tour (a real agent does not hang up within milliseconds).
 */
export async function dialToneStarted() {
    const agent = odoo.__WOWL_DEBUG__.root.env.services.voip_agent_oca;
    for (let i = 0; i < 100 && !(agent.toneAudio.currentTime > 0); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
}

registry
    .category("web_tour.tours")
    .add("customer_callback_telephony_voip_oca_zh_tour", {
        url: "/odoo/action-customer_callback.customer_callback_workday_action",
        steps: () => [
            {
                content: "Her workday, in Chinese, offers to call 王芳",
                trigger: '.o_workday_callbacks h4:contains("待办回访")',
            },
            {
                content: "Call 王芳 (拨打) through the softphone",
                trigger:
                    '.o_workday_callback:contains("王芳") button.o_workday_voip_call:contains("拨打")',
                run: "click",
            },
            {
                content: "The softphone opens on the call to her number, in Chinese",
                trigger:
                    '.o_voip_softphone .o_voip_softphone_content:contains("13900001111"):contains("通话时长")',
            },
            {
                content: "It rings for a moment",
                trigger:
                    ".o_voip_softphone .o_voip_softphone_footer button.text-danger",
                run: dialToneStarted,
            },
            {
                content: "Nobody answers: hang up",
                trigger:
                    ".o_voip_softphone .o_voip_softphone_footer button.text-danger",
                run: "click",
            },
            {
                content: "The softphone is off the call",
                trigger:
                    ".o_voip_softphone:not(:has(.o_voip_softphone_footer button.text-danger))",
            },
            {
                content: "Open the callback",
                trigger: '.o_workday_callback:contains("王芳") .o_workday_partner',
                run: "click",
            },
            {
                content: "The callback is in progress",
                trigger:
                    '.o_statusbar_status button.o_arrow_button_current:contains("进行中")',
            },
            {
                content: "Show the attempts",
                trigger: '.o_notebook a.nav-link:contains("联系尝试")',
                run: "click",
            },
            {
                content: "The softphone's call is the no-answer attempt",
                trigger: 'div[name="attempt_ids"] .o_data_row:contains("无人接听")',
            },
            {
                content: "The callback counts its call",
                trigger:
                    '.o_form_view button[name="action_view_calls"]:contains("通话")',
            },
        ],
    });
