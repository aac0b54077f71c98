"""The guarded door (``predictions.data.sources.http.get``) under attack, against real HTTP servers on loopback.

Each test does what the probe of issue 19 did: a source URL on loopback (by address, by name, IPv4-mapped, by a
decimal number), a redirect from an allowed server to another loopback address, a body that never ends, a body
that drips, an error body carrying a secret, and a closed port versus a port that hangs up. The local servers
listen on 127.0.0.1 (allowed to the door through ``test_addresses``, a tests-only allowance, where a test says
so) and 127.0.0.2 (never allowed: the "internal service" the attacker is after).
"""

from __future__ import annotations

import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import trustme

from predictions.data.sources.http import HttpPolicy, get, not_public
from predictions.ledger.errors import DataSourceError
from tests.recorded_http import RecordedServer, Reply

CSV = "period,value\n2025-01,1.5\n"
TEST_LOOPBACK = frozenset({"127.0.0.1"})


def _policy(**overrides: object) -> HttpPolicy:
    options: dict[str, object] = {"timeout": 2.0, "retries": 0, "sleep": _no_sleep, **overrides}
    return HttpPolicy(**options)  # type: ignore[arg-type]


def _no_sleep(_seconds: float) -> None:
    raise AssertionError("no retry expected")


def test_public_and_private_addresses_are_told_apart() -> None:
    refused = [
        "127.0.0.1", "127.0.0.2", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
        "0.0.0.0", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255", "::", "::1", "fe80::1",
        "fe80::1%lo", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
        "::ffff:169.254.169.254", "2002:7f00:1::1", "2001:0:4136:e378:8000:63bf:80ff:fffe",
    ]  # fmt: skip
    public = ["8.8.8.8", "1.1.1.1", "151.101.1.69", "2606:4700:4700::1111", "2a00:1450:4001:80e::200e"]
    assert [a for a in refused if not not_public(a)] == []
    assert [a for a in public if not_public(a)] == []


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:{port}/series.csv",
        "http://localhost:{port}/series.csv",  # a name: refused after resolution
        "http://[::ffff:127.0.0.1]:{port}/series.csv",
        "http://2130706433:{port}/series.csv",  # 127.0.0.1 written as one number
        "http://0.0.0.0:{port}/series.csv",  # on Linux, 0.0.0.0 reaches loopback
        "http://[::1]:{port}/series.csv",
    ],
)
def test_loopback_is_refused_by_address_and_by_name(outside: RecordedServer, url: str) -> None:
    outside.serve("/series.csv", Reply(body=CSV, content_type="text/csv"))
    port = outside.url.rsplit(":", 1)[1]
    with pytest.raises(DataSourceError) as refused:
        get(url.format(port=port), policy=_policy(), what="csv:attack")
    assert str(refused.value) == "csv:attack: refused: private address"
    assert outside.hits == []  # never reached


def test_a_redirect_to_an_internal_address_is_refused(outside: RecordedServer, internal: RecordedServer) -> None:
    for path, target in [
        ("/r1", f"{internal.url}/secret.csv"),
        ("/r2", f"http://[::ffff:127.0.0.2]:{internal.url.rsplit(':', 1)[1]}/secret.csv"),
        ("/r3", "/r1"),  # a relative redirect, then the same one
    ]:
        outside.serve(path, Reply(status=302, headers={"Location": target}))
    for path in ("/r1", "/r2", "/r3"):
        with pytest.raises(DataSourceError, match="refused: private address$"):
            get(f"{outside.url}{path}", policy=_policy(test_addresses=TEST_LOOPBACK), what="csv:attack")
    assert internal.hits == [] and outside.hits == ["/r1", "/r2", "/r3", "/r1"]


