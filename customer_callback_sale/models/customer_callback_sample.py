# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The sample data's order (customer_callback's ``customer.callback.sample``):
a sample product sold to the first sample customer on a confirmed order, whose
confirmation makes the first-order and usage callbacks through the cadence
rules, as a real order does; the removal cancels and deletes it."""

from odoo import api, fields, models

from odoo.addons.customer_callback.tools import sample_data


class CustomerCallbackSample(models.AbstractModel):
    _inherit = "customer.callback.sample"

    @api.model
    def _sample_create_triggers(self, company, partners, track, prefix):
        result = super()._sample_create_triggers(company, partners, track, prefix)
        product = track(
            self.env["product.product"].create(
                {
                    "name": self.env._("Water purifier (sample)"),
                    "list_price": 2999.0,
                    "company_id": company.id,
                }
            )
        )
        track(product.product_tmpl_id)
        order = track(
            self.env["sale.order"].create(
                {
                    "name": sample_data.sample_name(prefix, 1),
                    "company_id": company.id,
                    "partner_id": partners[sample_data.TRIGGER_CUSTOMER].id,
                    "order_line": [
                        fields.Command.create({"product_id": product.id, "product_uom_qty": 1})
                    ],
                }
            )
        )
        # the suite's generation runs on confirmation (first order, usage)
        order.action_confirm()
        return result

    @api.model
    def _sample_removal_order(self):
        order = super()._sample_removal_order()
        order.insert(order.index("helpdesk.ticket") + 1, "sale.order")
        order[order.index("res.partner") + 1 : order.index("res.partner") + 1] = [
            "product.product",
            "product.template",
        ]
        return order

    @api.model
    def _sample_doomed(self, env, partners, doomed):
        doomed = super()._sample_doomed(env, partners, doomed)
        doomed["sale.order"] = env["sale.order"].search([("partner_id", "in", partners.ids)])
        return doomed

    @api.model
    def _sample_unlink_prepare(self, model, records):
        if model == "sale.order":
            records.filtered(lambda order: order.state != "cancel")._action_cancel()
        return super()._sample_unlink_prepare(model, records) or model in (
            "product.product",
            "product.template",
        )
