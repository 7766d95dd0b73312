# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# A command-line script, not addon code: it prints its report.
# pylint: disable=print-used
"""Screenshots of the demo for the README (run through bin/screenshots).

Logs in to a running demo server with JSON-RPC (/web/session/authenticate),
starts headless Chromium, hands it the session cookie and drives it through
the DevTools protocol: open a page of the web client, wait until the view is
rendered and no request is pending, capture a PNG. A page that shows an error
dialog, or never renders, fails the run.

Only the standard library, websocket-client and (optional, to make the PNG
files smaller) Pillow are used.
"""

import argparse
import base64
import http.cookiejar
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

import websocket

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Open a notebook tab of a form by its page name (the label is translated).
CLICK_TAB = """(name) => {
    const tab = document.querySelector(`.o_notebook .nav-link[name="${name}"]`);
    if (tab) { tab.click(); }
    return Boolean(tab);
}"""

# One entry per PNG (README.md, "Screenshots"): name, who looks ("agent" or
# "admin", the default), the page (a path, or (model, xml id, action path) for
# a demo record; "{id}" in a path is the id of a record the shot creates first,
# "create": (model, values)), the CSS selector of the rendered view, a notebook
# tab to open (its page name).
SHOTS = [
    {
        "name": "agent-workday",
        "user": "agent",
        "page": "/odoo/my-workday",
        "ready": ".o_callback_workday .o_workday_callbacks",
    },
    {
        "name": "kpi-dashboard",
        "page": "/odoo/callback-dashboard",
        "ready": ".o_callback_dashboard .o_dashboard_figures .o_dashboard_value",
    },
    {
        "name": "quarterly-report",
        # the printed analysis of this quarter, as HTML
        "create": ("customer.callback.quarterly.report", {}),
        "page": "/report/html/customer_callback_report.quarterly_report/{id}",
        "ready": ".customer_callback_quarterly .o_quarterly_key_figures",
    },
    {
        "name": "agent-list",
        "user": "agent",
        "page": "/odoo/my-callbacks",
        "ready": ".o_list_view .o_data_row",
    },
    {
        "name": "callback-form",
        "page": (
            "customer.callback",
            "customer_callback.demo_callback_in_progress",
            "/odoo/callbacks",
        ),
        "ready": ".o_form_view .o_form_sheet",
        "tab": "attempts",
    },
    {
        "name": "complaint-ticket",
        "page": (
            "helpdesk.ticket",
            "customer_callback_complaint.demo_complaint_zhaolei",
            "/odoo/action-customer_callback_complaint.helpdesk_ticket_action_complaints",
        ),
        "ready": ".o_form_view .o_form_sheet",
        "tab": "complaint",
    },
    {
        "name": "complaint-list",
        "page": "/odoo/action-customer_callback_complaint.helpdesk_ticket_action_complaints",
        "ready": ".o_list_view .o_data_row",
    },
    {
        "name": "spot-check-batch",
        "page": (
            "customer.callback.spot.check",
            "customer_callback_spot_check.demo_spot_check_last_month",
            "/odoo/action-customer_callback_spot_check.customer_callback_spot_check_action",
        ),
        "ready": ".o_form_view .o_form_sheet",
    },
    {
        "name": "survey-requests",
        "page": "/odoo/action-customer_callback_survey.customer_callback_survey_request_action",
        "ready": ".o_list_view .o_data_row",
    },
    {
        "name": "kpi-agents-report",
        "page": "/odoo/action-customer_callback_report.customer_callback_agent_report_action"
        "?view_type=graph",
        "ready": ".o_graph_renderer canvas",
    },
    {
        "name": "kpi-complaint-analysis",
        "page": "/odoo/action-customer_callback_complaint.helpdesk_ticket_action_complaint_analysis"
        "?view_type=graph",
        "ready": ".o_graph_renderer canvas",
    },
    {
        "name": "kpi-satisfaction",
        "page": "/odoo/action-customer_callback_report"
        ".customer_callback_agent_report_action_satisfaction",
        "ready": ".o_pivot table",
    },
    {
        "name": "team-workload",
        "page": "/odoo/action-customer_callback_report.customer_callback_workload_action",
        "ready": ".o_list_view .o_data_row",
    },
    {
        "name": "kpi-care-coverage",
        "page": "/odoo/action-customer_callback_report"
        ".customer_callback_agent_report_action_coverage",
        "ready": ".o_pivot table",
    },
]

