# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Moving a capability out of the core into an addon of its own (issue #31),
for the core's migration scripts (``migrations/19.0.X.0.0/pre-*.py``).

Before the core's new code loads (it no longer declares them), every record
of the capability is re-homed to the new addon: its models and their fields
(``ir.model``, ``ir.model.fields``, their SQL constraints and selection
values), fields it adds to other models, its views, actions, menus, access
rules, record rules and scheduled actions (each named by its xml id). Then
the new addon is marked to be loaded in the same ``-u`` run (Odoo's loader
picks up, after the modules of the command line, every module marked during
their loading). The tables and their rows are never touched.

The new addon is marked *to upgrade* as if installed at its first version,
not *to install*: its records exist already, and an install would load its
data in ``init`` mode, which writes over ``noupdate`` records (a scheduled
action's next call and any change an administrator made to it, record
rules); an upgrade keeps them, as any upgrade of the core did before. Its
own dependencies that the database lacks (``sale`` is already there where
the core depended on it) are installed by the loader as usual."""

import inspect

from openupgradelib import openupgrade

CORE = "customer_callback"


def _selection_xmlids(cr, old, prefixes):
    # reading ir_model_data: the selection values' xml ids are made by the
    # ORM from the fields' values, listed here rather than spelt out
    if not prefixes:
        return []
    cr.execute(
        "SELECT name FROM ir_model_data WHERE module = %s AND model = 'ir.model.fields.selection'"
        " AND (" + " OR ".join(["name LIKE %s"] * len(prefixes)) + ")",
        (old, *(prefix.replace("_", r"\_") + "%" for prefix in prefixes)),
    )
    return [name for (name,) in cr.fetchall()]


def move_to_addon(
    env,
    new,
    new_version,
    models=(),
    fields=None,
    xmlids=(),
    selection_prefixes=(),
    old=CORE,
):
    """Re-home to ``new`` what ``old`` declared of one capability.

    :param models: model names that move whole (with their fields)
    :param fields: ``{model: [field names]}`` added to other models
    :param xmlids: names (without module) of the records that move
    :param selection_prefixes: xml id prefixes of selection values of the
        moved fields (``selection__<model>__<field>__``)
    """
    cr = env.cr
    Module = env["ir.module.module"]
    if not Module.search([("name", "=", new)]):
        # `-u` refreshes the module list before loading; any other path may
        # not have: the new addon's row must exist before records move to it
        Module.update_list()
    for model in models:
        openupgrade.update_module_moved_models(cr, model, old, new)
    for model, field_names in (fields or {}).items():
        openupgrade.update_module_moved_fields(cr, model, field_names, old, new)
    names = tuple(xmlids) + tuple(_selection_xmlids(cr, old, selection_prefixes))
    openupgrade.rename_xmlids(cr, [(f"{old}.{name}", f"{new}.{name}") for name in names])
    # Marked as installed at its first version and to upgrade, with the
    # core's demo flag, the loader loads it after the core in this same run,
    # in update mode (see the module's docstring).
    core = Module.search([("name", "=", old)])
    target = Module.search([("name", "=", new), ("state", "in", ("uninstalled", "to install"))])
    if target:
        marked_early = target.state == "to install"
        target.write({"state": "to upgrade", "latest_version": new_version, "demo": core.demo})
        if marked_early:
            _upgrade_in_loading_graph(new, new_version, core.demo)


def _upgrade_in_loading_graph(name, version, demo):
    """The new addon was marked *to install* before this script ran: an
    installed addon that now depends on it (``customer_callback_survey`` on
    the complaints, 19.0.5.0.0) is upgraded with the core, and Odoo's
    ``button_upgrade`` marks a new dependency to install at once, so the
    loader put it in the graph it is loading as an install. An install
    loads the addon's data and demo in ``init`` mode: over its ``noupdate``
    records that were the core's (a grade changed by an administrator, the
    demo's business steps run again). Odoo reads the operation of each
    module from the graph's node, made before any migration script runs, and
    offers no public way to change it: the node of the graph being loaded (a
    local of the loader's frames) is set as the database row now is."""
    from odoo.modules.module_graph import ModuleGraph  # noqa: PLC0415

    frame = inspect.currentframe()
    while frame is not None:
        for value in frame.f_locals.values():
            if isinstance(value, ModuleGraph) and name in value:
                node = value[name]
                if node.state == "to install":
                    node.state = "to upgrade"
                    node.installed_version = version
                    node.demo = demo
        frame = frame.f_back
