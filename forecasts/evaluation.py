"""Scoring forecasts of many series on a train/test split, per model and frequency (used by CLI and benchmark)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from forecasts import metrics
from forecasts.types import Forecast

FREQUENCY_NAMES = {"A": "Yearly", "Q": "Quarterly", "M": "Monthly", "W": "Weekly", "D": "Daily"}


@dataclass(frozen=True)
class Scored:
    """One model's score on one series, with the compute time it took."""

    model: str
    freq: str
    score: metrics.SeriesScore
    seconds: float


def score_forecast(fc: Forecast, *, actual: np.ndarray, insample: np.ndarray, m: int) -> metrics.SeriesScore:
    """Score a sample-path forecast (mean as the point, path quantiles as intervals)."""
    q = {p: fc.quantile(p) for p in (0.025, 0.1, 0.9, 0.975)}
    return metrics.score_series(actual=actual, mean=fc.mean, q=q, insample=insample, m=m)


@dataclass(frozen=True)
class Row:
    """A line of the results table."""

    model: str
    frequency: str
    n_series: int
    owa: float
    smape: float
    mase: float
    coverage_80: float
    coverage_95: float
    msis: float
    seconds: float


def table(scored: Iterable[Scored], *, reference: str = "naive2") -> list[Row]:
    """Rows per model and frequency plus "All", OWA relative to ``reference`` on the same series."""
    items = list(scored)
    models = list(dict.fromkeys(s.model for s in items))
    freqs = [f for f in FREQUENCY_NAMES if any(s.freq == f for s in items)]
    rows = []
    for model in models:
        for freq in [*freqs, None]:
            mine = [s for s in items if s.model == model and (freq is None or s.freq == freq)]
            ref = [s for s in items if s.model == reference and (freq is None or s.freq == freq)]
            if not mine:
                continue
            summary = metrics.summarise(s.score for s in mine)
            owa = metrics.owa(summary, metrics.summarise(s.score for s in ref)) if ref else float("nan")
            rows.append(
                Row(
                    model=model,
                    frequency=FREQUENCY_NAMES[freq] if freq else "All",
                    n_series=summary.n_series,
                    owa=owa,
                    smape=summary.smape,
                    mase=summary.mase,
                    coverage_80=summary.coverage_80,
                    coverage_95=summary.coverage_95,
                    msis=summary.msis,
                    seconds=float(sum(s.seconds for s in mine)),
                )
            )
    return rows


HEADER = ("model", "frequency", "series", "OWA", "sMAPE", "MASE", "cov80", "cov95", "MSIS", "seconds")


def format_table(rows: list[Row], *, markdown: bool = False) -> str:
    """The rows as aligned text (or a Markdown table)."""
    cells = [
        (
            r.model,
            r.frequency,
            str(r.n_series),
            f"{r.owa:.3f}",
            f"{r.smape:.2f}",
            f"{r.mase:.3f}",
            f"{r.coverage_80:.3f}",
            f"{r.coverage_95:.3f}",
            f"{r.msis:.2f}",
            f"{r.seconds:.1f}",
        )
        for r in rows
    ]
    if markdown:
        lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
        lines += ["| " + " | ".join(c) + " |" for c in cells]
        return "\n".join(lines)
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(HEADER)]
    fmt = "  ".join(f"{{:<{w}}}" if i < 2 else f"{{:>{w}}}" for i, w in enumerate(widths))
    return "\n".join([fmt.format(*HEADER), *(fmt.format(*c) for c in cells)])
