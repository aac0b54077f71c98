"""The ledger: claims, their data, their probabilities and their scores, one package per feature.

Dependencies run ``service -> predictions -> forecasts``; inside, every feature may use ``ledger`` (what they all
share) and none reaches back into ``service``.
"""

__all__ = ["access", "claims", "data", "digest", "extract", "ledger", "rescore", "scoring", "seed", "transfer"]
