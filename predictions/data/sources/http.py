"""The one door for every outside fetch: a guarded HTTP GET with retries, backoff and ``Retry-After`` on 429.

What the door guards (STYLE 19), so that a URL a writer typed cannot reach inside the server's network:

- **Addresses.** Every connection, the first request's and each redirect's, resolves its host once, is refused
  when any address it resolves to is loopback, private, link-local, multicast, reserved, unspecified or otherwise
  not global (IPv4 and IPv6, IPv4-mapped, 6to4 and Teredo included), and connects to the very address it checked:
  there is no second lookup for DNS rebinding to answer differently. This happens in an httpcore network backend
  (the layer httpx connects through), so httpx still speaks HTTP and TLS (SNI and the certificate check use the
  host name, not the address).
- **Redirects** are followed here, not by httpx: at most ``max_redirects``, each hop through the same guard.
- **Size.** The body is read in chunks and refused past ``max_bytes`` (20 MB by default, counted after
  decompression), at once when ``Content-Length`` already says so, without reading the rest.
- **Time.** ``deadline`` bounds the whole call, every attempt, redirect and wait included; each socket read waits
  at most what is left of it, so a body dripping a byte every few seconds ends at the deadline, not after.
- **Errors** say a category a stranger may read ("HTTP 500", "timed out", "could not connect", "refused:
  private address", "too large"), never the body; every way of failing to connect is the same "could not
  connect" (no port-scanning oracle). The detail goes to the log.

A timeout, a failed connection, a 429 and a 5xx are retried; anything else is not (asking again will not help).
``sleep`` and ``monotonic`` are injected so that tests neither wait nor depend on the clock.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import ssl
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

import httpcore

from predictions.ledger.errors import DataSourceError

if TYPE_CHECKING:
    import httpx

# httpx is imported where a request is made, not with this module: importing it also imports its command-line
# client (rich, pygments; ~70 ms of CPU), which every server and CLI start paid for no fetch at all.

logger = logging.getLogger(__name__)

RETRIED_STATUSES = {429, 500, 502, 503, 504}
MAX_BYTES = 20 * 1024 * 1024
_CHUNK = 64 * 1024

Resolver = Callable[[str, int], list[str]]


def resolve_host(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (the system resolver), in the order it gives them."""
    found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in found))


@dataclass(frozen=True)
class HttpPolicy:
    """How hard to try and how much to take.

    ``timeout`` bounds each connect and each read (s); ``deadline`` the whole call, every attempt, redirect and
    wait included (s); ``retries`` counts the attempts after the first; ``backoff`` and ``max_wait`` shape the waits
    between them (s); ``max_bytes`` caps a body (20 MB); ``max_redirects`` the hops; ``resolve`` answers a host's
    addresses (the system resolver); ``ssl_context`` whom TLS trusts (httpx's default, certifi's CAs, when None).

    ``test_addresses`` is for tests only: addresses (e.g. ``127.0.0.1``, where the test suite's local servers
    listen) fetched although they are not public. It is empty by default and no deployment should set it.
    """

    timeout: float = 10.0
    retries: int = 3
    backoff: float = 1.0
    max_wait: float = 60.0
    sleep: Callable[[float], None] = field(default=time.sleep)
    deadline: float = 60.0
    max_bytes: int = MAX_BYTES
    max_redirects: int = 5
    monotonic: Callable[[], float] = field(default=time.monotonic)
    resolve: Resolver = field(default=resolve_host)
    ssl_context: ssl.SSLContext | None = None
    test_addresses: frozenset[str] = frozenset()


class _Refused(Exception):
    """The door refuses this fetch; ``category`` is what a stranger may read, the message what the log gets."""

    def __init__(self, category: str, detail: str) -> None:
        super().__init__(detail)
        self.category = category


class _DeadlinePassed(Exception):
    """The call's deadline passed."""


