/* License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {download} from "@web/core/network/download";
import {registry} from "@web/core/registry";

/**
 * Every file the web client downloads during the tour is noted once the
 * server has answered: a marker <div class="o_tour_download"> with the
 * report URL (a failed download is an error dialog, which fails the tour).
 */
function recordDownloads() {
    if (download._tourOriginal) {
        return;
    }
    download._tourOriginal = download._download;
    download._download = async (options) => {
        const result = await download._tourOriginal(options);
        const marker = document.createElement("div");
        marker.className = "o_tour_download d-none";
        marker.dataset.url = options.data?.data || options.url || "";
        document.body.appendChild(marker);
        return result;
    };
}

// A Chinese supervisor (issue #17): 服务看板 from the Reporting menu, a
// figure and the list behind it, the quarterly report of the quarter
// exported from the dashboard, then the care record sheet (客户关怀记录表)
// of a selection of callbacks.
registry.category("web_tour.tours").add("customer_callback_supervisor_dashboard_tour", {
    url: "/odoo",
    steps: () => [
        {
            content: "Note the downloads",
            trigger: ".o_navbar_apps_menu button",
            run() {
                recordDownloads();
                this.anchor.click();
            },
        },
        {
            content: "Open the Callbacks app",
            trigger:
                '.o-dropdown--menu .o_app[data-menu-xmlid="customer_callback.customer_callback_menu_root"]',
            run: "click",
        },
        {
            content: "Open the Reporting menu (报表)",
            trigger:
                '.o_menu_sections [data-menu-xmlid="customer_callback.customer_callback_menu_reporting"]:contains("报表")',
            run: "click",
        },
        {
            content: "Open the dashboard (服务看板)",
            trigger:
                '.o-dropdown--menu [data-menu-xmlid="customer_callback_report.customer_callback_dashboard_menu"]:contains("服务看板")',
            run: "click",
        },
        {
            content: "This month's care coverage: one made of two due",
            trigger:
                '.o_callback_dashboard .o_dashboard_figure[data-key="coverage"]:has(.o_dashboard_figure_label:contains("关怀覆盖率")) .o_dashboard_cell[data-period="month"] .o_dashboard_value:contains("50.0")',
        },
        {
            content: "The callbacks' satisfaction against the target (4.00)",
            trigger:
                '.o_dashboard_figure[data-key="callback_score"]:contains("目标 4.00") .o_dashboard_cell[data-period="month"] .o_dashboard_value:contains("5.00")',
        },
        {
            content: "Open the callbacks behind this month's coverage",
            trigger:
                '.o_dashboard_figure[data-key="coverage"] .o_dashboard_cell[data-period="month"]',
            run: "click",
        },
        {
            content: "The callbacks due this month, by status",
            trigger: '.o_list_view .o_group_header:contains("完成")',
        },
        {
            trigger: '.o_list_view .o_group_header:contains("已取消")',
        },
        {
            content: "Back to the dashboard",
            trigger: '.o_breadcrumb .breadcrumb-item a:contains("服务看板")',
            run: "click",
        },
        {
            content: "Open the quarterly report of this quarter (季度报告)",
            trigger:
                '.o_callback_dashboard .o_dashboard_quarterly_report:contains("季度报告")',
            run: "click",
        },
        {
            content:
                "The quarterly analysis opens (its quarter is checked after the tour)",
            trigger: '.modal .o_form_view div[name="quarter"]',
        },
        {
            content: "Export it (导出 XLSX)",
            trigger: '.modal button[name="action_export"]:contains("导出 XLSX")',
            run: "click",
        },
        {
            content: "The quarterly report was downloaded",
            trigger:
                '.o_tour_download[data-url*="customer_callback_report.quarterly_report_xlsx"]:not(:visible)',
        },
        {
            content: "Close the wizard",
            trigger: ".modal .modal-footer button.btn-secondary:contains('取消')",
            run: "click",
        },
        {
            content: "Open the Callbacks menu",
            trigger:
                '.o_menu_sections [data-menu-xmlid="customer_callback.customer_callback_menu_work"]',
            run: "click",
        },
        {
            content: "All callbacks (所有回访)",
            trigger:
                '.o-dropdown--menu [data-menu-xmlid="customer_callback.customer_callback_menu_all"]',
            run: "click",
        },
        {
            content: "Select the first customer's callback",
            trigger:
                '.o_list_view .o_data_row:contains("看板客户甲") .o_list_record_selector input',
            run: "click",
        },
        {
            content: "And the second's",
            trigger:
                '.o_list_view .o_data_row:contains("看板客户乙") .o_list_record_selector input',
            run: "click",
        },
        {
            content: "Two selected: open the Print menu (打印)",
            trigger: ".o_control_panel .o_cp_action_menus button:has(.fa-print)",
            run: "click",
        },
        {
            content: "The care record sheet as XLSX (客户关怀记录表)",
            trigger:
                '.o-dropdown--menu .o-dropdown-item:contains("客户关怀记录表（XLSX）")',
            run: "click",
        },
        {
            content:
                "The care record sheet of the two selected callbacks was downloaded",
            trigger:
                '.o_tour_download[data-url*="customer_callback_report.care_record_xlsx/"]:not(:visible)',
            run() {
                const url = JSON.parse(this.anchor.dataset.url)[0];
                const ids = url.split("care_record_xlsx/")[1].split("?")[0].split(",");
                if (ids.length !== 2) {
                    throw new Error(`expected the two selected callbacks, got ${url}`);
                }
            },
        },
    ],
});
