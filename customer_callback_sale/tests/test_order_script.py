# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The order in the callback's script: {product} and {order_date} (moved from
customer_callback's test_callback.py with the sales order of the callback)."""

from odoo.tests import tagged

from .common import SaleCallbackCase


@tagged("post_install", "-at_install")
class TestOrderScript(SaleCallbackCase):
    def test_script_renders_customer_values_escaped(self):
        script = self.env["customer.callback.script"].create(
            {
                "name": "Test",
                "body": "<p>{title} {surname}: {product} ({order_date}) {last_feedback}</p>",
            }
        )
        self.partner_sh.callback_title = "先生"
        order = self.make_order(self.partner_sh)
        self.make_callback(state="done", feedback="<script>x</script>", summary="ok")
        callback = self.make_callback(script_id=script.id, sale_order_id=order.id)
        html = str(callback.script_html)
        self.assertIn("先生 张", html)  # "{title} {surname}"
        self.assertIn("Water purifier", html)
        self.assertIn("Nov", html)  # the customer speaks English: "Nov 23"
        self.assertNotIn("<script>", html)

    def test_script_reads_in_the_customers_language(self):
        """Each customer hears the script in their language, with its form of
        address and its way of writing dates, whatever the agent's language;
        a script not written in the customer's language reads in English."""
        for code in ("zh_CN", "de_DE", "fr_FR"):
            self.env["res.lang"]._activate_lang(code)
        english = "Hello {address}, your {product} of {order_date}."
        script = self.env["customer.callback.script"].create(
            {"name": "Address", "body": f"<p>{english}</p>"}
        )
        script.update_field_translations(
            "body",
            {
                "zh_CN": {english: "{address}您好，您于{order_date}订购的{product}。"},
                "de_DE": {english: "Guten Tag {address}, Ihr {product} vom {order_date}."},
            },
        )
        self.product.update_field_translations("name", {"zh_CN": "净水器"})
        self.partner_sh.write({"lang": "zh_CN", "callback_title": "先生"})
        Partner = self.env["res.partner"]
        lukas = Partner.create(
            {"name": "Lukas Schneider", "lang": "de_DE", "callback_title": "Herr"}
        )
        claire = Partner.create({"name": "Claire Martin", "lang": "fr_FR", "callback_title": "Mme"})
        for partner, address, product, day_format in (
            (self.partner_sh, "张先生您好", "订购的净水器", "{d.month}月{d.day}日"),
            (lukas, "Guten Tag Herr Schneider", "Ihr Water purifier", "{d.day}. "),
            # No French script: English, dates as English writes them.
            (claire, "Hello Mme Martin", "your Water purifier", "of {d:%b} {d.day}"),
        ):
            order = self.make_order(partner)
            day = order.date_order.date()
            callback = self.make_callback(
                partner=partner, script_id=script.id, sale_order_id=order.id
            )
            for agent_lang in ("en_US", "zh_CN"):
                html = str(callback.with_context(lang=agent_lang).script_html)
                self.assertIn(address, html)
                self.assertIn(product, html)
                self.assertIn(day_format.format(d=day), html)
                self.assertNotIn(day.isoformat(), html)
