# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from contextlib import contextmanager
from datetime import timedelta

from odoo.addons.customer_callback.tests.common import FROZEN_NOW, CallbackCase
from odoo.addons.customer_callback.tests.fake_http import FakeHttpServer

RECORDING_BYTES = b"ID3\x03\x00fake mp3 recording"


class RecordingServer(FakeHttpServer):
    """The provider's recording store: ``content`` at /rec/<any>.mp3, 404
    elsewhere; ``requests`` holds the paths asked for."""

    METHODS = ("GET",)

    def __init__(self, content=RECORDING_BYTES):
        super().__init__()
        self.content = content

    def handle(self, handler):
        self.record(handler.path)
        if handler.path.startswith("/rec/"):
            self.reply(handler, 200, self.content, "audio/mpeg")
        else:
            self.reply(handler, 404, b"", "text/plain")


@contextmanager
def recording_server(content=RECORDING_BYTES):
    """A local recording store (``RecordingServer``); yields its base URL and
    the list of paths requested."""
    with RecordingServer(content) as server:
        yield server.url, server.requests


class TelephonyCase(CallbackCase):
    """A callback in progress for 张伟, whose mobile number the phone system
    reports in its own format."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.partner_sh.phone = "+86 138-0013-8000"
        cls.Call = cls.env["customer.callback.call"]

    def setUp(self):
        super().setUp()
        self.callback = self.make_callback()
        self.callback.with_user(self.agent1).action_start()

    def event(self, ref="call-1", **values):
        vals = {
            "provider": "generic",
            "company_id": self.company.id,
            "call_ref": ref,
            "direction": "outbound",
            "callee_number": "8613800138000",
            "agent_ref": self.agent1.login,
            "event_date": FROZEN_NOW,
        }
        vals.update(values)
        return vals

    def ended(self, ref="call-1", talk=120, **values):
        """The events of a call answered and ended ``talk`` seconds later."""
        ring = FROZEN_NOW - timedelta(seconds=(talk or 0) + 60)
        answer = ring + timedelta(seconds=10) if talk is not None else False
        hangup = (answer or ring + timedelta(seconds=30)) + timedelta(seconds=talk or 0)
        vals = {
            "ring_date": ring,
            "answer_date": answer,
            "hangup_date": hangup,
            "duration": talk or 0,
            "hangup_side": "agent",
            "event_date": hangup,
        }
        vals.update(values)
        return self.event(ref, **vals)
