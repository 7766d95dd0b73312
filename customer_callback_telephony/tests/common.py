# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
import threading
from contextlib import contextmanager
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from odoo.addons.customer_callback.tests.common import FROZEN_NOW, CallbackCase

_logger = logging.getLogger(__name__)
RECORDING_BYTES = b"ID3\x03\x00fake mp3 recording"


@contextmanager
def recording_server(content=RECORDING_BYTES):
    """A local HTTP server that serves ``content`` at /rec/<any>.mp3 (the
    provider's recording link) and 404 elsewhere; yields its base URL and the
    list of paths requested."""
    requested = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's name
            requested.append(self.path)
            if self.path.startswith("/rec/"):
                self.send_response(200)
                self.send_header("Content-Type", "audio/mpeg")
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                self.wfile.write(content)
            else:
                self.send_response(404)
                self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requested
    finally:
        server.shutdown()
        server.server_close()


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
