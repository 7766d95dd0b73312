/* License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// A supervisor exports a sampled spot-check batch (moved from the core's
// spot-check tour with the XLSX export, issue #31).
registry.category("web_tour.tours").add("customer_callback_spot_check_export_tour", {
    url: "/odoo/action-customer_callback_spot_check.customer_callback_spot_check_action",
    steps: () => [
        {
            content: "Open the month's sampled spot-check batch",
            trigger:
                '.o_list_view .o_data_row td[name="name"]:contains("Tour spot-check")',
            run: "click",
        },
        {
            content: "The batch is sampled",
            trigger:
                '.o_statusbar_status button.o_arrow_button_current:contains("Sampled")',
        },
        {
            content: "Export the spot-check list",
            trigger: 'button[name="action_export_xlsx"]',
            run: "click",
        },
        {
            content: "The export is logged in the chatter (the file is not stored)",
            trigger: '.o-mail-Message:contains("Exported to XLSX: 3 customers.")',
        },
    ],
});
