# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The customer's personal link and page (issue #20), over HTTP from outside:
tokens (expiry, revocation, tampering, another customer's), the rate limit,
CSRF, escaping, and what the customer does there."""

import re
from datetime import datetime, time, timedelta
from unittest.mock import patch

from lxml import html as lxml_html

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, HttpCase, new_test_user, tagged

from odoo.addons.customer_callback.tests.i18n_check import load_language
from odoo.addons.customer_callback.tools import call_window

from ..models import customer_callback_link_throttle

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
# the layout's own CSRF token changes with the clock: not part of what a page reveals
LAYOUT_CSRF = re.compile(r'csrf_token: "([^"]*)"')


def neutral_text(response):
    return LAYOUT_CSRF.sub("", response.text)


@tagged("post_install", "-at_install")
class TestPersonalPage(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.agent = new_test_user(
            cls.env,
            "page_agent",
            groups="customer_callback.customer_callback_group_agent",
            company_id=cls.company.id,
            company_ids=cls.company.ids,
        )
        Partner = cls.env["res.partner"]
        cls.partner = Partner.create(
            {
                "name": "王<b>芳</b>",
                "tz": "Asia/Shanghai",
                "lang": "en_US",
                "email": "wang.fang@example.com",
                "phone": "+86 139 0000 0000",
            }
        )
        cls.other = Partner.create({"name": "Other customer", "tz": "Europe/Paris"})
        cls.Link = cls.env["customer.callback.link"]
        cls.link = cls.Link._for_partner(cls.partner, "contact", cls.company)
        cls.other_link = cls.Link._for_partner(cls.other, "contact", cls.company)

    def page(self, token, path=""):
        self.env.flush_all()
        response = self.url_open(f"/callback/my/{token}{path}", allow_redirects=False)
        self.env.invalidate_all()
        return response

    def post(self, token, action, data=None, csrf=True):
        # never empty: url_open sends a GET without data
        data = dict(data or {}, submitted="1")
        if csrf:
            # the session's token, as the page (or the neutral page's layout) gives it
            data["csrf_token"] = (
                CSRF.search(self.page(token).text) or LAYOUT_CSRF.search(self.page("0.x").text)
            ).group(1)
        self.env.flush_all()
        response = self.url_open(f"/callback/my/{token}/{action}", data=data, allow_redirects=False)
        self.env.invalidate_all()
        return response

    def consent(self, partner=None):
        partner = partner or self.partner
        return partner._callback_consents()[partner.id]

    def make_callback(self, partner=None, **values):
        return self.env["customer.callback"].create(
            dict(
                {
                    "partner_id": (partner or self.partner).id,
                    "user_id": self.agent.id,
                    "state": "planned",
                    "planned_date": fields.Datetime.now() + timedelta(days=3),
                },
                **values,
            )
        )

    def send_personal_link(self, callback, user=None):
        """*Send personal link* as the agent does it: the e-mail opens in the
        composer, is read, then sent. Returns the composer."""
        user = user or self.agent
        action = callback.with_user(user).action_send_personal_link()
        self.assertEqual(action["res_model"], "mail.compose.message")
        composer = Form(
            self.env["mail.compose.message"].with_user(user).with_context(**action["context"])
        ).save()
        composer.action_send_mail()
        return composer

    def expired_link(self, partner=None, purpose="contact", company=None):
        """A link of the customer whose validity ended (as superuser: the
        validity is no user's choice)."""
        Link = self.Link.sudo()
        partner = partner or self.partner
        company = company or self.company
        Link.search(
            [("partner_id", "=", partner.id), ("company_id", "=", company.id)]
        ).action_revoke()
        return Link.create(
            {
                "partner_id": partner.id,
                "company_id": company.id,
                "purpose": purpose,
                "expiry_date": fields.Datetime.now() - timedelta(days=15),
            }
        )

    def test_valid_link_shows_the_page_escaped(self):
        response = self.page(self.link._token())
        self.assertEqual(response.status_code, 200)
        self.assertIn("王&lt;b&gt;芳&lt;/b&gt;", response.text)
        self.assertNotIn("王<b>芳</b>", response.text)
        self.assertIn("Stop contacting me", response.text)
        self.assertTrue(self.link.last_used_date)

    def test_wrong_tampered_expired_revoked_tokens_get_one_neutral_page(self):
        token = self.link._token()
        neutral = self.page("12345.nothing")
        self.assertEqual(neutral.status_code, 404)
        self.assertNotIn(self.partner.email, neutral.text)
        link_id, signature = token.split(".")
        tampered = [
            f"{link_id}.{signature[:-1]}{'A' if signature[-1] != 'A' else 'B'}",
            f"{self.other_link.id}.{signature}",  # this signature on another link
            link_id,
            f"{link_id}.",
            "x" * 300,
        ]
        for bad in tampered:
            response = self.page(bad)
            self.assertEqual(
                (response.status_code, neutral_text(response)), (404, neutral_text(neutral)), bad
            )
        # expired
        with patch.object(
            fields.Datetime, "now", lambda *a: self.link.expiry_date + timedelta(seconds=1)
        ):
            self.assertEqual(self.page(token).status_code, 404)
        # revoked: never again, and a new link is another token
        self.link.with_user(self.agent).action_revoke()
        response = self.page(token)
        self.assertEqual(
            (response.status_code, neutral_text(response)), (404, neutral_text(neutral))
        )
        self.assertEqual(self.post(token, "stop_all").status_code, 404)
        self.assertTrue(self.consent().may_contact())
        fresh = self.Link._for_partner(self.partner, "contact", self.company)
        self.assertNotEqual(fresh._token(), token)
        self.assertEqual(self.page(fresh._token()).status_code, 200)
        self.assertIn("revoked", " ".join(self.partner.message_ids.mapped("body")))

    def test_post_needs_the_csrf_token(self):
        response = self.post(self.link._token(), "stop_all", csrf=False)
        # Odoo refuses the form: invalid CSRF token
        self.assertEqual(response.status_code, 400)
        self.assertTrue(self.consent().may_contact())

    def test_another_customers_token_acts_on_him_only(self):
        self.post(self.other_link._token(), "stop_all")
        self.assertFalse(self.consent(self.other).may_contact())
        self.assertTrue(self.consent().may_contact())

    def test_rate_limit_per_address(self):
        with patch.object(customer_callback_link_throttle, "MAX_REQUESTS", 3):
            statuses = [self.page(self.link._token()).status_code for _i in range(5)]
        self.assertEqual(statuses[:3], [200, 200, 200])
        self.assertEqual(statuses[3:], [429, 429])
        # a wrong token counts too: guessing is limited as much
        Throttle = self.env["customer.callback.link.throttle"]
        self.assertTrue(Throttle._allow("10.0.0.1", limit=1))
        self.assertFalse(Throttle._allow("10.0.0.1", limit=1))
        self.assertTrue(Throttle._allow("10.0.0.2", limit=1))
        later = fields.Datetime.now() + customer_callback_link_throttle.WINDOW
        self.assertTrue(Throttle._allow("10.0.0.1", now=later, limit=1))

    def test_stop_surveys_and_recording_are_recorded_and_logged(self):
        token = self.link._token()
        self.post(token, "stop_survey")
        self.post(token, "no_recording")
        consent = self.consent()
        self.assertTrue(consent.may_contact("phone"))
        self.assertFalse(consent.may_survey())
        self.assertFalse(consent.may_record())
        lines = self.env["customer.callback.consent"].search(
            [("partner_id", "=", self.partner.id), ("source", "=", "customer")]
        )
        self.assertEqual(sorted(lines.mapped("purpose")), ["recording", "survey"])
        self.assertFalse(lines.user_id)
        bodies = " ".join(self.partner.message_ids.mapped("body"))
        self.assertIn("withdrew consent to surveys", bodies)
        self.assertIn("call recording", bodies)

    def test_preferences_and_callback_at_a_chosen_slot(self):
        token = self.link._token()
        response = self.post(
            token, "preferences", {"day": ["1", "3"], "slot": "evening", "channel": "phone"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.partner.callback_preferred_days, "1,3")
        self.assertEqual(self.partner.callback_channel, "phone")
        self.assertEqual(self.partner.callback_preferred_time, self.company.callback_slot_evening)
        callback = self.env["customer.callback"].create(
            {
                "partner_id": self.partner.id,
                "user_id": self.agent.id,
                "state": "planned",
                "planned_date": fields.Datetime.now() + timedelta(days=3),
            }
        )
        zone = call_window.get_zone("Asia/Shanghai")
        tomorrow = call_window.to_local(fields.Datetime.now(), zone).date() + timedelta(days=1)
        response = self.post(token, "callback", {"date": tomorrow.isoformat(), "time": "19:00"})
        self.assertIn("We will call you", response.text)
        expected = call_window.to_utc_naive(datetime.combine(tomorrow, time(19, 0), tzinfo=zone))
        self.assertEqual(callback.planned_date, expected)
        self.assertIn(
            "asked on his personal page to be called",
            " ".join(callback.message_ids.mapped("body")),
        )
        # outside the call windows: refused with a message, nothing moved
        response = self.post(token, "callback", {"date": tomorrow.isoformat(), "time": "03:00"})
        self.assertIn("We do not call at that time", response.text)
        self.assertEqual(callback.planned_date, expected)
        response = self.post(token, "callback", {"date": "tomorrow", "time": "19:00"})
        self.assertIn("Please give a date and a time", response.text)

    def test_page_shows_the_saved_slot_and_the_next_call(self):
        """#29 points 3 and 4: the page selects the time of day the customer
        saved (a later save of the form keeps it), and announces the next
        call, not the latest one planned."""
        token = self.link._token()
        self.post(token, "preferences", {"slot": "evening", "channel": "phone"})
        page = self.page(token).text
        self.assertRegex(page, r'<option value="evening" selected="')
        self.assertNotRegex(page, r'<option value="morning" selected')
        # Monday (day 0) can be ticked too: its box has a value
        self.assertRegex(page, r'name="day" id="day_0" value="0"')
        # the form as the browser sends it again, only the channel changed
        self.post(token, "preferences", {"slot": "evening", "channel": "email"})
        self.assertEqual(self.partner.callback_preferred_time, self.company.callback_slot_evening)
        self.assertEqual(self.partner.callback_channel, "email")
        soon = self.make_callback(planned_date=fields.Datetime.now() + timedelta(hours=5))
        later = self.make_callback(planned_date=fields.Datetime.now() + timedelta(days=6))
        summary = self.link._customer_summary()
        self.assertEqual(summary["open_callback"], soon)
        self.assertIn(summary["open_planned"], self.page(token).text)
        # asking for a moment moves the next call there, so the page announces it
        zone = call_window.get_zone("Asia/Shanghai")
        in_two_days = call_window.to_local(fields.Datetime.now(), zone).date() + timedelta(days=2)
        self.post(token, "callback", {"date": in_two_days.isoformat(), "time": "19:00"})
        asked = call_window.to_utc_naive(datetime.combine(in_two_days, time(19, 0), tzinfo=zone))
        self.assertEqual(soon.planned_date, asked)
        self.assertNotEqual(later.planned_date, asked)
        self.assertEqual(self.link._customer_summary()["open_callback"], soon)

    def test_personal_link_read_before_it_leaves_and_copied(self):
        """#29 point 7: *Send personal link* opens the e-mail in the composer
        (subject of the company, the link as a button), sent from the callback
        so that its delivery, or its failure, shows in the callback's chatter;
        the link can be copied for an SMS or a chat message."""
        self.link.action_revoke()
        callback = self.make_callback()
        self.assertFalse(callback.personal_link_url, "reading the link creates none")
        callback.with_user(self.agent).action_create_personal_link()
        callback.invalidate_recordset()
        link = self.Link.search(
            [("partner_id", "=", self.partner.id), ("revoked_date", "=", False)]
        )
        self.assertEqual(callback.personal_link_url, link._url())
        self.assertTrue(callback.personal_link_expiry)
        form = callback.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn('name="personal_link_url" widget="CopyClipboardChar"', form)
        composer = self.send_personal_link(callback)
        self.assertEqual(composer.subject, f"{self.company.name}: your personal page")
        self.assertIn(f'href="{link._url()}"', str(composer.body))
        message = callback.message_ids.filtered(lambda m: m.message_type == "comment")[:1]
        self.assertIn(link._url(), str(message.body))
        notification = message.notification_ids.filtered(lambda n: n.res_partner_id == self.partner)
        self.assertEqual(notification.notification_type, "email")
        self.assertEqual(message.model, "customer.callback")
        # no e-mail address: a clear message, the link can still be copied
        self.partner.email = False
        with self.assertRaisesRegex(UserError, "has no email address"):
            callback.with_user(self.agent).action_send_personal_link()

    def test_erase_request_for_the_administrators(self):
        callback = self.env["customer.callback"].create(
            {"partner_id": self.partner.id, "user_id": self.agent.id}
        )
        self.post(self.link._token(), "erase", {"note": "<script>alert(1)</script>"})
        request = self.env["customer.callback.data.request"].search(
            [("partner_id", "=", self.partner.id)]
        )
        self.assertEqual((request.kind, request.state), ("erase", "new"))
        self.assertTrue(request.activity_ids)
        self.assertIn("Erasure", self.page(self.link._token()).text)
        with self.assertRaises(AccessError):
            request.with_user(self.agent).action_erase()
        admin = self.env.ref("base.user_admin")
        request.with_user(admin).action_erase()
        self.assertEqual(request.state, "done")
        self.assertFalse(callback.exists())
        self.assertFalse(request.activity_ids)

    # -- issue #28: the second time, another company, the edges ---------------

    def test_expired_link_is_replaced_on_every_path(self):
        """An expired link is replaced by a new one in the same transaction,
        at the real clock: directly, by *Send personal link*, and after a
        revocation (issue #28, 1)."""
        expired = self.expired_link()
        self.assertEqual(expired.state, "expired")
        fresh = self.Link._for_partner(self.partner, "contact", self.company)
        self.assertNotEqual(fresh, expired)
        self.assertEqual((fresh.state, expired.state), ("valid", "revoked"))
        self.assertEqual(self.page(expired._token()).status_code, 404)
        self.assertEqual(self.page(fresh._token()).status_code, 200)
        # the agent's button, on a link expired again
        expired = self.expired_link()
        callback = self.make_callback()
        self.send_personal_link(callback)
        sent = self.Link.search(
            [("partner_id", "=", self.partner.id), ("revoked_date", "=", False)]
        )
        self.assertEqual(sent.state, "valid")
        self.assertNotEqual(sent, expired)
        self.assertIn(sent._token(), " ".join(callback.message_ids.mapped("body")))
        # revoked by an agent, then a new one in the same transaction
        sent.with_user(self.agent).action_revoke()
        again = self.Link._for_partner(self.partner, "contact", self.company)
        self.assertEqual(again.state, "valid")
        self.assertEqual(self.page(again._token()).status_code, 200)

    def test_validity_edges_to_the_second(self):
        """A link opens until the second before its expiry, never at or after
        it; the customer's chatter gives the expiry in the reader's time."""
        agent = self.agent
        agent.tz = "Asia/Shanghai"
        link = self.Link.with_user(agent)._for_partner(self.partner, "survey", self.company)
        token = link._token()
        expiry = link.expiry_date
        for seconds, status in ((-1, 200), (0, 404), (1, 404)):
            moment = expiry + timedelta(seconds=seconds)
            with patch.object(fields.Datetime, "now", lambda *a, moment=moment: moment):
                self.assertEqual(self.page(token).status_code, status, seconds)
                self.assertEqual(link.state, "valid" if seconds < 0 else "expired")
        note = self.partner.message_ids.filtered(lambda m: "valid until" in (m.body or ""))[:1]
        self.assertIn(call_window.format_local(expiry, "Asia/Shanghai"), note.body)
        self.assertIn("(Asia/Shanghai)", note.body)

    def test_stop_all_cancels_the_planned_call_at_once(self):
        """*Stop all* on the page: the planned call is cancelled with the
        reason, the page no longer announces it, and the call can neither
        start nor be attempted (issue #28, 2)."""
        callback = self.make_callback()
        token = self.link._token()
        self.assertIn("Our next call is planned on", self.page(token).text)
        response = self.post(token, "stop_all")
        self.assertIn("Your choice is saved", response.text)
        self.assertNotIn("Our next call is planned on", response.text)
        self.assertEqual((callback.state, callback.close_reason), ("cancelled", "withdrawn"))
        self.assertIn(
            "the customer asked not to be contacted (Customer page)",
            " ".join(callback.message_ids.mapped("body")),
        )
        agent_callback = callback.with_user(self.agent)
        with self.assertRaisesRegex(UserError, "withdrew his consent to be contacted by Phone"):
            agent_callback.action_start()
        with self.assertRaisesRegex(UserError, "withdrew his consent"):
            agent_callback.with_context(attempt_result="no_answer").action_log_attempt()

    def test_stop_all_refuses_a_call_kept_open(self):
        """A call still open for a withdrawn customer (planned before the
        withdrawal acted) cannot start nor get an attempt, whatever the path."""
        token = self.link._token()
        self.post(token, "stop_all")
        callback = (
            self.env["customer.callback"]
            .with_context(callback_allow_do_not_call=True)
            .create(
                {
                    "partner_id": self.partner.id,
                    "user_id": self.agent.id,
                    "state": "planned",
                    "planned_date": fields.Datetime.now() + timedelta(days=3),
                }
            )
        )
        self.assertNotIn("Our next call is planned on", self.page(token).text)
        agent_callback = callback.with_user(self.agent)
        with self.assertRaisesRegex(UserError, "withdrew his consent"):
            agent_callback.action_start()
        self.assertEqual(callback.state, "planned")
        with self.assertRaisesRegex(UserError, "withdrew his consent"):
            agent_callback.with_context(attempt_result="no_answer").action_log_attempt()
        with self.assertRaisesRegex(UserError, "withdrew his consent"):
            self.env["customer.callback.attempt"].with_user(self.agent).create(
                {"callback_id": callback.id, "result": "no_answer", "channel": "phone"}
            )
        self.assertFalse(callback.attempt_ids)

    def test_second_stop_after_allowing_again(self):
        """Stop, allow again, a new call, stop again: the second withdrawal
        acts as the first; surveys only stop no call."""
        token = self.link._token()
        first = self.make_callback()
        self.post(token, "stop_all")
        self.assertEqual(first.state, "cancelled")
        self.post(token, "allow_all")
        self.assertTrue(self.consent().may_contact())
        second = self.make_callback()
        second.with_user(self.agent).action_start()
        self.assertEqual(second.state, "in_progress")
        self.post(token, "stop_survey")
        self.assertEqual(second.state, "in_progress", "surveys only: the call goes on")
        self.post(token, "stop_all")
        self.assertEqual((second.state, second.close_reason), ("cancelled", "withdrawn"))
        self.assertEqual(first.close_reason, "withdrawn")

    def test_repeated_data_request_is_one_pending_request(self):
        """Asking twice for the export: one request, one activity, and the
        page says it is pending; once handled, asking again is a new
        request (issue #28, 4)."""
        self.make_callback()
        token = self.link._token()
        Request = self.env["customer.callback.data.request"]
        # another company's open request is that company's: neither reused nor shown
        company_b = self.env["res.company"].create({"name": "Data request company B"})
        other = Request.create(
            {"partner_id": self.partner.id, "company_id": company_b.id, "kind": "export"}
        )
        first = self.post(token, "export")
        self.assertIn("Your request is sent", first.text)
        self.assertEqual(first.text.count("o_customer_callback_request_pending"), 1)
        self.assertEqual(other.state, "new")
        second = self.post(token, "export", {"note": "Still waiting"})
        self.assertIn("You already made this request: it is pending", second.text)
        self.assertIn("o_customer_callback_request_pending", second.text)
        request = Request.search(
            [("partner_id", "=", self.partner.id), ("company_id", "=", self.company.id)]
        )
        self.assertEqual((len(request), request.kind, request.state), (1, "export", "new"))
        self.assertEqual(len(request.activity_ids), 1)
        self.assertIn("Still waiting", " ".join(request.message_ids.mapped("body")))
        # the erasure is another kind: its own request
        self.post(token, "erase")
        self.post(token, "erase")
        erase = Request.search([("partner_id", "=", self.partner.id), ("kind", "=", "erase")])
        self.assertEqual(len(erase), 1)
        # handled, then asked again: a new request, the old one kept as done
        request.with_user(self.env.ref("base.user_admin")).action_export()
        third = self.post(token, "export")
        self.assertIn("Your request is sent", third.text)
        exports = Request.search(
            [
                ("partner_id", "=", self.partner.id),
                ("company_id", "=", self.company.id),
                ("kind", "=", "export"),
            ]
        )
        self.assertEqual(sorted(exports.mapped("state")), ["done", "new"])
        erase.with_user(self.env.ref("base.user_admin")).action_refuse()
        self.assertIn("Your request is sent", self.post(token, "erase").text)

    def test_link_of_another_company_opens_nothing(self):
        """A customer who is now company A's alone: company B's link opens
        nothing and records nothing; a new one is refused (issue #28, 3)."""
        company_b = self.env["res.company"].create({"name": "Personal page company B"})
        customer = self.env["res.partner"].create(
            {"name": "Shared then A", "email": "shared@example.com", "lang": "en_US"}
        )
        link_b = self.Link._for_partner(customer, "contact", company_b)
        token = link_b._token()
        self.assertEqual(self.page(token).status_code, 200)
        customer.company_id = self.company
        response = self.page(token)
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("shared@example.com", response.text)
        self.assertEqual(self.post(token, "stop_all").status_code, 404)
        self.assertTrue(self.consent(customer).may_contact())
        self.assertFalse(
            self.env["customer.callback.consent"].search([("partner_id", "=", customer.id)])
        )
        link_b.action_revoke()
        with self.assertRaisesRegex(UserError, "company"):
            self.Link.create({"partner_id": customer.id, "company_id": company_b.id})
        # company A's link for him is fine
        link_a = self.Link._for_partner(customer, "contact", self.company)
        self.assertEqual(self.page(link_a._token()).status_code, 200)


AGENT_GROUP = "customer_callback.customer_callback_group_agent"
# a Latin mark touching Chinese text: "您好,", "时间)." (times 09:00 and zones
# Asia/Shanghai are not sentences)
MIXED_PUNCTUATION = re.compile(
    r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef][,.;:!?()]|[,;:!?(]\s*[\u3400-\u9fff]"
)


@tagged("post_install", "-at_install")
class TestPersonalPageLanguage(HttpCase):
    """The page is a page of the customer's language: ``<html lang>``, a
    title naming the company and what the page is for, and the language's
    own punctuation around the values (#29)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_language(cls.env, "zh_CN")
        cls.company = cls.env.company
        cls.agent = new_test_user(cls.env, "page_lang_agent", groups=AGENT_GROUP)
        cls.partner = cls.env["res.partner"].create(
            {"name": "王<b>芳</b>", "tz": "Asia/Shanghai", "lang": "en_US"}
        )
        cls.link = cls.env["customer.callback.link"]._for_partner(
            cls.partner, "contact", cls.company
        )
        cls.env["customer.callback"].create(
            {
                "partner_id": cls.partner.id,
                "user_id": cls.agent.id,
                "state": "done",
                "done_date": fields.Datetime.now() - timedelta(days=2),
                "summary": "OK",
            }
        )
        cls.env["customer.callback"].create(
            {
                "partner_id": cls.partner.id,
                "user_id": cls.agent.id,
                "state": "planned",
                "planned_date": fields.Datetime.now() + timedelta(days=3),
            }
        )

    page = TestPersonalPage.page

    def visible_text(self, response):
        body = lxml_html.fromstring(response.content).xpath("//body")[0]
        for node in body.xpath(".//script|.//style"):
            node.getparent().remove(node)
        return " ".join(body.text_content().split())

    def test_chinese_customer_reads_a_chinese_page(self):
        self.partner.lang = "zh_CN"
        response = self.page(self.link._token())
        self.assertEqual(response.status_code, 200)
        self.assertIn('<html lang="zh-CN"', response.text)
        title = lxml_html.fromstring(response.content).findtext(".//title")
        self.assertEqual(title, f"{self.company.name}｜我的联系偏好")
        text = self.visible_text(response)
        self.assertIn("王<b>芳</b>您好，您可以在这里决定", text)
        self.assertIn("（您的当地时间，Asia/Shanghai）。", text)
        self.assertIn("我们下一次来电安排在", text)
        self.assertIn("回访：2 次（已完成 1 次，最近一次：", text)
        self.assertFalse(MIXED_PUNCTUATION.findall(text), text)

    def test_english_page_and_neutral_page(self):
        response = self.page(self.link._token())
        self.assertIn('<html lang="en-US"', response.text)
        title = lxml_html.fromstring(response.content).findtext(".//title")
        self.assertEqual(title, f"{self.company.name} – Your contact preferences")
        text = self.visible_text(response)
        self.assertIn("(your time, Asia/Shanghai).", text)
        self.assertIn("Callbacks: 2 (1 done, last on", text)
        neutral = self.page("0.x")
        self.assertEqual(neutral.status_code, 404)
        self.assertRegex(neutral.text, r'<html lang="[a-z]{2}-[A-Z]{2}"')
        self.assertEqual(
            lxml_html.fromstring(neutral.content).findtext(".//title"), "This link is not valid"
        )
