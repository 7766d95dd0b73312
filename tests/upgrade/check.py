# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# A step of bin/test-upgrade, not addon code: it prints its result; its SQL names the tables,
# relations and sequences it read from the database (identifiers, never user input).
# pylint: disable=print-used,sql-injection
"""What an upgrade must keep (issue #31), read from the database before and
after ``-u``: bin/test-upgrade runs ``snapshot`` on the old code's database,
upgrades it with the new code, runs ``snapshot`` again and ``compare``.

    python3 tests/upgrade/check.py snapshot DB OUT.json
    python3 tests/upgrade/check.py compare BEFORE.json AFTER.json

The snapshot reads the tables with plain SQL, not the ORM: the same reader
serves the old code's database and the new one, and it sees what is stored
(rows, sequences' counters), not what a model of one code version computes.
Nothing is written.

``compare`` prints the record counts of the suite's models and fails (exit
status 1) when

- a model's count changed (any model of the database: the suite's and the
  platform's it writes to, e.g. partners, tickets, activities, messages);
- an xml id of the suite's modules no longer resolves to the same record
  (under its module, or under the addon it moved to: MOVED_TO);
- a sequence's next number changed;
- the rows of a suite model's table or relation table changed (all columns
  but write_date/write_uid: the consent ledger, the overdue digests, the
  stored terms, the callbacks...), or the suite's settings on the companies,
  or the suite's scheduled actions (next call, interval, active);
- a ``noupdate`` record of the suite's modules in a platform's table (mail
  templates, record rules, activity types, stages...) changed: an upgrade
  never writes over them, they are the administrator's to change;

but for what a later version changes on purpose, each named with its reason
(CHANGED_COLUMNS, GONE_XMLIDS, RENAMED_XMLIDS), and new records that come with a new xml id.
"""

import hashlib
import hmac
import json
import sys

import psycopg2

# the suite's modules (the test extension: bin/test's customisation)
SUITE = (
    "customer_callback",
    "customer_callback_survey",
    "customer_callback_test_extension",
    "customer_callback_term",
    "customer_callback_portal",
    "customer_callback_sale",
    "customer_callback_report",
    "customer_callback_term_report",
    "customer_callback_survey_report",
    "customer_callback_sale_report",
    "customer_callback_complaint",
    "customer_callback_complaint_report",
    "customer_callback_spot_check",
    "customer_callback_complaint_spot_check",
)
# where a capability's records went when it left the core (issue #31)
MOVED_TO = {
    "customer_callback": (
        "customer_callback_term",
        "customer_callback_portal",
        "customer_callback_sale",
        "customer_callback_report",
        "customer_callback_complaint",
        "customer_callback_spot_check",
    ),
    # the reports' complaint columns went to the bridge with the complaints
    "customer_callback_report": ("customer_callback_complaint_report",),
    # the complaints' extension of the spot-checks went to their bridge
    "customer_callback_complaint": ("customer_callback_complaint_spot_check",),
    # what the addons held on the reports went to their bridges with the reports
    "customer_callback_term": ("customer_callback_term_report",),
    "customer_callback_survey": ("customer_callback_survey_report",),
    "customer_callback_sale": ("customer_callback_sale_report",),
    "customer_callback_helpdesk_rating": ("customer_callback_helpdesk_rating_report",),
}
# xml ids renamed with their record (old prefix, new prefix, reason): the
# record is the same, under its new name
RENAMED_XMLIDS = [
    (
        f"customer_callback.{kind}report_customer_callback_",
        f"customer_callback_report.{kind}report_customer_callback_report_",
        "the printed reports' models are named after their templates "
        "(report.customer_callback_report.*, 19.0.4.0.0), renamed in place",
    )
    for kind in ("model_", "field_", "model_inherit__")
]
# models whose count changes with any upgrade, whatever the suite does:
# Odoo's own bookkeeping (compiled asset bundles are attachments, module
# rows and their dependencies, the registry's signalling, logs)
PLATFORM_BOOKKEEPING = {
    "ir.attachment",
    "ir.module.module",
    "ir.module.module.dependency",
    "ir.module.module.exclusion",
    "ir.model.data",
    "ir.logging",
    "bus.bus",
    "ir.config_parameter",
    # a module installed or upgraded asks for the auto-vacuum
    "ir.cron.trigger",
}
IGNORED_COLUMNS = ("write_date", "write_uid")
# the personal links' signature scope (customer_callback_portal, before
# 19.0.3.0.0 in the core): a link's token is "<id>.<HMAC of id.secret>"
LINK_HMAC_SCOPE = "customer_callback.personal_link"
# What a later version changes on purpose, with its reason: the upgrade starts
# from the code before the cut, and each version since runs its data files
# and migrations too. Anything else changed or gone is a loss.
CHANGED_COLUMNS = {
    "customer.callback.rule": {
        "script_id": "the default scripts are given to the rules that had none (#29: "
        "churn-risk and survey follow-up callbacks showed an empty script tab)",
    },
}
GONE_XMLIDS = {
    "customer_callback_survey.field_res_partner__callback_satisfaction": "the survey "
    "addon no longer redefines the field: one help text, in the core (its .pot held "
    "the survey's text where only the core is installed)",
    "customer_callback_survey.field_res_users__callback_satisfaction": "the same field, on users",
}
# the hidden state named in the report (every suite table is checked)
HIDDEN_STATE = (
    "customer.callback.consent",
    "customer.callback.escalation",
    "customer.callback.term",
    "customer.callback.stop.word",
    "customer.callback.link",
    "customer.callback.link.throttle",
    "customer.callback.data.request",
    "res.company callback_* settings",
)


