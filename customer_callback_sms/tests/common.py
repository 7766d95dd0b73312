# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json
import os
from datetime import timedelta

import pytz

from odoo import fields
from odoo.tests import HttpCase

from odoo.addons.customer_callback.tests.common import CallbackCase


def recent_slots(now):
    """The three latest moments before ``now`` at 10:00, 14:00 and 19:00
    in Shanghai (morning, afternoon, evening), as naive UTC: three failed
    attempts in distinct slots, all within the last 24 hours."""
    zone = pytz.timezone("Asia/Shanghai")
    local_now = pytz.utc.localize(now).astimezone(zone)
    moments = []
    for hour in (10, 14, 19):
        local = local_now.replace(hour=hour, minute=0, second=0, microsecond=0)
        if local >= local_now:
            local -= timedelta(days=1)
        moments.append(local.astimezone(pytz.utc).replace(tzinfo=None))
    return sorted(moments)


def provider_fixture(folder, name, source):
    """The ``payload`` of ``folder/name`` (JSON), a push payload copied from
    the provider's documentation, whose address (``source``) starts with
    ``source``."""
    with open(os.path.join(folder, name), encoding="utf-8") as handle:
        data = json.load(handle)
    assert data["source"].startswith(source), data["source"]
    return data["payload"]


class SmsProviderCase(HttpCase):
    """A company sending through a provider (``PROVIDER``), the provider's
    SDK pointed at a local fake of its API (``make_server``, a
    ``FakeHttpServer``), a customer with a mobile number. Subclasses give
    the provider's settings (``company_values``) and templates
    (``template_values``); the push endpoints are
    /customer_callback_sms/<PROVIDER>/<kind>/<token>."""

    PROVIDER = None
    COMPANY_NAME = None
    PARTNER_NAME = None
    PARTNER_PHONE = None

    @classmethod
    def make_server(cls):
        raise NotImplementedError()

    @classmethod
    def company_values(cls):
        return {}

    @classmethod
    def template_values(cls):
        return []

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = cls.make_server()
        cls.server.__enter__()
        cls.addClassCleanup(cls.server.__exit__, None, None, None)
        params = cls.env["ir.config_parameter"].sudo()
        params.set_param(f"customer_callback_sms_{cls.PROVIDER}.endpoint", cls.server.endpoint)
        params.set_param(f"customer_callback_sms_{cls.PROVIDER}.protocol", "http")
        cls.company = cls.env["res.company"].create({"name": cls.COMPANY_NAME})
        cls.company.resource_calendar_id.tz = "Asia/Shanghai"
        cls.company.write({"callback_sms_provider": cls.PROVIDER, **cls.company_values()})
        cls.env["customer.callback.sms.template"].create(
            [dict(values, company_id=cls.company.id) for values in cls.template_values()]
        )
        cls.token = cls.company._callback_sms_token()
        cls.partner = cls.env["res.partner"].create(
            {
                "name": cls.PARTNER_NAME,
                "phone": cls.PARTNER_PHONE,
                "tz": "Asia/Shanghai",
                "company_id": cls.company.id,
            }
        )
        # the responsible of the callbacks made (none by default)
        cls.callback_user = cls.env["res.users"]

    def setUp(self):
        super().setUp()
        # the server lives for the class: each test sees its own requests
        self.server.requests.clear()
        self.server.refused.clear()

    def make_callback(self, **values):
        vals = {
            "partner_id": self.partner.id,
            "company_id": self.company.id,
            "user_id": self.callback_user.id,
            "state": "planned",
            "planned_date": fields.Datetime.now(),
        }
        vals.update(values)
        return self.env["customer.callback"].create(vals)

    def fail_three_times(self, callback):
        Attempt = self.env["customer.callback.attempt"]
        for moment, result in zip(
            recent_slots(fields.Datetime.now()), ("no_answer", "busy", "switched_off"), strict=True
        ):
            Attempt.create({"callback_id": callback.id, "result": result, "attempt_date": moment})

    def send_queue(self):
        """Odoo's SMS queue, as its scheduled action sends it."""
        self.env["sms.sms"].sudo().search([("state", "=", "outgoing")])._send(
            unlink_failed=False, unlink_sent=True, raise_exception=False
        )

    def push(self, kind, payload, token=None, raw=None):
        """POST ``payload`` (JSON; ``raw``: these bytes) to the push endpoint."""
        self.env.flush_all()
        response = self.url_open(
            f"/customer_callback_sms/{self.PROVIDER}/{kind}/{token or self.token}",
            data=raw if raw is not None else json.dumps(payload, ensure_ascii=False).encode(),
            headers={"Content-Type": "application/json"},
        )
        self.env.invalidate_all()
        return response


class SmsCase(CallbackCase):
    """The provider-neutral SMS flow on the core's test company: 张伟 has a
    mobile number; ``Line`` is the SMS history as the system."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.partner_sh.phone = "+86 138 0013 8000"
        cls.Line = cls.env["customer.callback.sms"].sudo()
