/* License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {Component, onWillStart, useState} from "@odoo/owl";
import {Layout} from "@web/search/layout";
import {registry} from "@web/core/registry";
import {standardActionServiceProps} from "@web/webclient/actions/action_service";
import {useService} from "@web/core/utils/hooks";

/**
 * 服务看板: the supervisors' KPI dashboard. Everything is read through one
 * call (customer.callback.dashboard.get_dashboard_data), whose figures are
 * those of the quarterly analysis; each card opens the list behind it.
 */
export class CallbackDashboard extends Component {
    static template = "customer_callback.CallbackDashboard";
    static components = {Layout};
    static props = {...standardActionServiceProps};

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.state = useState({data: null});
        onWillStart(() => this.load());
    }

    async load() {
        this.state.data = await this.orm.call(
            "customer.callback.dashboard",
            "get_dashboard_data",
            []
        );
    }

    open(action) {
        if (action) {
            return this.action.doAction(action);
        }
    }

    changeClass(figure) {
        if (figure.better === null) {
            return "text-muted";
        }
        return figure.better ? "text-success" : "text-danger";
    }

    /** Height of a trend bar, in percent of the 5-point scale. */
    barHeight(point) {
        return point.value === null ? 0 : Math.round((point.value / 5) * 100);
    }
}

registry.category("actions").add("customer_callback.dashboard", CallbackDashboard);
