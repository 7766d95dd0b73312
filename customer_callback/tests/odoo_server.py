# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A real Odoo server in its own process, on a free port of 127.0.0.1, for
the tests that need production's process model (prefork HTTP workers, each
its own registry; a cron worker): the suite's tests of the generation's
cron worker, the SMS and the telephony push endpoints."""

import logging
import re
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager

import requests

from .common import addons_path

_logger = logging.getLogger(__name__)


def free_port():
    """A TCP port of 127.0.0.1 free at the time of asking."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class OdooServer:
    """The running server: ``base`` (its URL), ``process``, ``log_path``."""

    def __init__(self, base, process, log_path):
        self.base = base
        self.process = process
        self.log_path = log_path

    def log(self):
        with open(self.log_path, encoding="utf-8", errors="replace") as handle:
            return handle.read()

    def check_running(self):
        """Raise when the server stopped (its log's end in the message)."""
        if self.process.poll() is not None:
            raise RuntimeError(f"the server stopped:\n{self.log()[-3000:]}")


@contextmanager
def odoo_server(
    dbname,
    workers=2,
    cron_threads=0,
    log_level="warn",
    wait_http=True,
    timeout=180,
):
    """Start ``odoo server`` on ``dbname`` (only that database) with
    ``workers`` HTTP worker processes (0: threaded) and ``cron_threads``
    cron workers; yields an ``OdooServer``. With ``wait_http``, first waits
    until ``/web/health`` answers (a worker loads the registry on its first
    request: slow on a busy machine). An error inside the block is raised
    again with the server's log; the server is stopped at the end."""
    port = free_port()
    with tempfile.NamedTemporaryFile("w+", suffix=".log") as log:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "odoo",
                "server",
                "-d",
                dbname,
                f"--db-filter=^{re.escape(dbname)}$",
                "--addons-path=" + addons_path(),
                f"--workers={workers}",
                f"--max-cron-threads={cron_threads}",
                "--http-interface=127.0.0.1",
                f"--http-port={port}",
                f"--log-level={log_level}",
                f"--logfile={log.name}",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        server = OdooServer(f"http://127.0.0.1:{port}", process, log.name)
        try:
            if wait_http:
                _wait_until_up(server, timeout)
            try:
                yield server
            except Exception as error:
                raise AssertionError(f"{error}\nserver log:\n{server.log()[-5000:]}") from error
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=30)


def _wait_until_up(server, timeout):
    deadline = time.monotonic() + timeout
    while True:
        server.check_running()
        try:
            if requests.get(f"{server.base}/web/health", timeout=60).status_code == 200:
                return
        except requests.RequestException as error:
            _logger.info("waiting for the Odoo server: %s", error)
        if time.monotonic() > deadline:
            raise RuntimeError(f"the server did not start:\n{server.log()[-3000:]}")
        time.sleep(0.5)
