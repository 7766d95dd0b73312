/* License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// An administrator, in Chinese, sets up Aliyun SMS in the settings and sends
// a test message (issue #33).
registry.category("web_tour.tours").add("customer_callback_sms_aliyun_tour", {
    url: "/odoo/action-customer_callback.res_config_settings_action",
    steps: () => [
        {
            content: "Choose the SMS provider (短信服务商)",
            trigger: 'div[name="callback_sms_provider"] .o_select_menu input',
            run: "click",
        },
        {
            trigger: '.o-dropdown--menu .o_select_menu_item:contains("阿里云短信")',
            run: "click",
        },
        {
            content: "The sign name",
            trigger: 'div[name="callback_sms_sign_name"] input',
            run: "edit 回访测试",
        },
        {
            content: "The AccessKey ID",
            trigger: 'div[name="callback_sms_aliyun_key_id"] input',
            run: "edit LTAI5tTestKeyId0001",
        },
        {
            content: "The AccessKey secret",
            trigger: 'div[name="callback_sms_aliyun_key_secret"] input',
            run: "edit TestSecretOfTheAliyunAccessKey01",
        },
        {
            content: "Save the settings",
            trigger: ".o_form_button_save",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The receipt push address is shown once Aliyun is chosen",
            trigger:
                'div[name="callback_sms_aliyun_report_url"]:contains("/customer_callback_sms/aliyun/report/")',
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
            content: "Aliyun took it",
            trigger: ".o_notification:contains(已发送)",
        },
    ],
});
