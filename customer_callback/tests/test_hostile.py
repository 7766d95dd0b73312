# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Hostile suite (issue #15): what each profile may and may not do over
HTTP, for every model and export of the addon, from one table (ROWS).

Rows named ``pNN_...`` prove the numbered points of the issue; the others
are the access matrix through the real server (``read`` of one record of
every model per profile, exports)."""

import io
import json
from datetime import date, timedelta
from types import SimpleNamespace

import openpyxl

from odoo import http
from odoo.tests import tagged
from odoo.tools import mute_logger

from .hostile_common import ALLOWED, REFUSED, HostileCase, Refused, Row, make_row_tests

ACCESS = ("odoo.exceptions.AccessError",)
USER_ERROR = ("odoo.exceptions.UserError",)
VALIDATION = ("odoo.exceptions.ValidationError",)


def export_list(model, record=None):
    """The list view's *Export* (``/web/export/xlsx``, as the web client
    posts it) of the record named ``record``, or of every record the
    profile finds when ``record`` is None; the names exported."""

    def run(case, profile):
        # Odoo 19 lets only the members of "Access to export feature" export:
        # given here, so that the records' rules are what is tested
        case.users[profile].sudo().group_ids |= case.env.ref("base.group_allow_export")
        case.login(profile)
        session = SimpleNamespace(sid=case.opener.cookies.get("session_id"))
        token = http.Request.csrf_token(SimpleNamespace(env=case.env, session=session))
        payload = {
            "model": model,
            "fields": [{"name": "name", "label": "Name"}],
            "ids": getattr(case, record).ids if record else False,
            "domain": [],
            "groupby": [],
            "import_compat": False,
        }
        case.env.flush_all()
        # a refused export is logged by the export controller (expected here)
        with mute_logger("odoo.addons.web.controllers.export"):
            response = case.url_open(
                "/web/export/xlsx", data={"data": json.dumps(payload), "csrf_token": token}
            )
        case.env.invalidate_all()
        if response.status_code != 200 or response.headers.get("Content-Type", "").startswith(
            "text/html"
        ):
            raise Refused(f"export of {model}: HTTP {response.status_code}")
        case.assert_xlsx(response.content)
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        return {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}

    return run


def exports(*present, absent=()):
    """The export holds the records named ``present`` and none of ``absent``."""

    def check(case, names):
        for record in present:
            case.assertIn(getattr(case, record).name, names)
        for record in absent:
            case.assertNotIn(getattr(case, record).name, names)

    return check


BIG = "x" * 1_000_000


def call(model, method, args=lambda case: [], kwargs=None):
    """A row's call: ``model.method(*args(case), **kwargs)`` as the profile."""

    def run(case, profile):
        return case.rpc(profile, model, method, args(case), kwargs)

    return run


def read(model, record):
    """``read`` of the test record named ``record`` (an attribute of the case)."""
    return call(model, "read", lambda case: [getattr(case, record).ids, ["display_name"]])


def write(model, record, vals):
    return call(
        model,
        "write",
        lambda case: [getattr(case, record).ids, vals(case) if callable(vals) else vals],
    )


def get(url, record):
    def run(case, profile):
        return case.download(profile, url % getattr(case, record).id)

    return run


def is_xlsx(case, content):
    case.assert_xlsx(content)


# ----------------------------------------------------------------------
# Calls made of several requests
# ----------------------------------------------------------------------


def merge_duplicates(case, profile):
    """Two customers with a callback of the same rule and period merged with
    Odoo's wizard (issue #15, point 6)."""
    wizard_id = case.rpc(
        profile,
        "base.partner.merge.automatic.wizard",
        "create",
        [
            {
                "partner_ids": [(6, 0, (case.partner | case.duplicate).ids)],
                "dst_partner_id": case.partner.id,
                "state": "selection",
            }
        ],
    )
    case.rpc(profile, "base.partner.merge.automatic.wizard", "action_merge", [[wizard_id]])


def merged_with_history(case, _result):
    callbacks = (case.rule_callback | case.duplicate_callback).exists()
    case.assertEqual(len(callbacks), 2, "a callback was lost in the merge")
    case.assertEqual(callbacks.partner_id, case.partner)
    case.assertFalse(case.duplicate.exists())
    case.assertTrue(case.duplicate_callback.attempt_ids)
    case.assertEqual(case.rule_callback.period_key, "2026-11")
    case.assertIn("merged", case.duplicate_callback.period_key)
    notes = case.duplicate_callback.message_ids.mapped("body")
    case.assertTrue(any(case.rule_callback.name in str(body) for body in notes), notes)


