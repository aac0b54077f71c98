"""The first source: the AINews article, its claims and indicators, and the PBOC M1/M2 series behind one of them.

Modules: ``seed``.
"""

__all__ = [
    "seed",
]
