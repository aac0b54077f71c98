"""The first source: an AINews analysis of China's dual-track technology strategy, its claims and indicators.

Loading is idempotent: the source and its claims are keyed by the source's title, indicators by key and
observations by (indicator, period, as_of), so a second load writes nothing.

**The article carries no date.** Its newest figures are 2024-Q1 averages, which the PBOC completes in
mid-April 2024, and it predicts events "by 2025", so it was written between mid-April and the end of 2024.
We take **2024-05-01**, the first month after 2024-Q1 figures were complete, as both ``published_on`` and
every claim's ``made_on``; the article's own figures are recorded as known on that date.

**When PBOC figures became known.** The CSV gives no release dates. The PBOC publishes a month's money
supply around the 10th-15th of the following month, so each month's value is recorded ``as_of`` the 15th
of the next month (00:00 UTC). Backtests "as of" a past time then see only what had been published.
"""

from __future__ import annotations

import csv
import logging
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from importlib import resources

from sqlmodel import Session, select

from forecasts.periods import Frequency, format_period, parse_period, shift
from forecasts.rules import Aggregate, Op
from predictions.clock import Clock
from predictions.repo.catalog import indicators_by_keys
from predictions.tables import (
    Claim,
    ClaimIndicator,
    ClaimStatus,
    ClaimTag,
    Indicator,
    LinkRole,
    Observation,
    RescoreRequest,
    Source,
)

logger = logging.getLogger(__name__)

ARTICLE_FILE = "000_f7711c75f2fe8ed3.txt"
PBOC_FILE = "china_money_supply.csv"
TITLE = "China's dual-track strategy: legal shield, monetary precision and the sovereign tech stack"
AUTHOR = "AINews"
PUBLISHED_ON = date(2024, 5, 1)
PUBLISHED_ON_NOTE = (
    "The article carries no date. Its newest figures are 2024-Q1 averages (complete mid-April 2024) and it "
    "predicts events 'by 2025'; we assume 2024-05-01, the first month after those figures were complete."
)
ARTICLE_AS_OF = datetime(2024, 5, 1, tzinfo=UTC)
ARTICLE_ORIGIN = "AINews article (seed 000_f7711c75f2fe8ed3)"
PBOC_ORIGIN = "People's Bank of China monthly money supply (via AKShare macro_china_money_supply)"
# Words to numbers for the source's own confidence: an unhedged "will" is scored as 0.9.
UNHEDGED_WILL = 0.9


@dataclass(frozen=True)
class IndicatorSeed:
    key: str
    name: str
    unit: str
    frequency: Frequency
    description: str
    source: str
    formula: str | None = None
    values: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class ClaimSeed:
    quote: str
    statement: str
    deadline: date
    resolution_criteria: str
    interpretation: str | None
    tags: tuple[str, ...]
    prior: float | None = None
    stated_confidence: str | None = None
    stated_probability: float | None = None
    rule: tuple[str, Op, float, Aggregate, str | None, str | None] | None = None
    leading: tuple[str, ...] = ()


def _monetary(key: str, name: str, unit: str, a2023: float, q2024: float, trend: str, implication: str) -> list:
    text = (
        f"As reported in the article's monetary table. 10-month trend per the article: {trend}. "
        f"Policy implication per the article: {implication}."
    )
    return [
        IndicatorSeed(
            f"article_{key}_annual_avg",
            f"{name}, annual average (article)",
            unit,
            Frequency.ANNUAL,
            text,
            ARTICLE_ORIGIN,
            values={"2023": a2023},
        ),
        IndicatorSeed(
            f"article_{key}_quarterly_avg",
            f"{name}, quarterly average (article)",
            unit,
            Frequency.QUARTERLY,
            text,
            ARTICLE_ORIGIN,
            values={"2024-Q1": q2024},
        ),
    ]


def _investment(key: str, name: str, v2022: float, v2023: float, focus: str) -> IndicatorSeed:
    return IndicatorSeed(
        f"article_invest_{key}",
        f"Investment: {name} (article)",
        "USD bn",
        Frequency.ANNUAL,
        f"As reported in the article's investment-by-sector table. Primary focus per the article: {focus}.",
        ARTICLE_ORIGIN,
        values={"2022": v2022, "2023": v2023},
    )


