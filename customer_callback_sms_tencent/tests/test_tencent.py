# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Tencent Cloud SMS end to end over real HTTP: the official SDK against a
local server that checks TC3 signatures as Tencent Cloud does, and the
documented callbacks posted to the addon's endpoints."""

from datetime import timedelta

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import AFTER, APP_ID, SIGN, TencentCase, fixture


@tagged("post_install", "-at_install")
class TestTencentSms(TencentCase):
    def sent_callback(self):
        callback = self.make_callback()
        self.fail_three_times(callback)
        self.send_queue()
        return callback, callback.callback_sms_ids

    def test_after_failed_attempts_an_sms_goes_through_the_signed_sdk(self):
        callback, line = self.sent_callback()
        self.assertEqual(line.state, "sent", line.failure_reason)
        action, params = self.server.requests[-1]
        self.assertEqual(action, "SendSms")
        self.assertEqual(params["PhoneNumberSet"], ["+8613900139000"])
        self.assertEqual(
            (params["SmsSdkAppId"], params["SignName"], params["TemplateId"]),
            (APP_ID, SIGN, AFTER),
        )
        self.assertEqual(params["TemplateParamSet"][0], "赵磊")
        self.assertTrue(line.provider_ref.startswith("2640:"))
        self.assertEqual(callback.state, "in_progress")

    def test_a_wrong_key_is_refused_by_the_provider(self):
        self.company.callback_sms_tencent_secret_key = "not-the-key"
        _callback, line = self.sent_callback()
        self.assertEqual((line.state, line.error_code), ("failed", "AuthFailure.SignatureFailure"))

    def test_status_callback_delivered_closes_unreachable(self):
        callback, line = self.sent_callback()
        payload = fixture("status_callback.json")
        payload[0].update(mobile="13900139000", sid=line.provider_ref)
        response = self.push("status", payload)
        self.assertEqual(response.json(), {"result": 0, "errmsg": "OK"})
        self.assertEqual(line.state, "delivered")
        self.assertEqual(callback.state, "unreachable")

    def test_status_callback_failed_keeps_it_open(self):
        callback, line = self.sent_callback()
        payload = fixture("status_callback.json")
        payload[0].update(
            mobile="13900139000",
            sid=line.provider_ref,
            report_status="FAIL",
            errmsg="MK:0001",
            description="空号",
        )
        self.push("status", payload)
        self.assertEqual((line.state, line.error_code), ("failed", "MK:0001"))
        self.assertEqual(callback.state, "in_progress")

    def test_forged_and_replayed_callbacks(self):
        callback, line = self.sent_callback()
        payload = fixture("reply_callback.json")
        payload.update(mobile="13900139000", text="周六上午方便")
        self.assertEqual(self.push("reply", payload, token="f" * 32).status_code, 403)
        self.assertFalse(callback.message_ids.filtered(lambda m: "周六上午方便" in (m.body or "")))
        self.push("reply", payload)
        self.push("reply", payload)
        self.assertEqual(
            len(callback.message_ids.filtered(lambda m: "周六上午方便" in (m.body or ""))), 1
        )

    def test_td_reply_withdraws_sms_consent(self):
        self.sent_callback()
        payload = fixture("reply_callback.json")
        payload.update(mobile="13900139000", text="T")
        self.push("reply", payload)
        consent = self.env["customer.callback.consent"].search(
            [("partner_id", "=", self.partner.id)]
        )
        self.assertEqual(
            (consent.channel, consent.decision, consent.source, consent.text),
            ("sms", "withdrawn", "customer_sms", "T"),
        )

    def test_pulled_statuses(self):
        callback, line = self.sent_callback()
        self.server.statuses.append(
            {
                "UserReceiveTime": 1457336869,
                "CountryCode": "86",
                "SubscriberNumber": "13900139000",
                "PhoneNumber": "+8613900139000",
                "SerialNo": line.provider_ref,
                "ReportStatus": "SUCCESS",
                "Description": "用户短信送达成功",
                "SessionContext": str(line.id),
            }
        )
        line.sent_date -= timedelta(minutes=11)
        self.env["customer.callback.sms"]._cron_query_receipts()
        self.assertEqual(line.state, "delivered")
        self.assertEqual(callback.state, "unreachable")

    def test_quota_within_tencent_limit(self):
        with self.assertRaises(ValidationError):
            self.company.callback_sms_daily_quota = 11

    def test_hostile_callback_bodies_are_refused(self):
        def post(kind, body):
            self.env.flush_all()
            return self.url_open(
                f"/customer_callback_sms/tencent/{kind}/{self.token}",
                data=body,
                headers={"Content-Type": "application/json"},
            )

        self.assertEqual(post("status", b"{oops").status_code, 400)
        self.assertEqual(post("status", b'{"sid": "1"}').status_code, 400, "an array is expected")
        self.assertEqual(post("reply", b'[{"mobile": "13900139000"}]').status_code, 400)
        self.assertEqual(post("reply", b'"TD"').status_code, 400)
        self.assertNotEqual(
            self.url_open(f"/customer_callback_sms/tencent/status/{self.token}").status_code, 200
        )
        # a status whose fields are not strings changes nothing
        _callback, line = self.sent_callback()
        body = (
            b'[{"sid": {"$ne": null}, "report_status": "SUCCESS"},'
            b' {"sid": ["' + line.provider_ref.encode() + b'"], "report_status": "SUCCESS"}]'
        )
        self.assertEqual(post("status", body).status_code, 200)
        self.env.invalidate_all()
        self.assertEqual(line.state, "sent")
