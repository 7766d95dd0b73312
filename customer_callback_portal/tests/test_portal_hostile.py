# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Hostile suite of the personal links and page (issues #20, #28): the
links, their rate limit and the customers' data requests read, written and
opened through the server, the page's forms posted as a customer's phone
does, in the table format of customer_callback's hostile suite
(tests/hostile_common.py)."""

import re
from contextlib import nullcontext
from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.tests import tagged

from odoo.addons.customer_callback.tests.hostile_common import (
    ALLOWED,
    REFUSED,
    HostileCase,
    Refused,
    Row,
    make_row_tests,
)
from odoo.addons.customer_callback.tests.test_hostile import call, get, read, write

ACCESS = ("odoo.exceptions.AccessError",)
USER_ERROR = ("odoo.exceptions.UserError",)


def open_personal_page(case, profile):
    case.login(profile)
    case.env.flush_all()
    response = case.url_open(f"/callback/my/{case.link._token()}", allow_redirects=False)
    case.env.invalidate_all()
    case.assertEqual(response.status_code, 200)
    return response


def post_personal_page(action):
    def run(case, profile):
        case.login(profile)
        case.env.flush_all()
        response = case.url_open(
            f"/callback/my/{case.link._token()}/{action}", data={"x": "1"}, allow_redirects=False
        )
        case.env.invalidate_all()
        if response.status_code != 200:
            raise Refused(f"HTTP {response.status_code}")
        return response

    return run


PAGE_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"|csrf_token: "([^"]+)"')


def open_link(record, seconds=None):
    """GET the personal page of the link named ``record`` as ``profile``;
    ``seconds``: at that many seconds from the link's expiry. Refused
    unless the page is served."""

    def run(case, profile):
        link = getattr(case, record)
        case.login(profile)
        case.env.flush_all()
        clock = nullcontext()
        if seconds is not None:
            moment = link.expiry_date + timedelta(seconds=seconds)
            clock = patch.object(fields.Datetime, "now", lambda *a: moment)
        with clock:
            response = case.url_open(f"/callback/my/{link._token()}", allow_redirects=False)
        case.env.invalidate_all()
        if response.status_code != 200:
            raise Refused(f"HTTP {response.status_code}")
        return response

    return run


def post_link(record, action, data=None):
    """POST ``action`` on the personal page of the link named ``record`` as
    its form does (with the session's CSRF token); refused unless served."""

    def run(case, profile):
        link = getattr(case, record)
        token = link._token()
        case.login(profile)
        case.env.flush_all()
        page = case.url_open(f"/callback/my/{token}", allow_redirects=False)
        csrf = next(group for group in PAGE_CSRF.search(page.text).groups() if group)
        response = case.url_open(
            f"/callback/my/{token}/{action}",
            data=dict(data or {}, csrf_token=csrf),
            allow_redirects=False,
        )
        case.env.invalidate_all()
        if response.status_code != 200:
            raise Refused(f"HTTP {response.status_code}")
        return response

    return run


def customer_stops_then(row_call):
    """The customer chooses *stop all* on his page, then ``row_call``."""

    def run(case, profile):
        post_link("link", "stop_all")(case, "portal")
        return row_call(case, profile)

    return run


def stopped_and_unannounced(case, response):
    case.assertIn("Your choice is saved", response.text)
    case.assertNotIn("Our next call is planned on", response.text)
    case.assertEqual((case.callback.state, case.callback.close_reason), ("cancelled", "withdrawn"))


def asked_twice(case, response):
    case.assertIn("You already made this request: it is pending", response.text)
    requests = case.env["customer.callback.data.request"].search(
        [("partner_id", "=", case.partner.id), ("kind", "=", "export")]
    )
    case.assertEqual(requests, case.data_request)
    case.assertEqual(len(requests.activity_ids), 1)


def company_a_customer_link(case, profile):
    return case.rpc(
        profile,
        "customer.callback.link",
        "create",
        [{"partner_id": case.partner_a.id, "company_id": case.users[profile].company_id.id}],
    )


ROWS = [
    # -- the access matrix through the server: one record of each model ---
    *[
        Row(
            f"read_{model.replace('.', '_')}_as_{profile}",
            profile,
            ALLOWED if profile in allowed else REFUSED,
            read(model, record),
            ACCESS,
        )
        for model, record, allowed in [
            ("customer.callback.link", "link", ("agent", "other_agent", "supervisor")),
            ("customer.callback.link.throttle", "throttle", ()),
            ("customer.callback.data.request", "data_request", ("supervisor",)),
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
    # the personal page (HTTP from outside, whoever is logged in)
    *[
        Row(
            f"c05_{profile}_opens_a_forged_link",
            profile,
            REFUSED,
            get("/callback/my/%s.forged", "link"),
        )
        for profile in ("portal", "agent")
    ],
    Row(
        "c06_customer_opens_his_link",
        "portal",
        ALLOWED,
        open_personal_page,
        lambda case, response: case.assertIn("Stop contacting me", response.text),
    ),
    Row(
        "c07_portal_posts_without_csrf",
        "portal",
        REFUSED,
        post_personal_page("stop_all"),
    ),
    Row(
        "c08_agent_reads_link_secret",
        "agent",
        REFUSED,
        call("customer.callback.link", "read", lambda case: [case.link.ids, ["secret"]]),
        ACCESS,
    ),
    Row(
        "c09_supervisor_extends_link",
        "supervisor",
        REFUSED,
        write("customer.callback.link", "link", {"expiry_date": "2099-01-01 00:00:00"}),
        USER_ERROR + ACCESS,
    ),
    Row(
        "c10_supervisor_erases_on_request",
        "supervisor",
        REFUSED,
        call(
            "customer.callback.data.request", "action_erase", lambda case: [case.data_request.ids]
        ),
        USER_ERROR + ACCESS,
    ),
    # -- issue #28: links, consent and data requests, the second time, in
    # another company, at the edges of the validity --------------------------
    Row(
        "l01_foreign_supervisor_links_a_customer_of_company_a",
        "foreign_supervisor",
        REFUSED,
        company_a_customer_link,
        USER_ERROR + ACCESS,
    ),
    Row(
        "l02_supervisor_links_a_customer_of_its_company",
        "supervisor",
        ALLOWED,
        company_a_customer_link,
        lambda case, link_id: case.assertEqual(
            case.env["customer.callback.link"].browse(link_id).partner_id, case.partner_a
        ),
    ),
    Row(
        "l03_foreign_supervisor_links_a_shared_customer",
        "foreign_supervisor",
        ALLOWED,
        call(
            "customer.callback.link",
            "create",
            lambda case: [{"partner_id": case.partner.id, "company_id": case.company_b.id}],
        ),
    ),
    *[
        Row(
            f"l04_foreign_supervisor_{method}_link_of_company_a",
            "foreign_supervisor",
            REFUSED,
            call("customer.callback.link", method, lambda case: [case.link.ids]),
            ACCESS,
        )
        for method in ("action_revoke", "action_send_to_customer")
    ],
    Row(
        "l05_supervisor_revokes_link_of_company_b",
        "supervisor",
        REFUSED,
        call("customer.callback.link", "action_revoke", lambda case: [case.link_b.ids]),
        ACCESS,
    ),
    Row(
        "l06_customer_opens_a_link_of_the_company_he_left",
        "portal",
        REFUSED,
        open_link("moved_link"),
    ),
    Row(
        "l07_customer_stops_on_a_link_of_the_company_he_left",
        "portal",
        REFUSED,
        post_link("moved_link", "stop_all"),
    ),
    Row("l08_customer_opens_link_a_second_before_expiry", "portal", ALLOWED, open_link("link", -1)),
    Row("l09_customer_opens_link_at_its_expiry", "portal", REFUSED, open_link("link", 0)),
    Row("l10_customer_opens_link_a_second_after_expiry", "portal", REFUSED, open_link("link", 1)),
    Row(
        "c11_customer_stops_all_and_the_planned_call_goes",
        "portal",
        ALLOWED,
        post_link("link", "stop_all"),
        stopped_and_unannounced,
    ),
    *[
        Row(
            f"c12_agent_{name}_after_the_customer_stopped",
            "agent",
            REFUSED,
            customer_stops_then(
                call(
                    "customer.callback",
                    method,
                    lambda case: [case.callback.ids],
                    {"context": {"lang": "en_US", "attempt_result": "no_answer"}},
                )
            ),
            USER_ERROR,
        )
        for name, method in (
            ("starts_call", "action_start"),
            ("logs_attempt", "action_log_attempt"),
        )
    ],
    Row(
        "c13_agent_creates_attempt_after_the_customer_stopped",
        "agent",
        REFUSED,
        customer_stops_then(
            call(
                "customer.callback.attempt",
                "create",
                lambda case: [{"callback_id": case.callback.id, "result": "no_answer"}],
            )
        ),
        USER_ERROR,
    ),
    Row(
        "c14_customer_asks_for_his_data_again",
        "portal",
        ALLOWED,
        post_link("link", "export"),
        asked_twice,
    ),
    Row(
        "c17_supervisor_reads_data_request_of_company_b",
        "supervisor",
        REFUSED,
        read("customer.callback.data.request", "data_request_b"),
        ACCESS,
    ),
]


@tagged("post_install", "-at_install")
class TestPortalHostile(HostileCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        # the customer's planned call, which his *stop all* cancels
        cls.callback = env["customer.callback"].create(
            {
                "partner_id": cls.partner.id,
                "company_id": cls.company.id,
                "state": "planned",
                "planned_date": cls.now,
                "deadline": cls.now.date() + timedelta(days=3),
                "user_id": cls.users["agent"].id,
                "team_id": cls.team.id,
            }
        )
        cls.link = env["customer.callback.link"].create(
            {"partner_id": cls.partner.id, "company_id": cls.company.id}
        )
        cls.throttle = env["customer.callback.link.throttle"].create(
            {"address_hash": "hostile", "window_start": cls.now}
        )
        cls.data_request = env["customer.callback.data.request"].create(
            {"partner_id": cls.partner.id, "company_id": cls.company.id, "kind": "export"}
        )
        # issue #28: a customer of company A alone, company B's own records,
        # and a company-B link of a customer who has since become company A's
        Partner = env["res.partner"]
        cls.partner_a = Partner.create({"name": "王芳 (company A)", "company_id": cls.company.id})
        partner_b = Partner.create({"name": "Customer of B", "company_id": cls.company_b.id})
        cls.link_b = env["customer.callback.link"].create(
            {"partner_id": partner_b.id, "company_id": cls.company_b.id}
        )
        cls.data_request_b = env["customer.callback.data.request"].create(
            {"partner_id": partner_b.id, "company_id": cls.company_b.id, "kind": "erase"}
        )
        moved = Partner.create({"name": "Moved to company A", "email": "moved@example.com"})
        cls.moved_link = env["customer.callback.link"].create(
            {"partner_id": moved.id, "company_id": cls.company_b.id}
        )
        moved.company_id = cls.company

    def test_every_model_of_the_addon_has_rows(self):
        """A new model of the addon gets its rows in ROWS."""
        self.assert_every_model_has_rows("customer_callback_portal", ROWS)


make_row_tests(TestPortalHostile, ROWS)
