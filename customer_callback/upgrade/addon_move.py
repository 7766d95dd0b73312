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
the core depended on it) are installed by the loader as usual.

Where an installed addon upgraded in the same run now depends on the new
addon (``customer_callback_survey`` on the complaints, 19.0.5.0.0), Odoo's
``button_upgrade`` has marked it *to install* before any migration script
ran, and Odoo offers no public way to turn that install into an upgrade:
the new addon is then installed, and its own data loading must leave the
moved records as they are (``customer_callback_complaint`` loads its
noupdate defaults as an update does and tells its demo only once)."""

from openupgradelib import openupgrade

from odoo.tools import convert

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
    # Already marked *to install* (an installed addon upgraded in this run now
    # depends on it, and Odoo's button_upgrade marked the new dependency before
    # any migration ran), it is installed: its data files find their records
    # here under their xml ids and update them, and its demo is told once
    # (customer_callback_complaint's demo loader skips what was moved).
    target = Module.search([("name", "=", new), ("state", "=", "uninstalled")])
    if target:
        target.write({"state": "to upgrade", "latest_version": new_version, "demo": core.demo})


def install_bridges(env, bridges):
    """Mark the bridges whose dependencies are all there to install (Odoo
    installs an auto_install addon only when one of its dependencies is
    being *installed*; the new addon is marked *to upgrade*), and re-home to
    each what its other addon declared for it. ``bridges``: {bridge: (the
    addon that declared it, {model: [field names]}, (xml ids,))}, the xml ids
    optional."""
    ready = {"installed", "to upgrade", "to install"}
    Module = env["ir.module.module"]
    for bridge in Module.search([("name", "in", list(bridges)), ("state", "=", "uninstalled")]):
        if not all(dependency.state in ready for dependency in bridge.dependencies_id):
            continue
        bridge.button_install()
        addon, fields, *xmlids = bridges[bridge.name]
        for model, field_names in fields.items():
            openupgrade.update_module_moved_fields(env.cr, model, field_names, addon, bridge.name)
        if xmlids and xmlids[0]:
            openupgrade.rename_xmlids(
                env.cr, [(f"{addon}.{name}", f"{bridge.name}.{name}") for name in xmlids[0]]
            )


def load_noupdate_defaults(env, module, filenames):
    """Load ``module``'s default records (``filenames``, all ``noupdate``) as
    an update loads noupdate data, at its install too: what is missing is
    created, what exists is never written over. On a new database all is
    created, as an install would; an install over the records the core's
    upgrade moved to ``module`` (Odoo installs it in ``init`` mode where an
    addon upgraded in the same run now depends on it) keeps what an
    administrator changed in them. Odoo's ``convert_file``, as Odoo loads its
    own scenarios; called from a ``<function>`` of the addon's data."""
    for filename in filenames:
        convert.convert_file(env, module, filename, None, mode="update", noupdate=True)
    return True
