/* License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

const tours = registry.category("web_tour.tours");

// In Chinese: the team lead draws a spot-check, sees the calls spread over
// the team's agents, and rebalances them to the agent she chooses.
tours.add("customer_callback_spot_check_rebalance_tour", {
    url: "/odoo/action-customer_callback_spot_check.customer_callback_spot_check_action",
    steps: () => [
        {
            content: "Open the month's spot-check batch",
            trigger: '.o_list_view .o_data_row td[name="name"]:contains("抽查巡检")',
            run: "click",
        },
        {
            content: "Draw the sample",
            trigger: 'button[name="action_open_sample_wizard"]',
            run: "click",
        },
        {
            content: "Draw",
            trigger: '.modal footer button[name="action_sample"]',
            run: "click",
        },
        {
            content: "The calls are spread over the team's agents: 周婷 calls",
            trigger:
                'div[name="callback_ids"] .o_data_row td[name="user_id"]:contains("周婷")',
        },
        {
            content: "and 吴刚 calls, not the team lead",
            trigger:
                'div[name="callback_ids"]:not(:has(td[name="user_id"]:contains("组长"))) .o_data_row td[name="user_id"]:contains("吴刚")',
        },
        {
            content: "Rebalance the calls",
            trigger: 'button[name="action_open_rebalance_wizard"]',
            run: "click",
        },
        {
            content: "Leave 吴刚 out",
            trigger: '.modal div[name="user_ids"] .o_tag:contains("吴刚") .o_delete',
            run: "click",
        },
        {
            trigger: '.modal div[name="user_ids"]:not(:has(.o_tag:contains("吴刚")))',
        },
        {
            content: "Rebalance",
            trigger: '.modal footer button[name="action_rebalance"]',
            run: "click",
        },
        {
            content: "Every call is now 周婷's",
            trigger:
                'body:not(:has(.modal)) div[name="callback_ids"]:not(:has(td[name="user_id"]:contains("吴刚"))) td[name="user_id"]:contains("周婷")',
        },
    ],
});
