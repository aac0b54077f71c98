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

**The article's own figures, checked.** The article's M2-M1 spread (4.8 for the 2023 average, 4.6 for the
2024-Q1 average) is checked against the PBOC series (the mean of the months, m2_yoy - m1_yoy), with a tolerance
of 0.2 ppt: the article rounds to 0.1, and the rest allows for small revisions. The PBOC gives 7.8 and 5.8, so
both differ. The article's other tables (aggregate financing, tech-sector loans, AAA 5Y yield, investment by
sector) have no official series in the ledger yet, so they are not checked; a check can be added with
``POST /api/v1/sources/{id}/checks`` once one is.
"""

from __future__ import annotations

import csv
import logging
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from importlib import resources

from sqlmodel import Session, func, select

from forecasts.periods import Frequency, parse_period, shift
from forecasts.rules import Aggregate, Op
from predictions.claims.claims import create_claim
from predictions.data.figures import create_figure_check
from predictions.data.ingest import BatchIn, ObservationIn, create_indicator, ingest_batches
from predictions.data.repo_catalog import indicators_by_keys
from predictions.data.repo_figures import find_check
from predictions.ledger.clock import Clock
from predictions.ledger.schemas import ClaimCreate, FigureCheckCreate, RuleIn
from predictions.ledger.tables import (
    Claim,
    Indicator,
    Observation,
    Source,
    Transformation,
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
    condition: str | None = None
    condition_prior: float | None = None


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
            "the horizon of its other dated predictions. Kept beside the conditional reading (the last claim, "
            "'If a global financial downturn begins ...'): a 'first major test' during the next downturn "
            "presupposes that the stability lasts until then, so a spread that widens with no downturn at all "
            "already contradicts the prediction. This claim scores that presupposition; the conditional claim "
            "scores the prediction itself."
        ),
        tags=("monetary", "china", "m2-m1"),
        # "will", unhedged: 0.9 by the same documented table that `predtrack extract` uses
        # (predictions.extract.confidence), so the article's own confidence is scored beside the model's.
        stated_confidence="will (unhedged; the stability itself is asserted)",
        stated_probability=UNHEDGED_WILL,
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
    ClaimSeed(
        quote=(
            "The 'M2-M1 stability' will face its first major test during the next global financial downturn. Its "
            "resilience will prove whether China can maintain targeted tech funding during broad economic stress, "
            "the true measure of this policy's durability."
        ),
        statement=(
            "If a global financial downturn begins by the end of 2026, the M2-M1 spread holds within 6 ppt in every "
            "month from May 2024 to 2026."
        ),
        deadline=date(2026, 12, 31),
        resolution_criteria=(
            "Counts only if a global financial downturn begins between 2024-05-01 and 2026-12-31 (see the "
            "condition). Then true if m2_yoy - m1_yoy, as published by the PBOC, is at most 6.0 percentage points in "
            "every month from 2024-05 to 2026-12; false as soon as one month exceeds it."
        ),
        interpretation=(
            "A conditional prediction: the article says the spread's stability will be tested 'during the next "
            "global financial downturn', and that its resilience then is the measure of the policy. So the claim "
            "counts only if such a downturn begins before the deadline (the end of 2026, the horizon of the "
            "article's other dated predictions); otherwise it is annulled. 'Stays narrow' is made resolvable as the "
            "spread within 6.0 ppt (the article's 4.6-4.8 plus about 1.2 ppt) in every month from the article's "
            "date: the article gives no date for the downturn, so the whole span counts. Its probability reads "
            "P(spread stays narrow | downturn); P(downturn by 2026) sits beside it. The unconditional reading "
            "(the second claim) is kept as a separate claim on the prediction's presupposition: the stability lasts "
            "until it is tested."
        ),
        tags=("monetary", "china", "m2-m1"),
        stated_confidence="will (no number; the stability itself is asserted)",
        rule=("m2_m1_spread", Op.LE, 6.0, Aggregate.ALL, None, None),
        condition=(
            "a global financial downturn begins between 2024-05-01 and 2026-12-31: world real GDP growth below "
            "1% in a calendar year (IMF World Economic Outlook) or a global financial crisis so named by the IMF or "
            "BIS; decided by a researcher"
        ),
        # The IMF dates global recessions in 1975, 1982, 1991, 2009 and 2020: about one year in
        # ten, so about 1 - 0.9 ** 2.7 = 0.25 over the claim's 2.7 years.
        condition_prior=0.25,
    ),
]


# The article's figures that an official series in the ledger can check: (reported, period, official, how, tolerance).
CHECKS: list[tuple[str, str, str, Transformation, float]] = [
    ("article_m2_m1_spread_annual_avg", "2023", "m2_m1_spread", Transformation.MEAN, 0.2),
    ("article_m2_m1_spread_quarterly_avg", "2024-Q1", "m2_m1_spread", Transformation.MEAN, 0.2),
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
    return resources.files("predictions.seed").joinpath(ARTICLE_FILE).read_text(encoding="utf-8")


def pboc_values() -> dict[str, dict[str, float]]:
    """m1_yoy and m2_yoy by month, from the packaged PBOC file (the spread is derived by its formula)."""
    series: dict[str, dict[str, float]] = {"m1_yoy": {}, "m2_yoy": {}}
    with resources.files("predictions.seed").joinpath(PBOC_FILE).open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            series["m1_yoy"][row["period"]] = float(row["m1_yoy"])
            series["m2_yoy"][row["period"]] = float(row["m2_yoy"])
    return series


def pboc_as_of(period: str) -> datetime:
    """When a month's PBOC figure is taken to have become known: the 15th of the following month."""
    release = shift(parse_period(period, Frequency.MONTHLY), 1, Frequency.MONTHLY).replace(day=15)
    return datetime(release.year, release.month, release.day, tzinfo=UTC)


