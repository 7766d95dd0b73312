# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
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
