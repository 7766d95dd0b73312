# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re
from datetime import datetime, time, timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from odoo.addons.customer_callback.tests.i18n_check import load_language
from odoo.addons.customer_callback.tools import call_window

LINK = re.compile(r"/callback/my/[0-9]+\.[A-Za-z0-9_\-]+")


@tagged("post_install", "-at_install")
class TestPersonalPageTour(HttpCase):
    """The customer's own say, on a phone (issue #20)."""

    # Odoo's tour runner opens Chromium with this window size (and touch
    # events): an iPhone 12-sized screen, the page's mobile layout.
    browser_size = "390x844"
    touch_enabled = True

    def test_customer_chooses_from_the_survey_email(self):
        load_language(self.env, "zh_CN")
        company = self.env.company
        company.write({"callback_survey_on_complaint": True, "callback_survey_channel": "email"})
        team = self.env["helpdesk.ticket.team"].create(
            {"name": "Page tour team", "user_id": self.env.ref("base.user_admin").id}
        )
        partner = self.env["res.partner"].create(
            {
                "name": "李明",
                "email": "li.ming@example.com",
                "phone": "+86 139 1111 2222",
                "tz": "Asia/Shanghai",
                "lang": "zh_CN",
            }
        )
        Request = self.env["customer.callback.survey.request"]

        def closed_complaint(name):
            ticket = self.env["helpdesk.ticket"].create(
                {
                    "name": name,
                    "description": "漏水",
                    "partner_id": partner.id,
                    "team_id": team.id,
                    "is_complaint": True,
                    "resolution_summary": "已更换密封圈。",
                }
            )
            ticket.stage_id = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
            return Request.search([("ticket_id", "=", ticket.id)])

        request = closed_complaint("净水器漏水")
        request._send(fields.Datetime.now())
        self.assertEqual(request.state, "sent")
        mail = (
            self.env["mail.mail"]
            .sudo()
            .search(
                [("model", "=", "survey.user_input"), ("res_id", "=", request.user_input_id.id)]
            )
        )
        link = LINK.search(mail.body_html)
        self.assertTrue(link, "the survey e-mail carries the personal link")
        callback = self.env["customer.callback"].create(
            {
                "partner_id": partner.id,
                "company_id": company.id,
                "team_id": team.id,
                "state": "planned",
                "planned_date": fields.Datetime.now() + timedelta(days=5),
            }
        )

        self.start_tour(link.group(0), "customer_callback_personal_page_tour")

        zone = call_window.get_zone("Asia/Shanghai")
        tomorrow = call_window.to_local(fields.Datetime.now(), zone).date() + timedelta(days=1)
        # his next call (the complaint's follow-up, planned before the one in
        # five days) moved to the moment he chose; the later one stays
        asked = call_window.to_utc_naive(datetime.combine(tomorrow, time(19, 0), tzinfo=zone))
        following = self.env["customer.callback"].search(
            [("partner_id", "=", partner.id), ("state", "in", ("draft", "planned"))],
            order="planned_date, id",
        )
        self.assertEqual(following[:1].planned_date, asked)
        self.assertIn(callback, following)
        self.assertEqual(partner.callback_preferred_days, "1,3")
        self.assertEqual(partner.callback_preferred_time, company.callback_slot_evening)
        # the next survey skips him, with the reason on the request
        request = closed_complaint("滤芯异味")
        request._send(fields.Datetime.now())
        self.assertEqual(request.state, "skipped_consent")
        self.assertEqual(request.error_message, "The customer withdrew consent to surveys.")
        self.assertFalse(request.user_input_id, "no survey prepared for him")