def connect(db):
    return psycopg2.connect(dbname=db)


def table_of(model):
    return model.replace(".", "_")


def tables(cr):
    cr.execute(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'm')"
    )
    return {name for (name,) in cr.fetchall()}


def digest(cr, table, order="id"):
    """An md5 of the table's rows (all columns but IGNORED_COLUMNS)."""
    minus = " ".join(f"- '{column}'" for column in IGNORED_COLUMNS)
    order_by = f't."{order}"' if order else "1"
    cr.execute(
        f"SELECT count(*), md5(coalesce(string_agg((to_jsonb(t) {minus})::text, '|' "
        f"ORDER BY {order_by}), '')) FROM \"{table}\" t"
    )
    count, md5 = cr.fetchone()
    return {"rows": count, "md5": md5}


def rows(cr, table):
    """The table's rows by id, each as its columns' values (but IGNORED_COLUMNS)."""
    minus = " ".join(f"- '{column}'" for column in IGNORED_COLUMNS)
    cr.execute(f'SELECT t.id, (to_jsonb(t) {minus})::text FROM "{table}" t ORDER BY t.id')
    return {str(row_id): json.loads(text) for row_id, text in cr.fetchall()}


def columns(cr, table):
    cr.execute("SELECT column_name FROM information_schema.columns WHERE table_name = %s", (table,))
    return {name for (name,) in cr.fetchall()}


def link_tokens(cr, existing):
    """{link id: its token}, computed as Odoo's ``tools.hmac`` does (keyed by
    the database secret): a message already sent opens the same link after
    the upgrade when these are equal (and the code signs as before:
    bin/test-upgrade asks the upgraded code too)."""
    if "customer_callback_link" not in existing:
        return {}
    cr.execute("SELECT value FROM ir_config_parameter WHERE key = 'database.secret'")
    secret = cr.fetchone()[0]
    cr.execute("SELECT id, secret FROM customer_callback_link ORDER BY id")
    return {
        str(link_id): f"{link_id}."
        + hmac.new(
            secret.encode(),
            repr((LINK_HMAC_SCOPE, f"{link_id}.{link_secret}")).encode(),
            hashlib.sha256,
        ).hexdigest()
        for link_id, link_secret in cr.fetchall()
    }


