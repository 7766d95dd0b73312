/* License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

const tours = registry.category("web_tour.tours");

// The team workload at 1440 px, in Chinese (issue #29).

function checkHeadersShown() {
    const labels = document.querySelectorAll(
        '.o_list_renderer thead th[data-name$="_count"] span.text-truncate'
    );
    if (!labels.length) {
        throw new Error("no count column in the team workload");
    }
    for (const label of labels) {
        if (label.scrollWidth > label.clientWidth + 1) {
            throw new Error(`header cut off: ${label.textContent.trim()}`);
        }
    }
}

function checkOneBreadcrumb() {
    const previous = document.querySelectorAll(".o_breadcrumb .breadcrumb-item");
    const last = document.querySelector(".o_breadcrumb .o_last_breadcrumb_item");
    if (previous.length || !last || !last.textContent.includes("团队工作量")) {
        throw new Error(
            `breadcrumb: ${document.querySelector(".o_breadcrumb").textContent.trim()}`
        );
    }
}

tours.add("customer_callback_workload_layout_tour", {
    url: "/odoo/action-customer_callback_report.customer_callback_workload_action",
    steps: () => [
        {
            content: "Every header of the team workload reads whole",
            trigger: '.o_list_renderer .o_data_row:contains("周婷")',
            run: checkHeadersShown,
        },
        {
            content: "Select the agent whose work moves",
            trigger: '.o_data_row:contains("周婷") .o_list_record_selector input',
            run: "click",
        },
        {
            content: "Reassign",
            trigger: 'button[name="action_reassign"]',
            run: "click",
        },
        {
            content: "To another agent",
            trigger: '.modal div[name="to_user_ids"] input',
            run: "edit 吴刚",
        },
        {
            trigger: '.o-autocomplete--dropdown-item:contains("吴刚")',
            run: "click",
        },
        {
            trigger: '.modal div[name="to_user_ids"] .o_tag:contains("吴刚")',
        },
        {
            content: "Reassign the work",
            trigger: '.modal-footer button[name="action_reassign"]',
            run: "click",
        },
        {
            content: "Said in one sentence",
            trigger: '.o_notification:contains("重新指派给 吴刚")',
        },
        {
            content: "Back on the same list, reloaded: one breadcrumb",
            trigger:
                'body:not(:has(.modal)) .o_list_renderer .o_data_row:contains("吴刚")',
            run: checkOneBreadcrumb,
        },
    ],
});
