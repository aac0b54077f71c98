"""Claims and what researchers attach to them: creation and edits, checks, human forecasts, hand resolutions,
conditions' storage and the audit trail.

Modules: ``audit_trail``, ``checks``, ``claims``, ``human_forecasts``, ``orders``, ``repo``, ``repo_audit``,
``repo_conditions``, ``repo_resolutions``, ``resolve``.
"""

__all__ = [
    "audit_trail",
    "checks",
    "claims",
    "human_forecasts",
    "orders",
    "repo",
    "repo_audit",
    "repo_conditions",
    "repo_resolutions",
    "resolve",
]
