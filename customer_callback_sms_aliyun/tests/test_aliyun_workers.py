# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The push endpoints on a real Odoo server with two HTTP workers (prefork,
each its own process and registry), as production runs them: a forged push
is refused, the same push received twice at once (the provider's retry, a
replay) is applied once, and a 'TD' reply withdraws SMS consent, after
which the next message (a survey invitation) is refused with the reason.

The data is committed in its own cursor (the test's transaction is not
visible to the server's workers) and removed afterwards."""

import json
import threading

import requests

from odoo import SUPERUSER_ID, api, fields
from odoo.tests import TransactionCase, tagged

from odoo.addons.customer_callback.tests.odoo_server import odoo_server

from .common import fixture


@tagged("post_install", "-at_install")
class TestAliyunPushWorkers(TransactionCase):
    def committed_env(self):
        cr = self.registry.cursor()
        self.addCleanup(cr.close)
        return api.Environment(cr, SUPERUSER_ID, {})

    def set_up_committed(self):
        env = self.committed_env()
        company = env.ref("base.main_company")
        before = {
            "callback_sms_provider": company.callback_sms_provider,
            "callback_sms_push_token": company.callback_sms_push_token,
        }
        company.write({"callback_sms_provider": "aliyun", "callback_sms_push_token": False})
        token = company._callback_sms_token()
        partner = env["res.partner"].create(
            {"name": "孙丽 (workers)", "phone": "+86 137 0013 7000", "company_id": company.id}
        )
        line = env["customer.callback.sms"].create(
            {
                "company_id": company.id,
                "partner_id": partner.id,
                "number": "+8613700137000",
                "number_key": "13700137000",
                "kind": "survey",
                "provider": "aliyun",
                "provider_ref": f"worker-{partner.id}^0",
                "state": "sent",
                "sent_date": fields.Datetime.now(),
            }
        )
        env.cr.commit()

        def clean():
            env.cr.rollback()  # a fresh snapshot: the workers committed since
            self.fresh(env)
            env["customer.callback.consent"].with_context(callback_sample_removal=True).search(
                [("partner_id", "=", partner.id)]
            ).unlink()
            env["customer.callback.sms.push"].search([("company_id", "=", company.id)]).unlink()
            env["customer.callback.sms"].search([("partner_id", "=", partner.id)]).unlink()
            partner.message_ids.unlink()
            partner.unlink()
            company.write(before)
            env.cr.commit()

        self.addCleanup(clean)
        return env, token, line, partner

    def fresh(self, env):
        """Read what the workers committed: a new transaction (snapshot)."""
        env.cr.rollback()
        env.invalidate_all()

    def start_server(self):
        return self.enterContext(odoo_server(self.env.cr.dbname, workers=2)).base

    def test_pushes_on_a_two_worker_server(self):
        env, token, line, partner = self.set_up_committed()
        base = self.start_server()

        def post(kind, payload, used_token=token):
            return requests.post(
                f"{base}/customer_callback_sms/aliyun/{kind}/{used_token}",
                data=json.dumps(payload, ensure_ascii=False).encode(),
                headers={"Content-Type": "application/json"},
                timeout=120,
            )

        receipt = fixture("smsreport.json")
        receipt[0].update(phone_number="13700137000", biz_id=line.provider_ref)
        # forged: refused, nothing applied
        self.assertEqual(post("report", receipt, "F" * 32).status_code, 403)
        self.fresh(env)
        self.assertEqual(line.state, "sent")
        # the same push twice at once, to both workers: applied once
        answers = []
        threads = [
            threading.Thread(target=lambda: answers.append(post("report", receipt)))
            for _i in range(2)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(sorted(answer.status_code for answer in answers), [200, 200])
        self.fresh(env)
        self.assertEqual(line.state, "delivered")
        self.assertEqual(
            env["customer.callback.sms.push"].search_count(
                [("provider", "=", "aliyun"), ("key", "like", f"receipt:%{line.provider_ref}%")]
            ),
            1,
        )
        # 'TD': SMS consent withdrawn, the next message refused with the reason
        reply = fixture("smsup.json")
        reply[0].update(phone_number="13700137000", content="TD", sequence_id="77001")
        self.assertEqual(post("up", reply).status_code, 200)
        self.assertEqual(post("up", reply).status_code, 200)
        self.fresh(env)
        consent = env["customer.callback.consent"].search([("partner_id", "=", partner.id)])
        self.assertEqual(
            [(c.channel, c.decision, c.source, c.text) for c in consent],
            [("sms", "withdrawn", "customer_sms", "TD")],
        )
        survey = env["customer.callback.sms"]._callback_sms_queue(
            [{"partner": partner, "company": line.company_id, "kind": "survey"}]
        )
        self.assertEqual(survey.state, "refused")
        self.assertIn("withdrew his consent", survey.failure_reason)
        env.cr.rollback()
