# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the screens show for values that are not there yet: no score reads
empty, not 0."""

from datetime import timedelta

from lxml import etree

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

from .common import CallbackCase


@tagged("post_install", "-at_install")
class TestScreens(CallbackCase):
    def arch(self, model, view_type, xmlid=None):
        view_id = self.env.ref(xmlid).id if xmlid else False
        views = self.env[model].get_views([(view_id, view_type)])
        return etree.fromstring(views["views"][view_type]["arch"])

    def field(self, arch, name, path="."):
        nodes = arch.xpath(f"{path}//field[@name='{name}']")
        self.assertTrue(nodes, f"{name} is not on the view")
        return nodes[0]

    def test_unscored_reads_empty_in_lists_and_forms(self):
        callback_form = self.arch("customer.callback", "form")
        callback_list = self.arch("customer.callback", "list")
        for arch in (callback_form, callback_list):
            self.assertEqual(self.field(arch, "score").get("widget"), "callback_score")
        unscored = self.make_callback()
        self.assertFalse(unscored.score)


@tagged("post_install", "-at_install")
class TestScreensInBrowser(HttpCase):
    def test_unscored_callback_form_shows_an_empty_score(self):
        agent = new_test_user(
            self.env,
            "unscored_agent",
            groups="customer_callback.customer_callback_group_agent",
            password="unscored_agent_pw",
        )
        partner = self.env["res.partner"].create({"name": "Unscored customer", "phone": "+86 10 1"})
        now = fields.Datetime.now()
        callback = self.env["customer.callback"].create(
            {
                "partner_id": partner.id,
                "user_id": agent.id,
                "state": "in_progress",
                "planned_date": now - timedelta(hours=1),
                "deadline": now.date() + timedelta(days=2),
            }
        )
        self.start_tour(
            f"/odoo/my-callbacks/{callback.id}",
            "customer_callback_unscored_tour",
            login="unscored_agent",
        )
        self.assertEqual(callback.score, 4)
