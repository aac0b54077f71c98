"""Small PNG charts for email (mail clients show no SVG or scripts): matplotlib with the Agg backend."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime


def probability_png(history: Sequence[tuple[datetime, float]], *, since: datetime) -> bytes:
    """The probability history as a 480x150 PNG, with the week being reported shaded."""
    # matplotlib is imported on first use: it costs about a second, and most processes never draw a chart.
    import matplotlib

    matplotlib.use("Agg")  # no display, no GUI toolkit: safe in servers and threads
    from matplotlib.dates import AutoDateLocator, DateFormatter, date2num
    from matplotlib.figure import Figure

    figure = Figure(figsize=(4.8, 1.5), dpi=100)  # a Figure not attached to pyplot: no global state, thread-safe
    axes = figure.add_subplot()
    times = [float(date2num(at)) for at, _ in history]
    values = [100 * p for _, p in history]
    axes.step(times, values, where="post", color="#1f5fa8", linewidth=1.6)
    if times:
        start = float(date2num(since))
        axes.axvspan(start, max(times[-1], start), color="#f2c14e", alpha=0.3, linewidth=0)
        axes.plot(times[-1:], values[-1:], "o", color="#1f5fa8", markersize=4)
    axes.set_ylim(0, 100)
    axes.set_yticks([0, 50, 100], labels=["0%", "50%", "100%"])
    axes.tick_params(labelsize=7)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.xaxis.set_major_locator(AutoDateLocator(maxticks=5))
    axes.xaxis.set_major_formatter(DateFormatter("%Y-%m-%d"))
    figure.tight_layout(pad=0.3)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()
