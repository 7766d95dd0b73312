# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json

from odoo.tests import tagged

from odoo.addons.customer_callback.tests.common import CallbackCase


@tagged("post_install", "-at_install")
class TestComplaintResultSms(CallbackCase):
    """A closed complaint tells the customer its result by SMS (through the
    company's provider: customer_callback_sms_aliyun's test sends one)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.partner_sh.phone = "+86 138 0013 8000"
        cls.ticket = cls.env["helpdesk.ticket"].create(
            {
                "name": "净水器漏水",
                "description": "<p>漏水</p>",
                "partner_id": cls.partner_sh.id,
                "company_id": cls.company.id,
                "is_complaint": True,
                "resolution_summary": "已上门更换密封圈",
            }
        )

    def lines(self):
        return self.env["customer.callback.sms"].sudo().search([("ticket_id", "=", self.ticket.id)])

    def test_the_result_message(self):
        self.ticket._callback_sms_tell_result()
        line = self.lines()
        self.assertEqual((line.kind, line.partner_id), ("complaint_result", self.partner_sh))
        # no provider in this company: refused with the reason, never sent
        self.assertEqual(line.state, "refused")
        self.assertIn("No SMS provider", line.failure_reason)

    def test_closing_without_a_provider_queues_nothing(self):
        self.ticket.stage_id = self.env.ref(
            "customer_callback_complaint.helpdesk_ticket_stage_complaint_closed"
        )
        self.assertTrue(self.ticket.stage_id.closed)
        self.assertFalse(self.lines())

    def test_closing_with_a_provider_queues_the_result(self):
        """Closing a complaint in a company that sends through a provider
        queues the result for the customer, once; reopening and closing it
        again tells the new result. A provider comes with a provider addon
        (customer_callback_sms_aliyun, _tencent): bin/test's database has
        them; alone, this addon has no provider to choose."""
        field = self.env["res.company"]._fields["callback_sms_provider"]
        providers = [value for value, _label in field._description_selection(self.env)]
        if not providers:
            self.assertFalse(self.company.callback_sms_provider)
            return
        self.company.write(
            {"callback_sms_provider": providers[0], "callback_sms_sign_name": "客服"}
        )
        self.env["customer.callback.sms.template"].create(
            {
                "company_id": self.company.id,
                "kind": "complaint_result",
                "template_code": "SMS_1",
                "params": "ticket=ticket\nresult=result",
            }
        )
        closed = self.env.ref("customer_callback_complaint.helpdesk_ticket_stage_complaint_closed")
        self.ticket.stage_id = closed
        line = self.lines()
        self.assertEqual((line.kind, line.partner_id), ("complaint_result", self.partner_sh))
        self.assertEqual(line.state, "queued", line.failure_reason)
        self.assertEqual(json.loads(line.template_params)["result"], "已上门更换密封圈")
        # writing the closed stage again is no second closing
        self.ticket.write({"stage_id": closed.id})
        self.assertEqual(len(self.lines()), 1)
        # reopened and closed again with a new result: told again
        self.ticket.stage_id = self.env["helpdesk.ticket.stage"].search(
            [("closed", "=", False)], limit=1
        )
        self.ticket.write({"resolution_summary": "已更换整机", "stage_id": closed.id})
        newest = self.lines()[:1]
        self.assertEqual(len(self.lines()), 2)
        self.assertEqual(json.loads(newest.template_params)["result"], "已更换整机")
