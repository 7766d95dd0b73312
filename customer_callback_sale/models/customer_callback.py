# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from odoo.addons.customer_callback.tools import script as script_tools


class CustomerCallback(models.Model):
    _inherit = "customer.callback"

    sale_order_id = fields.Many2one(
        "sale.order", string="Sales order", index="btree_not_null", check_company=True
    )
    # What the agent needs of the order, without access to other salespeople's
    # orders: computed as superuser for the callbacks the user may read.
    sale_order_ref = fields.Char(
        string="Order reference", compute="_compute_sale_order_info", compute_sudo=True
    )
    sale_order_date = fields.Date(
        string="Order date", compute="_compute_sale_order_info", compute_sudo=True
    )
    sale_order_products = fields.Char(
        string="Ordered products", compute="_compute_sale_order_info", compute_sudo=True
    )

    @api.depends("sale_order_id")
    def _compute_sale_order_info(self):
        for callback in self:
            order = callback.sale_order_id
            callback.sale_order_ref = order.name or False
            callback.sale_order_date = order.date_order and order.date_order.date()
            callback.sale_order_products = (
                ", ".join(order.order_line.product_id.mapped("display_name")[:3]) or False
            )

    @api.depends("sale_order_id")
    def _compute_script_html(self):
        return super()._compute_script_html()

    def _script_values(self, last_feedback, lang=None):
        values = super()._script_values(last_feedback, lang=lang)
        lang = lang or self.env.lang or "en_US"
        # sudo: the order may be another salesperson's, which an agent may not
        # read (the form shows it through the sudo-computed sale_order_* fields)
        order = self.sudo().sale_order_id
        if order:
            products = order.order_line.product_id.with_context(lang=lang)
            today = fields.Date.context_today(self)
            values.update(
                product=script_tools.format_items(products.mapped("display_name")[:3], lang),
                order_date=script_tools.format_day(order.date_order.date(), lang, today),
            )
        return values
