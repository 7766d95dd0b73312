/* License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// A Chinese customer on his phone, from the link of a survey e-mail: Tuesday
// and Thursday evenings, a callback tomorrow at 19:00 (his time, Shanghai),
// and no more surveys.
// The phone's own date and time pickers cannot be driven by the tour
// helpers: the value is typed into the inputs as the picker would.
function typeInto(selector, value) {
    const input = document.querySelector(selector);
    input.value = value;
    input.dispatchEvent(new Event("input", {bubbles: true}));
    input.dispatchEvent(new Event("change", {bubbles: true}));
}

function tomorrowInShanghai() {
    const format = new Intl.DateTimeFormat("en-CA", {timeZone: "Asia/Shanghai"});
    return format.format(new Date(Date.now() + 24 * 3600 * 1000));
}

registry.category("web_tour.tours").add("customer_callback_personal_page_tour", {
    steps: () => [
        {
            content: "The page reads in Chinese",
            trigger: '.o_customer_callback_page h2:contains("何时、如何联系您")',
        },
        {
            content: "Tuesday",
            trigger: 'input#day_1 + label:contains("星期二")',
        },
        {
            trigger: "input#day_1",
            run: "click",
        },
        {
            content: "Thursday",
            trigger: "input#day_3",
            run: "click",
        },
        {
            content: "Evenings",
            trigger: "select#slot",
            run: "select evening",
        },
        {
            trigger: 'button[name="save_preferences"]:contains("保存我的偏好")',
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Saved",
            trigger: '.o_customer_callback_message:contains("您的偏好已保存")',
        },
        {
            trigger: "input#day_1:checked",
        },
        {
            trigger: "input#day_3:checked",
        },
        {
            content: "Tomorrow",
            trigger: "input#date",
            run: () => typeInto("input#date", tomorrowInShanghai()),
        },
        {
            content: "at 19:00",
            trigger: "input#time",
            run: () => typeInto("input#time", "19:00"),
        },
        {
            content: "请在这个时间给我回电",
            trigger: 'button[name="ask_callback"]:contains("请在这个时间给我回电")',
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger:
                '.o_customer_callback_message:contains("我们将在您选择的时间给您回电")',
        },
        {
            content: "The next call shows tomorrow 19:00, Shanghai time",
            trigger: `.o_customer_callback_planned:contains("${tomorrowInShanghai()} 19:00")`,
        },
        {
            content: "No more surveys",
            trigger: 'button[name="stop_survey"]:contains("不要再发问卷")',
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger: '.o_customer_callback_page p:contains("您已要求我们不要发送问卷")',
        },
        {
            content: "Surveys can be welcome again",
            trigger: 'button[name="allow_survey"]',
        },
    ],
});
