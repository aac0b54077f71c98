import pytest

from predictions.data.formula import parse_formula
from predictions.ledger.errors import InvalidInput


def test_spread_reads_its_inputs_and_computes() -> None:
    formula = parse_formula(" m2_yoy - m1_yoy ")
    assert formula.inputs == {"m2_yoy", "m1_yoy"}
    assert formula.text == "m2_yoy - m1_yoy"
    assert formula.evaluate({"m2_yoy": 8.0, "m1_yoy": 2.5}) == 5.5


def test_numbers_parentheses_and_unary_minus() -> None:
    formula = parse_formula("-(a + 2) * b / 4")
    assert formula.evaluate({"a": 2.0, "b": 3.0}) == -3.0


def test_division_by_zero_is_undefined_not_an_error() -> None:
    assert parse_formula("a / b").evaluate({"a": 1.0, "b": 0.0}) is None


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("__import__('os').system('true')", "call is not allowed"),
        ("a.real", "attribute is not allowed"),
        ("a[0]", "subscript is not allowed"),
        ("a ** 2", r"only \+ - \* /"),
        ("a % 2", r"only \+ - \* /"),
        ("a > b", "compare is not allowed"),
        ("not a", r"only \+ - \* /"),
        ("lambda: 1", "lambda is not allowed"),
        ("'a' + b", "only numbers"),
        ("True + a", "only numbers"),
        ("1 + 2", "uses no indicator"),
        ("a -", "not a valid expression"),
        ("", "empty"),
    ],
)
def test_anything_but_arithmetic_on_keys_is_refused(text: str, problem: str) -> None:
    with pytest.raises(InvalidInput, match=problem):
        parse_formula(text)


@pytest.mark.parametrize(
    ("text", "values", "expected"),
    [
        ("a - b", {"a": 8.3, "b": 2.3}, 6.0),  # in floats: 6.000000000000001
        ("a + b", {"a": 0.1, "b": 0.2}, 0.3),  # in floats: 0.30000000000000004
        ("a * 3", {"a": 1.1}, 3.3),  # in floats: 3.3000000000000003
        ("(a + b + c) / 3", {"a": 0.1, "b": 0.2, "c": 0.3}, 0.2),  # in floats: 0.20000000000000004
        ("a / 3", {"a": 1.0}, 1 / 3),  # a division keeps as many digits as a float can hold
    ],
)
def test_derived_values_keep_the_precision_of_their_inputs(
    text: str, values: dict[str, float], expected: float
) -> None:
    """Old behaviour caught: float arithmetic stored 8.3 - 2.3 as 6.000000000000001, so `<= 6` resolved false."""
    assert parse_formula(text).evaluate(values) == expected
