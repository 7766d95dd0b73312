# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import importlib.util
import os
import subprocess
import sys
import threading
from contextlib import contextmanager
from datetime import datetime, timedelta
from unittest.mock import patch

import freezegun

from odoo import SUPERUSER_ID, api
from odoo.orm.environments import Transaction
from odoo.tests import TransactionCase, new_test_user
from odoo.tools import config

from ..tools import call_window

# Monday 23 November 2026, 02:00 UTC = 10:00 in Shanghai.
FROZEN_NOW = datetime(2026, 11, 23, 2, 0)
TODAY = FROZEN_NOW.date()


def thread_env(registry, cr):
    """The superuser's environment on a worker thread's own cursor. Odoo's
    test runner (``odoo --test-enable``, as OCA's CI runs it) runs the tests
    while it holds the registries' lock: an environment looks its registry up
    under that lock unless its cursor's transaction already has one, and the
    thread would wait for the end of the run."""
    cr.transaction = Transaction(registry)
    return api.Environment(cr, SUPERUSER_ID, {})


def run_in_two_cursors(registry, call, owner, held_method):
    """``call(env)`` in two threads at once, each with its own cursor (two
    scheduled-action workers). The run that reaches ``owner.held_method``
    (the work done on the rows it locked) waits there until the other run is
    over, so the other run always meets the lock whatever the timing.

    Returns ``(results, errors)``: what each ``call`` returned and what it
    raised."""
    barrier = threading.Barrier(2)
    run_over = threading.Event()
    errors, results = [], []
    held = getattr(owner, held_method)

    def holding_the_lock(*args, **kwargs):
        run_over.wait(timeout=5)
        return held(*args, **kwargs)

    def run():
        try:
            with registry.cursor() as cr:
                env = thread_env(registry, cr)
                barrier.wait(timeout=10)
                results.append(call(env))
        except Exception as error:  # noqa: BLE001 - returned to the test
            errors.append(error)
        finally:
            run_over.set()

    with patch.object(owner, held_method, holding_the_lock):
        threads = [threading.Thread(target=run) for _i in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    return results, errors


# Access matrix: the profiles and, per model, "rwcu" with "-" for each right
# denied (read, write, create, unlink).
ACCESS_PROFILES = (
    "portal",
    "internal",
    "helpdesk",
    "agent",
    "supervisor",
    "foreign_supervisor",
)
ACCESS_OPERATIONS = ("read", "write", "create", "unlink")


class CallbackCase(TransactionCase):
    """Frozen clock (Python and the cursor's now()), a company in Shanghai,
    a team with two agents and a leader, customers in three timezones."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        freezer = freezegun.freeze_time(FROZEN_NOW)
        freezer.start()
        cls.addClassCleanup(freezer.stop)
        cls.startClassPatcher(patch.object(cls.cr, "now", lambda: FROZEN_NOW))
        # A company of the test's own: the database's other records (demo data
        # loaded on the real day, which may lie after the frozen clock) hold
        # none of its serials, rules, pools or settings.
        cls.company = cls.env["res.company"].create({"name": "Callback test company"})
        cls.env.user.write({"company_ids": [(4, cls.company.id)], "company_id": cls.company.id})
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, mail_notrack=True))
        cls.company.resource_calendar_id.tz = "Asia/Shanghai"
        cls.supervisor = new_test_user(
            cls.env,
            "cb_supervisor",
            groups="customer_callback.customer_callback_group_supervisor",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
        )
        cls.agent1 = new_test_user(
            cls.env,
            "cb_agent1",
            groups="customer_callback.customer_callback_group_agent",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
        )
        cls.agent2 = new_test_user(
            cls.env,
            "cb_agent2",
            groups="customer_callback.customer_callback_group_agent",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
        )
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "Callback test team",
                "user_ids": [(6, 0, [cls.agent1.id, cls.agent2.id])],
                "user_id": cls.supervisor.id,
            }
        )
        Partner = cls.env["res.partner"]
        cls.partner_sh = Partner.create(
            {"name": "张伟", "tz": "Asia/Shanghai", "phone": "+86 1380000"}
        )
        cls.partner_paris = Partner.create({"name": "Claire Martin", "tz": "Europe/Paris"})
        cls.partner_ny = Partner.create({"name": "James Walker", "tz": "America/New_York"})
        # Only the rules a test creates are active.
        cls.env["customer.callback.rule"].search([]).active = False

    @classmethod
    def make_rule(cls, **values):
        vals = {
            "name": "Test rule",
            "segment": "usage",
            # the core's triggers only (the order triggers are
            # customer_callback_sale's): tests that generate name theirs
            "trigger": "manual",
            "offset_days": 0,
            "window_days": 7,
            "assignment": "round_robin",
            "team_id": cls.team.id,
            "company_id": cls.company.id,
        }
        vals.update(values)
        return cls.env["customer.callback.rule"].create(vals)

    def make_callback(self, partner=None, **values):
        vals = {
            "partner_id": (partner or self.partner_sh).id,
            "user_id": self.agent1.id,
            "team_id": self.team.id,
            "state": "planned",
            "planned_date": FROZEN_NOW,
            "deadline": TODAY + timedelta(days=3),
        }
        vals.update(values)
        return self.env["customer.callback"].create(vals)

    def local_callback(self, local, tz, deadline, company=None):
        """An open callback of agent 1 planned at ``local`` (naive, in
        ``tz``), in ``company`` (without team) when given."""
        moment = call_window.to_utc_naive(local.replace(tzinfo=call_window.get_zone(tz)))
        values = {"planned_date": moment, "deadline": deadline}
        if company:
            values.update(company_id=company.id, team_id=False)
        return self.make_callback(**values)

    def set_generation_progress(self, last_partner_id, day=TODAY):
        """The scheduled generation evaluated the partners up to
        ``last_partner_id`` on ``day``: its next batch starts after it."""
        Progress = self.env["customer.callback.generation.progress"]
        progress = Progress.search([("day", "=", day)]) or Progress.create({"day": day})
        progress.last_partner_id = last_partner_id
        return progress

    def generate(self, partners, **kwargs):
        return self.env["customer.callback.generator"]._generate_for_partners(
            partners.ids, **kwargs
        )

    def callbacks_of(self, partners, rule=None):
        domain = [("partner_id", "in", partners.ids)]
        if rule:
            domain.append(("rule_id", "=", rule.id))
        return self.env["customer.callback"].with_context(active_test=False).search(domain)

    def local(self, moment, tz):
        return call_window.to_local(moment, call_window.get_zone(tz)).replace(tzinfo=None)

    def assert_in_window(self, callback):
        company = callback.company_id
        self.assertTrue(
            call_window.is_in_window(
                callback.planned_date,
                callback._tz(),
                company._callback_windows(),
                company._callback_holiday_checker(callback.planned_date.date()),
            ),
            f"{callback.planned_date} is outside the windows of {callback._tz()}",
        )


class AccessMatrixMixin:
    """Users of the access matrix and its checks, for a :class:`CallbackCase`:
    a portal user, an internal user and a helpdesk user without callback
    groups, an agent and a supervisor of the company, a supervisor of
    another company, and ``agent3`` alone in ``other_team``."""

    @classmethod
    def make_access_profiles(cls):
        cls.other_company = cls.env["res.company"].create({"name": "Access matrix other company"})
        cls.foreign_supervisor = new_test_user(
            cls.env,
            "acl_foreign",
            groups="customer_callback.customer_callback_group_supervisor",
            company_id=cls.other_company.id,
            company_ids=[cls.other_company.id],
        )
        cls.profiles = {
            "portal": new_test_user(cls.env, "acl_portal", groups="base.group_portal"),
            "internal": new_test_user(cls.env, "acl_internal", groups="base.group_user"),
            "helpdesk": new_test_user(
                cls.env, "acl_helpdesk", groups="helpdesk_mgmt.group_helpdesk_user_own"
            ),
            "agent": cls.agent1,
            "supervisor": cls.supervisor,
            "foreign_supervisor": cls.foreign_supervisor,
        }
        # another team of the company, with its own agent
        cls.other_team = cls.env["helpdesk.ticket.team"].create(
            {"name": "Access matrix other team"}
        )
        cls.agent3 = new_test_user(
            cls.env,
            "acl_agent3",
            groups="customer_callback.customer_callback_group_agent",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
        )
        cls.other_team.user_ids = cls.agent3

    def assert_access_matrix(self, matrix):
        """Model-level rights (``ir.model.access``): ``matrix`` gives per model
        the rights of each profile, in ACCESS_PROFILES order."""
        for model, row in matrix.items():
            for profile, rights in zip(ACCESS_PROFILES, row, strict=True):
                user = self.profiles[profile]
                for operation, flag in zip(ACCESS_OPERATIONS, rights, strict=True):
                    allowed = self.env[model].with_user(user).has_access(operation)
                    self.assertEqual(
                        allowed,
                        flag != "-",
                        f"{profile} {operation} {model}: expected {flag != '-'}",
                    )

    def assert_matrix_covers_module(self, matrix, module):
        """Every model the module defines is in ``matrix`` (and nothing else).

        Models a module only extends get an ``ir.model`` xmlid of the module
        too: the module's own models are those it defines first."""
        model_ids = (
            self.env["ir.model.data"]
            .search([("module", "=", module), ("model", "=", "ir.model")])
            .mapped("res_id")
        )
        defined = {
            name
            for name in self.env["ir.model"].browse(model_ids).mapped("model")
            if self.env[name]._original_module == module
        }
        self.assertTrue(defined)
        self.assertEqual(
            set(matrix),
            defined,
            f"models of {module} missing from the access matrix: {defined - set(matrix)}; "
            f"not models of {module}: {set(matrix) - defined}",
        )


class CronRun:
    """What :func:`cron_commits` saw: the ``(processed, remaining)`` of each
    commit, and the exception that ended the run, if any."""

    def __init__(self):
        self.commits = []
        self.error = None


@contextmanager
def cron_commits(env, crash=None, max_commits=100):
    """Run a scheduled action's driver as the scheduler does, in a test.

    Each ``ir.cron._commit_progress`` "commits": the work since the previous
    one is kept (a savepoint released) and a new savepoint opens. An
    exception rolls back to the last commit, as the scheduler rolls back a
    failed job; an exception of class ``crash`` is then kept in the run's
    ``error`` (not raised: Odoo's ``assertRaises`` would roll back the
    committed work too), any other is raised. After ``max_commits`` commits
    the run's time is up."""
    cr = env.cr
    run = CronRun()
    savepoint = [cr.savepoint()]

    def commit_progress(cron, processed=0, *, remaining=None, deactivate=False):
        run.commits.append((processed, remaining))
        savepoint[0].close(rollback=False)
        savepoint[0] = cr.savepoint()
        # seconds left in the run; a driver that never ends runs out of time
        return 0.0 if len(run.commits) >= max_commits else 60.0

    try:
        with patch.object(type(env["ir.cron"]), "_commit_progress", commit_progress):
            yield run
    except BaseException as error:
        savepoint[0].close(rollback=True)
        if not (crash and isinstance(error, crash)):
            raise
        run.error = error
    else:
        savepoint[0].close(rollback=False)


def fail_on_call(model_class, method_name, call_number, error=None):
    """Patch ``method_name`` of ``model_class`` to raise once its
    ``call_number``-th call has done its work (a crash before the commit)."""
    original = getattr(model_class, method_name)
    calls = {"n": 0}

    def flaky(self, *args, **kwargs):
        result = original(self, *args, **kwargs)
        calls["n"] += 1
        if calls["n"] == call_number:
            raise error or RuntimeError(f"crash after call {call_number} of {method_name}")
        return result

    return patch.object(model_class, method_name, flaky)


def load_migration(version, step="post-migrate"):
    """The module of this addon's migration script ``version/step.py``
    (its ``migrate(cr, version)`` is called by the tests of that update)."""
    path = os.path.join(
        os.path.dirname(os.path.dirname(__file__)), "migrations", version, f"{step}.py"
    )
    spec = importlib.util.spec_from_file_location(
        f"customer_callback_migration_{version.replace('.', '_')}_{step.replace('-', '_')}",
        path,
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def addons_path():
    """The addons path of this test run, as a command-line value."""
    path = config["addons_path"]
    return path if isinstance(path, str) else ",".join(path)


def start_script(script, dbname, *arguments):
    """A separate Python process running ``script`` with the arguments
    ``dbname addons_path *arguments`` (its own registry and connection)."""
    return subprocess.Popen(
        [sys.executable, "-c", script, dbname, addons_path(), *map(str, arguments)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish_script(process, timeout=300):
    """(return code, stdout, stderr) of a process of ``start_script``."""
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out, err
