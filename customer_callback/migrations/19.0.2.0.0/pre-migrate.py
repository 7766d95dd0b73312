# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""19.0.2.0.0 (issue #31, first cut): the high-frequency terms (jieba) leave
the core for their own addon, ``customer_callback_term``.

What moves: its models, the company's *terms computed up to* field, its
views, actions, menus, access rules, record rules and scheduled action (the
lists below); how, and why the addon is marked *to upgrade* rather than *to
install*: ``customer_callback/upgrade/addon_move.py``. The stored terms, each
company's stop words and *computed up to* month stay as they were."""

from openupgradelib import openupgrade

from odoo.addons.customer_callback.upgrade.addon_move import move_to_addon

OLD, NEW = "customer_callback", "customer_callback_term"
NEW_VERSION = "19.0.1.0.0"
MOVED_MODELS = (
    "customer.callback.stop.word",
    "customer.callback.term",
    "customer.callback.term.compute",
)
MOVED_FIELDS = {"res.company": ["callback_terms_month"]}
MOVED_XMLIDS = (
    # views, actions and menus
    "customer_callback_stop_word_view_list",
    "customer_callback_stop_word_view_search",
    "customer_callback_stop_word_action",
    "customer_callback_term_compute_view_form",
    "customer_callback_term_compute_action",
    "customer_callback_term_view_list",
    "customer_callback_term_view_pivot",
    "customer_callback_term_view_search",
    "customer_callback_term_action",
    "customer_callback_term_menu",
    "customer_callback_stop_word_menu",
    # access and record rules
    "access_customer_callback_stop_word_supervisor",
    "access_customer_callback_term_supervisor",
    "access_customer_callback_term_compute_supervisor",
    "customer_callback_stop_word_rule_company",
    "customer_callback_term_rule_company",
    "customer_callback_term_compute_rule_company",
    "customer_callback_term_compute_rule_owner",
    # the monthly scheduled action and its server action
    "ir_cron_compute_terms",
    "ir_cron_compute_terms_ir_actions_server",
    # the models' SQL constraints and indexes
    "constraint_customer_callback_stop_word_word_unique",
    "constraint_customer_callback_term_month_company_idx",
)
# selection values of the moved models' fields (customer_callback_term__kind__*,
# customer_callback_term_compute__month__*)
SELECTION_PREFIXES = (
    "selection__customer_callback_term__",
    "selection__customer_callback_term_compute__",
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
