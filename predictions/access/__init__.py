"""Who may do what: API keys and roles, rate limits, and the application's secret.

Modules: ``app_secret``, ``keys``, ``rate_limits``.
"""

__all__ = [
    "app_secret",
    "keys",
    "rate_limits",
]
