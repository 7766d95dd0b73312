# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A push of receipts: its searches do not grow with its receipts, and
Odoo's own tracking of a message (its ``sms.tracker`` and notification)
follows the receipt."""

import uuid
from collections import Counter
from unittest.mock import patch

from odoo.models import BaseModel
from odoo.tests import tagged

from odoo.addons.customer_callback.tests.common import FROZEN_NOW

from .common import SmsCase

COUNTED = ("customer.callback.sms", "customer.callback.sms.push", "sms.tracker")


@tagged("post_install", "-at_install")
class TestSmsReceipts(SmsCase):
    def sent_lines(self, count):
        return self.Line.create(
            [
                {
                    "company_id": self.company.id,
                    "partner_id": self.partner_sh.id,
                    "number": "+8613800138000",
                    "number_key": "13800138000",
                    "kind": "survey",
                    "provider": "fake",
                    "template_code": "SMS_1",
                    "provider_ref": f"BIZ{i}",
                    "sms_uuid": uuid.uuid4().hex,
                    "state": "sent",
                }
                for i in range(count)
            ]
        )

    def receipt(self, line, delivered=True):
        return {
            "ref": line.provider_ref,
            "number": "13800138000",
            "delivered": delivered,
            "code": "DELIVERED" if delivered else "MK:0001",
            "reason": "用户接收成功" if delivered else "用户关机",
            "date": FROZEN_NOW,
            "key": f"{line.provider_ref}-report",
        }

    def searches_of(self, receipts):
        """(receipts applied, {model: searches}) of one push."""
        counts = Counter()
        original = BaseModel._search

        def counting(model, *args, **kwargs):
            if model._name in COUNTED:
                counts[model._name] += 1
            return original(model, *args, **kwargs)

        with patch.object(BaseModel, "_search", counting):
            applied = self.Line._callback_sms_receipts("fake", receipts)
        return applied, dict(counts)

    def test_a_push_searches_once_whatever_its_receipts(self):
        lines = self.sent_lines(6)
        receipts = [self.receipt(line, delivered=i % 2 == 0) for i, line in enumerate(lines)]
        applied, searches = self.searches_of(receipts)
        self.assertEqual(applied, 6)
        self.assertEqual(searches, dict.fromkeys(COUNTED, 1), "one search each for 6 receipts")
        self.assertEqual(lines.mapped("state"), ["delivered", "failed"] * 3)
        self.assertEqual(lines[1].failure_reason, "用户关机")
        # the same push again (the provider's retry): nothing, and as few searches
        applied, searches = self.searches_of(receipts)
        self.assertEqual(applied, 0)
        self.assertEqual(searches, dict.fromkeys(COUNTED, 1))

    def test_the_same_receipt_twice_in_one_push_is_applied_once(self):
        line = self.sent_lines(1)
        self.assertEqual(self.Line._callback_sms_receipts("fake", [self.receipt(line)] * 2), 1)
        self.assertEqual(
            self.env["customer.callback.sms.push"].search_count([("provider", "=", "fake")]), 1
        )

    def tracked(self, line):
        """Odoo's notification of ``line``'s SMS, as a message posted by SMS
        has it (``sms.tracker`` ties it to the SMS's uuid)."""
        message = self.partner_sh.message_post(body="回访短信", message_type="sms")
        notification = self.env["mail.notification"].create(
            {
                "mail_message_id": message.id,
                "res_partner_id": self.partner_sh.id,
                "notification_type": "sms",
                "notification_status": "pending",
            }
        )
        self.env["sms.tracker"].create(
            {"sms_uuid": line.sms_uuid, "mail_notification_id": notification.id}
        )
        return notification

    def test_sms_trackers(self):
        """The receipts update Odoo's notification through the ``sms``
        module's tracker methods (private: no public way exists; a rename in
        the platform fails here)."""
        delivered, failed = self.sent_lines(2)
        notifications = self.tracked(delivered), self.tracked(failed)
        self.Line._callback_sms_receipts(
            "fake", [self.receipt(delivered), self.receipt(failed, delivered=False)]
        )
        self.assertEqual(
            [(n.notification_status, n.failure_type, n.failure_reason) for n in notifications],
            [("sent", False, False), ("exception", "sms_not_delivered", "用户关机")],
        )
