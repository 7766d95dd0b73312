# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""19.0.2.0.0 (issue #31, first cut): the high-frequency terms (jieba) leave
the core for their own addon, ``customer_callback_term``.

Before the core's new code loads (it no longer declares them), every record
of the capability is re-homed to the new addon: its models and their fields
(ir.model, ir.model.fields, their SQL constraints and selection values), the
company's *terms computed up to* field, its views, actions, menus, access
rules, record rules and scheduled action. Then the new addon is marked to be
loaded in the same ``-u`` run (Odoo's loader picks up, after the modules of
the command line, every module marked during their loading). The tables and
their rows are never touched: the stored terms, each company's stop words and
*computed up to* month stay as they were.

The new addon is marked *to upgrade* as if installed at its first version,
not *to install*: its records exist already, and an install would load its
data in ``init`` mode, which writes over ``noupdate`` records (the scheduled
action's next call and any change an administrator made to it, the record
rules); an upgrade keeps them, as any upgrade of the core did before."""

from openupgradelib import openupgrade

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


def _selection_xmlids(cr):
    # reading ir_model_data: the selection values' xml ids are made by the
    # ORM from the fields' values, listed here rather than spelt out
    cr.execute(
        "SELECT name FROM ir_model_data WHERE module = %s AND model = 'ir.model.fields.selection'"
        " AND (name LIKE %s OR name LIKE %s)",
        (OLD, *(prefix.replace("_", r"\_") + "%" for prefix in SELECTION_PREFIXES)),
    )
    return [name for (name,) in cr.fetchall()]


@openupgrade.migrate()
def migrate(env, version):
    cr = env.cr
    Module = env["ir.module.module"]
    if not Module.search([("name", "=", NEW)]):
        # `-u` refreshes the module list before loading; any other path may
        # not have: the new addon's row must exist before records move to it
        Module.update_list()
    for model in MOVED_MODELS:
        openupgrade.update_module_moved_models(cr, model, OLD, NEW)
    for model, field_names in MOVED_FIELDS.items():
        openupgrade.update_module_moved_fields(cr, model, field_names, OLD, NEW)
    openupgrade.rename_xmlids(
        cr,
        [
            (f"{OLD}.{name}", f"{NEW}.{name}")
            for name in MOVED_XMLIDS + tuple(_selection_xmlids(cr))
        ],
    )
    # Marked as installed at its first version and to upgrade,
    # with the core's demo flag, the loader loads it after the core in this
    # same run, in update mode (see the module's docstring).
    core = Module.search([("name", "=", OLD)])
    new = Module.search([("name", "=", NEW), ("state", "=", "uninstalled")])
    if new:
        new.write({"state": "to upgrade", "latest_version": NEW_VERSION, "demo": core.demo})
