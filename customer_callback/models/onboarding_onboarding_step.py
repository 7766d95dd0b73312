# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class OnboardingOnboardingStep(models.Model):
    _inherit = "onboarding.onboarding.step"

    # Each step of the callback app's set-up checklist opens its screen. Whether
    # it is done is found in the data (res.company._callback_setup_checks),
    # not by these actions. The screens keep their own access rights.

    @api.model
    def action_open_step_callback_company(self):
        return self._callback_company_dialog(self.env._("Country and timezone"))

    @api.model
    def action_open_step_callback_windows(self):
        return self.env["ir.actions.act_window"]._for_xml_id(
            "customer_callback.res_config_settings_action"
        )

    @api.model
    def action_open_step_callback_holidays(self):
        return self.action_open_step_callback_windows()

    @api.model
    def action_open_step_callback_team(self):
        return self.env["ir.actions.act_window"]._for_xml_id(
            "helpdesk_mgmt.helpdesk_ticket_team_action"
        )

    @api.model
    def action_open_step_callback_rules(self):
        return self.env["ir.actions.act_window"]._for_xml_id(
            "customer_callback.customer_callback_rule_action"
        )

    @api.model
    def action_open_step_callback_groups(self):
        return self.env["ir.actions.act_window"]._for_xml_id("base.action_res_users")

    @api.model
    def action_open_step_callback_channels(self):
        """The screen of the first thing still missing."""
        missing = self.env.company._callback_setup_missing_channels()
        first = missing[0] if missing else "mail_server"
        if first == "mail_server":
            return self.env["ir.actions.act_window"]._for_xml_id("base.action_ir_mail_server_list")
        if first == "email":
            return self._callback_company_dialog(self.env._("The company's e-mail address"))
        action = self.env["ir.actions.act_window"]._for_xml_id("base.open_module_tree")
        action["context"] = {"search_default_name": first}
        return action

    @api.model
    def _callback_company_dialog(self, title):
        return {
            "type": "ir.actions.act_window",
            "name": title,
            "res_model": "res.company",
            "res_id": self.env.company.id,
            "views": [
                [self.env.ref("customer_callback.res_company_view_form_callback_setup").id, "form"]
            ],
            "target": "new",
        }