READY = """(() => {
    const errors = document.querySelector('.o_error_dialog');
    if (errors) { return 'error: ' + errors.innerText.slice(0, 300); }
    const busy = document.querySelector('.o_loading_indicator, .o_loading, .o_view_sample_data');
    const ready = document.readyState === 'complete' && document.querySelector(%s);
    return ready && !busy ? 'ready' : 'waiting';
})()"""


def fail(message):
    print(f"error: {message}", file=sys.stderr)
    sys.exit(1)


class Odoo:
    """JSON-RPC with the server: login (session cookie) and a few reads."""

    def __init__(self, url, db):
        self.url = url.rstrip("/")
        self.db = db
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def call(self, path, params):
        payload = json.dumps({"jsonrpc": "2.0", "method": "call", "params": params}).encode()
        request = urllib.request.Request(
            self.url + path, payload, {"Content-Type": "application/json"}
        )
        try:
            with self.opener.open(request, timeout=60) as response:
                answer = json.load(response)
        except (urllib.error.URLError, OSError) as error:
            fail(f"{self.url} does not answer ({error}): start the demo server with bin/demo.")
        if answer.get("error"):
            data = answer["error"].get("data") or {}
            fail(f"{path}: {data.get('message') or answer['error'].get('message')}")
        return answer["result"]

    def login(self, login, password):
        result = self.call(
            "/web/session/authenticate", {"db": self.db, "login": login, "password": password}
        )
        if not result or not result.get("uid"):
            fail(f"login {login} refused on database {self.db}")
        session = next((c.value for c in self.cookies if c.name == "session_id"), None)
        if not session:
            fail("the server set no session cookie")
        return session

    def xmlid_to_id(self, model, xmlid):
        module, name = xmlid.split(".", 1)
        rows = self.call(
            "/web/dataset/call_kw",
            {
                "model": "ir.model.data",
                "method": "search_read",
                "args": [[("module", "=", module), ("name", "=", name), ("model", "=", model)]],
                "kwargs": {"fields": ["res_id"], "limit": 1},
            },
        )
        if not rows:
            fail(f"{xmlid} is not in the database: is it a demo database (bin/demo)?")
        return rows[0]["res_id"]

    def create(self, model, values):  # pylint: disable=method-required-super
        return self.call(
            "/web/dataset/call_kw",
            {"model": model, "method": "create", "args": [values], "kwargs": {}},
        )


