/** License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

const rate = (question, answer) => ({
    content: `${question}: ${answer}`,
    trigger: `div.js_question-wrapper:contains("${question}") label:contains("${answer}")`,
    run: "click",
});

// A customer opens the link of the survey email and answers it.
registry.category("web_tour.tours").add("customer_callback_survey_tour", {
    steps: () => [
        {
            content: "Start the survey",
            trigger: 'button.btn:contains("Start")',
            run: "click",
        },
        rate("Overall, how satisfied are you", "Dissatisfied"),
        rate("attitude of our staff", "Average"),
        rate("speed of our service", "Very dissatisfied"),
        rate("effectiveness of the solution", "Dissatisfied"),
        {
            content: "Leave a suggestion",
            trigger:
                'div.js_question-wrapper:contains("What could we do better") textarea',
            run: "edit The installer came two hours late.",
        },
        rate("May we contact you again", "Yes, you may contact me"),
        {
            content: "Submit",
            trigger: 'button[value="finish"]',
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer button.btn-primary",
            run: "click",
        },
        {
            content: "Thank you page",
            trigger: 'h1:contains("Thank you!")',
        },
    ],
});
