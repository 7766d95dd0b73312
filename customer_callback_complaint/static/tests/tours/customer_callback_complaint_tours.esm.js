/* License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

const tours = registry.category("web_tour.tours");

// In Chinese: an agent records an urgent complaint, grading it at intake;
// once saved the grade is the supervisors' and the deadlines show.
tours.add("customer_callback_urgent_complaint_tour", {
    url: "/odoo/action-customer_callback_complaint.helpdesk_ticket_action_complaints",
    steps: () => [
        {
            content: "Record a new complaint",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Title of the complaint",
            trigger: '.o_form_view div[name="name"] input',
            run: "edit 净水器漏水严重",
        },
        {
            content: "The agent grades it urgent (紧急) at intake",
            trigger: '.o_form_view div[name="complaint_grade_id"] input',
            run: "edit 紧急",
        },
        {
            trigger: '.o-autocomplete--dropdown-item:contains("紧急")',
            run: "click",
        },
        {
            content: "What the customer says",
            trigger: '.o_form_view div[name="description"] .odoo-editor-editable',
            run: "editor 净水器一直往外喷水，厨房已经淹了",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved: the grade is urgent and no longer editable by the agent",
            trigger:
                '.o_form_saved div[name="complaint_grade_id"]:contains("紧急"):not(:has(input))',
        },
        {
            content: "Not 'breaching soon' at birth: on track",
            trigger: '.o_form_view div[name="complaint_sla_state"]:contains("正常")',
        },
        {
            content: "Open the complaint's page",
            trigger:
                '.o_notebook a.nav-link[name="complaint"], .o_notebook a.nav-link:contains("投诉")',
            run: "click",
        },
        {
            content: "The deadlines of an urgent complaint show",
            trigger:
                '.o_form_view div[name="first_response_deadline"] span:contains(":")',
        },
        {
            trigger: '.o_form_view div[name="response_deadline"] span:contains(":")',
        },
    ],
});
