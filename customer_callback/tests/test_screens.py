# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the screens show for values that are not there yet: no score reads
empty, not 0; the spot-check's month, seed and 95 % interval read as people
write them."""

from datetime import date, timedelta

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

    def test_spot_check_month_reads_year_month(self):
        batch = self.env["customer.callback.spot.check"].create(
            {"date_from": date(2031, 7, 1), "leader_id": self.supervisor.id}
        )
        # a month as the reader writes one, never a date (#29: "12月1日")
        self.assertEqual(batch.with_context(lang="en_US").month, "July 2031")
        self.env["res.lang"]._activate_lang("zh_CN")
        self.assertEqual(batch.with_context(lang="zh_CN").month, "2031年7月")
        arch = self.arch("customer.callback.spot.check", "list")
        self.field(arch, "month")
        self.assertFalse(arch.xpath("./field[@name='date_from']"))
        # the form: a month picker while drafting, then the month
        arch = self.arch("customer.callback.spot.check", "form")
        date_from = self.field(arch, "date_from")
        self.assertIn("'min_precision': 'months'", date_from.get("options"))
        self.assertEqual(date_from.get("invisible"), "state != 'draft'")
        self.assertEqual(self.field(arch, "month").get("invisible"), "state == 'draft'")
        arch = self.arch("customer.callback.spot.check.wizard", "form")
        self.assertIn("'min_precision': 'months'", self.field(arch, "date_from").get("options"))
        self.field(arch, "month")

    def test_spot_check_form_hides_figures_without_scores(self):
        arch = self.arch("customer.callback.spot.check", "form")
        self.assertEqual(self.field(arch, "satisfaction").get("invisible"), "not scored_count")
        label = arch.xpath("//label[@for='confidence_low']")[0]
        interval = self.field(arch, "confidence_low").getparent()
        # The label goes with its values: neither shows below two scores.
        self.assertEqual(label.get("invisible"), "scored_count < 2")
        self.assertEqual(interval.get("invisible"), "scored_count < 2")
        seed = self.field(arch, "seed")
        self.assertIn("'enable_formatting': false", seed.get("options"))

    def test_unscored_reads_empty_in_lists_and_forms(self):
        callback_form = self.arch("customer.callback", "form")
        callback_list = self.arch("customer.callback", "list")
        for arch in (callback_form, callback_list):
            self.assertEqual(self.field(arch, "score").get("widget"), "callback_score")
        spot_check = self.arch("customer.callback.spot.check", "form")
        calls = self.field(spot_check, "score", "//field[@name='callback_ids']/list")
        self.assertEqual(calls.get("invisible"), "not score")
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
