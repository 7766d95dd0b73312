# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the spot-check screens show: the month, seed and 95 % interval read
as people write them; no score reads empty, not 0."""

from datetime import date

from odoo.tests import tagged

from odoo.addons.customer_callback.tests.test_screens import TestScreens


@tagged("post_install", "-at_install")
class TestSpotCheckScreens(TestScreens):
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

    def test_unscored_call_of_a_batch_reads_empty(self):
        spot_check = self.arch("customer.callback.spot.check", "form")
        calls = self.field(spot_check, "score", "//field[@name='callback_ids']/list")
        self.assertEqual(calls.get("invisible"), "not score")
