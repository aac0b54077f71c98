"""Small server-side SVG charts for the dashboard (no JavaScript, no CDN)."""

from __future__ import annotations

import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from service.formatting import percent


@dataclass(frozen=True)
class Band:
    """A shaded band between two lines, e.g. a forecast's 5-95% interval."""

    lower: Sequence[float]
    upper: Sequence[float]
    start: int
    opacity: float
    label: str


@dataclass(frozen=True)
class Line:
    """A polyline; ``start`` is the x index of its first value; NaN breaks the line."""

    values: Sequence[float]
    start: int
    css: str
    label: str
    dashed: bool = False


@dataclass
class Chart:
    """A chart over ``len(x_labels)`` evenly spaced x positions."""

    x_labels: Sequence[str]
    lines: list[Line] = field(default_factory=list)
    bands: list[Band] = field(default_factory=list)
    threshold: float | None = None
    threshold_label: str = ""
    shade: tuple[int, int] | None = None
    y_unit: str = ""
    y_range: tuple[float, float] | None = None
    width: int = 760
    height: int = 260
    # The chart's text alternative, read by screen readers (and shown as a tooltip).
    description: str = ""


PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 48, 12, 12, 28


def render(chart: Chart) -> Markup:
    """The chart as an inline SVG element."""
    values = [v for line in chart.lines for v in line.values if _finite(v)]
    values += [v for band in chart.bands for v in (*band.lower, *band.upper) if _finite(v)]
    if chart.threshold is not None:
        values.append(chart.threshold)
    n = len(chart.x_labels)
    if not values or n == 0:
        return Markup('<p class="muted">No data yet.</p>')
    low, high = chart.y_range if chart.y_range is not None else _y_range(values)
    # Half the span, computed as a difference of halves: finite for any two finite floats (1e308 - -1e308 is not).
    half_span = high / 2 - low / 2
    plot_w = chart.width - PAD_LEFT - PAD_RIGHT
    plot_h = chart.height - PAD_TOP - PAD_BOTTOM

    def x(i: float) -> float:
        return PAD_LEFT + (plot_w * i / max(n - 1, 1))

    def y(v: float) -> float:
        return PAD_TOP + plot_h * (1 - (v / 2 - low / 2) / half_span)

    label = escape(chart.description)
    parts = [
        f'<svg class="chart" viewBox="0 0 {chart.width} {chart.height}" role="img" aria-label="{label}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{label}</title>'
    ]
    if chart.shade is not None:
        a, b = chart.shade
        parts.append(
            f'<rect class="window" x="{x(a):.1f}" y="{PAD_TOP}" width="{max(x(b) - x(a), 2):.1f}" '
            f'height="{plot_h}"><title>rule window</title></rect>'
        )
    for tick in _ticks(low, high):
        parts.append(
            f'<line class="grid" x1="{PAD_LEFT}" x2="{chart.width - PAD_RIGHT}" y1="{y(tick):.1f}" y2="{y(tick):.1f}"/>'
            f'<text class="axis" x="{PAD_LEFT - 6}" y="{y(tick) + 4:.1f}" text-anchor="end">{tick:g}</text>'
        )
    step = max(1, n // 8)
    for i in range(0, n, step):
        parts.append(
            f'<text class="axis" x="{x(i):.1f}" y="{chart.height - 8}" text-anchor="middle">'
            f"{escape(chart.x_labels[i])}</text>"
        )
    for band in chart.bands:
        top = [(x(band.start + i), y(v)) for i, v in enumerate(band.upper)]
        bottom = [(x(band.start + i), y(v)) for i, v in enumerate(band.lower)][::-1]
        points = " ".join(f"{px:.1f},{py:.1f}" for px, py in top + bottom)
        parts.append(
            f'<polygon class="band" points="{points}" style="opacity:{band.opacity}">'
            f"<title>{escape(band.label)}</title></polygon>"
        )
    if chart.threshold is not None:
        ty = y(chart.threshold)
        parts.append(
            f'<line class="threshold" x1="{PAD_LEFT}" x2="{chart.width - PAD_RIGHT}" y1="{ty:.1f}" y2="{ty:.1f}"/>'
            f'<text class="threshold-label" x="{chart.width - PAD_RIGHT - 4}" y="{ty - 4:.1f}" text-anchor="end">'
            f"{escape(chart.threshold_label)}</text>"
        )
    for line in chart.lines:
        for segment in _segments(line):
            points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in segment)
            dash = ' stroke-dasharray="4 3"' if line.dashed else ""
            if len(segment) == 1:
                i, v = segment[0]
                parts.append(f'<circle class="{line.css}" cx="{x(i):.1f}" cy="{y(v):.1f}" r="3"/>')
            else:
                parts.append(
                    f'<polyline class="{line.css}" points="{points}"{dash}><title>{escape(line.label)}</title>'
                    "</polyline>"
                )
    parts.append("</svg>")
    return Markup("".join(parts))


