/* License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {CallbackSampleData, CallbackSetupChecklist} from "./setup_checklist.esm";
import {Component, onWillStart, useState} from "@odoo/owl";
import {Layout} from "@web/search/layout";
import {registry} from "@web/core/registry";
import {standardActionServiceProps} from "@web/webclient/actions/action_service";
import {useService} from "@web/core/utils/hooks";

/**
 * 今日工作台: the agent's day on one screen. Everything is read through one
 * call (customer.callback.workday.get_workday_data); each line opens its
 * record's form.
 */
export class CallbackWorkday extends Component {
    static template = "customer_callback.CallbackWorkday";
    static components = {Layout, CallbackSampleData, CallbackSetupChecklist};
    static props = {...standardActionServiceProps};

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.state = useState({data: null});
        onWillStart(() => this.load());
        this.reload = () => this.load();
    }

    async load() {
        this.state.data = await this.orm.call(
            "customer.callback.workday",
            "get_workday_data",
            []
        );
    }

    open(resModel, resId) {
        return this.action.doAction({
            type: "ir.actions.act_window",
            res_model: resModel,
            res_id: resId,
            views: [[false, "form"]],
            target: "current",
        });
    }

    openActivity(activity) {
        return this.open(activity.res_model, activity.res_id);
    }
}

registry.category("actions").add("customer_callback.workday", CallbackWorkday);