def snapshot(db):
    conn = connect(db)
    cr = conn.cursor()
    existing = tables(cr)
    cr.execute("SELECT model FROM ir_model ORDER BY model")
    counts = {}
    for (model,) in cr.fetchall():
        table = table_of(model)
        if table in existing:
            cr.execute(f'SELECT count(*) FROM "{table}"')
            counts[model] = cr.fetchone()[0]
    cr.execute(
        "SELECT m.model FROM ir_model_data d JOIN ir_model m ON m.id = d.res_id "
        "WHERE d.model = 'ir.model' AND d.module IN %s",
        (SUITE,),
    )
    suite_models = sorted({model for (model,) in cr.fetchall()})
    # xml ids of the suite's modules, and whether their record exists
    cr.execute("SELECT module, name, model, res_id FROM ir_model_data WHERE module IN %s", (SUITE,))
    xmlids = {}
    by_model = {}
    for module, name, model, res_id in cr.fetchall():
        xmlids[f"{module}.{name}"] = [model, res_id, None]
        by_model.setdefault(model, set()).add(res_id)
    found = {}
    max_ids = {}
    for model, ids in by_model.items():
        table = table_of(model)
        if table in existing and "id" in columns(cr, table):
            cr.execute(f'SELECT id FROM "{table}" WHERE id = ANY(%s)', (list(ids),))
            found[model] = {row_id for (row_id,) in cr.fetchall()}
            cr.execute(f'SELECT max(id) FROM "{table}"')
            max_ids[model] = cr.fetchone()[0] or 0
    for value in xmlids.values():
        value[2] = value[1] in found.get(value[0], set())
    # sequences' next numbers: a standard sequence's counter lives in its
    # PostgreSQL sequence (Odoo's _get_number_next_actual reads it so too)
    cr.execute(
        "SELECT id, code, name, implementation, number_next, number_increment FROM ir_sequence"
    )
    sequences = {}
    for seq_id, code, name, implementation, number_next, increment in cr.fetchall():
        value = number_next
        pg_sequence = f"ir_sequence_{seq_id:03d}"
        if implementation == "standard" and pg_sequence in existing:
            cr.execute(f'SELECT last_value, is_called FROM "{pg_sequence}"')
            last_value, is_called = cr.fetchone()
            value = last_value + increment if is_called else last_value
        sequences[str(seq_id)] = {"code": code, "name": name, "next": value}
    # contents: every table of the suite's models and relations
    contents = {}
    model_rows = {}
    for model in suite_models:
        table = table_of(model)
        if table in existing and "id" in columns(cr, table):
            model_rows[model] = rows(cr, table)
    cr.execute(
        "SELECT DISTINCT r.name FROM ir_model_relation r JOIN ir_module_module m "
        "ON m.id = r.module WHERE m.name IN %s",
        (SUITE,),
    )
    for (relation,) in cr.fetchall():
        if relation in existing:
            contents[f"relation {relation}"] = digest(cr, relation, order=None)
    # the suite's settings on the companies and its scheduled actions
    company_columns = sorted(c for c in columns(cr, "res_company") if c.startswith("callback_"))
    cr.execute(
        "SELECT id, {} FROM res_company ORDER BY id".format(
            ", ".join(f'"{c}"' for c in company_columns) or "NULL"
        )
    )
    contents["res.company callback_* settings"] = {
        "rows": cr.rowcount,
        "md5": hashlib.md5(json.dumps(cr.fetchall(), default=str).encode()).hexdigest(),
    }
    cr.execute(
        "SELECT d.module || '.' || d.name, c.nextcall, c.interval_number, c.interval_type, "
        "c.active, c.priority FROM ir_cron c JOIN ir_model_data d "
        "ON d.model = 'ir.cron' AND d.res_id = c.id WHERE d.module IN %s",
        (SUITE,),
    )
    crons = {xmlid: [str(value) for value in rest] for xmlid, *rest in cr.fetchall()}
    tokens = link_tokens(cr, existing)
    noupdate = noupdate_rows(cr, existing, suite_models)
    conn.close()
    return {
        "db": db,
        "counts": counts,
        "suite_models": suite_models,
        "xmlids": xmlids,
        "max_ids": max_ids,
        "sequences": sequences,
        "contents": contents,
        "rows": model_rows,
        "crons": crons,
        "link_tokens": tokens,
        "noupdate": noupdate,
    }