def probability_history(points: Sequence[tuple[str, float, bool]], *, description: str = "") -> Chart:
    """A claim's probability over time from ``(label, probability, is_hindcast)``: hindcasts dashed, live solid."""
    nan = float("nan")
    live = [nan if hindcast else p for _, p, hindcast in points]
    hindcasts = [p if hindcast else nan for _, p, hindcast in points]
    lines = [Line(live, 0, "prob", "probability")]
    if any(hindcast for _, _, hindcast in points):
        lines.insert(0, Line(hindcasts, 0, "prob", "hindcast: what the engine would have said then", dashed=True))
    return Chart(
        x_labels=[label for label, _, _ in points],
        lines=lines,
        y_range=(0.0, 1.0),
        height=180,
        description=description,
    )


def sparkline(values: Sequence[float], *, width: int = 90, height: int = 22) -> Markup:
    """A tiny probability trend on a fixed 0..1 scale."""
    points = [v for v in values if _finite(v)]
    if len(points) < 2:
        return Markup("")
    step = width / (len(points) - 1)
    coords = " ".join(f"{i * step:.1f},{height - v * height:.1f}" for i, v in enumerate(points))
    label = f"trend from {percent(points[0])} to {percent(points[-1])}"
    return Markup(
        f'<svg class="spark" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{label}" xmlns="http://www.w3.org/2000/svg"><title>{label}</title>'
        f'<polyline points="{coords}"/></svg>'
    )


def _segments(line: Line) -> list[list[tuple[int, float]]]:
    segments: list[list[tuple[int, float]]] = [[]]
    for i, v in enumerate(line.values):
        if _finite(v):
            segments[-1].append((line.start + i, v))
        elif segments[-1]:
            segments.append([])
    return [s for s in segments if s]


def _y_range(values: Sequence[float]) -> tuple[float, float]:
    """The y axis's range: the values' with a 5% margin, never empty, and inside the finite floats whatever the
    values (a posted 1e308 once made every page showing it answer 500)."""
    low, high = min(values), max(values)
    if math.isclose(low, high, abs_tol=1e-300):  # also a span so small its half underflows to 0
        pad = max(1.0, abs(low) * 0.05)
        low, high = low - pad, high + pad
    margin = (high / 2 - low / 2) * 0.1
    return max(low - margin, -sys.float_info.max), min(high + margin, sys.float_info.max)


def _ticks(low: float, high: float, count: int = 5) -> list[float]:
    raw = (high / 2 - low / 2) / count * 2
    if not raw > 0 or not math.isfinite(raw):
        return []
    magnitude = 10 ** math.floor(math.log10(raw))
    step = min((m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw), default=raw)
    first = math.ceil(low / step) * step
    ticks = []
    tick = first
    while tick <= high:
        ticks.append(round(tick, 10))
        tick += step
    return ticks


def _finite(v: float | None) -> bool:
    return v is not None and math.isfinite(v)


def calibration_plot(points: Sequence[tuple[float, float, int]], *, size: int = 320, description: str = "") -> Markup:
    """Forecast probability (x) against observed frequency (y), one dot per bin sized by its count."""
    pad = 36
    if not description:
        description = "Calibration: " + "; ".join(f"forecast {p:.2f}, observed {f:.2f} (n={n})" for p, f, n in points)
    inner = size - 2 * pad

    def at(v: float) -> float:
        return pad + inner * v

    parts = [
        f'<svg class="chart calib" viewBox="0 0 {size} {size}" width="{size}" height="{size}" role="img" '
        f'aria-label="{escape(description)}" xmlns="http://www.w3.org/2000/svg"><title>{escape(description)}</title>',
        f'<line class="diag" x1="{at(0)}" y1="{size - at(0)}" x2="{at(1)}" y2="{size - at(1)}"/>',
    ]
    for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
        parts.append(
            f'<text class="axis" x="{at(tick):.1f}" y="{size - 12}" text-anchor="middle">{tick:g}</text>'
            f'<text class="axis" x="{pad - 6}" y="{size - at(tick) + 4:.1f}" text-anchor="end">{tick:g}</text>'
        )
    largest = max((n for _, _, n in points), default=1)
    for probability, frequency, n in points:
        radius = 3 + 7 * math.sqrt(n / largest)
        parts.append(
            f'<circle class="prob" cx="{at(probability):.1f}" cy="{size - at(frequency):.1f}" r="{radius:.1f}">'
            f"<title>forecast {probability:.2f}, observed {frequency:.2f}, n={n}</title></circle>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))