INDICATORS: list[IndicatorSeed] = [
    IndicatorSeed(
        "m1_yoy",
        "China M1 money supply, growth on a year earlier",
        "%",
        Frequency.MONTHLY,
        "Narrow money (cash and demand deposits), year-on-year growth as published. The M1 level breaks between "
        "2023-12 and 2024-01 (new definition); the published growth rates are on a comparable basis.",
        PBOC_ORIGIN,
    ),
    IndicatorSeed(
        "m2_yoy",
        "China M2 money supply, growth on a year earlier",
        "%",
        Frequency.MONTHLY,
        "Broad money, year-on-year growth as published.",
        PBOC_ORIGIN,
    ),
    IndicatorSeed(
        "m2_m1_spread",
        "China M2-M1 growth spread",
        "ppt",
        Frequency.MONTHLY,
        "M2 growth minus M1 growth, in percentage points: the article's 'M2-M1 spread'. A widening spread means "
        "money held in less liquid forms (weak activity); the article calls it 'narrow & stable'.",
        PBOC_ORIGIN,
        formula="m2_yoy - m1_yoy",
    ),
    *_monetary(
        "m2_m1_spread",
        "M2-M1 spread",
        "ppt",
        4.8,
        4.6,
        "Narrow & Stable",
        "Liquidity effectively reaching real economy",
    ),
    *_monetary(
        "afre_growth",
        "Aggregate financing to the real economy, growth",
        "% YoY",
        9.7,
        9.5,
        "Stable Growth",
        "Sustained credit support",
    ),
    *_monetary(
        "tech_loan_growth",
        "Tech-sector loan growth",
        "% YoY",
        15.2,
        16.1,
        "Accelerating",
        "Targeted credit funnel",
    ),
    *_monetary(
        "aaa_5y_yield",
        "Corporate bond yield (AAA, 5Y)",
        "%",
        3.05,
        2.95,
        "Gradual Decline",
        "Lower financing costs for R&D",
    ),
    _investment("semiconductors", "Semiconductor Design & Equipment", 12.4, 18.7, "Mature nodes, packaging, EDA tools"),
    _investment(
        "industrial_ai_software",
        "Industrial & AI Software",
        8.1,
        13.2,
        "Digital twins, PLC software, AI dev tools",
    ),
    _investment("nextgen_hardware", "Next-Gen Hardware (IoT, AR/VR)", 5.6, 9.3, "Sensors, optics, low-power chips"),
    _investment("biotech_health", "Biotech & Health Tech", 14.2, 15.8, "(Context: slower growth but stable)"),
    IndicatorSeed(
        "cn_domestic_ai_stack_share",
        "Share of China's enterprise AI market on a domestic software stack",
        "%",
        Frequency.ANNUAL,
        "Share of the domestic enterprise AI (framework/platform) market held by domestic stacks such as "
        "MindSpore/CANN and OpenAtom-hosted projects, per a published market-research estimate (IDC, CCID, "
        "Gartner). No data yet: a researcher must enter the estimate when one is published.",
        "none yet (market research estimate needed)",
    ),
    IndicatorSeed(
        "cn_ai_chip_consolidation",
        "Consolidation in China's domestic AI-chip sector (M&A deals per year)",
        "deals",
        Frequency.ANNUAL,
        "Leading indicator named by the article: 'Watch for consolidation in the domestic AI chip sector'. "
        "No data yet.",
        "none yet",
    ),
    IndicatorSeed(
        "cn_patent_licensing_abroad",
        "International licensing of Chinese tech patents (receipts, USD bn per year)",
        "USD bn",
        Frequency.ANNUAL,
        "Leading indicator named by the article: 'the international licensing behavior of Chinese tech "
        "patents'. No data yet.",
        "none yet",
    ),
]

