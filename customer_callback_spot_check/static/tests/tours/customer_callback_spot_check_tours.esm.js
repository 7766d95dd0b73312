/* License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

const tours = registry.category("web_tour.tours");

tours.add("customer_callback_spot_check_tour", {
    url: "/odoo/action-customer_callback_spot_check.customer_callback_spot_check_action",
    steps: () => [
        {
            content: "Open the month's spot-check batch",
            trigger:
                '.o_list_view .o_data_row td[name="name"]:contains("Tour spot-check")',
            run: "click",
        },
        {
            content: "Draw the sample",
            trigger: 'button[name="action_open_sample_wizard"]',
            run: "click",
        },
        {
            content: "The wizard shows the pool; draw",
            trigger: '.modal footer button[name="action_sample"]',
            run: "click",
        },
        {
            content: "The batch is sampled",
            trigger:
                '.o_statusbar_status button.o_arrow_button_current:contains("Sampled")',
        },
    ],
});
