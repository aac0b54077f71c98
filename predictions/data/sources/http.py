"""One HTTP GET with a timeout, retries with exponential backoff, ``Retry-After`` on 429, and clear logs.

A timeout, a connection error, a 429 and a 5xx are retried; any other 4xx is not (asking again will not help).
``sleep`` is injected so that tests neither wait nor depend on the clock.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import httpx

from predictions.ledger.errors import DataSourceError

logger = logging.getLogger(__name__)

RETRIED_STATUSES = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class HttpPolicy:
    """How hard to try: per-request timeout (s), retries after the first attempt, backoff base and cap (s)."""

    timeout: float = 10.0
    retries: int = 3
    backoff: float = 1.0
    max_wait: float = 60.0
    sleep: Callable[[float], None] = field(default=time.sleep)


def get(url: str, *, params: Mapping[str, str] | None = None, policy: HttpPolicy, what: str) -> httpx.Response:
    """GET ``url``; a 2xx response, or ``DataSourceError`` saying what went wrong after how many attempts."""
    attempts = policy.retries + 1
    problem = ""
    for attempt in range(1, attempts + 1):
        wait = policy.backoff * 2 ** (attempt - 1)
        try:
            response = httpx.get(url, params=params, timeout=policy.timeout, follow_redirects=True)
        except httpx.TimeoutException:
            problem = f"timed out after {policy.timeout:g} s"
        except httpx.TransportError as exc:
            problem = f"could not connect ({exc.__class__.__name__}: {exc})"
        else:
            if response.is_success:
                return response
            problem = f"HTTP {response.status_code}"
            if response.status_code not in RETRIED_STATUSES:
                logger.warning("%s: %s from %s; not retried", what, problem, _safe(url))
                raise DataSourceError(f"{what}: {problem} from {_safe(url)} ({_snippet(response)})")
            wait = max(wait, _retry_after(response))
        if attempt < attempts:
            wait = min(wait, policy.max_wait)
            logger.warning("%s: attempt %s/%s %s; retrying in %.1f s", what, attempt, attempts, problem, wait)
            policy.sleep(wait)
    logger.error("%s: gave up after %s attempt(s): %s", what, attempts, problem)
    raise DataSourceError(f"{what}: {problem} (gave up after {attempts} attempt(s))")


def _retry_after(response: httpx.Response) -> float:
    try:
        return float(response.headers.get("Retry-After", "0"))
    except ValueError:
        return 0.0


def _snippet(response: httpx.Response) -> str:
    return " ".join(response.text[:200].split()) or "empty body"


def _safe(url: str) -> str:
    """The URL without its query (FRED's carries the API key)."""
    return url.split("?", 1)[0]
