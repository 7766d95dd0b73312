# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""19.0.6.0.0 (issue #31): the monthly spot-checks leave the core for their
own addon, ``customer_callback_spot_check``: the batches, the draw and
rebalance wizards, the spot-check fields of callbacks (the batch, the agent
checked, the praise), the segment and script kind *Service spot-check*, the
companies' spot-check settings, the spot-check script, the views, menus,
access rules and the demo batch.

What moves: the lists below; how, and why the addon is marked *to upgrade*:
``customer_callback/upgrade/addon_move.py``. The batches and their calls stay
as they were (their rows are not touched): no customer is drawn twice, no
call changes hands.

The bridge ``customer_callback_complaint_spot_check`` (open complaints in the
pool, a dissatisfied customer's ticket is a complaint) is marked to install
where the complaints are."""

from openupgradelib import openupgrade

from odoo.addons.customer_callback.upgrade.addon_move import install_bridges, move_to_addon

OLD, NEW = "customer_callback", "customer_callback_spot_check"
NEW_VERSION = "19.0.1.0.0"
MOVED_MODELS = (
    "customer.callback.spot.check",
    "customer.callback.spot.check.wizard",
    "customer.callback.spot.check.rebalance",
)
COMPANY_FIELDS = [
    "callback_spot_check_min_size",
    "callback_spot_check_below_min",
    "callback_spot_check_due_day",
    "callback_spot_check_cap",
    "callback_spot_check_cap_months",
    "callback_spot_check_reply_minutes",
    "callback_spot_check_spacing",
    "callback_spot_check_category_ids",
]
MOVED_FIELDS = {
    "customer.callback": [
        "spot_check_id",
        "checked_user_id",
        "praise",
        "spot_check_complaint_id",
    ],
    "res.company": COMPANY_FIELDS,
    "res.config.settings": COMPANY_FIELDS,
}
MOVED_XMLIDS = (
    # data
    "script_spot_check",
    # views, actions, menus
    "customer_callback_spot_check_view_list",
    "customer_callback_spot_check_view_form",
    "customer_callback_spot_check_view_search",
    "customer_callback_spot_check_action",
    "customer_callback_view_form_spot_check",
    "customer_callback_view_search_spot_check",
    "customer_callback_action_spot_check_my",
    "customer_callback_spot_check_wizard_view_form",
    "customer_callback_spot_check_wizard_action",
    "customer_callback_spot_check_rebalance_view_form",
    "customer_callback_spot_check_menu",
    "customer_callback_spot_check_menu_my",
    # access and record rules
    "customer_callback_spot_check_rule_company",
    "customer_callback_spot_check_rule_agent",
    "customer_callback_spot_check_rule_supervisor",
    "customer_callback_spot_check_wizard_rule_company",
    "customer_callback_spot_check_wizard_rule_owner",
    "customer_callback_spot_check_rebalance_rule_company",
    "customer_callback_spot_check_rebalance_rule_owner",
    "access_customer_callback_spot_check_agent",
    "access_customer_callback_spot_check_supervisor",
    "access_customer_callback_spot_check_wizard_agent",
    "access_customer_callback_spot_check_wizard_supervisor",
    "access_customer_callback_spot_check_rebalance_supervisor",
    # demo
    "demo_spot_check_last_month",
)
SELECTION_PREFIXES = (
    # the selection values the addon adds to core fields
    "selection__customer_callback__segment__spot_check",
    "selection__customer_callback_script__kind__spot_check",
    # the moved fields' and models' own
    "selection__res_company__callback_spot_check_below_min__",
    "selection__res_config_settings__callback_spot_check_below_min__",
    "selection__customer_callback_spot_check__",
    "selection__customer_callback_spot_check_wizard__",
    "selection__customer_callback_spot_check_rebalance__",
)
# the indexes and constraints the addon declares, by table: their
# ir.model.constraint rows and xml ids go with them (openupgrade moves a
# moved model's rows, not their xml ids, and not those of a model that stays)
CONSTRAINTS = {
    "customer_callback": ("spot_check_review_idx", "open_partner_idx"),
    "customer_callback_spot_check": ("month_unique", "sample_size_positive"),
}
# many2many tables of fields added to models that stay (ir.model.relation)
RELATIONS = ("res_company_spot_check_category_rel",)
# the glue of the spot-checks with other addons (auto_install), installed in
# the same run where their other addon is: {bridge: (the addon whose records
# it took over, {model: [field names]}, [xml ids])}
BRIDGES = {
    # open complaints in the pool, a dissatisfied customer's ticket is a
    # complaint (customer_callback_complaint's code: its extension of the
    # spot-check model)
    "customer_callback_complaint_spot_check": (
        "customer_callback_complaint",
        {},
        (
            "model_customer_callback_spot_check",
            "field_customer_callback_spot_check__id",
            "field_customer_callback_spot_check__display_name",
        ),
    ),
}


def move_constraints_and_relations(cr, old, new):
    """The moved indexes, constraints and many2many tables are the new
    addon's: their ir.model.constraint / ir.model.relation rows (the module
    that owns them, which an uninstall drops) and their xml ids. Written in
    SQL as openupgrade writes these bookkeeping rows: no ORM method moves
    them."""
    names = [f"{table}_{key}" for table, keys in CONSTRAINTS.items() for key in keys]
    openupgrade.rename_xmlids(
        cr, [(f"{old}.constraint_{name}", f"{new}.constraint_{name}") for name in names]
    )
    for table, names_ in (("ir_model_constraint", names), ("ir_model_relation", RELATIONS)):
        openupgrade.logged_query(
            cr,
            f"UPDATE {table} row SET module = new.id "  # noqa: S608 (two known tables)
            "FROM ir_module_module old, ir_module_module new "
            "WHERE old.name = %s AND new.name = %s AND row.module = old.id AND row.name IN %s",
            (old, new, tuple(names_)),
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
    move_constraints_and_relations(env.cr, OLD, NEW)
    install_bridges(env, BRIDGES)
