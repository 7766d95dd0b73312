/* License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// An administrator, in Chinese, sets up Tencent Cloud SMS in the settings and sends
// a test message (issue #33).
registry.category("web_tour.tours").add("customer_callback_sms_tencent_tour", {
    url: "/odoo/action-customer_callback.res_config_settings_action",
    steps: () => [
        {
            content: "Choose the SMS provider (短信服务商)",
            trigger: 'div[name="callback_sms_provider"] .o_select_menu input',
            run: "click",
        },
        {
            trigger: '.o-dropdown--menu .o_select_menu_item:contains("腾讯云短信")',
            run: "click",
        },
        {
            content: "The sign name",
            trigger: 'div[name="callback_sms_sign_name"] input',
            run: "edit 回访测试",
        },
        {
            content: "The SmsSdkAppId",
            trigger: 'div[name="callback_sms_tencent_app_id"] input',
            run: "edit 1400000001",
        },
        {
            content: "The SecretId",
            trigger: 'div[name="callback_sms_tencent_secret_id"] input',
            run: "edit AKIDtestSecretId000000000000000000",
        },
        {
            content: "The SecretKey",
            trigger: 'div[name="callback_sms_tencent_secret_key"] input',
            run: "edit testSecretKeyOfTencentCloud00001",
        },
        {
            content: "Save the settings",
            trigger: ".o_form_button_save",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content:
                "The status callback address is shown once Tencent Cloud is chosen",
            trigger:
                'div[name="callback_sms_tencent_status_url"]:contains("/customer_callback_sms/tencent/status/")',
        },
        {
            content: "Send a test SMS (发送测试短信)",
            trigger: 'button[name="action_callback_sms_test"]',
            run: "click",
        },
        {
            content: "A mobile number for the test",
            trigger: '.modal div[name="number"] input',
            run: "edit 13800138000",
        },
        {
            content: "Send (发送)",
            trigger: '.modal button[name="action_send"]',
            run: "click",
        },
        {
            content: "Tencent Cloud took it",
            trigger: ".o_notification:contains(已发送)",
        },
    ],
});
