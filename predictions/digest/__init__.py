"""The weekly digest: its content, subscriptions, signed tokens for links, and the delivery bookkeeping.

Modules: ``digest``, ``repo``, ``repo_subscriptions``, ``subscriptions``, ``tokens``.
"""

__all__ = [
    "digest",
    "repo",
    "repo_subscriptions",
    "subscriptions",
    "tokens",
]