def noupdate_rows(cr, existing, suite_models):
    """{xml id: its row (but IGNORED_COLUMNS)} of the suite modules'
    ``noupdate`` records in the platform's tables (the suite's own tables
    are compared whole): what an administrator may have changed (a mail
    template's text, a record rule, a stage) and an upgrade must keep."""
    cr.execute(
        "SELECT module || '.' || name, model, res_id FROM ir_model_data "
        "WHERE module IN %s AND noupdate AND model NOT IN %s",
        (SUITE, tuple(suite_models) or ("",)),
    )
    by_table = {}
    for xmlid, model, res_id in cr.fetchall():
        table = table_of(model)
        if table in existing and not model.startswith("ir.model"):
            by_table.setdefault(table, {})[res_id] = xmlid
    minus = " ".join(f"- '{column}'" for column in IGNORED_COLUMNS)
    found = {}
    for table, xmlids in sorted(by_table.items()):
        cr.execute(
            f'SELECT t.id, (to_jsonb(t) {minus})::text FROM "{table}" t WHERE t.id = ANY(%s)',
            (list(xmlids),),
        )
        for row_id, text in cr.fetchall():
            found[xmlids[row_id]] = json.loads(text)
    return found


def resolve(after, xmlid):
    """The xml id after the upgrade, under its module or moved, and its
    (model, id, exists)."""
    module, name = xmlid.split(".", 1)
    # a record may have moved twice (from the core to the reports in
    # 19.0.4.0.0, then to the complaints' bridge in 19.0.5.0.0)
    candidates = [module]
    for candidate in candidates:
        candidates += [m for m in MOVED_TO.get(candidate, ()) if m not in candidates]
    for candidate in candidates:
        key = f"{candidate}.{name}"
        if key in after["xmlids"]:
            return key, after["xmlids"][key]
    for old, new, _reason in RENAMED_XMLIDS:
        if xmlid.startswith(old) and new + xmlid[len(old) :] in after["xmlids"]:
            key = new + xmlid[len(old) :]
            return key, after["xmlids"][key]
    return None, None


def new_records(before, after):
    """{model: {record id: [its new xml ids]}}: the records a new addon or a
    later version brings (e.g. a view, a script), never counted as losses. A
    record may have xml ids of several modules (a field redefined), and a
    record that was there before may get a new one (a model the suite now
    extends): only records created since (above the table's highest id
    before) are new."""
    kept = {resolve(after, xmlid)[0] for xmlid in before["xmlids"]}
    highest = before["max_ids"]
    added = {}
    for xmlid, (model, res_id, exists) in after["xmlids"].items():
        if exists and xmlid not in kept and res_id > highest.get(model, 0):
            added.setdefault(model, {}).setdefault(res_id, []).append(xmlid)
    return added