def test_redirects_are_followed_within_bounds(outside: RecordedServer) -> None:
    outside.serve("/old.csv", Reply(status=301, headers={"Location": "/new.csv"}))
    outside.serve("/new.csv", Reply(body=CSV, content_type="text/csv"))
    outside.serve("/loop", Reply(status=302, headers={"Location": "/loop"}))
    policy = _policy(test_addresses=TEST_LOOPBACK, max_redirects=3)
    assert get(f"{outside.url}/old.csv", policy=policy, what="csv:moved").text == CSV
    with pytest.raises(DataSourceError, match="too many redirects"):
        get(f"{outside.url}/loop", policy=policy, what="csv:loop")
    assert outside.hits.count("/loop") == 4  # the first request and three redirects
    outside.serve("/file", Reply(status=302, headers={"Location": "file:///etc/passwd"}))
    with pytest.raises(DataSourceError, match="refused: not http\\(s\\)$"):
        get(f"{outside.url}/file", policy=policy, what="csv:file")


def test_the_checked_address_is_the_one_connected_to(outside: RecordedServer) -> None:
    """DNS rebinding: a name that answers 127.0.0.1 once, then 127.0.0.2; the door asks once and pins it."""
    outside.serve("/series.csv", Reply(body=CSV, content_type="text/csv"))
    port = int(outside.url.rsplit(":", 1)[1])
    answers = [["127.0.0.1"], ["127.0.0.2"]]
    asked: list[tuple[str, int]] = []

    def rebinding(host: str, port: int) -> list[str]:
        asked.append((host, port))
        return answers.pop(0)

    policy = _policy(test_addresses=TEST_LOOPBACK, resolve=rebinding)
    assert get(f"http://rebind.test:{port}/series.csv", policy=policy, what="csv:rebind").text == CSV
    assert asked == [("rebind.test", port)]
    assert outside.hosts == [f"rebind.test:{port}"]  # HTTP still names the host; only the socket is pinned


def test_an_error_body_is_never_in_the_error(outside: RecordedServer) -> None:
    outside.serve("/gone", Reply(status=404, body="SECRET-TOKEN-123 not found"))
    outside.serve("/broken", Reply(status=500, body="SECRET-TOKEN-123 in a stack trace"))
    policy = _policy(test_addresses=TEST_LOOPBACK)
    with pytest.raises(DataSourceError) as gone:
        get(f"{outside.url}/gone", policy=policy, what="csv:x")
    with pytest.raises(DataSourceError) as broken:
        get(f"{outside.url}/broken", policy=policy, what="csv:x")
    assert str(gone.value) == "csv:x: HTTP 404"
    assert str(broken.value) == "csv:x: HTTP 500 (gave up after 1 attempt(s))"


@contextmanager
def _server(
    write_body: Callable[[BaseHTTPRequestHandler], None], *, tls: ssl.SSLContext | None = None
) -> Iterator[tuple[str, list[int]]]:
    """A loopback server whose GET answers 200 and lets ``write_body`` write (over TLS with ``tls``); yields its
    URL and the bytes it sent."""
    sent: list[int] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
            self.send_response(200)
            self.send_header("Content-Type", "text/csv")
            try:
                write_body(self)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client hung up: what the door should do

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.sent = sent  # type: ignore[attr-defined]
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"{'https' if tls else 'http'}://127.0.0.1:{server.server_address[1]}", sent
    finally:
        server.shutdown()
        server.server_close()


