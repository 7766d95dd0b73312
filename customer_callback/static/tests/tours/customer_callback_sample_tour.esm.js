/* License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// Try the app with sample data, in Chinese (issue #29 point 2): a team lead of
// a brand-new company loads the sample from the set-up checklist, sees a
// sample customer's callback on My workday, then removes the sample.
registry.category("web_tour.tours").add("customer_callback_sample_tour", {
    url: "/odoo/action-customer_callback.customer_callback_workday_action",
    steps: () => [
        {
            content: "The checklist offers the sample data (用示例数据试用)",
            trigger:
                '.o_callback_setup .o_callback_sample_load:contains("用示例数据试用")',
            run: "click",
        },
        {
            content: "Confirm: load the sample (载入示例数据)",
            trigger: '.modal-footer button:contains("载入示例数据")',
            run: "click",
        },
        {
            content: "The banner says sample data is there",
            trigger: '.o_callback_sample_banner:contains("已载入示例数据")',
        },
        {
            content: "A sample customer's callback is due today on My workday",
            trigger:
                '.o_workday_callbacks .o_workday_callback .o_workday_partner:contains("王芳（示例）")',
        },
        {
            content: "Remove the sample (删除示例数据)",
            trigger:
                '.o_callback_sample_banner .o_callback_sample_remove:contains("删除示例数据")',
            run: "click",
        },
        {
            content: "Confirm the removal",
            trigger: '.modal-footer button:contains("删除示例数据")',
            run: "click",
        },
        {
            content:
                "The sample is gone: the checklist offers it again, no sample callback left",
            trigger: ".o_callback_setup .o_callback_sample_load",
        },
        {
            trigger:
                '.o_callback_workday:not(:has(.o_callback_sample_banner)):not(:has(.o_workday_partner:contains("（示例）")))',
        },
    ],
});
