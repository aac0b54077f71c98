"""POST /claims/{id}/condition and the claim page of a conditional claim."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlmodel import Session

from predictions.ledger.clock import FixedClock
from predictions.seed.seed import load_seed


def _downturn_claim(client: TestClient) -> dict:
    items = client.get("/api/v1/claims").json()["items"]
    (claim,) = [c for c in items if c["condition"] is not None]
    return claim


def test_the_seeds_conditional_claim_shows_both_probabilities_and_can_be_decided(
    client: TestClient,
    session: Session,
    clock: FixedClock,
    researcher_headers: dict[str, str],
    admin_headers: dict[str, str],
) -> None:
    load_seed(session, clock=clock)
    claim = _downturn_claim(client)
    assert claim["condition_status"] == "pending" and claim["condition_probability"] == 0.25
    page = client.get(f"/claims/{claim['id']}").text
    assert "P(outcome | condition)" in page and "P(condition) = 25.0%" in page
    url = f"/api/v1/claims/{claim['id']}/condition"
    assert client.post(url, json={"met": False, "evidence": "x"}).status_code == 401
    assert client.post(url, json={"met": "maybe"}, headers=researcher_headers).status_code == 422
    resolve = client.post(
        f"/api/v1/claims/{claim['id']}/resolve", json={"outcome": "false", "evidence": "x"}, headers=researcher_headers
    )
    assert resolve.status_code == 409 and "decide it first" in resolve.json()["detail"]
    not_met = {"met": False, "evidence": "no global downturn through 2026-11"}
    refused = client.post(url, json=not_met, headers=researcher_headers)  # not met annuls: admin only
    assert refused.status_code == 403, refused.text
    assert refused.json()["detail"].startswith("deciding that a condition was not met annuls the claim")
    assert client.get(f"/api/v1/claims/{claim['id']}").json()["condition_status"] == "pending"
    decided = client.post(url, json=not_met, headers=admin_headers)
    assert decided.status_code == 200, decided.text
    body = decided.json()
    assert body["status"] == "annulled" and body["condition_status"] == "not_met"
    assert body["resolution"]["evidence"] == "annulled: the condition was not met: no global downturn through 2026-11"
    again = client.post(url, json={"met": True, "evidence": "x"}, headers=researcher_headers)
    assert again.status_code == 409
    unconditional = [c for c in client.get("/api/v1/claims").json()["items"] if c["condition"] is None]
    assert client.post(
        f"/api/v1/claims/{unconditional[0]['id']}/condition", json={"met": True, "evidence": "x"},
        headers=researcher_headers,
    ).status_code == 400  # fmt: skip


def test_the_cli_decides_a_condition(runner) -> None:  # type: ignore[no-untyped-def]
    import json

    from service.cli import app, ledger, resolve  # noqa: F401  (registers the commands)

    runner.invoke(app, ["seed"])
    items = json.loads(runner.invoke(app, ["claims", "list", "--format", "json"]).stdout)["items"]
    (claim,) = [c for c in items if c["condition"] is not None]
    bad = runner.invoke(
        app, ["claims", "condition", str(claim["id"]), "--met", "--evidence", "x", "--on", "2030-01-01"]
    )
    assert bad.exit_code == 1 and "in the future" in bad.output
    done = runner.invoke(app, ["claims", "condition", str(claim["id"]), "--not-met", "--evidence", "no downturn"])
    assert done.exit_code == 0, done.output
    assert "condition not_met" in done.output and "annulled" in done.output
