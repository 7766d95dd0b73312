# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from odoo.addons.customer_callback.tests.i18n_check import load_language
from odoo.addons.customer_callback.tools import call_window


@tagged("post_install", "-at_install")
class TestPortalPersonalPageTour(HttpCase):
    """The customer's own say on a phone, from the link an agent sent him
    (issue #20): the page alone, without the survey addon."""

    # Odoo's tour runner opens Chromium with this window size (and touch
    # events): an iPhone 12-sized screen, the page's mobile layout.
    browser_size = "390x844"
    touch_enabled = True

    def test_customer_chooses_from_his_link(self):
        load_language(self.env, "zh_CN")
        company = self.env.company
        partner = self.env["res.partner"].create(
            {
                "name": "李明",
                "email": "li.ming@example.com",
                "phone": "+86 139 1111 2222",
                "tz": "Asia/Shanghai",
                "lang": "zh_CN",
            }
        )
        callback = self.env["customer.callback"].create(
            {
                "partner_id": partner.id,
                "company_id": company.id,
                "state": "planned",
                "planned_date": fields.Datetime.now() + timedelta(days=5),
            }
        )
        link = self.env["customer.callback.link"]._for_partner(partner, "contact", company)
        self.start_tour(f"/callback/my/{link._token()}", "customer_callback_personal_page_tour")

        zone = call_window.get_zone("Asia/Shanghai")
        tomorrow = call_window.to_local(fields.Datetime.now(), zone).date() + timedelta(days=1)
        asked = call_window.to_utc_naive(datetime.combine(tomorrow, time(19, 0), tzinfo=zone))
        # his next call moved to the moment he chose
        self.assertEqual(callback.planned_date, asked)
        self.assertEqual(partner.callback_preferred_days, "1,3")
        self.assertEqual(partner.callback_preferred_time, company.callback_slot_evening)
        self.assertFalse(partner._callback_consents()[partner.id].may_survey())
        self.assertTrue(link.last_used_date)
