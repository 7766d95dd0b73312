/* License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {_t} from "@web/core/l10n/translation";
import {registry} from "@web/core/registry";

/**
 * The callback's *Call* button (form and workday): the server started the
 * callback and returns this action; the customer is dialled with OCA VoIP's
 * softphone (its `voip_agent_oca` service, as its own phone fields and
 * softphone dial), then the softphone's new call is tied to the callback.
 * Its `voip.call` feeds the call record on the server.
 */
export async function dialThroughSoftphone(env, action) {
    const {callback_id, number, partner_id} = action.params;
    const voip = env.services.voip_oca;
    const agent = env.services.voip_agent_oca;
    if (voip.inCall) {
        env.services.notification.add(_t("Finish the current call first."), {
            type: "warning",
        });
    } else {
        await agent.call({number, partner: {id: partner_id, phone: number}});
        if (voip.call && voip.call.id) {
            await env.services.orm.call("customer.callback", "voip_oca_link_call", [
                [callback_id],
                voip.call.id,
            ]);
        }
    }
    // The form (or the workday) reloads: the callback is in progress
    return {type: "ir.actions.act_window_close"};
}

registry
    .category("actions")
    .add("customer_callback_telephony_voip_oca.dial", dialThroughSoftphone);