def compare_counts(before, after):
    problems = []
    models = sorted(set(before["suite_models"]) | set(after["suite_models"]))
    width = max(len(model) for model in models)
    print(f"\nRecord counts of the suite's models ({before['db']} -> {after['db']}):")
    print(f"  {'model':<{width}}  {'before':>8}  {'after':>8}")
    for model in models:
        old, new = before["counts"].get(model), after["counts"].get(model)
        mark = "" if old == new else "   <-- CHANGED"
        print(f"  {model:<{width}}  {old!s:>8}  {new!s:>8}{mark}")
    # records a new addon brings besides the moved ones (e.g. a view of its
    # own): new xml ids, counted as additions, never as losses
    added = new_records(before, after)
    others = 0
    for model, old in sorted(before["counts"].items()):
        new = after["counts"].get(model)
        if old == new:
            others += model not in models
        elif model in PLATFORM_BOOKKEEPING:
            print(f"  (platform bookkeeping, not checked: {model} {old} -> {new})")
        elif new == old + len(added.get(model, {})):
            names = sorted(xmlid for ids in added[model].values() for xmlid in ids)
            print(f"  {model}: {old} -> {new}, the new records {names}")
        else:
            problems.append(f"count of {model}: {old} -> {new}")
    print(f"  ... and {others} other models of the database, each with the same count")
    return problems


def compare_xmlids(before, after):
    print()
    moved = {}
    lost = []
    for xmlid, (model, res_id, existed) in sorted(before["xmlids"].items()):
        if not existed:
            continue
        key, value = resolve(after, xmlid)
        if not key and xmlid in GONE_XMLIDS:
            print(f"  gone on purpose: {xmlid} ({GONE_XMLIDS[xmlid]})")
        elif not key or value[0] != model or value[1] != res_id or not value[2]:
            lost.append(f"xml id lost: {xmlid} ({model},{res_id}) -> {key} {value}")
        elif key != xmlid:
            renamed = key.split(".", 1)[1] != xmlid.split(".", 1)[1]
            pair = f"{xmlid.split('.')[0]} -> {key.split('.')[0]}"
            pair += " (renamed on purpose)" if renamed else ""
            moved[pair] = moved.get(pair, 0) + 1
    total = sum(1 for value in before["xmlids"].values() if value[2])
    gone = sum(1 for xmlid in GONE_XMLIDS if xmlid in before["xmlids"])
    print(f"XML ids: {total - len(lost) - gone} of {total} resolve to the same record")
    for pair, count in sorted(moved.items()):
        print(f"  {count} moved {pair}")
    return lost


def compare_sequences(before, after):
    problems = [
        f"sequence {seq['code'] or seq['name']}: {seq['next']} -> "
        f"{after['sequences'].get(seq_id, {}).get('next')}"
        for seq_id, seq in sorted(before["sequences"].items())
        if after["sequences"].get(seq_id, {}).get("next") != seq["next"]
    ]
    total = len(before["sequences"])
    print(f"\nSequences: {total - len(problems)} of {total} keep their next number")
    return problems


def compare_rows(before, after):
    """Every row of a suite model's table is still there, each value the
    same, but the columns a later version changes on purpose
    (CHANGED_COLUMNS); new rows only with a new xml id."""
    problems = []
    added = new_records(before, after)
    for model, old_rows in sorted(before["rows"].items()):
        new_rows = after["rows"].get(model, {})
        allowed = CHANGED_COLUMNS.get(model, {})
        lost = [row_id for row_id in old_rows if row_id not in new_rows]
        changed = {}
        for row_id, old in old_rows.items():
            new = new_rows.get(row_id)
            if new is None:
                continue
            for column, value in old.items():
                if column in allowed:
                    continue
                if column not in new or new[column] != value:
                    changed.setdefault(column, []).append(row_id)
        extra = [
            row_id
            for row_id in new_rows
            if row_id not in old_rows and int(row_id) not in added.get(model, {})
        ]
        if lost:
            problems.append(f"{model}: {len(lost)} row(s) lost, e.g. id {lost[0]}")
        for column, ids in sorted(changed.items()):
            problems.append(f"{model}.{column}: changed on {len(ids)} row(s), e.g. id {ids[0]}")
        if extra:
            problems.append(f"{model}: {len(extra)} new row(s) without xml id, e.g. id {extra[0]}")
        for column, reason in allowed.items():
            moved = sum(
                1
                for row_id, old in old_rows.items()
                if row_id in new_rows and new_rows[row_id].get(column) != old.get(column)
            )
            if moved:
                print(f"  {model}.{column}: changed on {moved} row(s) on purpose ({reason})")
    total = len(before["rows"])
    bad = {problem.split(":")[0].split(".")[0] for problem in problems}
    print(f"  {total - len(bad)} of {total} tables of the suite's models keep every row")
    return problems


