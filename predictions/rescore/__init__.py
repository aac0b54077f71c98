"""Re-scoring: new data -> forecast -> probability snapshot -> maybe resolve.

The package is split along its concerns:

- ``evaluation``: a claim's probability from its rule and data (or its base rate), and the hash of its inputs;
- ``resolution``: re-scoring one claim, and resolving it automatically when the observed data settle its rule;
- ``outbox``: the pending re-score requests, batch re-scores and the deadline sweep;
- ``fanout``: the forecasts a batch needs, made in parallel through an executor (a process pool, Dask);
- ``history``: writing, listing, re-running and verifying probability snapshots;
- ``hindcast``: the snapshots the engine would have produced at past moments, for claims added after made_on;
- ``charts``: the claim page's indicator chart, drawn when a snapshot is written and kept.

Every use case takes a session and a clock, only flushes, and leaves the commit to its caller (a request, a
job, the CLI), so that snapshots, resolutions and the outbox rows they consume commit together.
"""

from predictions.rescore.charts import ChartState, NoFan, chart_is_kept, chart_state, claim_chart, draw_missing_charts
from predictions.rescore.evaluation import (
    AUTO,
    METHOD_MODEL,
    MODEL_OBSERVED,
    SMOOTHING,
    Evaluation,
    ForecastCache,
    ForecastKey,
    RuleInputs,
    evaluate_base_rate,
    evaluate_rule,
    finish_rule,
    forecast_key,
    inputs_hash,
    prepare_rule,
    smoothed,
)
from predictions.rescore.fanout import prefetch_forecasts
from predictions.rescore.hindcast import HindcastSummary, hindcast_all, hindcast_claim
from predictions.rescore.history import (
    RecomputeCache,
    Verification,
    claim_history,
    first_snapshots,
    recompute_snapshot,
    verify_snapshot,
    write_snapshot,
)
from predictions.rescore.outbox import (
    Progress,
    RunSummary,
    merge,
    process_pending,
    rescore_all,
    sweep_deadlines,
)
from predictions.rescore.resolution import RescoreOutcome, rescore_claim

__all__ = [
    "AUTO",
    "ChartState",
    "METHOD_MODEL",
    "MODEL_OBSERVED",
    "SMOOTHING",
    "Evaluation",
    "NoFan",
    "ForecastCache",
    "ForecastKey",
    "Progress",
    "RescoreOutcome",
    "RuleInputs",
    "RunSummary",
    "chart_is_kept",
    "chart_state",
    "claim_chart",
    "claim_history",
    "first_snapshots",
    "draw_missing_charts",
    "evaluate_base_rate",
    "evaluate_rule",
    "finish_rule",
    "forecast_key",
    "inputs_hash",
    "merge",
    "prefetch_forecasts",
    "prepare_rule",
    "process_pending",
    "recompute_snapshot",
    "rescore_all",
    "rescore_claim",
    "smoothed",
    "sweep_deadlines",
    "HindcastSummary",
    "hindcast_all",
    "hindcast_claim",
    "RecomputeCache",
    "Verification",
    "verify_snapshot",
    "write_snapshot",
]