def load_seed(session: Session, *, clock: Clock) -> SeedReport:
    """Load whatever part of the first source is missing; a second call writes nothing."""
    now = clock.now()
    observations_before = _count_observations(session)
    indicators_written = _load_indicators(session, clock=clock)
    observations_written = _count_observations(session) - observations_before
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
    claims_written = _load_claims(session, source=source, clock=clock)
    _load_checks(session, source=source, clock=clock)
    report = SeedReport(sources_written, claims_written, indicators_written, observations_written)
    logger.info("seed: %s", report)
    return report


def _count_observations(session: Session) -> int:
    return int(session.exec(select(func.count()).select_from(Observation)).one())


def seed_if_empty(session: Session, *, clock: Clock) -> SeedReport | None:
    """Load the seed when the ledger has no source, claim or indicator yet (a first start)."""
    for table in (Source, Claim, Indicator):
        if session.exec(select(table).limit(1)).first() is not None:
            return None
    return load_seed(session, clock=clock)


def _load_indicators(session: Session, *, clock: Clock) -> int:
    """Create missing indicators and ingest their data through the ordinary ingestion use case.

    A derived indicator is created after its inputs' data is in, which computes its history; later
    ingestions of its inputs recompute it.
    """
    existing = indicators_by_keys(session, keys=[i.key for i in INDICATORS])
    missing = [spec for spec in INDICATORS if spec.key not in existing]
    for spec in (s for s in missing if s.formula is None):
        _create(session, spec=spec, clock=clock)
    _ingest_data(session, clock=clock)
    for spec in (s for s in missing if s.formula is not None):
        _create(session, spec=spec, clock=clock)
    return len(missing)


def _create(session: Session, *, spec: IndicatorSeed, clock: Clock) -> None:
    create_indicator(
        session,
        key=spec.key,
        name=spec.name,
        frequency=spec.frequency,
        unit=spec.unit,
        description=spec.description,
        source=spec.source,
        formula=spec.formula,
        clock=clock,
    )


def _ingest_data(session: Session, *, clock: Clock) -> None:
    """Ingest the PBOC months and the article's figures (idempotent: known values count as unchanged)."""
    pboc = [
        BatchIn(key, [ObservationIn(period, value, pboc_as_of(period)) for period, value in values.items()])
        for key, values in pboc_values().items()
    ]
    article = [
        BatchIn(spec.key, [ObservationIn(period, value, ARTICLE_AS_OF) for period, value in spec.values.items()])
        for spec in INDICATORS
        if spec.values
    ]
    ingest_batches(session, batches=pboc, clock=clock, origin=PBOC_ORIGIN)
    ingest_batches(session, batches=article, clock=clock, origin=ARTICLE_ORIGIN)


def _load_claims(session: Session, *, source: Source, clock: Clock) -> int:
    """Add the missing claims through the ordinary use case (tags, rule, leading indicators, first score request).

    Keyed by statement, so a ledger seeded before a claim was added to the seed gets it on the next load.
    """
    assert source.id is not None
    known = set(session.exec(select(Claim.statement).where(Claim.source_id == source.id)).all())
    missing = [spec for spec in CLAIMS if spec.statement not in known]
    for spec in missing:
        rule = None
        if spec.rule is not None:
            key, op, threshold, aggregate, start, end = spec.rule
            rule = RuleIn(
                indicator=key, op=op, threshold=threshold, aggregate=aggregate, window_start=start, window_end=end
            )
        data = ClaimCreate(
            statement=spec.statement,
            quote=spec.quote,
            author=AUTHOR,
            source_id=source.id,
            made_on=PUBLISHED_ON,
            deadline=spec.deadline,
            resolution_criteria=spec.resolution_criteria,
            interpretation=spec.interpretation,
            tags=list(spec.tags),
            prior=spec.prior,
            stated_confidence=spec.stated_confidence,
            stated_probability=spec.stated_probability,
            rule=rule,
            leading_indicators=list(spec.leading),
            condition=spec.condition,
            condition_prior=spec.condition_prior,
        )
        create_claim(session, data=data, clock=clock)
    return len(missing)


def _load_checks(session: Session, *, source: Source, clock: Clock) -> None:
    """Add the missing figure checks (a ledger seeded before checks existed gets them on the next load)."""
    assert source.id is not None
    indicators = indicators_by_keys(session, keys={k for c in CHECKS for k in (c[0], c[2])})
    for reported, period, official, how, tolerance in CHECKS:
        found = find_check(
            session,
            reported_id=indicators[reported].id,  # type: ignore[arg-type]
            period=period,
            official_id=indicators[official].id,  # type: ignore[arg-type]
        )
        if found is None:
            data = FigureCheckCreate(
                reported_indicator=reported,
                period=period,
                official_indicator=official,
                transformation=how,
                tolerance=tolerance,
                note="The article's table 'Monetary Indicator', against the PBOC's own series.",
            )
            create_figure_check(session, source_id=source.id, data=data, clock=clock)
