# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Hostile rows (issue #15's harness) for the SMS models, the Aliyun
credentials and the public push endpoints."""

import json

from odoo.tests import tagged

from odoo.addons.customer_callback.tests.hostile_common import (
    ALLOWED,
    REFUSED,
    HostileCase,
    Row,
    make_row_tests,
)

from .common import KEY_ID, KEY_SECRET, SIGN

ACCESS = ("odoo.exceptions.AccessError",)


def read_company(field):
    def run(case, profile):
        return case.rpc(profile, "res.company", "read", [case.company.ids, [field]])

    return run


def call(model, method, args_of, kwargs=None):
    def run(case, profile):
        return case.rpc(profile, model, method, args_of(case), kwargs)

    return run


def search_lines(case, profile):
    return case.rpc(
        profile, "customer.callback.sms", "search_read", [[]], {"fields": ["number", "state"]}
    )


def sees_no_line(case, result):
    case.assertEqual(result, [])


def sees_the_line(case, result):
    case.assertIn(case.sms_line.id, [row["id"] for row in result])


def reads_secret(case, result):
    case.assertEqual(result[0]["callback_sms_aliyun_key_secret"], KEY_SECRET)


ROWS = [
    Row(
        "agent_reads_aliyun_secret",
        "agent",
        REFUSED,
        read_company("callback_sms_aliyun_key_secret"),
        ACCESS,
    ),
    Row(
        "supervisor_reads_aliyun_secret",
        "supervisor",
        REFUSED,
        read_company("callback_sms_aliyun_key_secret"),
        ACCESS,
    ),
    Row(
        "supervisor_reads_push_token",
        "supervisor",
        REFUSED,
        read_company("callback_sms_push_token"),
        ACCESS,
    ),
    Row(
        "admin_reads_aliyun_secret",
        "admin",
        ALLOWED,
        read_company("callback_sms_aliyun_key_secret"),
        reads_secret,
    ),
    Row(
        "supervisor_sets_aliyun_key",
        "supervisor",
        REFUSED,
        call(
            "res.company",
            "write",
            lambda c: [c.company.ids, {"callback_sms_aliyun_key_id": "LTAI-evil"}],
        ),
    ),
    Row("agent_reads_sms_lines", "agent", ALLOWED, search_lines, sees_the_line),
    Row(
        "foreign_supervisor_reads_sms_lines",
        "foreign_supervisor",
        ALLOWED,
        search_lines,
        sees_no_line,
    ),
    Row("portal_reads_sms_lines", "portal", REFUSED, search_lines, ACCESS),
    Row(
        "agent_writes_sms_line",
        "agent",
        REFUSED,
        call("customer.callback.sms", "write", lambda c: [c.sms_line.ids, {"state": "delivered"}]),
        ACCESS,
    ),
    Row(
        "agent_creates_sms_line",
        "agent",
        REFUSED,
        call(
            "customer.callback.sms",
            "create",
            lambda c: [{"company_id": c.company.id, "kind": "survey", "number": "13800000000"}],
        ),
        ACCESS,
    ),
    Row(
        "agent_applies_a_receipt",
        "agent",
        REFUSED,
        call(
            "customer.callback.sms",
            "_callback_sms_receipts",
            lambda c: ["aliyun", [{"ref": c.sms_line.provider_ref, "delivered": True, "key": "x"}]],
        ),
    ),
    Row(
        "supervisor_queues_an_sms",
        "supervisor",
        REFUSED,
        call("customer.callback.sms", "_callback_sms_queue", lambda c: [[]]),
    ),
    Row(
        "supervisor_creates_template",
        "supervisor",
        REFUSED,
        call(
            "customer.callback.sms.template",
            "create",
            lambda c: [
                {"company_id": c.company.id, "kind": "complaint_result", "template_code": "SMS_1"}
            ],
        ),
        ACCESS,
    ),
    Row(
        "admin_creates_template",
        "admin",
        ALLOWED,
        call(
            "customer.callback.sms.template",
            "create",
            lambda c: [
                {"company_id": c.company.id, "kind": "complaint_result", "template_code": "SMS_1"}
            ],
        ),
    ),
    Row(
        "admin_template_with_a_foreign_value",
        "admin",
        REFUSED,
        call(
            "customer.callback.sms.template",
            "create",
            lambda c: [
                {"company_id": c.company.id, "kind": "personal_link", "params": "x=password"}
            ],
        ),
        ("odoo.exceptions.ValidationError",),
    ),
    Row(
        "agent_reads_pushes",
        "agent",
        REFUSED,
        call("customer.callback.sms.push", "search_read", lambda c: [[]]),
        ACCESS,
    ),
    Row(
        "supervisor_sends_test_sms",
        "supervisor",
        REFUSED,
        call(
            "customer.callback.sms.test",
            "create",
            lambda c: [{"number": "13800000000"}],
        ),
        ACCESS,
    ),
]


@tagged("post_install", "-at_install")
class TestAliyunHostile(HostileCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "callback_sms_provider": "aliyun",
                "callback_sms_sign_name": SIGN,
                "callback_sms_aliyun_key_id": KEY_ID,
                "callback_sms_aliyun_key_secret": KEY_SECRET,
            }
        )
        cls.token = cls.company._callback_sms_token()
        cls.sms_line = cls.env["customer.callback.sms"].create(
            {
                "company_id": cls.company.id,
                "partner_id": cls.partner.id,
                "number": "+8613800138000",
                "number_key": "13800138000",
                "kind": "after_attempts",
                "provider": "aliyun",
                "provider_ref": "111^0",
                "state": "sent",
            }
        )

    def post(self, path, data, content_type="application/json"):
        self.opener.cookies.clear()
        return self.url_open(path, data=data, headers={"Content-Type": content_type})

    def test_push_not_json_is_refused(self):
        response = self.post(f"/customer_callback_sms/aliyun/report/{self.token}", b"{not json")
        self.assertEqual(response.status_code, 400)

    def test_push_not_an_array_of_objects_is_refused(self):
        for body in (b'{"biz_id": "111^0"}', b"[1, 2]", b'"TD"'):
            response = self.post(f"/customer_callback_sms/aliyun/up/{self.token}", body)
            self.assertEqual(response.status_code, 400, body)

    def test_push_too_large_is_refused(self):
        body = json.dumps([{"content": "x" * 1024}] * 1100).encode()
        response = self.post(f"/customer_callback_sms/aliyun/up/{self.token}", body)
        self.assertIn(response.status_code, (400, 413))

    def test_push_by_get_is_refused(self):
        response = self.url_open(f"/customer_callback_sms/aliyun/report/{self.token}")
        self.assertNotEqual(response.status_code, 200)

    def test_push_with_odd_values_changes_nothing(self):
        body = json.dumps(
            [
                {"biz_id": {"$ne": None}, "success": "true", "phone_number": ["13800138000"]},
                {"biz_id": "111^0", "success": "true", "err_code": "DELIVERED"},
            ]
        ).encode()
        response = self.post(f"/customer_callback_sms/aliyun/report/{self.token}", body)
        self.assertEqual(response.status_code, 200)
        self.sms_line.invalidate_recordset()
        self.assertEqual(self.sms_line.state, "failed", "only a JSON true means delivered")

    def test_push_of_a_script_reply_is_stored_as_text(self):
        self.partner.phone = "+86 138 0013 8000"
        callback = self.env["customer.callback"].create(
            {"partner_id": self.partner.id, "company_id": self.company.id, "state": "planned"}
        )
        body = json.dumps(
            [
                {
                    "phone_number": "13800138000",
                    "content": "<img src=x onerror=alert(1)>",
                    "sequence_id": "9",
                }
            ]
        ).encode()
        self.post(f"/customer_callback_sms/aliyun/up/{self.token}", body)
        callback.invalidate_recordset()
        message = callback.message_ids.filtered(lambda m: "onerror" in (m.body or ""))
        self.assertTrue(message)
        self.assertNotIn("<img", message.body)


make_row_tests(TestAliyunHostile, ROWS)
