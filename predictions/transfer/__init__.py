"""Export and import of the whole ledger (JSON and CSV), and the format both share.

Modules: ``export``, ``export_format``, ``ledger_import``, ``repo``.
"""

__all__ = [
    "export",
    "export_format",
    "ledger_import",
    "repo",
]
