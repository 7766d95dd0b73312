/* License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {Component} from "@odoo/owl";
import {useService} from "@web/core/utils/hooks";

/**
 * The callback app's set-up checklist (an onboarding of Odoo's onboarding
 * module, per company), on top of the workday screen for supervisors. Each
 * step opens its screen; coming back reloads the screen, and the step is
 * ticked once the company's data passes its check.
 */
export class CallbackSetupChecklist extends Component {
    static template = "customer_callback.CallbackSetupChecklist";
    static props = {setup: Object, reload: Function};

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
    }

    async openStep(step) {
        const action = await this.orm.call("onboarding.onboarding.step", step.method, []);
        return this.action.doAction(action, {onClose: () => this.props.reload()});
    }

    async toggle() {
        await this.orm.call("customer.callback.workday", "toggle_setup_checklist", []);
        return this.props.reload();
    }
}
