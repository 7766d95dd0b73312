# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from odoo.addons.customer_callback.tests.common import CallbackCase


@tagged("post_install", "-at_install")
class TestLinkMerge(CallbackCase):
    """Merging duplicate customers who each have an open personal link of
    the same company and purpose: the merge goes through, the kept
    customer's link stays valid, the other is revoked, not deleted."""

    def test_merge_keeps_the_kept_customers_link_and_revokes_the_other(self):
        Partner = self.env["res.partner"]
        kept, duplicate = Partner.create(
            [
                {"name": "王芳", "email": "wang.fang@example.com"},
                {"name": "王芳 (2)", "email": "wang.fang@example.com"},
            ]
        )
        Link = self.env["customer.callback.link"]
        kept_link = Link._for_partner(kept, "contact", self.company)
        duplicate_link = Link._for_partner(duplicate, "contact", self.company)
        survey_link = Link._for_partner(duplicate, "survey", self.company)
        self.env["base.partner.merge.automatic.wizard"]._merge(
            (kept | duplicate).ids, dst_partner=kept
        )
        self.assertFalse(duplicate.exists())
        links = Link.search([("partner_id", "=", kept.id)])
        self.assertEqual(links, kept_link | duplicate_link | survey_link)
        self.assertEqual(kept_link.state, "valid")
        self.assertEqual(duplicate_link.state, "revoked")
        # another purpose does not clash: it moves as it is
        self.assertEqual(survey_link.state, "valid")
        self.assertEqual(Link._from_token(kept_link._token()), kept_link)
        self.assertFalse(Link._from_token(duplicate_link._token()))
