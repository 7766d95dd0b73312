# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The AMI listener: a small process beside Asterisk that forwards the call
events to Odoo's signed endpoint (Odoo's HTTP workers hold no long-lived
AMI connection). Run it with::

    python3 -m odoo.addons.customer_callback_telephony_asterisk.tools.ami_listener \\
        --ami-host 127.0.0.1 --ami-user odoo --ami-secret ... \\
        --url https://odoo.example.com/customer_callback/telephony/asterisk/1 --secret ...
"""

import argparse
import asyncio
import json
import logging
import time
from datetime import UTC, datetime

from . import ami

_logger = logging.getLogger(__name__)


class AmiListener:
    """Registers the call events on a panoramisk ``Manager`` and hands each
    one, stamped with its reception time, to ``sink``."""

    def __init__(self, manager, sink):
        self.sink = sink
        for name in ami.EVENTS:
            manager.register_event(name, self.on_event)

    def on_event(self, manager, event):
        payload = dict(event.items())
        payload["ReceivedAt"] = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S")
        self.sink(payload)


def http_sink(url, secret, session=None):
    """A sink that posts each event to Odoo, signed."""
    import requests  # noqa: PLC0415

    session = session or requests.Session()

    def post(payload):
        body = json.dumps(payload).encode()
        timestamp = int(time.time())
        header = f"t={timestamp},v1={ami.sign(secret, timestamp, body)}"
        response = session.post(
            url,
            data=body,
            headers={"Content-Type": "application/json", "X-Callback-Signature": header},
            timeout=10,
        )
        if response.status_code != 200:
            _logger.warning("Odoo refused an AMI event: %s %s", response.status_code, response.text)

    return post


def main(argv=None):
    from panoramisk import Manager  # noqa: PLC0415

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ami-host", default="127.0.0.1")
    parser.add_argument("--ami-port", type=int, default=5038)
    parser.add_argument("--ami-user", required=True)
    parser.add_argument("--ami-secret", required=True)
    parser.add_argument("--url", required=True)
    parser.add_argument("--secret", required=True)
    args = parser.parse_args(argv)
    loop = asyncio.new_event_loop()
    manager = Manager(
        loop=loop,
        host=args.ami_host,
        port=args.ami_port,
        username=args.ami_user,
        secret=args.ami_secret,
    )
    AmiListener(manager, http_sink(args.url, args.secret))
    loop.run_until_complete(manager.connect())
    loop.run_forever()


if __name__ == "__main__":
    main()
