# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.customer_callback.tests.i18n_check import load_language


@tagged("post_install", "-at_install")
class TestVoipOcaTour(HttpCase):
    def test_chinese_agent_calls_from_her_workday(self):
        """From 今日工作台 through the softphone (voip_oca's test mode: no SIP
        account, so no audio and no answer): the call made the attempt."""
        load_language(self.env, "zh_CN")
        agent = new_test_user(
            self.env,
            "voip_zh_agent",
            groups="customer_callback.customer_callback_group_agent",
            password="voip_zh_agent_pw",
            lang="zh_CN",
            tz="Asia/Shanghai",
        )
        pbx = self.env["voip.pbx"].create(
            {"name": "Tour PBX", "domain": "pbx.test", "ws_server": "ws://127.0.0.1:9"}
        )
        agent.voip_pbx_id = pbx
        agent.company_id.callback_telephony_provider = "voip_oca"
        partner = self.env["res.partner"].create(
            {"name": "王芳", "tz": "Asia/Shanghai", "phone": "13900001111"}
        )
        now = fields.Datetime.now()
        callback = self.env["customer.callback"].create(
            {
                "partner_id": partner.id,
                "user_id": agent.id,
                "state": "planned",
                "planned_date": now - timedelta(hours=1),
                "deadline": now.date() + timedelta(days=2),
            }
        )
        self.start_tour(
            "/odoo", "customer_callback_telephony_voip_oca_zh_tour", login="voip_zh_agent"
        )
        self.assertEqual(callback.state, "in_progress")
        call = callback.call_ids
        self.assertEqual(
            (call.provider, call.state, call.outcome), ("voip_oca", "attempt", "no_answer")
        )
        self.assertEqual(call.voip_call_id.state, "terminated")
        self.assertEqual(call.voip_call_id.user_id, agent)
        self.assertEqual(callback.attempt_ids.result, "no_answer")
