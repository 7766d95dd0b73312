# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Aliyun SMS end to end over real HTTP: the official SDK against a local
server that checks signatures as Aliyun does, and the documented pushes
posted to the addon's endpoints."""

import json
from datetime import timedelta

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import AFTER, KEY_ID, SIGN, AliyunCase, fixture


@tagged("post_install", "-at_install")
class TestAliyunSms(AliyunCase):
    def test_after_failed_attempts_an_sms_goes_through_the_signed_sdk(self):
        callback = self.make_callback()
        self.fail_three_times(callback)
        line = callback.callback_sms_ids
        self.assertEqual((line.kind, line.state), ("after_attempts", "queued"))
        self.assertIn("is sent by SMS (template SMS_460001)", callback.message_ids[0].body)
        self.send_queue()
        self.assertEqual(line.state, "sent", line.failure_reason)
        action, params = self.server.requests[-1]
        self.assertEqual(action, "SendSms")
        self.assertEqual(params["PhoneNumbers"], "13800138000")
        self.assertEqual(params["SignName"], SIGN)
        self.assertEqual(params["TemplateCode"], AFTER)
        self.assertEqual(json.loads(params["TemplateParam"])["name"], "李娜")
        self.assertEqual(params["OutId"], str(line.id))
        self.assertTrue(line.provider_ref.endswith("^0"))
        # not a message left until it is delivered
        self.assertEqual(callback.state, "in_progress")
        # a second policy run queues no second message
        callback._apply_attempt_policy()
        self.assertEqual(len(callback.callback_sms_ids), 1)

    def test_a_wrong_secret_is_refused_by_the_provider(self):
        self.company.callback_sms_aliyun_key_secret = "not-the-secret"
        callback = self.make_callback()
        self.fail_three_times(callback)
        self.send_queue()
        line = callback.callback_sms_ids
        self.assertEqual(line.state, "failed")
        self.assertEqual(line.error_code, "SignatureDoesNotMatch")
        self.assertEqual(self.server.refused[-1][0], "SignatureDoesNotMatch")
        self.assertIn("did not reach the customer", callback.message_ids[0].body)
        self.assertEqual(callback.state, "in_progress")

    def test_delivered_receipt_push_closes_the_callback_unreachable(self):
        callback = self.make_callback()
        self.fail_three_times(callback)
        self.send_queue()
        line = callback.callback_sms_ids
        response = self.push("report", self.receipt_payload(line))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json(), {"code": 0, "msg": "接收成功"})
        self.assertEqual(line.state, "delivered")
        self.assertEqual(callback.state, "unreachable")
        self.assertTrue(callback.attempt_ids.filtered(lambda a: a.result == "message_sent"))

    def test_failed_receipt_push_keeps_the_callback_open_with_the_reason(self):
        callback = self.make_callback()
        self.fail_three_times(callback)
        self.send_queue()
        line = callback.callback_sms_ids
        self.push("report", self.receipt_payload(line, False, "MK:0012", "空号"))
        self.assertEqual(
            (line.state, line.error_code, line.failure_reason), ("failed", "MK:0012", "空号")
        )
        self.assertEqual(callback.state, "in_progress")
        self.assertIn("空号", callback.message_ids[0].body)

    def test_forged_push_is_refused(self):
        callback = self.make_callback()
        self.fail_three_times(callback)
        self.send_queue()
        line = callback.callback_sms_ids
        for token in ("x" * 32, self.token[:-1] + ("A" if self.token[-1] != "A" else "B"), "short"):
            response = self.push("report", self.receipt_payload(line), token=token)
            self.assertEqual(response.status_code, 403, token)
        self.assertEqual(line.state, "sent")
        # a push to a company that does not send through Aliyun
        other = self.env["res.company"].create({"name": "Not Aliyun"})
        response = self.push("up", fixture("smsup.json"), token=other._callback_sms_token())
        self.assertEqual(response.status_code, 403)

    def test_replayed_push_is_ignored(self):
        callback = self.make_callback(channel="phone")
        self.fail_three_times(callback)
        self.send_queue()
        payload = fixture("smsup.json")
        payload[0].update(phone_number="13800138000", content="请明天上午再打")
        self.assertEqual(self.push("up", payload).status_code, 200)
        self.assertEqual(self.push("up", payload).status_code, 200)
        posted = callback.message_ids.filtered(lambda m: "请明天上午再打" in (m.body or ""))
        self.assertEqual(len(posted), 1)

    def test_td_reply_withdraws_sms_consent(self):
        callback = self.make_callback()
        self.fail_three_times(callback)
        self.send_queue()
        payload = fixture("smsup.json")
        payload[0].update(phone_number="13800138000", content="TD")
        self.assertEqual(self.push("up", payload).status_code, 200)
        consent = self.env["customer.callback.consent"].search(
            [("partner_id", "=", self.partner.id)]
        )
        self.assertEqual(
            (consent.channel, consent.decision, consent.source, consent.text),
            ("sms", "withdrawn", "customer_sms", "TD"),
        )
        # the next message is refused with the reason, and never reaches Aliyun
        sent = len(self.server.requests)
        line = self.env["customer.callback.sms"]._callback_sms_queue(
            [{"partner": self.partner, "company": self.company, "kind": "survey"}]
        )
        self.assertEqual(line.state, "refused")
        self.assertIn("withdrew his consent", line.failure_reason)
        self.send_queue()
        self.assertEqual(len(self.server.requests), sent)

    def test_td_stops_a_queued_message_at_once(self):
        line = self.env["customer.callback.sms"]._callback_sms_queue(
            [{"partner": self.partner, "company": self.company, "kind": "survey"}]
        )
        self.assertEqual(line.state, "queued")
        # an earlier message the reply answers
        self.env["customer.callback.sms"].sudo().create(
            {
                "company_id": self.company.id,
                "partner_id": self.partner.id,
                "number": "+8613800138000",
                "number_key": "13800138000",
                "kind": "survey",
                "state": "delivered",
            }
        )
        payload = fixture("smsup.json")
        payload[0].update(phone_number="13800138000", content="退订")
        self.push("up", payload)
        self.assertEqual(line.state, "stopped")
        self.send_queue()
        self.assertFalse([r for r in self.server.requests if r[0] == "SendSms"])

    def test_a_kind_without_template_is_refused_naming_it(self):
        line = self.env["customer.callback.sms"]._callback_sms_queue(
            [{"partner": self.partner, "company": self.company, "kind": "complaint_result"}]
        )
        self.assertEqual(line.state, "refused")
        self.assertIn("Complaint result", line.failure_reason)
        self.assertFalse(line.sms_uuid)

    def test_any_other_sms_of_the_company_is_refused_before_sending(self):
        sms = (
            self.env["sms.sms"]
            .sudo()
            .create({"number": "+8613800138000", "body": "自由文本", "partner_id": self.partner.id})
        )
        sms.with_company(self.company)._send(unlink_failed=False, unlink_sent=False)
        self.assertEqual(sms.state, "error")
        self.assertFalse(self.server.requests, "nothing reached Aliyun")

    def test_daily_quota(self):
        self.company.callback_sms_daily_quota = 2
        Line = self.env["customer.callback.sms"]
        lines = Line._callback_sms_queue(
            [{"partner": self.partner, "company": self.company, "kind": "survey"}] * 3
        )
        self.assertEqual(lines.mapped("state"), ["queued", "queued", "refused"])
        refused = lines.filtered(lambda line: line.state == "refused")
        self.assertIn("Daily quota", refused.failure_reason)
        with self.assertRaises(ValidationError):
            self.company.callback_sms_daily_quota = 51  # Aliyun: 50 a day per number and template

    def test_scheduled_query_of_receipts(self):
        callback = self.make_callback()
        self.fail_three_times(callback)
        self.send_queue()
        line = callback.callback_sms_ids
        self.server.details[line.provider_ref] = (3, "DELIVERED", "2026-12-07 10:00:00")
        line.sent_date -= timedelta(minutes=11)
        self.env["customer.callback.sms"]._cron_query_receipts()
        self.assertEqual(line.state, "delivered")
        self.assertEqual(callback.state, "unreachable")
        self.assertEqual(self.server.requests[-1][0], "QuerySendDetails")
        self.assertEqual(self.server.requests[-1][1]["BizId"], line.provider_ref)

    def test_credentials_stay_with_administrators(self):
        field = self.env["res.company"]._fields["callback_sms_aliyun_key_secret"]
        self.assertEqual(field.groups, "base.group_system")
        self.assertEqual(self.company.callback_sms_aliyun_key_id, KEY_ID)

    def test_a_complaint_result_goes_through_the_sdk_with_its_values(self):
        """A complaint's result (queued by customer_callback_complaint_sms when a
        complaint closes, with these values) is sent through the SDK with the
        template's parameters; the complaints need not be installed here."""
        self.env["customer.callback.sms.template"].create(
            {
                "company_id": self.company.id,
                "kind": "complaint_result",
                "template_code": "SMS_460003",
                "params": "ticket=ticket\nresult=result",
            }
        )
        self.server.templates["SMS_460003"] = {"ticket", "result"}
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "净水器漏水",
                "description": "漏水",
                "partner_id": self.partner.id,
                "company_id": self.company.id,
            }
        )
        line = self.env["customer.callback.sms"]._callback_sms_queue(
            [
                {
                    "partner": self.partner,
                    "company": self.company,
                    "kind": "complaint_result",
                    "ticket": ticket,
                    "values": {
                        "name": self.partner.name,
                        "company": self.company.name,
                        "ticket": ticket.number or ticket.name,
                        "result": "已上门更换密封圈",
                    },
                }
            ]
        )
        self.assertEqual(
            (line.kind, line.state, line.ticket_id), ("complaint_result", "queued", ticket)
        )
        self.send_queue()
        self.assertEqual(line.state, "sent", line.failure_reason)
        self.assertEqual(self.server.requests[-1][1]["TemplateCode"], "SMS_460003")
        values = json.loads(self.server.requests[-1][1]["TemplateParam"])
        self.assertEqual(
            values, {"ticket": ticket.number or ticket.name, "result": "已上门更换密封圈"}
        )
