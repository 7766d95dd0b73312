# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

import freezegun

from odoo.tests import tagged

from odoo.addons.customer_callback.tests.common import FROZEN_NOW, CallbackCase


@tagged("post_install", "-at_install")
class TestLinkReplacedAfterExpiry(CallbackCase):
    """Issue #28, 1: the customer's expired link is replaced wherever a
    message carries it (frozen clock; the real clock in test_personal_page)."""

    def expire_links_of(self, partner):
        """The customer's link of the company, expired a second ago."""
        Link = self.env["customer.callback.link"]
        Link.search([("partner_id", "=", partner.id)]).action_revoke()
        return Link.create(
            {
                "partner_id": partner.id,
                "company_id": self.company.id,
                "expiry_date": FROZEN_NOW - timedelta(seconds=1),
            }
        )

    def test_note_after_failed_attempts_carries_a_new_link(self):
        callback = self.make_callback()
        expired = self.expire_links_of(self.partner_sh)
        # Shanghai: 10:00, 14:00 and 19:00 without answer
        for hour, result in ((2, "no_answer"), (6, "busy"), (11, "switched_off")):
            with freezegun.freeze_time(datetime(2026, 11, 23, hour, 0)):
                callback.with_user(self.agent1).with_context(
                    attempt_result=result
                ).action_log_attempt()
        self.assertEqual(expired.state, "revoked")
        link = self.env["customer.callback.link"].search(
            [("partner_id", "=", self.partner_sh.id), ("revoked_date", "=", False)]
        )
        self.assertEqual(link.state, "valid")
        self.assertIn(link._url(), " ".join(callback.message_ids.mapped("body")))

    def test_send_personal_link_after_expiry_twice(self):
        self.partner_sh.email = "zhang.wei@example.com"
        callback = self.make_callback()
        Link = self.env["customer.callback.link"]
        for _second_time in (False, True):
            expired = self.expire_links_of(self.partner_sh)
            callback.with_user(self.agent1).action_send_personal_link()
            self.assertEqual(expired.state, "revoked")
            link = Link.search(
                [("partner_id", "=", self.partner_sh.id), ("revoked_date", "=", False)]
            )
            self.assertEqual(link.state, "valid")
            self.assertNotEqual(link, expired)
