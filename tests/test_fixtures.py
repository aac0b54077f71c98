"""The test fixtures themselves: a test's commits must stay inside its rolled-back transaction."""

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session

from tests.conftest import slow_first
from tests.factories import make_source


def test_a_commit_in_a_test_is_invisible_to_other_connections(session: Session, engine: Engine) -> None:
    make_source(session, title="fixture-leak-check")
    session.commit()
    with engine.connect() as other:
        seen = other.execute(sa.text("SELECT count(*) FROM source WHERE title = 'fixture-leak-check'")).scalar()
    assert seen == 0


def test_slow_first_starts_each_first_block_with_its_share_of_the_slow_tests_and_keeps_every_test() -> None:
    # 20 tests; three slow ones (9, 5 and 4 s) and 3 workers. worksteal hands out 20 // 3 = 6, then 14 // 2 = 7,
    # then the last 7: the blocks must start with [9], [5] and [4] (longest first, each to the least loaded block).
    seconds = {"s9": 9.0, "s5": 5.0, "s4": 4.0}
    items = [f"t{i}" for i in range(17)]
    items[3:3], items[10:10], items[15:15] = ["s4"], ["s9"], ["s5"]
    ordered = slow_first(items, 3, lambda name: seconds.get(name, 0.0))
    assert sorted(ordered) == sorted(items)
    assert [ordered[0], ordered[6], ordered[13]] == ["s9", "s5", "s4"]
    assert [name for name in ordered if name.startswith("t")] == [f"t{i}" for i in range(17)]


def test_slow_first_with_more_slow_tests_than_workers_balances_their_time() -> None:
    seconds = {"a": 10.0, "b": 6.0, "c": 5.0, "d": 1.0}
    ordered = slow_first(["x", "a", "b", "c", "d", "y", "z", "w"], 2, lambda name: seconds.get(name, 0.0))
    # Blocks of 4 and 4: "a" (10) alone against "b" + "c" (11), then "d" to the lighter "a" block.
    assert ordered == ["a", "d", "x", "y", "b", "c", "z", "w"]