CLAIMS: list[ClaimSeed] = [
    ClaimSeed(
        quote=(
            "By 2026, a dominant domestic AI software stack will emerge, likely centered on Huawei's MindSpore/CANN "
            "and OpenAtom-hosted projects, which will capture over 70% of the domestic enterprise AI market, "
            "creating a de facto standard that foreign firms must interface with to operate in China."
        ),
        statement="A domestic AI software stack holds over 70% of China's enterprise AI market in 2026.",
        deadline=date(2026, 12, 31),
        resolution_criteria=(
            "True if a published market-research estimate (IDC, CCID, Gartner or similar) puts the share of China's "
            "enterprise AI framework/platform market held by domestic stacks above 70% for 2026."
        ),
        interpretation=(
            "'By 2026' is read as by the end of 2026. 'Dominant' is made measurable by the article's own number: "
            "a share above 70%, read from the indicator cn_domestic_ai_stack_share for 2026. Until that indicator "
            "has data, the probability comes from the prior (a base rate for bold market-share calls)."
        ),
        tags=("ai", "software", "market-share", "china"),
        prior=0.15,
        stated_confidence="will (unhedged; 'likely' hedges only which projects it centres on)",
        stated_probability=UNHEDGED_WILL,
        rule=("cn_domestic_ai_stack_share", Op.GT, 70.0, Aggregate.LAST, "2026", "2026"),
        leading=("cn_ai_chip_consolidation", "cn_patent_licensing_abroad"),
    ),
    ClaimSeed(
        quote=(
            "The 'M2-M1 stability' will face its first major test during the next global financial downturn. Its "
            "resilience will prove whether China can maintain targeted tech funding during broad economic stress, "
            "the true measure of this policy's durability."
        ),
        statement="China's M2-M1 growth spread stays narrow (at most 6 ppt) in every month from May 2024 to 2026.",
        deadline=date(2026, 12, 31),
        resolution_criteria=(
            "True if m2_yoy - m1_yoy, as published by the PBOC, is at most 6.0 percentage points in every month "
            "from 2024-05 to 2026-12; false as soon as one month exceeds it."
        ),
        interpretation=(
            "The prediction gives no date and no number. Its premise is that the spread is 'narrow & stable' (the "
            "article reports 4.8 for 2023 and 4.6 for 2024-Q1), and it says this stability will hold until tested "
            "by a global downturn. We make that resolvable as: the spread stays within 6.0 ppt (the article's "
            "level plus a tolerance of about 1.2 ppt) in every month from the article's date to the end of 2026, "
            "the horizon of its other dated predictions."
        ),
        tags=("monetary", "china", "m2-m1"),
        stated_confidence="will (no number; the stability itself is asserted)",
        rule=("m2_m1_spread", Op.LE, 6.0, Aggregate.ALL, None, None),
    ),
    ClaimSeed(
        quote=(
            "We will see the rise of 'Sovereign Tech' as a dedicated asset class globally, with specialized funds "
            "emerging outside China to invest in companies and technologies aligned with non-US digital "
            "sovereignty narratives, fragmenting the global tech investment landscape."
        ),
        statement="Dedicated 'sovereign tech' funds emerge outside China by the end of 2026.",
        deadline=date(2026, 12, 31),
        resolution_criteria=(
            "True if, by 2026-12-31, at least three investment funds domiciled outside China, each with at least "
            "USD 100m under management, are marketed as investing in 'sovereign tech' or digital sovereignty "
            "aligned with non-US narratives, as reported by a major financial outlet."
        ),
        interpretation=(
            "No date is given; we use the end of 2026, the article's own longest dated horizon. 'Asset class' is "
            "made countable as at least three such funds of at least USD 100m."
        ),
        tags=("finance", "sovereign-tech"),
        prior=0.3,
        stated_confidence="will (unhedged)",
        stated_probability=UNHEDGED_WILL,
    ),
    ClaimSeed(
        quote=(
            "At least one major legal test case utilizing the Anti-Foreign Extraterritorial Jurisdiction Regulation "
            "will reach Chinese courts by 2025, setting a critical precedent for its enforcement and defining its "
            "practical strength."
        ),
        statement="A major court case invoking the Anti-Foreign Extraterritorial Jurisdiction Regulation is filed "
        "in a Chinese court by the end of 2025.",
        deadline=date(2025, 12, 31),
        resolution_criteria=(
            "True if, by 2025-12-31, a Chinese court has accepted a case that invokes the regulation, reported by "
            "at least one major outlet (Reuters, Bloomberg, Caixin, SCMP or similar)."
        ),
        interpretation=(
            "'By 2025' is read as by the end of 2025. 'Major' means reported by a major outlet; 'reach Chinese "
            "courts' means filed and accepted by a court. No data series decides it: a researcher resolves it "
            "with evidence."
        ),
        tags=("law", "extraterritoriality", "china"),
        prior=0.35,
        stated_confidence="will (unhedged)",
        stated_probability=UNHEDGED_WILL,
    ),
    ClaimSeed(
        quote=(
            "The ultimate success metric will not be complete technological autarky—an impractical goal—but the "
            "achievement of 'asymmetric sovereignty': possessing indispensable, cutting-edge capabilities in 3-5 "
            "critical domains (e.g., AI inference chips, quantum communications, advanced packaging) that create "
            "mutual dependency rather than one-sided vulnerability."
        ),
        statement="China achieves 'asymmetric sovereignty': indispensable, world-leading capabilities in at least "
        "three critical technology domains by the end of 2030.",
        deadline=date(2030, 12, 31),
        resolution_criteria=(
            "True if, by 2030-12-31, in at least three critical domains (for example AI inference chips, quantum "
            "communications, advanced packaging) Chinese suppliers rank in the global top two and foreign (US or EU) "
            "producers depend on them, per credible industry analyses."
        ),
        interpretation=(
            "A success metric rather than a dated forecast. We read it as a prediction that the strategy succeeds "
            "on its own terms, with the end of 2030 as the deadline (long-horizon R&D cycles of 5-7 years, per the "
            "article). 'Indispensable' means foreign producers depend on the capability."
        ),
        tags=("strategy", "semiconductors", "china"),
        prior=0.25,
        stated_confidence="no confidence stated (framed as the success metric)",
        leading=("cn_ai_chip_consolidation", "cn_patent_licensing_abroad"),
    ),
]


