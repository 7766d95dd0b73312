# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""19.0.3.0.0 (issue #31): the customers' personal links and their public
page leave the core for their own addon, ``customer_callback_portal``.

What moves: the links, the page's rate limit and the customers' data
requests (made on the page), the page's controller and templates, the
company's link validity (and its setting), the callback's personal link
fields and buttons, the e-mail that sends the link, their views, actions,
menus, access rules and record rules (the lists below); how, and why the
addon is marked *to upgrade* rather than *to install*:
``customer_callback/upgrade/addon_move.py``. Every link (its secret, so its
token: the signature's scope is unchanged), throttle row and data request
stays as it was; the consent ledger stays in the core."""

from openupgradelib import openupgrade

from odoo.addons.customer_callback.upgrade.addon_move import move_to_addon

OLD, NEW = "customer_callback", "customer_callback_portal"
NEW_VERSION = "19.0.1.0.0"
MOVED_MODELS = (
    "customer.callback.link",
    "customer.callback.link.throttle",
    "customer.callback.data.request",
)
MOVED_FIELDS = {
    "res.company": ["callback_link_days"],
    "res.config.settings": ["callback_link_days"],
    "customer.callback": ["personal_link_url", "personal_link_expiry"],
}
MOVED_XMLIDS = (
    # views, actions, menus and the page's templates
    "customer_callback_link_view_list",
    "customer_callback_link_view_search",
    "customer_callback_link_action",
    "customer_callback_data_request_view_list",
    "customer_callback_data_request_view_form",
    "customer_callback_data_request_action",
    "customer_callback_link_menu",
    "customer_callback_data_request_menu",
    "customer_callback_page_neutral",
    "customer_callback_page",
    # the e-mail sending the link from a callback
    "mail_template_customer_callback_personal_link",
    # access and record rules
    "access_customer_callback_link_agent",
    "access_customer_callback_link_supervisor",
    "access_customer_callback_link_throttle_system",
    "access_customer_callback_data_request_supervisor",
    "access_customer_callback_data_request_system",
    "customer_callback_link_rule_company",
    "customer_callback_data_request_rule_company",
    # the models' unique indexes
    "constraint_customer_callback_link_one_open_link",
    "constraint_customer_callback_link_throttle_address_unique",
)
# selection values of the moved models' fields (purpose, state, kind)
SELECTION_PREFIXES = (
    "selection__customer_callback_link__",
    "selection__customer_callback_data_request__",
)


@openupgrade.migrate()
def migrate(env, version):
    move_to_addon(
        env,
        NEW,
        NEW_VERSION,
        models=MOVED_MODELS,
        fields=MOVED_FIELDS,
        xmlids=MOVED_XMLIDS,
        selection_prefixes=SELECTION_PREFIXES,
        old=OLD,
    )