def not_public(address: str) -> bool:
    """Whether ``address`` is one the server must never fetch: anything but a global unicast address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    embedded: list[ipaddress.IPv4Address] = []
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = [v4 for v4 in (ip.ipv4_mapped, ip.sixtofour, *(ip.teredo or ())) if v4 is not None]
    for candidate in (ip, *embedded):
        if (
            not candidate.is_global
            or candidate.is_multicast
            or candidate.is_reserved
            or candidate.is_unspecified
            or candidate.is_loopback
            or candidate.is_link_local
            or candidate.is_private
        ):
            return True
    return False


class _Clock:
    """What is left of one call's deadline."""

    def __init__(self, policy: HttpPolicy) -> None:
        self._monotonic = policy.monotonic
        self.ends = policy.monotonic() + policy.deadline

    def left(self) -> float:
        return self.ends - self._monotonic()

    def clamp(self, timeout: float | None) -> float:
        """``timeout`` shortened to what is left; ``_DeadlinePassed`` when nothing is."""
        left = self.left()
        if left <= 0:
            raise _DeadlinePassed
        return left if timeout is None else min(timeout, left)


class _Stream(httpcore.NetworkStream):
    """A connection whose every read and write waits at most what is left of the deadline."""

    def __init__(self, inner: httpcore.NetworkStream, clock: _Clock) -> None:
        self._inner = inner
        self._clock = clock

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._clock.clamp(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._clock.clamp(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        return _Stream(self._inner.start_tls(ssl_context, server_hostname, self._clock.clamp(timeout)), self._clock)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    """Resolve once, refuse addresses that are not public, connect to the address checked."""

    def __init__(self, policy: HttpPolicy, clock: _Clock) -> None:
        self._inner = httpcore.SyncBackend()
        self._policy = policy
        self._clock = clock
        self._allowed = {ipaddress.ip_address(a) for a in policy.test_addresses}

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        try:
            addresses = self._policy.resolve(host, port)
        except (OSError, UnicodeError) as exc:
            raise httpcore.ConnectError(f"{host} does not resolve: {exc}") from exc
        refused = [a for a in addresses if not_public(a) and ipaddress.ip_address(a) not in self._allowed]
        if refused or not addresses:
            raise _Refused("refused: private address", f"{host} resolves to {', '.join(refused) or 'nothing'}")
        problem: Exception = httpcore.ConnectError(f"{host}: no address")
        for address in addresses:
            try:
                stream = self._inner.connect_tcp(
                    address, port, self._clock.clamp(timeout), local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                problem = exc
                continue
            return _Stream(stream, self._clock)
        raise problem

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        raise _Refused("refused: private address", f"unix socket {path}")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


@cache
def _transport_class() -> Callable[..., httpx.HTTPTransport]:
    import httpx

    class _Transport(httpx.HTTPTransport):
        """httpx's own transport, connecting through ``_Backend`` and never through a proxy from the environment.

        httpx builds its connection pool in ``__init__`` and takes no network backend, so the pool is rebuilt here
        with the same SSL defaults and the guarded backend (httpcore's documented extension point).
        """

        def __init__(self, backend: _Backend, *, ssl_context: ssl.SSLContext | None) -> None:
            super().__init__(trust_env=False)
            self._pool = httpcore.ConnectionPool(
                ssl_context=ssl_context or httpx.create_ssl_context(trust_env=False),
                max_connections=1,
                network_backend=backend,
            )

    return _Transport


def get(url: str, *, params: Mapping[str, str] | None = None, policy: HttpPolicy, what: str) -> httpx.Response:
    """GET ``url`` through the guarded door; a 2xx response whose body is read (at most ``max_bytes``), or
    ``DataSourceError`` naming what went wrong as a category a stranger may read."""
    import httpx

    clock = _Clock(policy)
    attempts = policy.retries + 1
    problem = ""
    for attempt in range(1, attempts + 1):
        wait = policy.backoff * 2 ** (attempt - 1)
        try:
            response = _fetch(url, params=params, policy=policy, clock=clock)
        except _DeadlinePassed:
            _give_up(what, url, f"timed out after the {policy.deadline:g} s deadline", attempt)
        except _Refused as exc:
            logger.warning("%s: %s (%s); not retried", what, exc.category, exc)
            raise DataSourceError(f"{what}: {exc.category}") from None
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
            problem = "could not connect"
            logger.info("%s: %s (%s: %s)", what, problem, exc.__class__.__name__, exc)
        except httpx.TimeoutException:
            problem = f"timed out after {policy.timeout:g} s"
        except httpx.TransportError as exc:
            problem = "could not connect"
            logger.info("%s: %s (%s: %s)", what, problem, exc.__class__.__name__, exc)
        else:
            if response.is_success:
                return response
            problem = f"HTTP {response.status_code}"
            if response.status_code not in RETRIED_STATUSES:
                logger.warning("%s: %s from %s; not retried", what, problem, _safe(url))
                raise DataSourceError(f"{what}: {problem}")
            wait = max(wait, _retry_after(response))
        if clock.left() <= 0:
            _give_up(what, url, f"timed out after the {policy.deadline:g} s deadline", attempt)
        if attempt < attempts:
            wait = min(wait, policy.max_wait)
            if wait >= clock.left():
                _give_up(
                    what, url, f"{problem}; waiting {wait:g} s would pass the {policy.deadline:g} s deadline", attempt
                )
            logger.warning("%s: attempt %s/%s %s; retrying in %.1f s", what, attempt, attempts, problem, wait)
            policy.sleep(wait)
    logger.error("%s: gave up after %s attempt(s): %s", what, attempts, problem)
    raise DataSourceError(f"{what}: {problem} (gave up after {attempts} attempt(s))")


def _give_up(what: str, url: str, problem: str, attempt: int) -> None:
    logger.error("%s: %s (%s, attempt %s)", what, problem, _safe(url), attempt)
    raise DataSourceError(f"{what}: {problem} (gave up after {attempt} attempt(s))")


def _fetch(url: str, *, params: Mapping[str, str] | None, policy: HttpPolicy, clock: _Clock) -> httpx.Response:
    """One attempt: the request and its redirects, each through the guard; the final body read within bounds."""
    import httpx

    transport = _transport_class()(_Backend(policy, clock), ssl_context=policy.ssl_context)
    with httpx.Client(transport=transport, trust_env=False, follow_redirects=False, timeout=policy.timeout) as client:
        request = client.build_request("GET", url, params=params)
        for _hop in range(policy.max_redirects + 1):
            if request.url.scheme not in ("http", "https"):
                raise _Refused("refused: not http(s)", f"{request.url.scheme}: URL")
            response = client.send(request, stream=True)
            try:
                if response.next_request is None:
                    return _read(response, policy=policy) if response.is_success else response
                request = response.next_request
            finally:
                response.close()
        raise _Refused("too many redirects", f"more than {policy.max_redirects} redirects from {_safe(url)}")


def _read(response: httpx.Response, *, policy: HttpPolicy) -> httpx.Response:
    """The response with its whole body, refused past ``max_bytes`` without reading the rest."""
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > policy.max_bytes:
        raise _Refused("too large", f"Content-Length {declared} over {policy.max_bytes} bytes")
    body = bytearray()
    for chunk in response.iter_bytes(_CHUNK):
        body += chunk
        if len(body) > policy.max_bytes:
            raise _Refused("too large", f"the body passed {policy.max_bytes} bytes")
    import httpx

    # The body is decoded already: the copy carries no Content-Encoding, so that nothing decodes it twice.
    dropped = {"content-encoding", "content-length", "transfer-encoding"}
    headers = [(k, v) for k, v in response.headers.multi_items() if k.lower() not in dropped]
    return httpx.Response(response.status_code, headers=headers, content=bytes(body), request=response.request)


def malformed(what: str, exc: BaseException) -> DataSourceError:
    """The error for a body that is not what the source should answer: a category publicly, the detail logged."""
    logger.warning("%s: malformed response (%s: %.500s)", what, exc.__class__.__name__, exc)
    return DataSourceError(f"{what}: malformed response (not the expected JSON)")


def _retry_after(response: httpx.Response) -> float:
    try:
        return float(response.headers.get("Retry-After", "0"))
    except ValueError:
        return 0.0


def _safe(url: str) -> str:
    """The URL without its query (FRED's carries the API key)."""
    return url.split("?", 1)[0]