def save_call_windows(case, profile):
    """Settings saved as the web client does: create, then execute."""
    settings_id = case.rpc(
        profile,
        "res.config.settings",
        "create",
        [
            {
                "callback_workday_from1": 14.0,
                "callback_workday_to1": 16.0,
                "callback_workday_from2": 17.0,
                "callback_workday_to2": 20.0,
            }
        ],
    )
    case.rpc(profile, "res.config.settings", "execute", [[settings_id]])


def windows_saved(case, _result):
    company = case.company
    case.assertEqual(
        (
            company.callback_workday_from1,
            company.callback_workday_to1,
            company.callback_workday_from2,
            company.callback_workday_to2,
        ),
        (14.0, 16.0, 17.0, 20.0),
    )


def state_is(state):
    def check(case, _result):
        case.assertEqual(case.callback.state, state)

    return check


def rule_archived(case, _result):
    case.assertTrue(case.rule.exists())
    case.assertFalse(case.rule.active)


def attempt_with_note(size):
    return call(
        "customer.callback.attempt",
        "create",
        lambda case: [{"callback_id": case.callback.id, "result": "no_answer", "note": "n" * size}],
    )


def read_partner(*field_names):
    return call("res.partner", "read", lambda case: [case.partner.ids, list(field_names)])


ROWS = [
    # the list view's Export: the records' own rules decide what is exported
    Row(
        "p02c_other_agent_exports_foreign_callback",
        "other_agent",
        REFUSED,
        export_list("customer.callback", "callback"),
    ),
    Row(
        "p02c_foreign_supervisor_exports_callback",
        "foreign_supervisor",
        REFUSED,
        export_list("customer.callback", "callback"),
    ),
    Row(
        "p02c_other_agent_exports_all_callbacks",
        "other_agent",
        ALLOWED,
        export_list("customer.callback"),
        exports("other_callback", absent=("callback",)),
    ),
    Row(
        "p02c_agent_exports_all_callbacks",
        "agent",
        ALLOWED,
        export_list("customer.callback"),
        exports("callback", absent=("other_callback",)),
    ),
    Row(
        "p02c_supervisor_exports_all_callbacks",
        "supervisor",
        ALLOWED,
        export_list("customer.callback"),
        exports("callback", "other_callback"),
    ),
    # -- 3. supervisor-only fields and state changes --------------------------
    Row(
        "p03_agent_assigns_portal_user",
        "agent",
        REFUSED,
        write("customer.callback", "callback", lambda case: {"user_id": case.users["portal"].id}),
        ACCESS,
    ),
    Row(
        "p03_agent_assigns_salesperson",
        "agent",
        REFUSED,
        write("customer.callback", "callback", lambda case: {"user_id": case.users["internal"].id}),
        ACCESS,
    ),
    Row(
        "p03_agent_hands_over_to_agent",
        "agent",
        ALLOWED,
        write(
            "customer.callback", "callback", lambda case: {"user_id": case.users["other_agent"].id}
        ),
    ),
    Row(
        "p03_agent_archives",
        "agent",
        REFUSED,
        write("customer.callback", "callback", {"active": False}),
        ACCESS,
    ),
    Row(
        "p03_agent_reopens_done_callback",
        "agent",
        REFUSED,
        call("customer.callback", "action_reopen", lambda case: [case.done_callback.ids]),
        ACCESS,
    ),
    Row(
        "p03_agent_writes_done_state",
        "agent",
        REFUSED,
        write(
            "customer.callback",
            "callback",
            {"state": "done", "done_date": "2000-01-01 00:00:00", "close_reason": "completed"},
        ),
        ACCESS,
    ),
    Row(
        "p03_agent_creates_closed_callback",
        "agent",
        REFUSED,
        call(
            "customer.callback",
            "create",
            lambda case: [
                {"partner_id": case.partner.id, "state": "done", "close_reason": "completed"}
            ],
        ),
        ACCESS,
    ),
    Row(
        "p03_agent_closes_through_action_done",
        "agent",
        ALLOWED,
        call("customer.callback", "action_done", lambda case: [case.callback.ids]),
        state_is("done"),
    ),
    Row(
        "p03_other_agent_closes_through_action_done",
        "other_agent",
        REFUSED,
        call("customer.callback", "action_done", lambda case: [case.callback.ids]),
        ACCESS,
    ),
    Row(
        "p03_other_agent_logs_attempt_on_foreign_callback",
        "other_agent",
        REFUSED,
        call(
            "customer.callback.attempt",
            "create",
            lambda case: [{"callback_id": case.callback.id, "result": "connected"}],
        ),
        ACCESS,
    ),
    Row(
        "p03_supervisor_archives",
        "supervisor",
        ALLOWED,
        write("customer.callback", "callback", {"active": False}),
    ),
    Row(
        "p03_supervisor_reopens_done_callback",
        "supervisor",
        ALLOWED,
        call("customer.callback", "action_reopen", lambda case: [case.done_callback.ids]),
    ),
    # -- 5. the agent's own callback whose order is another salesperson's:
    #       customer_callback_sale's test_sale_hostile.py --------------------
    # -- 6. merging duplicate customers keeps every callback ------------------
    Row(
        "p06_admin_merges_duplicates_with_callbacks",
        "admin",
        ALLOWED,
        merge_duplicates,
        merged_with_history,
    ),
    # -- 7. partner fields of users without callback groups -------------------
    Row("p07_salesperson_reads_birthday", "internal", REFUSED, read_partner("birthday"), ACCESS),
    Row(
        "p07_salesperson_reads_preferred_time",
        "internal",
        REFUSED,
        read_partner("callback_preferred_time"),
        ACCESS,
    ),
    Row(
        "p07_salesperson_reads_preferred_channel",
        "internal",
        REFUSED,
        read_partner("callback_channel"),
        ACCESS,
    ),
    Row(
        "p07_salesperson_reads_form_of_address",
        "internal",
        REFUSED,
        read_partner("callback_title"),
        ACCESS,
    ),
    Row(
        "p07_salesperson_reads_promised_reply",
        "internal",
        REFUSED,
        read_partner("promised_reply_date"),
        ACCESS,
    ),
    Row(
        "p07_salesperson_reads_do_not_call_vip_tier",
        "internal",
        ALLOWED,
        read_partner("callback_do_not_call", "callback_vip", "callback_tier"),
    ),
    Row("p07_portal_reads_vip", "portal", REFUSED, read_partner("callback_vip"), ACCESS),
    Row(
        "p07_agent_reads_callback_details",
        "agent",
        ALLOWED,
        read_partner(
            "birthday",
            "callback_preferred_time",
            "callback_channel",
            "callback_title",
            "promised_reply_date",
        ),
    ),
    # -- 8. rules with callbacks are archived, not deleted --------------------
    Row(
        "p08_supervisor_deletes_used_rule",
        "supervisor",
        REFUSED,
        call("customer.callback.rule", "unlink", lambda case: [case.rule.ids]),
        USER_ERROR,
    ),
    Row(
        "p08_supervisor_archives_used_rule",
        "supervisor",
        ALLOWED,
        call("customer.callback.rule", "action_archive", lambda case: [case.rule.ids]),
        rule_archived,
    ),
    # -- 9. one size limit for every text field --------------------------------
    Row(
        "p09_agent_stores_1mb_next_action",
        "agent",
        REFUSED,
        write("customer.callback", "callback", {"next_action": BIG}),
        VALIDATION,
    ),
    Row(
        "p09_agent_stores_1mb_feedback",
        "agent",
        REFUSED,
        write("customer.callback", "callback", {"feedback": BIG}),
        VALIDATION,
    ),
    Row(
        "p09_agent_stores_1mb_attempt_note",
        "agent",
        REFUSED,
        attempt_with_note(1_000_000),
        VALIDATION,
    ),
    Row(
        "p09_admin_stores_1mb_form_of_address",
        "admin",
        REFUSED,
        write("res.partner", "partner", {"callback_title": BIG}),
        VALIDATION,
    ),
    Row(
        "p09_admin_stores_1mb_forbidden_phrases",
        "admin",
        REFUSED,
        write("res.company", "company", {"callback_forbidden_phrases": BIG}),
        VALIDATION,
    ),
    Row("p09_agent_stores_normal_attempt_note", "agent", ALLOWED, attempt_with_note(500)),
    # -- 10. settings check the combined call windows --------------------------
    Row("p10_admin_saves_new_call_windows", "admin", ALLOWED, save_call_windows, windows_saved),
    # -- access matrix through the server: one record of each model ---------
    *[
        Row(
            f"read_{model.replace('.', '_')}_as_{profile}",
            profile,
            ALLOWED if profile in allowed else REFUSED,
            read(model, record),
            ACCESS,
        )
        for model, record, allowed in [
            ("customer.callback", "callback", ("agent", "supervisor")),
            ("customer.callback.attempt", "attempt", ("agent", "supervisor")),
            ("customer.callback.rule", "rule", ("agent", "other_agent", "supervisor")),
            ("customer.callback.script", "script", ("agent", "other_agent", "supervisor")),
            ("customer.callback.occasion", "occasion", ("agent", "other_agent", "supervisor")),
            (
                "customer.callback.occasion.date",
                "occasion_date",
                ("agent", "other_agent", "supervisor"),
            ),
            # the supervisor's overdue digest: supervisors of the company (an
            # agent reads only a digest she leads)
            ("customer.callback.escalation", "escalation_digest", ("supervisor",)),
            # the customer's say: every agent of the company reads it before calling
            ("customer.callback.consent", "consent", ("agent", "other_agent", "supervisor")),
            (
                "resource.calendar.workday",
                "workday",
                ("agent", "other_agent", "internal", "supervisor"),
            ),
            # the scheduled generation's progress: no company, read by supervisors
            (
                "customer.callback.generation.progress",
                "generation_progress",
                ("supervisor", "foreign_supervisor"),
            ),
        ]
        for profile in (
            "agent",
            "other_agent",
            "internal",
            "portal",
            "supervisor",
            "foreign_supervisor",
        )
    ],
    *[
        Row(
            f"change_{model.replace('.', '_')}_as_{profile}",
            profile,
            REFUSED,
            write(model, record, {"name": "hostile"}),
            ACCESS,
        )
        for model, record in [
            ("customer.callback.rule", "rule"),
            ("customer.callback.script", "script"),
        ]
        for profile in ("agent", "internal", "portal", "foreign_supervisor")
    ],
    *[
        Row(
            f"change_other_teams_callback_as_{profile}",
            profile,
            REFUSED,
            write("customer.callback", "other_callback", {"summary": "hostile"}),
            ACCESS,
        )
        for profile in ("agent", "internal", "portal", "foreign_supervisor")
    ],
    # the consent ledger is history: agents add lines, nobody changes or deletes one
    Row(
        "c01_agent_records_consent",
        "agent",
        ALLOWED,
        call(
            "customer.callback.consent",
            "create",
            lambda case: [
                {"partner_id": case.partner.id, "purpose": "survey", "decision": "withdrawn"}
            ],
        ),
        lambda case, result: case.assertFalse(
            case.env["res.partner"]
            .browse(case.partner.id)
            ._callback_consents()[case.partner.id]
            .may_survey()
        ),
    ),
    *[
        Row(
            f"c02_{profile}_changes_consent",
            profile,
            REFUSED,
            write("customer.callback.consent", "consent", {"decision": "given"}),
            USER_ERROR + ACCESS,
        )
        for profile in ("agent", "supervisor", "admin")
    ],
    *[
        Row(
            f"c03_{profile}_deletes_consent",
            profile,
            REFUSED,
            call("customer.callback.consent", "unlink", lambda case: [case.consent.ids]),
            USER_ERROR + ACCESS,
        )
        for profile in ("agent", "supervisor", "admin")
    ],
    Row(
        "c15_agent_reads_consent_of_company_b",
        "agent",
        REFUSED,
        read("customer.callback.consent", "consent_b"),
        ACCESS,
    ),
    Row(
        "c16_agent_records_consent_in_company_b",
        "agent",
        REFUSED,
        call(
            "customer.callback.consent",
            "create",
            lambda case: [
                {
                    "partner_id": case.partner.id,
                    "company_id": case.company_b.id,
                    "purpose": "contact",
                    "decision": "withdrawn",
                }
            ],
        ),
        ACCESS + USER_ERROR,
    ),
    Row(
        "c04_internal_records_consent",
        "internal",
        REFUSED,
        call(
            "customer.callback.consent",
            "create",
            lambda case: [{"partner_id": case.partner.id, "purpose": "contact"}],
        ),
        ACCESS,
    ),
    # -- issue #29: sample data, loaded and removed by supervisors only ----
    *[
        Row(
            f"i29_{profile}_{method}",
            profile,
            REFUSED,
            call("customer.callback.sample", method),
            ACCESS,
        )
        for profile in ("agent", "internal", "helpdesk", "portal")
        for method in ("action_load_sample_data", "action_remove_sample_data", "get_sample_status")
    ],
    Row(
        "i29_supervisor_loads_sample_data",
        "supervisor",
        ALLOWED,
        call("customer.callback.sample", "action_load_sample_data"),
        lambda case, result: case.assertEqual(
            case.env["ir.model.data"]
            .search([("module", "=", "customer_callback_sample")])
            .mapped(lambda row: case.env[row.model].browse(row.res_id).company_id)
            .ids,
            case.company.ids,
        ),
    ),
]


