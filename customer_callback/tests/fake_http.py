# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A local HTTP server standing for a provider's API (SMS, telephony, a
recording store) in the tests: a free port of 127.0.0.1, a thread, the
requests it saw. A provider's fake subclasses it and answers in
``handle``, as the provider's documentation says; its payloads stay in its
own addon."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit


class FakeHttpServer:
    """Use it as a context manager (started on enter, stopped on exit).
    ``requests`` and ``refused`` are the subclass's records (cleared by the
    tests between cases); ``lock`` guards them across the server's threads."""

    METHODS = ("GET", "POST")

    def __init__(self):
        self.requests = []
        self.refused = []
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def _dispatch(self):
                if self.command in server.METHODS:
                    server.handle(self)
                else:
                    self.send_error(501)

            do_GET = do_POST = _dispatch  # noqa: N815 - http.server's names

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def endpoint(self):
        """host:port, as the providers' SDKs take it."""
        return f"127.0.0.1:{self.httpd.server_address[1]}"

    @property
    def url(self):
        return f"http://{self.endpoint}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()

    def handle(self, handler):
        """Answer one request (``handler``: the BaseHTTPRequestHandler)."""
        raise NotImplementedError()

    # helpers for ``handle``

    @staticmethod
    def body(handler):
        return handler.rfile.read(int(handler.headers.get("Content-Length") or 0))

    @staticmethod
    def form_params(handler, body):
        """The query's and a form body's parameters, one value each."""
        params = dict(parse_qsl(urlsplit(handler.path).query, keep_blank_values=True))
        params.update(parse_qsl(body.decode(), keep_blank_values=True))
        return params

    def record(self, item, refused=False):
        with self.lock:
            (self.refused if refused else self.requests).append(item)

    @staticmethod
    def reply(handler, status, data, content_type="application/json"):
        """Answer ``data`` (bytes as they are, anything else as JSON)."""
        if not isinstance(data, bytes):
            data = json.dumps(data, ensure_ascii=False).encode()
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)


class SignedApiServer(FakeHttpServer):
    """A provider's API whose requests are signed: ``check_signature``
    returns None or the arguments of ``refuse`` (which answers the
    provider's error); an accepted request, (action, params) as ``parse``
    reads it, is kept in ``requests`` and answered by ``answer``."""

    def check_signature(self, handler, body):
        raise NotImplementedError()

    def refuse(self, handler, *error):
        raise NotImplementedError()

    def parse(self, handler, body):
        raise NotImplementedError()

    def answer(self, handler, action, params):
        raise NotImplementedError()

    def handle(self, handler):
        body = self.body(handler)
        refusal = self.check_signature(handler, body)
        if refusal:
            self.refuse(handler, *refusal)
            return
        action, params = self.parse(handler, body)
        self.record((action, params))
        self.answer(handler, action, params)


class AnsweringServer(FakeHttpServer):
    """A fake whose answers a test gives as a function: ``answer(request)``
    returns (status, JSON data); ``request`` is what ``parse`` makes of the
    HTTP request, also kept in ``requests``."""

    def __init__(self, answer):
        super().__init__()
        self.answer = answer

    def parse(self, handler, body):
        return {"headers": dict(handler.headers), "body": body}

    def handle(self, handler):
        request = self.parse(handler, self.body(handler))
        self.record(request)
        status, data = self.answer(request)
        self.reply(handler, status, data)
