# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged

from .i18n_check import (
    SOP_REFERENCE,
    check_module_translations,
    load_language,
    terms_citing_sop_sections,
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
