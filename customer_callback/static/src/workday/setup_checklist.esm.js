/* License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {Component} from "@odoo/owl";
import {ConfirmationDialog} from "@web/core/confirmation_dialog/confirmation_dialog";
import {_t} from "@web/core/l10n/translation";
import {useService} from "@web/core/utils/hooks";

/**
 * The callback app's set-up checklist (an onboarding of Odoo's onboarding
 * module, per company), on top of the workday screen for supervisors. Each
 * step opens its screen; coming back reloads the screen, and the step is
 * ticked once the company's data passes its check.
 */
export class CallbackSetupChecklist extends Component {
    static template = "customer_callback.CallbackSetupChecklist";
    static props = {
        setup: Object,
        reload: Function,
        sample: {type: [Object, Boolean], optional: true},
    };

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
    }

    async openStep(step) {
        const action = await this.orm.call(
            "onboarding.onboarding.step",
            step.method,
            []
        );
        return this.action.doAction(action, {onClose: () => this.props.reload()});
    }

    async toggle() {
        await this.orm.call("customer.callback.workday", "toggle_setup_checklist", []);
        return this.props.reload();
    }
}

/**
 * Sample data (issue #29): the banner while the company holds some, with the
 * button removing it, or the offer to load it. Both ask first.
 */
export class CallbackSampleData extends Component {
    static template = "customer_callback.CallbackSampleData";
    static props = {
        sample: Object,
        reload: Function,
        offer: {type: Boolean, optional: true},
    };

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.dialog = useService("dialog");
    }

    confirmLoad() {
        this.dialog.add(ConfirmationDialog, {
            title: _t("Try with sample data"),
            body: _t(
                "This creates in your company a few fictitious customers, an order, callbacks " +
                    "due today and this week, a complaint and this month's spot-check, all marked " +
                    "as sample data. Remove them in one click when you are done: anything about " +
                    "the sample customers goes with them, your own records stay."
            ),
            confirmLabel: _t("Load sample data"),
            confirm: () => this.run("action_load_sample_data"),
            cancel: () => {
                // Cancelling only closes the dialog
            },
        });
    }

    confirmRemove() {
        this.dialog.add(ConfirmationDialog, {
            title: _t("Remove sample data"),
            body: _t(
                "The sample customers and everything about them (callbacks, attempts, " +
                    "tickets, orders) are deleted. Your own records stay."
            ),
            confirmLabel: _t("Remove sample data"),
            confirm: () => this.run("action_remove_sample_data"),
            cancel: () => {
                // Cancelling only closes the dialog
            },
        });
    }

    async run(method) {
        const action = await this.orm.call("customer.callback.sample", method, []);
        await this.action.doAction(action);
        return this.props.reload();
    }
}

CallbackSetupChecklist.components = {CallbackSampleData};