class Browser:
    """Headless Chromium driven through the DevTools protocol."""

    def __init__(self, executable, width, height, timezone):
        self.width, self.height = width, height
        self.profile = tempfile.mkdtemp(prefix="cc-screenshots-")
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.process = subprocess.Popen(
            [
                executable,
                "--headless=new",
                f"--remote-debugging-port={port}",
                f"--window-size={width},{height}",
                f"--user-data-dir={self.profile}",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-gpu",
                "--hide-scrollbars",
                "--no-sandbox",
                "--lang=en-US",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.socket = websocket.create_connection(self._page_socket(port), timeout=60)
        self.next_id = 0
        self.send("Page.enable")
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )
        # the web client shows dates in the browser's timezone
        self.send("Emulation.setTimezoneOverride", timezoneId=timezone)

    def _page_socket(self, port):
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=2) as r:
                    pages = [t for t in json.load(r) if t.get("type") == "page"]
                if pages:
                    return pages[0]["webSocketDebuggerUrl"]
            except (urllib.error.URLError, OSError, ValueError):  # pylint: disable=except-pass
                pass  # Chromium is not listening yet: try again
            if self.process.poll() is not None:
                break
            time.sleep(0.3)
        self.close()
        fail("Chromium did not start (is it installed? --chromium sets its path)")

    def send(self, method, **params):
        self.next_id += 1
        message_id = self.next_id
        self.socket.send(json.dumps({"id": message_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == message_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    def set_session(self, url, session_id):
        self.send("Network.deleteCookies", name="session_id", url=url)
        self.send("Network.setCookie", name="session_id", value=session_id, url=url, path="/")

    def open(self, url, selector, timeout=60):
        self.send("Page.navigate", url=url)
        self.wait(selector, timeout)

    def wait(self, selector, timeout=60):
        """Until the view is rendered and the web client idle for a moment."""
        deadline = time.monotonic() + timeout
        ready_since = None
        expression = READY % json.dumps(selector)
        while time.monotonic() < deadline:
            state = self.evaluate(expression)
            if state and state.startswith("error"):
                raise RuntimeError(state)
            if state == "ready":
                ready_since = ready_since or time.monotonic()
                if time.monotonic() - ready_since > 1.0:
                    return
            else:
                ready_since = None
            time.sleep(0.25)
        raise RuntimeError(f"{selector} did not appear within {timeout} s")

    def click_tab(self, label):
        if not self.evaluate(f"({CLICK_TAB})({json.dumps(label)})"):
            raise RuntimeError(f"no tab {label!r} on the page")

    def screenshot(self):
        # blur the focused field: no blinking cursor or dropdown in the picture
        self.evaluate("document.activeElement && document.activeElement.blur()")
        time.sleep(0.5)
        data = self.send(
            "Page.captureScreenshot",
            format="png",
            clip={"x": 0, "y": 0, "width": self.width, "height": self.height, "scale": 1},
        )["data"]
        return base64.b64decode(data)

    def close(self):
        try:
            if getattr(self, "socket", None):
                self.socket.close()
        finally:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
            shutil.rmtree(self.profile, ignore_errors=True)


def smaller_png(content):
    """The PNG with a 256-colour palette when Pillow is there (a third of the
    size; the web client's flat colours survive it)."""
    try:
        from PIL import Image  # noqa: PLC0415 - optional
    except ImportError:
        return content
    image = Image.open(io.BytesIO(content)).convert("RGB")
    buffer = io.BytesIO()
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
        buffer, "PNG", optimize=True
    )
    return buffer.getvalue() if buffer.tell() < len(content) else content


def find_chromium(explicit):
    for candidate in (explicit, "chromium", "chromium-browser", "google-chrome"):
        if candidate and shutil.which(candidate):
            return shutil.which(candidate)
    fail("Chromium is needed (Debian: apt-get install chromium), or give --chromium")


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="screenshots: " + ", ".join(shot["name"] for shot in SHOTS),
    )
    parser.add_argument("--url", default="http://127.0.0.1:8069")
    parser.add_argument("--db", default="customer_callback_demo")
    parser.add_argument("--login", default="admin", help="supervisor (admin) login")
    parser.add_argument("--password", default="admin")
    parser.add_argument("--agent-login", default="demo", help="agent login of 'My callbacks'")
    parser.add_argument("--agent-password", default="demo")
    parser.add_argument("--out", default=os.path.join(REPO, "docs", "screenshots"))
    parser.add_argument("--chromium", help="path of Chromium (default: found on PATH)")
    parser.add_argument("--width", type=int, default=1440)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument(
        "--timezone", default="Asia/Shanghai", help="the browser's (and so the agents') timezone"
    )
    parser.add_argument("--raw", action="store_true", help="keep Chromium's full-colour PNG")
    parser.add_argument("names", nargs="*", help="only these screenshots (default: all)")
    args = parser.parse_args(argv)

    shots = [shot for shot in SHOTS if not args.names or shot["name"] in args.names]
    if not shots:
        fail(f"unknown screenshot; known: {', '.join(shot['name'] for shot in SHOTS)}")
    odoo = {"admin": Odoo(args.url, args.db), "agent": Odoo(args.url, args.db)}
    sessions = {
        "admin": odoo["admin"].login(args.login, args.password),
        "agent": odoo["agent"].login(args.agent_login, args.agent_password),
    }
    os.makedirs(args.out, exist_ok=True)
    browser = Browser(find_chromium(args.chromium), args.width, args.height, args.timezone)
    failures = 0
    try:
        for shot in shots:
            name, page, selector = shot["name"], shot["page"], shot["ready"]
            if isinstance(page, tuple):
                model, xmlid, action_url = page
                page = f"{action_url}/{odoo['admin'].xmlid_to_id(model, xmlid)}"
            if shot.get("create"):
                created = odoo[shot.get("user", "admin")].create(*shot["create"])
                page = page.format(id=created[0] if isinstance(created, list) else created)
            browser.set_session(args.url, sessions[shot.get("user", "admin")])
            try:
                browser.open(args.url.rstrip("/") + page, selector)
                if shot.get("tab"):
                    browser.click_tab(shot["tab"])
                    browser.wait(selector)
                content = browser.screenshot()
            except RuntimeError as error:
                failures += 1
                print(f"{name}: FAILED ({error})", file=sys.stderr)
                continue
            if not args.raw:
                content = smaller_png(content)
            path = os.path.join(args.out, f"{name}.png")
            with open(path, "wb") as handle:
                handle.write(content)
            print(f"{os.path.relpath(path, REPO)}  {len(content) // 1024} KB")
    finally:
        browser.close()
    if failures:
        fail(f"{failures} screenshot(s) failed")


if __name__ == "__main__":
    main()
