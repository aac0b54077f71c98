"""Indicators and their data: the catalog, observations and their ingest, formulas, figures, external sources and their
clients, and the source sync.

Modules: ``catalog``, ``figures``, ``formula``, ``ingest``, ``repo_catalog``, ``repo_figures``, ``repo_ingestion``,
``repo_observations``, ``sync``, ``sources``.
"""

__all__ = [
    "catalog",
    "figures",
    "formula",
    "ingest",
    "repo_catalog",
    "repo_figures",
    "repo_ingestion",
    "repo_observations",
    "sync",
    "sources",
]