@dataclass(frozen=True)
class SeedReport:
    """What one load of the seed wrote."""

    sources: int
    claims: int
    indicators: int
    observations: int


def article_text() -> str:
    """The first source's full text, as shipped in the package."""
    return resources.files("predictions.data").joinpath(ARTICLE_FILE).read_text(encoding="utf-8")


def pboc_values() -> dict[str, dict[str, float]]:
    """m1_yoy, m2_yoy and their spread by month, from the packaged PBOC file."""
    series: dict[str, dict[str, float]] = {"m1_yoy": {}, "m2_yoy": {}, "m2_m1_spread": {}}
    with resources.files("predictions.data").joinpath(PBOC_FILE).open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            m1, m2 = float(row["m1_yoy"]), float(row["m2_yoy"])
            series["m1_yoy"][row["period"]] = m1
            series["m2_yoy"][row["period"]] = m2
            # Rounded to the published precision, so 8.0 - 4.9 is 3.1, not 3.0999999999999996.
            series["m2_m1_spread"][row["period"]] = round(m2 - m1, 2)
    return series


def pboc_as_of(period: str) -> datetime:
    """When a month's PBOC figure is taken to have become known: the 15th of the following month."""
    release = shift(parse_period(period, Frequency.MONTHLY), 1, Frequency.MONTHLY).replace(day=15)
    return datetime(release.year, release.month, release.day, tzinfo=UTC)


def load_seed(session: Session, *, clock: Clock) -> SeedReport:
    """Load whatever part of the first source is missing; a second call writes nothing."""
    now = clock.now()
    indicators_written, observations_written = _load_indicators(session, now=now)
    source = session.exec(select(Source).where(Source.title == TITLE)).first()
    sources_written = claims_written = 0
    if source is None:
        source = Source(
            title=TITLE,
            publisher=AUTHOR,
            author=AUTHOR,
            published_on=PUBLISHED_ON,
            published_on_note=PUBLISHED_ON_NOTE,
            text=article_text(),
            created_at=now,
        )
        session.add(source)
        session.flush()
        sources_written = 1
        claims_written = _load_claims(session, source=source, now=now)
    if indicators_written or observations_written or claims_written:
        session.add(RescoreRequest(reason="seed loaded", requested_at=now))
        session.flush()
    report = SeedReport(sources_written, claims_written, indicators_written, observations_written)
    logger.info("seed: %s", report)
    return report


