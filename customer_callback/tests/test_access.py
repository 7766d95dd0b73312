# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import CallbackCase


@tagged("post_install", "-at_install")
class TestAccess(CallbackCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_team = cls.env["helpdesk.ticket.team"].create({"name": "Other team"})
        cls.agent3 = new_test_user(
            cls.env, "cb_agent3", groups="customer_callback.customer_callback_group_agent"
        )
        cls.other_team.user_ids = cls.agent3
        cls.other_company = cls.env["res.company"].create({"name": "Other company"})
        cls.foreign_supervisor = new_test_user(
            cls.env,
            "cb_foreign",
            groups="customer_callback.customer_callback_group_supervisor",
            company_id=cls.other_company.id,
            company_ids=[cls.other_company.id],
        )
        cls.internal = new_test_user(cls.env, "cb_internal", groups="base.group_user")
        cls.portal = new_test_user(cls.env, "cb_portal", groups="base.group_portal")

    def test_agents_see_own_and_team_queue_only(self):
        own = self.make_callback(user_id=self.agent1.id)
        colleague = self.make_callback(user_id=self.agent2.id)
        queue = self.make_callback(user_id=False)
        other = self.make_callback(user_id=False, team_id=self.other_team.id)
        Callback = self.env["customer.callback"].with_user(self.agent1)
        visible = Callback.search([("id", "in", (own | colleague | queue | other).ids)])
        self.assertEqual(visible, own | queue)
        groups = Callback._read_group(
            [("id", "in", (own | colleague | queue | other).ids)], [], ["__count"]
        )
        self.assertEqual(groups[0][0], 2)
        with self.assertRaises(AccessError):
            colleague.with_user(self.agent1).read(["summary"])
        own.with_user(self.agent1).write({"summary": "mine"})
        with self.assertRaises(AccessError):
            own.with_user(self.agent1).unlink()
        with self.assertRaises(AccessError):
            self.env["customer.callback.rule"].with_user(self.agent1).create(
                {"name": "x", "segment": "usage"}
            )

    def test_supervisors_see_their_companies_only(self):
        callback = self.make_callback(user_id=self.agent2.id)
        self.assertTrue(callback.with_user(self.supervisor).read(["name"]))
        with self.assertRaises(AccessError):
            callback.with_user(self.foreign_supervisor).read(["name"])

    def test_users_without_callback_groups_see_nothing(self):
        callback = self.make_callback()
        for user in (self.internal, self.portal):
            with self.assertRaises(AccessError):
                callback.with_user(user).read(["name"])
            with self.assertRaises(AccessError):
                self.env["customer.callback"].with_user(user).create(
                    {"partner_id": self.partner_sh.id}
                )
        # the partner form still opens for them: callback fields are hidden
        self.partner_sh.with_user(self.internal).read(["name"])
        with self.assertRaises(AccessError):
            self.partner_sh.with_user(self.internal).read(["callback_do_not_call"])
