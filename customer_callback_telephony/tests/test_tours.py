# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.customer_callback.tests.i18n_check import load_language


@tagged("post_install", "-at_install")
class TestTelephonyTour(HttpCase):
    def test_chinese_agent_reads_her_calls(self):
        load_language(self.env, "zh_CN")
        agent = new_test_user(
            self.env,
            "tp_zh_agent",
            groups="customer_callback.customer_callback_group_agent",
            password="tp_zh_agent_pw",
            lang="zh_CN",
            tz="Asia/Shanghai",
        )
        partner = self.env["res.partner"].create(
            {"name": "王芳", "tz": "Asia/Shanghai", "phone": "13900001111"}
        )
        now = fields.Datetime.now()
        callback = self.env["customer.callback"].create(
            {
                "partner_id": partner.id,
                "user_id": agent.id,
                "state": "in_progress",
                "planned_date": now,
                "deadline": now.date() + timedelta(days=2),
            }
        )
        # processed in the company's language (the push queue does so)
        self.env["customer.callback.call"].with_context(lang="zh_CN")._telephony_ingest(
            [
                {
                    "provider": "generic",
                    "company_id": callback.company_id.id,
                    "call_ref": "tour-1",
                    "callee_number": "+86 139 0000 1111",
                    "agent_ref": agent.login,
                    "ring_date": now - timedelta(minutes=3),
                    "answer_date": now - timedelta(minutes=2, seconds=50),
                    "hangup_date": now - timedelta(minutes=1),
                    "duration": 110,
                    "hangup_side": "agent",
                    "recording_url": "http://127.0.0.1:9/rec.mp3",
                    "event_date": now - timedelta(minutes=1),
                }
            ]
        )
        self.assertEqual(callback.attempt_ids.result, "connected")
        self.start_tour("/odoo", "customer_callback_telephony_zh_tour", login="tp_zh_agent")