def seed_if_empty(session: Session, *, clock: Clock) -> SeedReport | None:
    """Load the seed when the ledger has no source, claim or indicator yet (a first start)."""
    for table in (Source, Claim, Indicator):
        if session.exec(select(table).limit(1)).first() is not None:
            return None
    return load_seed(session, clock=clock)


def _load_indicators(session: Session, *, now: datetime) -> tuple[int, int]:
    existing = indicators_by_keys(session, keys=[i.key for i in INDICATORS])
    pboc = pboc_values()
    written = observations = 0
    for spec in INDICATORS:
        indicator = existing.get(spec.key)
        if indicator is None:
            indicator = Indicator(
                key=spec.key,
                name=spec.name,
                unit=spec.unit,
                frequency=spec.frequency,
                description=spec.description,
                source=spec.source,
                formula=spec.formula,
                created_at=now,
            )
            session.add(indicator)
            session.flush()
            written += 1
        if spec.key in pboc:
            rows = [(p, v, pboc_as_of(p), PBOC_ORIGIN) for p, v in pboc[spec.key].items()]
        else:
            rows = [(p, v, ARTICLE_AS_OF, ARTICLE_ORIGIN) for p, v in spec.values.items()]
        observations += _add_missing_observations(session, indicator=indicator, rows=rows)
    return written, observations


def _add_missing_observations(
    session: Session, *, indicator: Indicator, rows: list[tuple[str, float, datetime, str]]
) -> int:
    known = set(
        session.exec(
            select(Observation.period, Observation.as_of).where(Observation.indicator_id == indicator.id)
        ).all()
    )
    new = [
        Observation(
            indicator_id=indicator.id,  # type: ignore[arg-type]
            period=format_period(parse_period(period, indicator.frequency), indicator.frequency),
            period_start=parse_period(period, indicator.frequency),
            value=value,
            as_of=as_of,
            origin=origin,
        )
        for period, value, as_of, origin in rows
        if (period, as_of) not in known
    ]
    session.add_all(new)
    session.flush()
    return len(new)


def _load_claims(session: Session, *, source: Source, now: datetime) -> int:
    indicators = indicators_by_keys(session, keys=[i.key for i in INDICATORS])
    for spec in CLAIMS:
        claim = Claim(
            statement=spec.statement,
            quote=spec.quote,
            author=AUTHOR,
            source_id=source.id,
            made_on=PUBLISHED_ON,
            deadline=spec.deadline,
            resolution_criteria=spec.resolution_criteria,
            interpretation=spec.interpretation,
            prior=spec.prior,
            stated_confidence=spec.stated_confidence,
            stated_probability=spec.stated_probability,
            status=ClaimStatus.AWAITING_RESOLUTION if spec.deadline < now.date() else ClaimStatus.OPEN,
            created_at=now,
        )
        session.add(claim)
        session.flush()
        assert claim.id is not None
        session.add_all(ClaimTag(claim_id=claim.id, tag=tag) for tag in spec.tags)
        if spec.rule is not None:
            key, op, threshold, aggregate, start, end = spec.rule
            session.add(
                ClaimIndicator(
                    claim_id=claim.id,
                    indicator_id=indicators[key].id,  # type: ignore[arg-type]
                    role=LinkRole.DECIDES,
                    op=op,
                    threshold=threshold,
                    aggregate=aggregate,
                    window_start=start,
                    window_end=end,
                )
            )
        for key in spec.leading:
            session.add(
                ClaimIndicator(claim_id=claim.id, indicator_id=indicators[key].id, role=LinkRole.LEADING)  # type: ignore[arg-type]
            )
    session.flush()
    return len(CLAIMS)