def compare_contents(before, after):
    problems = [
        f"rows of {name} changed: {old} -> {after['contents'].get(name)}"
        for name, old in sorted(before["contents"].items())
        if after["contents"].get(name) != old
    ]
    print("\nStored rows (all columns but write_date/write_uid):")
    for name in HIDDEN_STATE:
        if name in before["contents"]:
            same = before["contents"][name] == after["contents"].get(name)
            count = before["contents"][name]["rows"]
        elif name in before["rows"]:
            same = before["rows"][name] == after["rows"].get(name)
            count = len(before["rows"][name])
        else:
            continue
        print(f"  {name}: {count} rows, {'same' if same else 'CHANGED'}")
    total = len(before["contents"])
    print(f"  {total - len(problems)} of {total} relations and settings of the suite unchanged")
    return problems


def compare_crons(before, after):
    problems = []
    for xmlid, old in sorted(before["crons"].items()):
        key, _value = resolve(after, xmlid)
        if after["crons"].get(key) != old:
            problems.append(f"scheduled action {xmlid}: {old} -> {after['crons'].get(key)}")
    total = len(before["crons"])
    print(
        f"\nScheduled actions of the suite: {total - len(problems)} of {total} keep their "
        "next call, interval and state"
    )
    return problems


def compare_noupdate(before, after):
    """Every noupdate record of the suite in the platform's tables is as it
    was (the administrator's changes kept), under its module or moved."""
    problems = []
    old_rows = before.get("noupdate", {})
    for xmlid, old in sorted(old_rows.items()):
        key, _value = resolve(after, xmlid)
        new = after.get("noupdate", {}).get(key)
        if new is None:
            continue  # gone or no longer noupdate: compare_xmlids says so
        changed = sorted(column for column, value in old.items() if new.get(column) != value)
        if changed:
            problems.append(f"noupdate record {xmlid}: {', '.join(changed)} written over")
    print(
        f"\nNoupdate records of the suite in the platform's tables: "
        f"{len(old_rows) - len(problems)} of {len(old_rows)} as they were"
    )
    return problems


def compare_link_tokens(before, after):
    old, new = before.get("link_tokens", {}), after.get("link_tokens", {})
    problems = [
        f"personal link {link_id}: its token changed or the link is gone"
        for link_id, token in old.items()
        if new.get(link_id) != token
    ]
    print(f"\nPersonal links: {len(old) - len(problems)} of {len(old)} keep their token")
    return problems


def compare(before, after):
    problems = [
        *compare_counts(before, after),
        *compare_xmlids(before, after),
        *compare_sequences(before, after),
        *compare_contents(before, after),
        *compare_rows(before, after),
        *compare_crons(before, after),
        *compare_noupdate(before, after),
        *compare_link_tokens(before, after),
    ]
    if problems:
        print(f"\nFAIL: the upgrade lost or changed {len(problems)} thing(s):")
        for problem in problems:
            print(f"  - {problem}")
        return 1
    print("\nOK: nothing lost.")
    return 0


def main(argv):
    if len(argv) == 4 and argv[1] == "snapshot":
        with open(argv[3], "w", encoding="utf-8") as handle:
            json.dump(snapshot(argv[2]), handle)
        return 0
    if len(argv) == 4 and argv[1] == "compare":
        with open(argv[2], encoding="utf-8") as before, open(argv[3], encoding="utf-8") as after:
            return compare(json.load(before), json.load(after))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
