# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The workload reassignment's toast reads as one Chinese sentence (#29;
moved from the core's test_toasts with the team workload, issue #31)."""

from odoo.tests import tagged

from odoo.addons.customer_callback.tests.test_toasts import ToastCase


@tagged("post_install", "-at_install")
class TestWorkloadToast(ToastCase):
    def test_reassign(self):
        self.make_callback(user_id=self.supervisor.id)
        self.make_callback(self.partner_paris, user_id=self.supervisor.id)
        wizard = (
            self.env["customer.callback.workload.reassign"]
            .with_user(self.supervisor)
            .with_context(**self.zh)
            .create(
                {
                    "from_user_ids": [(6, 0, self.supervisor.ids)],
                    "to_user_ids": [(6, 0, (self.agent1 | self.agent2).ids)],
                }
            )
        )
        action = wizard.action_reassign()
        message = self.assert_one_sentence(action)
        # back to the list it was opened from, reloaded: not the list pushed
        # once more (the breadcrumb read "团队工作量 / 团队工作量")
        self.assertEqual(
            action["params"]["next"], {"type": "ir.actions.client", "tag": "soft_reload"}
        )
        self.assertIn(f"{self.agent1.name}和{self.agent2.name}", message)
