# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

import freezegun

from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged

from .common import FROZEN_NOW, TODAY, CallbackCase
from .i18n_check import (
    SOP_REFERENCE,
    avoided_agent_words,
    check_module_translations,
    english_in_messages,
    load_language,
    terms_citing_sop_sections,
    untranslated_chatter_terms,
    untranslated_screen_terms,
    untranslated_web_client_terms,
)


@tagged("post_install", "-at_install")
class TestTranslations(TransactionCase):
    def test_pot_is_current_and_zh_cn_complete(self):
        check_module_translations(self, "customer_callback")

    def test_no_term_cites_sop_sections(self):
        self.assertTrue(SOP_REFERENCE.search("window (002 §9.4: 09:00-12:00)"))
        self.assertTrue(SOP_REFERENCE.search("survey (003 step 5)"))
        self.assertFalse(SOP_REFERENCE.search("within 3 steps of the 2003 plan"))
        self.assertEqual(terms_citing_sop_sections(self.env, "customer_callback"), [])


@tagged("post_install", "-at_install")
class TestScreensInChinese(TransactionCase):
    """What a Chinese user reads on the suite's screens, whoever owns the
    term: the suite, helpdesk_mgmt (no zh_CN upstream) or Odoo's web client."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_language(cls.env, "zh_CN")

    def test_every_screen_term_reads_in_chinese(self):
        missing = untranslated_screen_terms(self.env, "zh_CN")
        self.assertFalse(
            missing,
            f"{len(missing)} terms of the suite's screens show in English in zh_CN "
            f"(ship them in customer_callback/i18n_extra/zh_CN.po or the addon's i18n): "
            + "; ".join(f"{where} {what}: {term!r}" for where, what, term in missing[:40]),
        )

    def test_helpdesk_stages_and_ticket_list_read_in_chinese(self):
        """helpdesk_mgmt's own records and labels get the suite's Chinese."""
        stage = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new").with_context(lang="zh_CN")
        self.assertEqual(stage.name, "新建")
        fields = (
            self.env["helpdesk.ticket"]
            .with_context(lang="zh_CN")
            .fields_get(["number", "name", "user_id", "priority"], ["string", "selection"])
        )
        self.assertEqual(fields["number"]["string"], "工单编号")
        self.assertEqual(fields["user_id"]["string"], "负责人")
        self.assertIn(
            ("3", "非常高"), [tuple(choice) for choice in fields["priority"]["selection"]]
        )
        arch = (
            self.env["helpdesk.ticket"]
            .with_context(lang="zh_CN")
            .get_views([(self.env.ref("helpdesk_mgmt.helpdesk_ticket_view_search").id, "search")])
        )["views"]["search"]["arch"]
        self.assertIn('string="未关闭"', arch)

    def test_web_client_terms_read_in_chinese(self):
        self.assertFalse(untranslated_web_client_terms(self.env, "zh_CN"))
        per_module, _params = self.env["ir.http"]._get_translations_for_webclient(
            ["customer_callback"], "zh_CN"
        )
        messages = {m["id"]: m["string"] for m in per_module["customer_callback"]["messages"]}
        self.assertEqual(messages.get("Missing required fields"), "缺少必填字段")

    def test_chatter_records_read_in_chinese(self):
        """Mail templates (the suite's and the helpdesk app's: ticket assigned,
        stage changed, ticket closed), subtypes and activity types read in
        Chinese, and no translation calls an agent 坐席 (#29)."""
        missing = untranslated_chatter_terms(self.env, "zh_CN")
        self.assertFalse(
            missing, "; ".join(f"{where} {what}: {term!r}" for where, what, term in missing)
        )
        self.assertFalse(avoided_agent_words("zh_CN"))

    def test_the_check_sees_an_untranslated_term(self):
        """The screen check fails on a term without Chinese."""
        stage = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new")
        stage.with_context(lang="zh_CN").name = "New"
        missing = untranslated_screen_terms(self.env, "zh_CN")
        self.assertIn(("helpdesk_mgmt.helpdesk_ticket_stage_new", "name", "New"), missing)


@tagged("post_install", "-at_install")
class TestWebClientInChinese(HttpCase):
    """The web client, as a browser loads it, gets the suite's Chinese for the
    terms Odoo's own zh_CN leaves empty."""

    def test_web_client_translations_route(self):
        load_language(self.env, "zh_CN")
        response = self.url_open("/web/webclient/translations?lang=zh_CN")
        self.assertEqual(response.status_code, 200)
        body = response.json()
        self.assertEqual(body["lang"], "zh_CN")
        messages = {
            message["id"]: message["string"]
            for module in body["modules"].values()
            for message in module["messages"]
        }
        self.assertEqual(messages.get("Missing required fields"), "缺少必填字段")

    def test_chinese_agent_reads_the_ticket_list_in_chinese(self):
        load_language(self.env, "zh_CN")
        agent = new_test_user(
            self.env,
            "zh_agent",
            groups="helpdesk_mgmt.group_helpdesk_user,customer_callback.customer_callback_group_agent",
            password="zh_agent_pw",
            lang="zh_CN",
            tz="Asia/Shanghai",
        )
        self.env["helpdesk.ticket"].create(
            {
                "name": "Tour zh ticket",
                "description": "<p>x</p>",
                "user_id": agent.id,
                "stage_id": self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new").id,
            }
        )
        self.start_tour("/odoo", "customer_callback_zh_ticket_list_tour", login="zh_agent")


@tagged("post_install", "-at_install")
class TestChatterInChinese(CallbackCase):
    """What the suite writes in the chatter of a callback and of the ticket
    raised from it reads in Chinese, for a Chinese agent (#29): the messages
    of an unreachable customer, of a ticket raised, of a callback expired,
    their subtypes and tracked fields."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_language(cls.env, "zh_CN")
        (cls.agent1 | cls.agent2 | cls.supervisor).write({"lang": "zh_CN", "tz": "Asia/Shanghai"})
        cls.partner_sh.lang = "zh_CN"
        cls.category = cls.env["helpdesk.ticket.category"].create(
            {"name": "漏水", "company_id": cls.company.id, "routing_user_id": cls.agent2.id}
        )

    def chinese(self, records, user=None):
        env = self.env(
            user=user or self.agent1,
            context=dict(
                self.env.context,
                lang="zh_CN",
                tz="Asia/Shanghai",
                tracking_disable=False,
                mail_notrack=False,
            ),
        )
        return records.with_env(env)

    def assert_chinese(self, records, *names):
        messages = records.with_context(lang="zh_CN").message_ids
        self.assertTrue(messages)
        names = set(
            (self.agent1 | self.agent2 | self.supervisor).mapped("name")
            + records.mapped("display_name")
            + [self.company.name, self.partner_sh.name, *names]
            # instant messaging: IM/微信, the screens' own word
            + ["IM"]
        )
        self.assertFalse(english_in_messages(messages, allowed=names))

    def test_unreachable_callback(self):
        callback = self.chinese(self.env["customer.callback"]).create(
            {
                "partner_id": self.partner_sh.id,
                "user_id": self.agent1.id,
                "team_id": self.team.id,
                "state": "planned",
                "planned_date": FROZEN_NOW,
                "deadline": TODAY,
            }
        )
        for result, moment in (
            ("busy", datetime(2026, 11, 23, 11, 0)),
            ("no_answer", datetime(2026, 11, 24, 2, 0)),
            ("switched_off", datetime(2026, 11, 24, 6, 0)),
            ("message_sent", datetime(2026, 11, 24, 6, 5)),
        ):
            with freezegun.freeze_time(moment):
                callback.with_context(attempt_result=result).action_log_attempt()
        self.env.flush_all()
        self.assertEqual(callback.state, "unreachable")
        self.assert_chinese(callback)

    def test_ticket_raised_from_a_callback(self):
        callback = self.chinese(self.make_callback())
        callback.sudo().write(
            {
                "state": "in_progress",
                "feedback": "滤芯每天早上漏水",
                "problem_category_id": self.category.id,
                "promised_date": FROZEN_NOW + timedelta(hours=4),
            }
        )
        action = callback.action_create_ticket()
        ticket = self.chinese(self.env["helpdesk.ticket"].browse(action["res_id"]))
        self.env.flush_all()
        self.assert_chinese(callback, ticket.number, ticket.display_name)
        self.assert_chinese(ticket)

    def test_expired_callback(self):
        """The scheduled expiry writes in the company's language."""
        self.company.partner_id.lang = "zh_CN"
        callback = self.make_callback(
            planned_date=FROZEN_NOW - timedelta(days=42), deadline=TODAY - timedelta(days=40)
        )
        self.env["customer.callback"].with_context(lang=None)._close_stale_batch()
        self.env.flush_all()
        self.assertEqual(callback.state, "cancelled")
        self.assert_chinese(callback)
