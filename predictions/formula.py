"""Formulas of derived indicators, such as ``m2_yoy - m1_yoy``: parsed with ``ast``, never evaluated as code.

A formula may use numbers, the keys of other indicators, ``+ - * /``, unary minus and parentheses. Anything
else (calls, attributes, subscripts, comparisons, ``**``) is refused when the indicator is created, so that
evaluating a stored formula is a walk over a small, known tree.
"""

from __future__ import annotations

import ast
import math
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from predictions.errors import InvalidInput

_BINARY: dict[type[ast.operator], Callable[[float, float], float]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}
_UNARY: dict[type[ast.unaryop], Callable[[float], float]] = {ast.USub: operator.neg, ast.UAdd: operator.pos}


@dataclass(frozen=True)
class Formula:
    """A parsed, checked formula: ``inputs`` are the indicator keys it reads."""

    text: str
    tree: ast.expr
    inputs: frozenset[str]

    def evaluate(self, values: Mapping[str, float]) -> float | None:
        """The formula's value for one period, or None when it is undefined there (a division by zero)."""
        try:
            result = _evaluate(self.tree, values)
        except ZeroDivisionError:
            return None
        return result if math.isfinite(result) else None


def parse_formula(text: str) -> Formula:
    """Parse ``text`` and check that it uses only numbers, keys, ``+ - * /`` and parentheses."""
    if not text or not text.strip():
        raise InvalidInput("formula is empty: write it like 'm2_yoy - m1_yoy'")
    try:
        tree = ast.parse(text.strip(), mode="eval").body
    except SyntaxError as exc:
        raise InvalidInput(f"formula {text!r} is not a valid expression: {exc.msg}") from None
    inputs: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            inputs.add(node.id)
        elif isinstance(node, ast.Constant):
            if isinstance(node.value, bool) or not isinstance(node.value, int | float):
                raise InvalidInput(f"formula {text!r}: only numbers are allowed as constants, not {node.value!r}")
        elif isinstance(node, ast.BinOp):
            if type(node.op) not in _BINARY:
                raise InvalidInput(f"formula {text!r}: only + - * / are allowed")
        elif isinstance(node, ast.UnaryOp):
            if type(node.op) not in _UNARY:
                raise InvalidInput(f"formula {text!r}: only + - * / are allowed")
        elif not isinstance(node, ast.operator | ast.unaryop | ast.Load):
            raise InvalidInput(
                f"formula {text!r}: {type(node).__name__.lower()} is not allowed; "
                "use indicator keys, numbers, + - * / and parentheses"
            )
    if not inputs:
        raise InvalidInput(f"formula {text!r} uses no indicator: name at least one indicator key")
    return Formula(text=text.strip(), tree=tree, inputs=frozenset(inputs))


def _evaluate(node: ast.expr, values: Mapping[str, float]) -> float:
    if isinstance(node, ast.Constant):
        return float(node.value)  # type: ignore[arg-type]  # parse_formula allows int and float only
    if isinstance(node, ast.Name):
        return float(values[node.id])
    if isinstance(node, ast.BinOp):
        return _BINARY[type(node.op)](_evaluate(node.left, values), _evaluate(node.right, values))
    if isinstance(node, ast.UnaryOp):
        return _UNARY[type(node.op)](_evaluate(node.operand, values))
    raise AssertionError(f"unchecked node {node!r}")  # parse_formula refuses every other node
