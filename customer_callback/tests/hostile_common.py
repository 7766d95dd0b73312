# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The hostile suite's harness (issue #15): real HTTP requests as the web
client sends them, one profile per session, and a table of rows.

A row is ``Row(name, profile, expect, call, check)``: ``call(case, profile)``
makes the requests as ``profile`` (JSON-RPC through
``/web/dataset/call_kw/<model>/<method>``, downloads through ``/web/content``
and ``/report/xlsx``); ``expect`` is ALLOWED (``check(case, result)`` then
looks at what came back) or REFUSED (an error from the server, or a download
that is not served). Each row becomes one test method, ``test_<name>``.
"""

from collections import namedtuple

from odoo import fields
from odoo.tests import HttpCase, get_db_name, new_test_user
from odoo.tests.common import JsonRpcException

ALLOWED = "allowed"
REFUSED = "refused"
XLSX_MAGIC = b"PK"

Row = namedtuple("Row", "name profile expect call check", defaults=(None,))


class Refused(Exception):
    """A download the server did not serve."""


def refused_names(*names):
    """A check for REFUSED rows: the server's error is one of ``names``
    (e.g. ``odoo.exceptions.AccessError``)."""
    return names


def make_row_tests(cls, rows):
    """One test method per row of ``rows`` on ``cls``."""
    names = set()
    for row in rows:
        assert row.name not in names, f"duplicate hostile row {row.name}"
        names.add(row.name)

        def test(self, row=row):
            self.run_row(row)

        test.__name__ = f"test_{row.name}"
        test.__doc__ = f"{row.profile}: {row.name.replace('_', ' ')} ({row.expect})"
        setattr(cls, test.__name__, test)
    return cls


class HostileCase(HttpCase):
    """Two companies; in company A two teams, each with an agent, a
    supervisor, a salesperson and a helpdesk user without callback groups
    (``internal``, ``helpdesk``), a portal user and a system administrator
    who is a supervisor too; in company B its own supervisor."""

    PROFILES = {
        "agent": "hx_agent",
        "other_agent": "hx_agent_b",
        "internal": "hx_sales",
        "helpdesk": "hx_helpdesk",
        "portal": "hx_portal",
        "supervisor": "hx_sup",
        "foreign_supervisor": "hx_sup_b",
        "admin": "hx_admin",
        # the demo data's agent (rows that need it skip without demo data)
        "demo": "demo",
    }
    # new_test_user's password: the login, padded to 8 characters
    PASSWORDS = {"demo": "demo"}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._session_ids = {}
        env = cls.env
        cls.company = env.company
        cls.company_b = env["res.company"].create({"name": "Hostile company B"})
        agent_group = "customer_callback.customer_callback_group_agent"
        supervisor_group = "customer_callback.customer_callback_group_supervisor"
        a_only = {"company_id": cls.company.id, "company_ids": [cls.company.id]}
        cls.users = {
            "agent": new_test_user(env, "hx_agent", groups=agent_group, **a_only),
            "other_agent": new_test_user(env, "hx_agent_b", groups=agent_group, **a_only),
            "internal": new_test_user(
                env, "hx_sales", groups="base.group_user,sales_team.group_sale_salesman", **a_only
            ),
            "helpdesk": new_test_user(
                env, "hx_helpdesk", groups="helpdesk_mgmt.group_helpdesk_user", **a_only
            ),
            "portal": new_test_user(env, "hx_portal", groups="base.group_portal"),
            "supervisor": new_test_user(env, "hx_sup", groups=supervisor_group, **a_only),
            "foreign_supervisor": new_test_user(
                env,
                "hx_sup_b",
                groups=supervisor_group,
                company_id=cls.company_b.id,
                company_ids=[cls.company_b.id],
            ),
            "admin": new_test_user(
                env,
                "hx_admin",
                groups=f"base.group_system,base.group_partner_manager,{supervisor_group}",
                **a_only,
            ),
        }
        cls.seller = new_test_user(
            env, "hx_seller", groups="sales_team.group_sale_salesman", **a_only
        )
        cls.team = env["helpdesk.ticket.team"].create(
            {"name": "Hostile team A", "user_ids": [(6, 0, cls.users["agent"].ids)]}
        )
        cls.team_b = env["helpdesk.ticket.team"].create(
            {"name": "Hostile team B", "user_ids": [(6, 0, cls.users["other_agent"].ids)]}
        )
        cls.partner = env["res.partner"].create(
            {
                "name": "张伟 (hostile)",
                "email": "zhang.hostile@example.com",
                "birthday": "1980-05-04",
                "callback_vip": True,
                "callback_title": "先生",
                "callback_channel": "phone",
                "callback_preferred_time": 10.5,
            }
        )
        cls.now = fields.Datetime.now()

    # ------------------------------------------------------------------
    # Requests
    # ------------------------------------------------------------------

    def login(self, profile):
        """Open (once per class) and use ``profile``'s session, authenticated
        through ``/web/session/authenticate`` as the web client does."""
        session_id = self._session_ids.get(profile)
        if not session_id:
            self.opener.cookies.clear()
            login = self.PROFILES[profile]
            self.make_jsonrpc_request(
                "/web/session/authenticate",
                {
                    "db": get_db_name(),
                    "login": login,
                    "password": self.PASSWORDS.get(profile, login.ljust(8, "x")),
                },
            )
            session_id = self.opener.cookies.get("session_id")
            self.assertTrue(session_id, f"{profile} could not log in")
            type(self)._session_ids[profile] = session_id
        self.opener.cookies.clear()
        self.opener.cookies.set("session_id", session_id)

    def rpc(self, profile, model, method, args=(), kwargs=None):
        """``call_kw`` as the web client sends it; raises JsonRpcException."""
        self.login(profile)
        self.env.flush_all()
        kwargs = dict(kwargs or {})
        kwargs.setdefault("context", {"lang": "en_US"})
        result = self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )
        self.env.invalidate_all()
        return result

    def download(self, profile, url):
        """GET ``url`` as ``profile``: its content, or Refused."""
        self.login(profile)
        self.env.flush_all()
        response = self.url_open(url, allow_redirects=False)
        self.env.invalidate_all()
        # an error page (HTTP 200 with an HTML "Unknown Error") is no file either
        if response.status_code != 200 or response.headers.get("Content-Type", "").startswith(
            "text/html"
        ):
            raise Refused(f"{url}: HTTP {response.status_code}")
        return response.content

    # ------------------------------------------------------------------
    # Rows
    # ------------------------------------------------------------------

    def assert_every_model_has_rows(self, module, rows):
        """A new model of ``module`` gets its rows in ``rows``: at least its
        portal user's read (``read_<model>_as_portal``)."""
        models = {
            model
            for model in self.env.registry
            if self.env[model]._original_module == module and not self.env[model]._abstract
        }
        self.assertTrue(models)
        covered = {row.name for row in rows}
        for model in models:
            self.assertIn(f"read_{model.replace('.', '_')}_as_portal", covered, model)

    def run_row(self, row):
        if row.expect == REFUSED:
            try:
                result = row.call(self, row.profile)
            except (JsonRpcException, Refused) as error:
                if row.check and isinstance(error, JsonRpcException):
                    self.assertIn(str(error), row.check, row.name)
                return
            self.fail(f"{row.name}: {row.profile} was allowed ({str(result)[:200]})")
        self.assertEqual(row.expect, ALLOWED)
        result = row.call(self, row.profile)
        if callable(row.check):
            row.check(self, result)

    def assert_xlsx(self, content):
        self.assertTrue(content.startswith(XLSX_MAGIC), content[:100])
