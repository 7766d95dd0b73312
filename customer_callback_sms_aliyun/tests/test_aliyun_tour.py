# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .common import AFTER, KEY_SECRET, AliyunCase


@tagged("post_install", "-at_install")
class TestAliyunTour(AliyunCase):
    def test_administrator_sets_up_aliyun_in_chinese(self):
        company = self.env.ref("base.main_company")
        self.env["customer.callback.sms.template"].create(
            {
                "company_id": company.id,
                "kind": "after_attempts",
                "template_code": AFTER,
                "params": "name=name\nlink=link",
            }
        )
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["customer_callback", "customer_callback_sms", "customer_callback_sms_aliyun"],
            ["zh_CN"],
        )
        admin = self.env.ref("base.user_admin")
        admin.write({"lang": "zh_CN", "company_id": company.id})
        self.start_tour("/odoo", "customer_callback_sms_aliyun_tour", login="admin")
        self.assertEqual(company.callback_sms_provider, "aliyun")
        self.assertEqual(company.callback_sms_aliyun_key_secret, KEY_SECRET)
        line = self.env["customer.callback.sms"].search([("company_id", "=", company.id)])
        self.assertEqual(line.state, "sent", line.failure_reason)
        self.assertEqual(self.server.requests[-1][1]["TemplateCode"], AFTER)
