# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# The benchmark, not addon code: it commits each step's data, as a real database would hold it.
# pylint: disable=invalid-commit
"""Figures C1-C3 and R5 (issue #29): Settings opened and saved as the web client
does it, and the quarterly PDF, over the benchmark's data.

The web client opens Settings with ``get_views`` (the form and its search
view) and ``onchange`` on a new record (its defaults and computed settings,
every field of the form); it saves with ``web_save`` (creating the record,
read back with the same fields) then ``execute`` (the button), and reloads
the page, which opens Settings again. The calls are made in-process, as the
JSON-RPC routes make them, by a supervisor who is an administrator. C1 is
the first opening after the views' caches are cleared (as after a server
start or a module update), C2 an opening with warm caches.

The quarterly PDF (R5) goes through wkhtmltopdf, like a print from the
wizard. Run with the other figures by run.py, or alone by
``tests/bench/settings.py``."""

import socket
from datetime import date

from dateutil.relativedelta import relativedelta


def _serve_http(env):
    """Serve this database over HTTP in a thread, as the server does: the
    PDF's wkhtmltopdf fetches the report's styles and fonts from it (without
    a server it gets "connection refused" and renders them missing, faster
    than any real print). Returns the base URL."""
    import odoo  # noqa: PLC0415
    from odoo.service import server  # noqa: PLC0415

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    odoo.tools.config["http_interface"] = "127.0.0.1"
    odoo.tools.config["http_port"] = port
    server.ThreadedServer(odoo.http.root).http_spawn()
    return f"http://127.0.0.1:{port}"


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
    cr.rollback()
    # committed alone, before anything else of these figures (all rolled
    # back), so that the server's requests see it; removed at the end
    env["ir.config_parameter"].sudo().set_param("report.url", _serve_http(env))
    cr.commit()
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
        "C1",
        "Settings: open, views not cached (get_views + onchange)",
        f"{size}, {len(spec)} fields",
        cold["seconds"],
        cold["queries"],
        goal="goal < 1.5 s",
    )
    env.invalidate_all()
    with measure(cr) as warm:
        _open(env, action_id)
    # Odoo's own share: the accounting's chart-of-accounts choice (a
    # selection field of Settings) reads every chart module's templates each
    # time the fields are described: at opening, and again on saving
    # (set_values reads the current settings through fields_get)
    env.invalidate_all()
    with measure(cr) as chart:
        env["res.config.settings"].fields_get(["chart_template"], ["selection"])
    # the suite's share: its computed settings (routing warnings, official
    # calendar, SMS), on a new record as the onchange computes them
    Settings = env["res.config.settings"]
    from odoo.addons.customer_callback.models.base import suite_field_names  # noqa: PLC0415

    suite = [name for name in sorted(suite_field_names(Settings)) if Settings._fields[name].compute]
    env.invalidate_all()
    with measure(cr) as own:
        record = Settings.new({"company_id": env.company.id})
        for name in suite:
            record[name]  # noqa: B018 - computing is the point; pylint: disable=pointless-statement
    line(
        "C2",
        "Settings: open (get_views + onchange)",
        f"{size}, {len(spec)} fields",
        warm["seconds"],
        warm["queries"],
        goal="goal < 1.5 s",
        extra=f"| of which the accounting's chart-template choice {chart['seconds']:.3f} s, "
        f"{chart['queries']} queries (Odoo's account, once per fields_get); the suite's "
        f"{len(suite)} computed and related settings {own['seconds']:.3f} s, {own['queries']} queries",
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
        ("nothing changed", "C3a", dict(changes)),
        (
            "one callback setting changed",
            "C3b",
            dict(
                changes, callback_retry_gap_hours=(changes.get("callback_retry_gap_hours") or 2) + 1
            ),
        ),
    ):
        env.invalidate_all()
        with measure(cr) as save:
            record = env["res.config.settings"].web_save(new_values, spec)
            env["res.config.settings"].browse(record[0]["id"]).execute()
        env.invalidate_all()  # the reload is a new request
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
    for number, label in (("R5", "first print"), ("R5b", "next print")):
        env.invalidate_all()
        with measure(cr) as pdf:
            content, _kind = Report._render_qweb_pdf(
                "customer_callback_report.quarterly_report", report.ids
            )
        line(
            number,
            f"quarterly analysis: PDF (wkhtmltopdf, styles and fonts over HTTP), {label}",
            f"{callbacks} callbacks, {month.year} Q{report.quarter}, {len(content) // 1024} KiB",
            pdf["seconds"],
            pdf["queries"],
            goal="printed (9 s seen on the server)",
        )
    cr.rollback()
    env["ir.config_parameter"].sudo().search([("key", "=", "report.url")]).unlink()
    cr.commit()