class HostileDataCase(HostileCase):
    """The records of the hostile suite (no test of its own): the addons'
    hostile suites start from them (customer_callback_report's)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        agent, other_agent = cls.users["agent"], cls.users["other_agent"]
        supervisor = cls.users["supervisor"]
        cls.script = env["customer.callback.script"].create(
            {
                "name": "Hostile script",
                "company_id": cls.company.id,
                "body": "<p>{title} {surname}, about {product} of {order_date}</p>",
            }
        )
        cls.rule = env["customer.callback.rule"].create(
            {
                "name": "Hostile rule",
                "segment": "usage",
                "trigger": "manual",
                "assignment": "round_robin",
                "team_id": cls.team.id,
                "company_id": cls.company.id,
            }
        )
        Callback = env["customer.callback"]
        base = {
            "partner_id": cls.partner.id,
            "company_id": cls.company.id,
            "state": "planned",
            "planned_date": cls.now,
            "deadline": cls.now.date() + timedelta(days=3),
        }
        cls.callback = Callback.create(
            dict(
                base,
                user_id=agent.id,
                team_id=cls.team.id,
                script_id=cls.script.id,
                summary="Called, all good",
            )
        )
        cls.other_callback = Callback.create(
            dict(base, user_id=other_agent.id, team_id=cls.team_b.id)
        )
        cls.done_callback = Callback.create(
            dict(
                base,
                user_id=agent.id,
                team_id=cls.team.id,
                state="done",
                done_date=cls.now,
                close_reason="completed",
                score=4,
            )
        )
        cls.attempt = env["customer.callback.attempt"].create(
            {"callback_id": cls.callback.id, "result": "no_answer", "attempt_date": cls.now}
        )
        # partners to merge: the same rule and period
        cls.duplicate = env["res.partner"].create(
            {"name": "张伟 (duplicate)", "email": cls.partner.email}
        )
        cls.rule_callback = Callback.create(
            dict(base, rule_id=cls.rule.id, period_key="2026-11", user_id=agent.id)
        )
        cls.duplicate_callback = Callback.create(
            dict(
                base,
                partner_id=cls.duplicate.id,
                rule_id=cls.rule.id,
                period_key="2026-11",
                user_id=agent.id,
            )
        )
        env["customer.callback.attempt"].create(
            {
                "callback_id": cls.duplicate_callback.id,
                "result": "connected",
                "attempt_date": cls.now,
            }
        )
        cls.occasion = env["customer.callback.occasion"].create(
            {
                "name": "Hostile day",
                "company_id": cls.company.id,
                "date_ids": [(0, 0, {"date": cls.now.date()})],
            }
        )
        cls.occasion_date = cls.occasion.date_ids
        cls.generation_progress = env["customer.callback.generation.progress"].create(
            {"day": date(2001, 1, 1), "last_partner_id": 1}
        )
        cls.escalation_digest = env["customer.callback.escalation"].create(
            {"leader_id": supervisor.id, "company_id": cls.company.id, "date": cls.now.date()}
        )
        cls.month = cls.now.date().replace(day=1)
        cls.workday = env["resource.calendar.workday"].create(
            {
                "calendar_id": cls.company.resource_calendar_id.id,
                "date": cls.month,
                "name": "Hostile make-up day",
            }
        )
        cls.consent = env["customer.callback.consent"].create(
            {
                "partner_id": cls.partner.id,
                "company_id": cls.company.id,
                "purpose": "recording",
                "decision": "given",
                "callback_id": cls.callback.id,
            }
        )
        # issue #28: company B's own consent line
        partner_b = env["res.partner"].create(
            {"name": "Customer of B", "company_id": cls.company_b.id}
        )
        cls.consent_b = env["customer.callback.consent"].create(
            {"partner_id": partner_b.id, "company_id": cls.company_b.id, "purpose": "survey"}
        )


@tagged("post_install", "-at_install")
class TestHostile(HostileDataCase):
    def test_every_model_of_the_addon_has_rows(self):
        """A new model of the addon gets its rows in ROWS."""
        self.assert_every_model_has_rows("customer_callback", ROWS)


make_row_tests(TestHostile, ROWS)
