# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from ..tools.setup_checklist import STEPS

CALLBACK_SETUP = "customer_callback.onboarding_onboarding_callback_setup"


class OnboardingOnboarding(models.Model):
    _inherit = "onboarding.onboarding"

    @api.model
    def _callback_setup_steps(self):
        """The set-up checklist's steps by key (see tools.setup_checklist)."""
        return {
            key: step
            for key in STEPS
            if (step := self.env.ref(f"customer_callback.onboarding_step_callback_{key}", False))
        }

    @api.model
    def _callback_setup_panel(self):
        """The callback app's set-up checklist for the current company, as
        the workday screen shows it. Each step's progress follows the
        company's data: marked done once its check passes, and not done
        again when the data no longer passes it (a team emptied, a window
        removed). A step just done is reported once as such."""
        onboarding = self.env.ref(CALLBACK_SETUP, raise_if_not_found=False)
        if not onboarding:
            return False
        # the onboarding records are readable by administrators only
        onboarding = onboarding.sudo()
        progress = onboarding._search_or_create_progress()
        checks = self.env.company._callback_setup_checks()
        steps = onboarding._callback_setup_steps()
        for key, step in steps.items():
            step = step.sudo()
            done = checks[key][0]
            if done and step.current_step_state == "not_done":
                step.action_set_just_done()
            elif not done and step.current_step_state != "not_done":
                step.current_progress_step_id.step_state = "not_done"
        states = progress._get_and_update_onboarding_state()
        rows = [
            {
                "key": key,
                "title": step.title,
                "description": step.description,
                "button_text": step.button_text,
                "done_text": step.done_text,
                "method": step.panel_step_open_action_name,
                "state": states.get(step.id, "not_done"),
                "note": checks[key][1],
            }
            for key, step in steps.items()
        ]
        return {
            "name": onboarding.name,
            "closed": progress.is_onboarding_closed,
            "done": progress.onboarding_state == "done",
            "just_done": states.get("onboarding_state") == "just_done",
            "done_count": sum(1 for row in rows if row["state"] != "not_done"),
            "steps": rows,
        }

    @api.model
    def _callback_setup_toggle(self):
        """Hide the checklist for the current company, or show it again."""
        onboarding = self.env.ref(CALLBACK_SETUP, raise_if_not_found=False)
        if onboarding:
            onboarding = onboarding.sudo()
            onboarding._search_or_create_progress()
            onboarding.action_toggle_visibility()
