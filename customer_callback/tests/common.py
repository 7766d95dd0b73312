# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta
from unittest.mock import patch

import freezegun

from odoo.tests import TransactionCase, new_test_user

from ..tools import call_window

# Monday 23 November 2026, 02:00 UTC = 10:00 in Shanghai.
FROZEN_NOW = datetime(2026, 11, 23, 2, 0)
TODAY = FROZEN_NOW.date()


class CallbackCase(TransactionCase):
    """Frozen clock (Python and the cursor's now()), a company in Shanghai,
    a team with two agents and a leader, customers in three timezones."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        freezer = freezegun.freeze_time(FROZEN_NOW)
        freezer.start()
        cls.addClassCleanup(freezer.stop)
        cls.startClassPatcher(patch.object(cls.cr, "now", lambda: FROZEN_NOW))
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, mail_notrack=True))
        cls.company = cls.env.company
        cls.company.resource_calendar_id.tz = "Asia/Shanghai"
        cls.supervisor = new_test_user(
            cls.env,
            "cb_supervisor",
            groups="customer_callback.customer_callback_group_supervisor",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
        )
        cls.agent1 = new_test_user(
            cls.env,
            "cb_agent1",
            groups="customer_callback.customer_callback_group_agent",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
        )
        cls.agent2 = new_test_user(
            cls.env,
            "cb_agent2",
            groups="customer_callback.customer_callback_group_agent",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
        )
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "Callback test team",
                "user_ids": [(6, 0, [cls.agent1.id, cls.agent2.id])],
                "user_id": cls.supervisor.id,
            }
        )
        Partner = cls.env["res.partner"]
        cls.partner_sh = Partner.create(
            {"name": "张伟", "tz": "Asia/Shanghai", "phone": "+86 1380000"}
        )
        cls.partner_paris = Partner.create({"name": "Claire Martin", "tz": "Europe/Paris"})
        cls.partner_ny = Partner.create({"name": "James Walker", "tz": "America/New_York"})
        cls.product = cls.env["product.product"].create(
            {"name": "Water purifier", "list_price": 100}
        )
        # Only the rules a test creates are active.
        cls.env["customer.callback.rule"].search([]).active = False

    @classmethod
    def make_rule(cls, **values):
        vals = {
            "name": "Test rule",
            "segment": "usage",
            "trigger": "order",
            "offset_days": 0,
            "window_days": 7,
            "assignment": "round_robin",
            "team_id": cls.team.id,
            "company_id": cls.company.id,
        }
        vals.update(values)
        return cls.env["customer.callback.rule"].create(vals)

    @classmethod
    def make_order(cls, partner, days_ago=0):
        order = cls.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "order_line": [(0, 0, {"product_id": cls.product.id, "product_uom_qty": 1})],
            }
        )
        order.action_confirm()
        if days_ago:
            order.date_order = FROZEN_NOW - timedelta(days=days_ago)
        return order

    def make_callback(self, partner=None, **values):
        vals = {
            "partner_id": (partner or self.partner_sh).id,
            "user_id": self.agent1.id,
            "team_id": self.team.id,
            "state": "planned",
            "planned_date": FROZEN_NOW,
            "deadline": TODAY + timedelta(days=3),
        }
        vals.update(values)
        return self.env["customer.callback"].create(vals)

    def generate(self, partners, **kwargs):
        return self.env["customer.callback.generator"]._generate_for_partners(
            partners.ids, **kwargs
        )

    def callbacks_of(self, partners, rule=None):
        domain = [("partner_id", "in", partners.ids)]
        if rule:
            domain.append(("rule_id", "=", rule.id))
        return self.env["customer.callback"].with_context(active_test=False).search(domain)

    def local(self, moment, tz):
        return call_window.to_local(moment, call_window.get_zone(tz)).replace(tzinfo=None)

    def assert_in_window(self, callback):
        company = callback.company_id
        self.assertTrue(
            call_window.is_in_window(
                callback.planned_date,
                callback._tz(),
                company._callback_windows(),
                company._callback_holiday_checker(callback.planned_date.date()),
            ),
            f"{callback.planned_date} is outside the windows of {callback._tz()}",
        )
