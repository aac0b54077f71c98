"""POST /api/v1/extract answers any bounded input within 2 s: in the app, and over uvicorn on loopback.

The extraction runs in a worker process stopped at PREDTRACK_EXTRACT_SECONDS (1.2 s by default); the answer is
then the candidates of the parts read (``complete`` false past the limit) or, when not even the first part was
read, a 422 that says to split the text; never a long wait (a 109 KB sentence once took 36 s).
"""

from __future__ import annotations

import time
from pathlib import Path

import httpx
from fastapi.testclient import TestClient

from predictions.extract import inputs
from tests.service.conftest import cli_key, running_server
from tests.service.intake_fixtures import BATTERY, ENERGY, extraction_workers  # noqa: F401

API = "/api/v1/extract"


def test_a_109_kb_single_sentence_answers_within_its_bound(
    client: TestClient, researcher_headers: dict[str, str]
) -> None:
    sentence = "Analysts expect that prices will rise " + "and rise " * 12_100 + "by 2030."
    assert 108_000 < len(sentence) < 110_000
    started = time.perf_counter()
    response = client.post(API, json={"text": sentence, "published_on": "2025-01-15"}, headers=researcher_headers)
    elapsed = time.perf_counter() - started
    assert elapsed < 3.5, elapsed  # the 1.2 s limit, with room for a loaded machine: a bound, not a speed
    # Either the rules finished in time, or the answer says to split the text; never a 36 s wait.
    assert response.status_code in (200, 422), response.text
    if response.status_code == 422:
        assert "split" in response.json()["detail"]
    # The worker stopped for it is replaced, and the other one answers the next text at once.
    started = time.perf_counter()
    response = client.post(API, json={"text": BATTERY, "published_on": "2025-01-15"}, headers=researcher_headers)
    assert response.status_code == 200 and time.perf_counter() - started < 3.5
    assert [c["claim"]["deadline"] for c in response.json()["candidates"]] == ["2027-06-30"]


def test_over_uvicorn_a_200_kb_text_answers_within_the_time_limit(tmp_path: Path) -> None:
    # How fast 200 KB is read is a benchmark's figure (docs/BENCHMARKS.md, intake); this test holds the bound.
    # The limit is set above the 1.2 s default so that a first part is read even on a heavily loaded machine.
    limit = 4.0
    text = (ENERGY + "\n\n") * (inputs.MAX_TEXT_CHARS // (len(ENERGY) + 2))
    assert 190_000 < len(text) <= inputs.MAX_TEXT_CHARS
    with running_server(tmp_path, "--no-scheduler", env={"PREDTRACK_EXTRACT_SECONDS": str(limit)}) as base:
        headers = {"Authorization": f"Bearer {cli_key(tmp_path)}"}
        with httpx.Client(base_url=base, headers=headers, timeout=60) as http:
            # The first extraction waits for a worker to finish warming; then every one is bounded.
            assert http.post(API, json={"text": BATTERY}).status_code == 200
            started = time.perf_counter()
            response = http.post(API, json={"text": text, "published_on": "2025-01-15", "author": "Energy Desk"})
            elapsed = time.perf_counter() - started
            assert elapsed < limit + 1.5, elapsed
            # The parts read within the limit (or the whole text, when it took less): never a long wait.
            assert response.status_code == 200, response.text
            body = response.json()
            assert body["text_chars"] == len(text) and 0 < body["read_chars"] <= len(text)
            assert body["complete"] == (body["read_chars"] == len(text))
            assert BATTERY in [c["claim"]["quote"] for c in body["candidates"]]
            assert all(c["quote_end"] <= body["read_chars"] for c in body["candidates"])
            too_big = http.post(API, json={"text": text * 2})
            assert too_big.status_code == 413 and "split" in too_big.json()["detail"]
