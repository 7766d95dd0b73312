/* License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

const tours = registry.category("web_tour.tours");

// The screens of issue #29 at 1440 px, in Chinese.

tours.add("customer_callback_call_window_layout_tour", {
    url: "/odoo/action-customer_callback.res_config_settings_action",
    steps: () => [
        {
            content: "Each call window on one line: label, start – end",
            trigger: ".o_callback_window:first",
            run() {
                const rows = document.querySelectorAll(".o_callback_window");
                if (rows.length !== 4) {
                    throw new Error(`${rows.length} call windows shown`);
                }
                for (const row of rows) {
                    const label = row.querySelector("label").getBoundingClientRect();
                    const inputs = row.querySelectorAll("input");
                    const end = inputs[inputs.length - 1].getBoundingClientRect();
                    if (end.top >= label.bottom || end.left <= label.right) {
                        throw new Error(
                            `the end time wraps: ${row.textContent.trim()}`
                        );
                    }
                }
            },
        },
    ],
});
