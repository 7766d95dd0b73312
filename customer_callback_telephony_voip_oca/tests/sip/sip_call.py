# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Real SIP calls (bin/test-sip, not part of bin/test): Kamailio is the SIP
registrar and proxy over WebSocket, baresip the customers (one answers, one
rejects, one does not pick up), Chromium with fake media runs voip_oca's
softphone; a zh_CN tour dials each customer from *My workday*.

bin/test-sip starts Kamailio and baresip and passes their addresses:
CC_SIP_WS (the WebSocket URL), CC_SIP_DOMAIN, CC_BARESIP_CTRL (baresip's
ctrl_tcp port)."""

import json
import logging
import os
import socket
import threading
from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import ChromeBrowser

from odoo.addons.customer_callback.tests.i18n_check import load_language

_logger = logging.getLogger(__name__)

ANSWERS, REJECTS, SILENT = "13900000001", "13900000002", "13900000003"
CHROME_MEDIA = [
    "--use-fake-device-for-media-stream",
    "--use-fake-ui-for-media-stream",
    # one interface for the media (the default route's): with several,
    # Chromium's DTLS comes from another address than ICE chose
    "--force-webrtc-ip-handling-policy=default_public_interface_only",
]


def netstring(data):
    raw = json.dumps(data).encode()
    return str(len(raw)).encode() + b":" + raw + b","


class BaresipCustomers(threading.Thread):
    """Listens to baresip's events (ctrl_tcp) and, two seconds after a call
    to one of ``answers`` (number: baresip command) starts ringing, sends
    that command: ``accept`` picks up, ``hangup`` rejects (the customer looks
    at the ringing phone first). Other numbers ring until the caller gives up."""

    def __init__(self, port, answers):
        super().__init__(daemon=True)
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=2)
        self.answers = answers
        self.events = []
        self.stopped = threading.Event()

    def run(self):
        buffer = b""
        while not self.stopped.is_set():
            try:
                chunk = self.sock.recv(65536)
            except TimeoutError:
                continue
            except OSError:
                return
            if not chunk:
                return
            buffer += chunk
            while b":" in buffer:
                head, rest = buffer.split(b":", 1)
                size = int(head)
                if len(rest) < size + 1:
                    break
                message, buffer = json.loads(rest[:size]), rest[size + 1 :]
                self.events.append(message)
                _logger.info("baresip: %s", message)
                if message.get("type") != "CALL_INCOMING":
                    continue
                for number, command in self.answers.items():
                    if number in message.get("accountaor", ""):
                        threading.Timer(2, self.send, [command]).start()

    def send(self, command):
        self.sock.sendall(netstring({"command": command, "params": "", "token": command}))

    def stop(self):
        self.stopped.set()
        self.sock.close()


@tagged("post_install", "-at_install", "sip")
class TestRealSipCalls(HttpCase):
    # a fresh database builds its asset bundles on the first page, under the
    # test cursor's lock, slowly on a busy machine
    test_cursor_lock_timeout = 90

    def test_calls_from_the_workday_over_sip(self):
        ws_url = os.environ["CC_SIP_WS"]
        domain = os.environ["CC_SIP_DOMAIN"]
        ctrl_port = int(os.environ["CC_BARESIP_CTRL"])
        load_language(self.env, "zh_CN")
        agent = new_test_user(
            self.env,
            "sip_zh_agent",
            groups="customer_callback.customer_callback_group_agent",
            password="sip_zh_agent_pw",
            lang="zh_CN",
            tz="Asia/Shanghai",
        )
        pbx = self.env["voip.pbx"].create(
            {"name": "Kamailio", "mode": "prod", "domain": domain, "ws_server": ws_url}
        )
        agent.write({"voip_pbx_id": pbx.id, "voip_username": "8001", "voip_password": "8001"})
        agent.company_id.callback_telephony_provider = "voip_oca"
        now = fields.Datetime.now()
        callbacks = {}
        for name, number in (("接听客户", ANSWERS), ("拒接客户", REJECTS), ("未接客户", SILENT)):
            partner = self.env["res.partner"].create(
                {"name": name, "tz": "Asia/Shanghai", "phone": number}
            )
            callbacks[number] = self.env["customer.callback"].create(
                {
                    "partner_id": partner.id,
                    "user_id": agent.id,
                    "state": "planned",
                    "planned_date": now - timedelta(hours=1),
                    "deadline": now.date() + timedelta(days=2),
                }
            )
        spawn = ChromeBrowser._spawn_chrome

        def spawn_with_fake_media(browser, cmd):
            return spawn(browser, cmd[:-1] + CHROME_MEDIA + cmd[-1:])

        customers = BaresipCustomers(ctrl_port, {ANSWERS: "accept", REJECTS: "hangup"})
        customers.start()
        try:
            with patch.object(ChromeBrowser, "_spawn_chrome", spawn_with_fake_media):
                self.start_tour(
                    "/odoo",
                    "customer_callback_telephony_voip_oca_sip_tour",
                    login="sip_zh_agent",
                    timeout=180,
                )
        finally:
            customers.stop()
        self.env.invalidate_all()
        results = {}
        for number, callback in callbacks.items():
            call = callback.call_ids
            results[number] = (call.outcome, call.state, call.duration, call.voip_call_id.state)
            _logger.info("SIP call to %s: %s", number, results[number])
        answered = callbacks[ANSWERS].call_ids
        self.assertEqual((answered.outcome, answered.state), ("connected", "attempt"))
        self.assertGreaterEqual(answered.duration, 2)
        self.assertEqual(callbacks[ANSWERS].attempt_ids.result, "connected")
        self.assertEqual(callbacks[REJECTS].call_ids.outcome, "declined")
        self.assertEqual(callbacks[REJECTS].attempt_ids.result, "declined")
        self.assertEqual(callbacks[SILENT].call_ids.outcome, "no_answer")
        self.assertEqual(callbacks[SILENT].attempt_ids.result, "no_answer")
