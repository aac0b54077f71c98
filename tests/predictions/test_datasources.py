"""The data-source clients against a real HTTP server on loopback that answers recorded responses.

Each client is exercised on a good answer, a revision, a timeout, a malformed body and a 429; nothing in the
clients is patched. ``sleep`` is injected: the backoff is asserted, never waited.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from forecasts.periods import Frequency
from predictions.data.sources import CsvUrlSource, DBnomicsSource, Fetched, FredSource, HttpPolicy, parse_source_ref
from predictions.ledger.errors import DataSourceError
from tests.recorded_http import RecordedServer, Reply, recorded, recorded_server

M1 = "/series/PBOC/MONEY/M1_YOY"
LOOPBACK = frozenset({"127.0.0.1"})  # the local server's address, allowed for these tests only


@pytest.fixture
def server() -> Iterator[RecordedServer]:
    with recorded_server() as running:
        yield running


@pytest.fixture
def sleeps() -> list[float]:
    return []


def _policy(sleeps: list[float], *, retries: int = 2, timeout: float = 2.0) -> HttpPolicy:
    return HttpPolicy(timeout=timeout, retries=retries, backoff=0.5, sleep=sleeps.append, test_addresses=LOOPBACK)


def test_dbnomics_good_answer_skips_na(server: RecordedServer, sleeps: list[float]) -> None:
    server.serve(M1, recorded("dbnomics_m1_yoy.json"))
    client = DBnomicsSource(base_url=server.url, policy=_policy(sleeps))
    found = client.fetch("PBOC/MONEY/M1_YOY", frequency=Frequency.MONTHLY)
    assert len(found) == 214  # 215 months, the first one "NA"
    assert found[:2] == [Fetched("2008-02", 18.95), Fetched("2008-03", 17.97)]
    assert found[-2:] == [Fetched("2025-10", 6.2), Fetched("2025-11", 4.9)]
    assert server.queries == ["observations=1&format=json"] and sleeps == []


def test_dbnomics_revision_is_a_new_value_for_the_same_period(server: RecordedServer, sleeps: list[float]) -> None:
    server.serve(M1, recorded("dbnomics_m1_yoy.json"), recorded("dbnomics_m1_yoy_revised.json"))
    client = DBnomicsSource(base_url=server.url, policy=_policy(sleeps))
    before = client.fetch("PBOC/MONEY/M1_YOY", frequency=Frequency.MONTHLY)
    after = client.fetch("PBOC/MONEY/M1_YOY", frequency=Frequency.MONTHLY)
    assert (before[-1], after[-1]) == (Fetched("2025-11", 4.9), Fetched("2025-11", 5.2))
    assert before[:-1] == after[:-1]


def test_timeout_is_retried_with_backoff_then_reported(server: RecordedServer, sleeps: list[float]) -> None:
    server.serve(M1, Reply(body="{}", delay=0.6))
    client = DBnomicsSource(base_url=server.url, policy=_policy(sleeps, retries=2, timeout=0.2))
    with pytest.raises(DataSourceError, match=r"timed out after 0.2 s \(gave up after 3 attempt\(s\)\)"):
        client.fetch("PBOC/MONEY/M1_YOY", frequency=Frequency.MONTHLY)
    assert sleeps == [0.5, 1.0] and len(server.hits) == 3


def test_malformed_body_is_not_retried(server: RecordedServer, sleeps: list[float]) -> None:
    server.serve(M1, Reply(body="<html>maintenance</html>"))
    client = DBnomicsSource(base_url=server.url, policy=_policy(sleeps))
    with pytest.raises(DataSourceError, match="malformed response"):
        client.fetch("PBOC/MONEY/M1_YOY", frequency=Frequency.MONTHLY)
    assert len(server.hits) == 1 and sleeps == []


def test_429_waits_as_told_then_succeeds(server: RecordedServer, sleeps: list[float]) -> None:
    server.serve(
        M1, Reply(status=429, body="slow down", headers={"Retry-After": "7"}), recorded("dbnomics_m1_yoy.json")
    )
    client = DBnomicsSource(base_url=server.url, policy=_policy(sleeps))
    assert len(client.fetch("PBOC/MONEY/M1_YOY", frequency=Frequency.MONTHLY)) == 214
    assert sleeps == [7.0]


def test_429_every_time_gives_up(server: RecordedServer, sleeps: list[float]) -> None:
    server.serve(M1, Reply(status=429, body="slow down"))
    client = DBnomicsSource(base_url=server.url, policy=_policy(sleeps, retries=1))
    with pytest.raises(DataSourceError, match="HTTP 429"):
        client.fetch("PBOC/MONEY/M1_YOY", frequency=Frequency.MONTHLY)
    assert sleeps == [0.5]


def test_404_and_a_bad_reference_are_not_retried(server: RecordedServer, sleeps: list[float]) -> None:
    client = DBnomicsSource(base_url=server.url, policy=_policy(sleeps))
    with pytest.raises(DataSourceError, match="HTTP 404"):
        client.fetch("PBOC/MONEY/NOPE", frequency=Frequency.MONTHLY)
    with pytest.raises(DataSourceError, match="PROVIDER/DATASET/SERIES"):
        client.fetch("PBOC/MONEY", frequency=Frequency.MONTHLY)
    assert sleeps == [] and len(server.hits) == 1


def test_fred_brings_alfred_vintages_as_vintages(server: RecordedServer, sleeps: list[float]) -> None:
    server.serve("/series/observations", recorded("fred_m2sl_alfred.json"))
    client = FredSource(api_key="k3y", base_url=server.url, policy=_policy(sleeps))
    found = client.fetch("M2SL", frequency=Frequency.MONTHLY)
    assert found == [
        Fetched("2025-01", 21561.4, datetime(2025, 2, 25, tzinfo=UTC)),
        Fetched("2025-01", 21533.9, datetime(2025, 3, 25, tzinfo=UTC)),
        Fetched("2025-02", 21614.9, datetime(2025, 3, 25, tzinfo=UTC)),
        Fetched("2025-04", 21669.2, datetime(2025, 4, 22, tzinfo=UTC)),
    ]
    query = server.queries[0]
    assert "series_id=M2SL" in query and "realtime_start=1776-07-04" in query and "realtime_end=9999-12-31" in query


def test_fred_without_key_or_with_a_bad_body_says_so_and_never_shows_the_key(
    server: RecordedServer, sleeps: list[float]
) -> None:
    with pytest.raises(DataSourceError, match="PREDTRACK_FRED_API_KEY"):
        FredSource(api_key=None, base_url=server.url, policy=_policy(sleeps)).fetch("M2SL", frequency=Frequency.MONTHLY)
    server.serve("/series/observations", Reply(body='{"observations": [{"date": "2025-01-01"}]}'))
    with pytest.raises(DataSourceError, match="malformed") as caught:
        FredSource(api_key="s3cret", base_url=server.url, policy=_policy(sleeps)).fetch("M2SL", frequency="M")
    server.serve("/series/observations", Reply(status=400, body="Bad Request.  The series does not exist."))
    with pytest.raises(DataSourceError, match="HTTP 400") as refused:
        FredSource(api_key="s3cret", base_url=server.url, policy=_policy(sleeps)).fetch("NOPE", frequency="M")
    assert "s3cret" not in str(caught.value) and "s3cret" not in str(refused.value)


def test_csv_url_good_and_malformed(server: RecordedServer, sleeps: list[float]) -> None:
    server.serve("/series.csv", recorded("series.csv"))
    client = CsvUrlSource(policy=_policy(sleeps))
    assert client.fetch(f"{server.url}/series.csv", frequency=Frequency.MONTHLY) == [
        Fetched("2025-01", 1.5),
        Fetched("2025-03", 1.7),
    ]
    server.serve("/bad.csv", Reply(body="when,amount\n2025-01,1\n", content_type="text/csv"))
    with pytest.raises(DataSourceError, match="needs 'period'"):
        client.fetch(f"{server.url}/bad.csv", frequency=Frequency.MONTHLY)
    server.serve("/worse.csv", Reply(body="period,value\n2025-01,one\n", content_type="text/csv"))
    with pytest.raises(DataSourceError, match="line 2"):
        client.fetch(f"{server.url}/worse.csv", frequency=Frequency.MONTHLY)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("dbnomics:IMF/IFS/M.CN.FM1_XDC", ("dbnomics", "IMF/IFS/M.CN.FM1_XDC")),
        ("fred:M2SL", ("fred", "M2SL")),
        ("csv:https://example.org/a.csv", ("csv", "https://example.org/a.csv")),
        ("https://example.org/a.csv", ("csv", "https://example.org/a.csv")),
        ("People's Bank of China monthly money supply", None),
        (None, None),
    ],
)
def test_source_references(source: str | None, expected: tuple[str, str] | None) -> None:
    ref = parse_source_ref(source)
    assert (None if ref is None else (ref.scheme, ref.path)) == expected
