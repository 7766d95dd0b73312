/* License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// An administrator of a Chinese shop loads China's public holidays and
// make-up workdays into the company calendar from Settings, in Chinese.
registry.category("web_tour.tours").add("customer_callback_official_calendar_tour", {
    url: "/odoo/action-customer_callback.res_config_settings_action",
    steps: () => [
        {
            content: "The official holidays setting reads in Chinese, country China",
            trigger:
                '#customer_callback_official_calendar:contains("官方法定节假日") div[name="callback_holiday_country_id"] input:value("中国")',
        },
        {
            content: "It says which years the library knows",
            trigger:
                '#customer_callback_official_calendar div[name="callback_official_calendar_info"]:contains("chinese-calendar")',
        },
        {
            content: "Refresh now",
            trigger:
                '#customer_callback_official_calendar button[name="action_callback_refresh_official_calendar"]:contains("立即刷新")',
            run: "click",
        },
        {
            content:
                "The notification says what was loaded, or which year is not published yet",
            trigger: '.o_notification:contains("官方日历"):contains("年")',
        },
    ],
});
