# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Figures S1-S4 (issue #29): Settings opened and saved as the web client
does it, and the quarterly PDF, over the benchmark's data.

The web client opens Settings with ``get_views`` (the form and its search
view) and ``onchange`` on a new record (its defaults and computed settings,
every field of the form); it saves with ``web_save`` (creating the record,
read back with the same fields) then ``execute`` (the button), and reloads
the page, which opens Settings again. The calls are made in-process, as the
JSON-RPC routes make them, by a supervisor who is an administrator. S1 is
the first opening after the views' caches are cleared (as after a server
start or a module update), S2 an opening with warm caches.

The quarterly PDF (S4) goes through wkhtmltopdf, like a print from the
wizard. Run with the other figures by run.py, or alone by
``tests/bench/settings.py``."""

from datetime import date

from dateutil.relativedelta import relativedelta


def _spec(fields):
    """The specification the web client sends for a form's fields."""
    return {
        name: {"fields": {"display_name": {}}}
        if description["type"] in ("many2one", "many2many", "one2many")
        else {}
        for name, description in fields.items()
    }


def _open(env, action_id):
    Settings = env["res.config.settings"]
    views = Settings.get_views(
        [[False, "form"], [False, "search"]], {"action_id": action_id, "toolbar": False}
    )
    spec = _spec(views["models"]["res.config.settings"]["fields"])
    values = Settings.onchange({}, [], spec)["value"]
    return spec, values


def run(env, data, sizes, measure, line):
    cr = env.cr
    admin = env.ref("base.user_admin")
    admin.group_ids = [(4, env.ref("customer_callback.customer_callback_group_supervisor").id)]
    env = env(user=admin, context={"lang": "en_US", "tz": "Asia/Shanghai"})
    action_id = env.ref("customer_callback.res_config_settings_action").id
    callbacks = env["customer.callback"].sudo().search_count([])
    size = f"{callbacks} callbacks, {env['res.partner'].sudo().search_count([])} partners"

    env.registry.clear_cache()
    env.invalidate_all()
    with measure(cr) as cold:
        spec, values = _open(env, action_id)
    line(
        "S1",
        "Settings: open, views not cached (get_views + onchange)",
        f"{size}, {len(spec)} fields",
        cold["seconds"],
        cold["queries"],
        goal="goal < 1.5 s",
    )
    env.invalidate_all()
    with measure(cr) as warm:
        _open(env, action_id)
    line(
        "S2",
        "Settings: open (get_views + onchange)",
        f"{size}, {len(spec)} fields",
        warm["seconds"],
        warm["queries"],
        goal="goal < 1.5 s",
    )

    # the web client sends every field of a new record: the values read at
    # opening, one of them changed (the retry gap, a plain number)
    changes = {
        name: value
        for name, value in values.items()
        if name in spec
        and not isinstance(value, (dict, list))
        and not env["res.config.settings"]._fields[name].readonly
    }
    changes.update(
        {
            name: value["id"] if isinstance(value, dict) else value
            for name, value in values.items()
            if name in spec
            and isinstance(value, dict)
            and not env["res.config.settings"]._fields[name].readonly
        }
    )
    for label, number, new_values in (
        ("nothing changed", "S3a", dict(changes)),
        (
            "one callback setting changed",
            "S3b",
            dict(
                changes, callback_retry_gap_hours=(changes.get("callback_retry_gap_hours") or 2) + 1
            ),
        ),
    ):
        env.invalidate_all()
        with measure(cr) as save:
            record = env["res.config.settings"].web_save(new_values, spec)
            env["res.config.settings"].browse(record[0]["id"]).execute()
        with measure(cr) as reload:
            _open(env, action_id)
        line(
            number,
            f"Settings: save, {label} (web_save + execute; then the page reloads)",
            size,
            save["seconds"],
            save["queries"],
            goal="goal < 1.5 s",
            extra=f"| reload {reload['seconds']:.3f} s, {reload['queries']} queries",
        )
        cr.rollback()
        env.invalidate_all()
        admin.group_ids = [(4, env.ref("customer_callback.customer_callback_group_supervisor").id)]

    # the quarterly PDF of the last quarter: the wizard's print
    month = date.today().replace(day=1) - relativedelta(months=1)
    report = env["customer.callback.quarterly.report"].create(
        {"year": month.year, "quarter": str((month.month - 1) // 3 + 1)}
    )
    Report = env["ir.actions.report"]
    env.invalidate_all()
    with measure(cr) as pdf:
        content, _kind = Report._render_qweb_pdf("customer_callback.quarterly_report", report.ids)
    line(
        "S4",
        "quarterly analysis: PDF (wkhtmltopdf)",
        f"{callbacks} callbacks, {month.year} Q{report.quarter}, {len(content) // 1024} KiB",
        pdf["seconds"],
        pdf["queries"],
        goal="printed (9 s seen on the server)",
    )
    cr.rollback()
