# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the screens show for values that are not there yet: no score reads
empty, not 0; the spot-check's month, seed and 95 % interval read as people
write them."""

from datetime import date

from lxml import etree

from odoo.tests import tagged

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
        self.assertEqual(batch.month, "2031-07")
        arch = self.arch("customer.callback.spot.check", "list")
        self.field(arch, "month")
        self.assertFalse(arch.xpath("./field[@name='date_from']"))

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

    def test_unscored_reads_empty_in_lists(self):
        for model, name in (
            ("customer.callback", "score"),
            ("customer.callback.spot.check", "score"),
        ):
            arch = self.arch(model, "list" if model == "customer.callback" else "form")
            path = "." if model == "customer.callback" else "//field[@name='callback_ids']/list"
            self.assertEqual(self.field(arch, name, path).get("invisible"), f"not {name}", model)
        unscored = self.make_callback()
        self.assertFalse(unscored.score)
