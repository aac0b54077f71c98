"""A real HTTP server on loopback that answers recorded responses, for the data-source clients' tests.

Each path gets a queue of responses; the last one repeats. A response can be delayed (to provoke the client's
timeout) and can carry headers (``Retry-After``). ``hits`` lists the paths asked, in order.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

RECORDED = Path(__file__).parent / "predictions" / "recorded"


@dataclass(frozen=True)
class Reply:
    """One recorded answer."""

    status: int = 200
    body: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    content_type: str = "application/json"


def recorded(name: str, status: int = 200) -> Reply:
    """A reply whose body is the recorded file ``name``."""
    content_type = "text/csv" if name.endswith(".csv") else "application/json"
    return Reply(status=status, body=(RECORDED / name).read_text(encoding="utf-8"), content_type=content_type)


class RecordedServer:
    """The routes and what was asked; ``url`` is where it listens."""

    def __init__(self) -> None:
        self.routes: dict[str, list[Reply]] = {}
        self.hits: list[str] = []
        self.queries: list[str] = []
        self.hosts: list[str] = []  # the Host header of each request
        self.url = ""

    def serve(self, path: str, *replies: Reply) -> None:
        """Answer ``path`` with ``replies`` in turn (the last one repeats)."""
        self.routes[path] = list(replies)

    def next_reply(self, path: str) -> Reply:
        queue = self.routes.get(path)
        if not queue:
            return Reply(status=404, body='{"message": "not found"}')
        return queue.pop(0) if len(queue) > 1 else queue[0]


@contextmanager
def recorded_server(host: str = "127.0.0.1") -> Iterator[RecordedServer]:
    """Start the server on a free port of ``host`` (any of 127.0.0.0/8); stop it afterwards."""
    state = RecordedServer()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
            path, _, query = self.path.partition("?")
            state.hits.append(path)
            state.queries.append(query)
            state.hosts.append(self.headers.get("Host", ""))
            reply = state.next_reply(path)
            if reply.delay:
                time.sleep(reply.delay)  # the server is slow on purpose; the client under test does not sleep
            body = reply.body.encode("utf-8")
            try:
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                self.send_header("Content-Length", str(len(body)))
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout) before the answer

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer((host, 0), Handler)
    server.daemon_threads = True
    state.url = f"http://{host}:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def outside() -> Iterator[RecordedServer]:
    """A source the tests treat as outside, on 127.0.0.1 (the fetcher reaches it only where a test allows it)."""
    with recorded_server() as running:
        yield running


@pytest.fixture
def internal() -> Iterator[RecordedServer]:
    """An internal service holding a secret, on 127.0.0.2: what an attacker wants the server to fetch."""
    with recorded_server("127.0.0.2") as running:
        running.serve("/secret.csv", Reply(body="period,value\n2025-01,42\n", content_type="text/csv"))
        yield running
