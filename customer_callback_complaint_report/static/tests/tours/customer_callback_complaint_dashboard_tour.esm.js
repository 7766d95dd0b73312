/* License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// A Chinese supervisor reads the open complaints on 服务看板 and opens the
// breached one from its cell.
registry.category("web_tour.tours").add("customer_callback_complaint_dashboard_tour", {
    url: "/odoo/action-customer_callback_report.customer_callback_dashboard_action",
    steps: () => [
        {
            content: "One open complaint",
            trigger: '.o_dashboard_complaints .o_dashboard_count:contains("1")',
        },
        {
            content: "Open the breached complaints of its grade",
            trigger:
                '.o_dashboard_complaints .o_dashboard_complaint_cell[data-state="breached"]:contains("1")',
            run: "click",
        },
        {
            content: "The breached complaint",
            trigger: '.o_list_view .o_data_row:contains("看板投诉")',
        },
    ],
});