def test_a_body_past_the_cap_is_refused_without_reading_the_rest() -> None:
    total = 64 * 1024 * 1024  # 64 MB, sent without Content-Length, 1 MB at a time while the client reads

    def endless(handler: BaseHTTPRequestHandler) -> None:
        handler.send_header("Connection", "close")
        handler.end_headers()
        chunk = b"period,value\n" + b"2025-01,1.0\n" * (1024 * 1024 // 12)
        for _ in range(total // len(chunk)):
            handler.wfile.write(chunk)
            handler.server.sent.append(len(chunk))  # type: ignore[attr-defined]

    with _server(endless) as (url, sent):
        with pytest.raises(DataSourceError, match="csv:big: too large$"):
            get(url, policy=_policy(test_addresses=TEST_LOOPBACK, max_bytes=2 * 1024 * 1024), what="csv:big")
    assert sum(sent) < 16 * 1024 * 1024  # it stopped reading near 2 MB (plus what the sockets buffered)


def test_a_declared_length_past_the_cap_is_refused_before_the_body() -> None:
    def declared(handler: BaseHTTPRequestHandler) -> None:
        handler.send_header("Content-Length", str(300 * 1024 * 1024))
        handler.end_headers()
        handler.wfile.write(b"period,value\n")

    with _server(declared) as (url, _sent):
        with pytest.raises(DataSourceError, match="too large$"):
            get(url, policy=_policy(test_addresses=TEST_LOOPBACK), what="csv:big")


def test_a_dripping_body_ends_at_the_deadline() -> None:
    """A byte every 0.2 s never trips the 2 s read timeout; the 0.8 s deadline ends it."""

    def drip(handler: BaseHTTPRequestHandler) -> None:
        handler.send_header("Content-Length", "100")
        handler.end_headers()
        for _ in range(15):  # 3 s at most, then the server gives up too
            handler.wfile.write(b"1")
            handler.wfile.flush()
            time.sleep(0.2)  # the attacker's server is slow on purpose; the door under test does not sleep

    with _server(drip) as (url, _sent):
        started = time.monotonic()
        with pytest.raises(DataSourceError, match=r"timed out after the 0.8 s deadline"):
            get(url, policy=_policy(test_addresses=TEST_LOOPBACK, deadline=0.8), what="csv:drip")
        assert time.monotonic() - started < 1.5


def test_waits_between_attempts_stop_at_the_deadline(outside: RecordedServer) -> None:
    """A 429 asking for 50 s, on an injected clock: the door does not wait past its 60 s deadline."""
    outside.serve("/busy", Reply(status=429, headers={"Retry-After": "50"}))
    now = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    policy = _policy(test_addresses=TEST_LOOPBACK, retries=5, sleep=sleep, monotonic=lambda: now[0], deadline=60)
    with pytest.raises(DataSourceError, match=r"HTTP 429; waiting 50 s would pass the 60 s deadline"):
        get(f"{outside.url}/busy", policy=policy, what="fred:X")
    assert slept == [50.0] and len(outside.hits) == 2


def test_a_closed_port_and_a_hang_up_read_the_same() -> None:
    """No port-scanning oracle: whatever stops the connection, the error is "could not connect"."""
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        closed_port = closed.getsockname()[1]  # bound, never listening: connection refused
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()

    def hang_up() -> None:
        connection, _ = listener.accept()
        connection.close()

    threading.Thread(target=hang_up, daemon=True).start()
    policy = _policy(test_addresses=TEST_LOOPBACK)
    errors = []
    for port in (closed_port, listener.getsockname()[1]):
        with pytest.raises(DataSourceError) as caught:
            get(f"http://127.0.0.1:{port}/", policy=policy, what="csv:scan")
        errors.append(str(caught.value))
    listener.close()
    assert errors == ["csv:scan: could not connect (gave up after 1 attempt(s))"] * 2


def test_tls_goes_to_the_pinned_address_and_checks_the_name() -> None:
    """The socket goes to the checked address; TLS still sends the host name (SNI) and checks the certificate for
    it, so pinning loses nothing: an address the certificate does not name is refused."""
    authority = trustme.CA()
    server_tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("source.test").configure_cert(server_tls)
    client_tls = ssl.create_default_context()
    authority.configure_trust(client_tls)

    def csv_body(handler: BaseHTTPRequestHandler) -> None:
        handler.send_header("Content-Length", str(len(CSV)))
        handler.end_headers()
        handler.wfile.write(CSV.encode())

    with _server(csv_body, tls=server_tls) as (url, _sent):
        port = int(url.rsplit(":", 1)[1])
        policy = _policy(
            test_addresses=TEST_LOOPBACK, ssl_context=client_tls, resolve=lambda _host, _port: ["127.0.0.1"]
        )
        assert get(f"https://source.test:{port}/series.csv", policy=policy, what="csv:tls").text == CSV
        with pytest.raises(DataSourceError, match="could not connect"):
            get(url, policy=policy, what="csv:tls")  # https://127.0.0.1: not the name on the certificate
