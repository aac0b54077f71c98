"""Formulas of derived indicators, such as ``m2_yoy - m1_yoy``: parsed with ``ast``, never evaluated as code.

A formula may use numbers, the keys of other indicators, ``+ - * /``, unary minus and parentheses. Anything
else (calls, attributes, subscripts, comparisons, ``**``) is refused when the indicator is created, so that
evaluating a stored formula is a walk over a small, known tree.

**Numbers keep the precision they were written with.** Each input is read as the decimal it was written as (the
shortest text of its float, so 8.3 is 8.3, not 8.300000000000000710...) and the arithmetic is done in decimal,
so a derived value carries no binary noise: 8.3 - 2.3 is 6, not 6.000000000000001, and a rule ``<= 6`` on the
spread holds. Division keeps ``DIVISION_DIGITS`` significant digits (more than a float holds).
"""

from __future__ import annotations

import ast
import decimal
import math
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from predictions.ledger.errors import InvalidInput

DIVISION_DIGITS = 28

_BINARY: dict[type[ast.operator], Callable[[Decimal, Decimal], Decimal]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}
MAX_LENGTH = 1000
MAX_DEPTH = 100  # levels of the parsed tree; "a - b" has 3, a sum of n terms about n + 1
_UNARY: dict[type[ast.unaryop], Callable[[Decimal], Decimal]] = {ast.USub: operator.neg, ast.UAdd: operator.pos}


@dataclass(frozen=True)
class Formula:
    """A parsed, checked formula: ``inputs`` are the indicator keys it reads."""

    text: str
    tree: ast.expr
    inputs: frozenset[str]

    def evaluate(self, values: Mapping[str, float]) -> float | None:
        """The formula's value for one period, or None when it is undefined there (a division by zero)."""
        context = decimal.Context(prec=DIVISION_DIGITS, traps=[decimal.DivisionByZero, decimal.InvalidOperation])
        try:
            with decimal.localcontext(context):
                result = float(_evaluate(self.tree, values))
        except (ArithmeticError, RecursionError, ValueError, KeyError):
            # Undefined for this period (a division by zero, an overflow): ingestion of the inputs goes on.
            return None
        return result if math.isfinite(result) else None


def parse_formula(text: str) -> Formula:
    """Parse ``text`` and check that it uses only numbers, keys, ``+ - * /`` and parentheses."""
    if not text or not text.strip():
        raise InvalidInput("formula is empty: write it like 'm2_yoy - m1_yoy'")
    if len(text) > MAX_LENGTH:
        raise InvalidInput(f"formula is {len(text)} characters long; at most {MAX_LENGTH}")
    try:
        tree = ast.parse(text.strip(), mode="eval").body
    except (SyntaxError, ValueError) as exc:
        raise InvalidInput(f"formula {text!r} is not a valid expression: {getattr(exc, 'msg', exc)}") from None
    except (RecursionError, MemoryError):
        raise InvalidInput(f"formula is nested too deeply; at most {MAX_DEPTH} levels") from None
    depth = _depth(tree)
    if depth > MAX_DEPTH:
        raise InvalidInput(f"formula is nested {depth} levels deep; at most {MAX_DEPTH}")
    inputs: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            inputs.add(node.id)
        elif isinstance(node, ast.Constant):
            if isinstance(node.value, bool) or not isinstance(node.value, int | float):
                raise InvalidInput(f"formula {text!r}: only numbers are allowed as constants, not {node.value!r}")
            try:
                finite = math.isfinite(float(node.value))
            except OverflowError:
                finite = False
            if not finite:
                raise InvalidInput(f"formula {text[:60]!r}...: a constant does not fit a 64-bit float")
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


def _depth(node: ast.AST) -> int:
    """How deeply the tree nests, without recursion (a hostile formula may nest thousands of levels)."""
    deepest, stack = 0, [(node, 1)]
    while stack:
        current, level = stack.pop()
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in ast.iter_child_nodes(current))
    return deepest


def _as_written(value: float) -> Decimal:
    """The decimal a float was written as: its shortest round-trip text (8.3 -> Decimal('8.3'))."""
    if not math.isfinite(value):
        raise decimal.InvalidOperation(f"{value!r} is not a number")
    return Decimal(repr(float(value)))


def _evaluate(node: ast.expr, values: Mapping[str, float]) -> Decimal:
    if isinstance(node, ast.Constant):
        return _as_written(node.value)  # type: ignore[arg-type]  # parse_formula allows int and float only
    if isinstance(node, ast.Name):
        return _as_written(values[node.id])
    if isinstance(node, ast.BinOp):
        return _BINARY[type(node.op)](_evaluate(node.left, values), _evaluate(node.right, values))
    if isinstance(node, ast.UnaryOp):
        return _UNARY[type(node.op)](_evaluate(node.operand, values))
    raise AssertionError(f"unchecked node {node!r}")  # parse_formula refuses every other node
