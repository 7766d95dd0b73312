/* License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {CallbackWorkday} from "@customer_callback/workday/workday.esm";
import {patch} from "@web/core/utils/patch";

// 今日工作台: a *Call* button on each due callback dials it through the softphone.
patch(CallbackWorkday.prototype, {
    async dialCallback(callback) {
        const action = await this.orm.call(
            "customer.callback",
            "action_telephony_dial",
            [[callback.id]]
        );
        if (action) {
            await this.action.doAction(action, {onClose: () => this.load()});
        }
    },
});
