"""Data sources that update indicators by themselves: DBnomics, FRED/ALFRED and plain CSV URLs.

An indicator names its source in ``Indicator.source`` as ``dbnomics:PROVIDER/DATASET/SERIES``, ``fred:SERIES`` or
``csv:URL`` (a bare ``http(s)://`` URL also means CSV). Each client implements the ``DataSource`` protocol and
answers plain observations; ``predictions.data.sync`` feeds them through the ordinary ingestion use case, so
revisions, vintages, figure checks and re-scoring all apply.

The clients speak HTTP with httpx rather than the official ``dbnomics`` package: that package fetches through
``requests`` into a pandas DataFrame with no retry policy we can drive, while one small shared HTTP layer
(``_http``) gives every client the same timeouts, retries with backoff (an injected ``sleep``), ``Retry-After``
on 429 and the same log lines.
"""

from predictions.data.sources.base import DataSource, Fetched, SourceRef, parse_source_ref
from predictions.data.sources.csvurl import CsvUrlSource
from predictions.data.sources.dbnomics import DBnomicsSource
from predictions.data.sources.fred import FredSource
from predictions.data.sources.http import HttpPolicy

__all__ = [
    "CsvUrlSource",
    "DBnomicsSource",
    "DataSource",
    "Fetched",
    "FredSource",
    "HttpPolicy",
    "SourceRef",
    "parse_source_ref",
]
