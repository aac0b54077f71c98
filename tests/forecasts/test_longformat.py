"""Reading long-format files: splits, frequencies, gaps and bad input."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from forecasts.errors import SeriesError
from forecasts.executor import LocalProcessExecutor, SerialExecutor, local_executor
from forecasts.longformat import read_long


def test_train_and_test_rows_and_gaps(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text(
        "series_id,frequency,split,ds,y\n"
        "q1,Q,train,2000-01-01,1\nq1,Q,train,2000-07-01,3\nq1,Q,test,2000-10-01,4\n"
        "a1,Yearly,train,1990-01-01,5\na1,Yearly,train,1991-01-01,\n"
    )
    items = read_long(path)
    assert [i.series_id for i in items] == ["q1", "a1"]
    q1 = items[0]
    assert q1.train.freq.value == "Q" and q1.train.start == date(2000, 1, 1)
    assert np.isnan(q1.train.values[1]) and list(q1.test) == [4.0]
    assert np.isnan(items[1].train.values[1])


def test_period_text_and_no_split_column(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text("series_id,frequency,ds,y\nm,M,2024-01,1\nm,M,2024-02,2\n")
    (item,) = read_long(path)
    assert item.train.start == date(2024, 1, 1) and len(item.train) == 2 and len(item.test) == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "cannot read"),
        ("series_id,frequency,ds\n", "lacks column(s) y"),
        ("series_id,frequency,ds,y\nx,Hourly,2024-01-01,1\n", "unknown frequency"),
        ("series_id,frequency,ds,y\nx,M,not-a-date,1\n", "does not fit"),
        ("series_id,frequency,split,ds,y\nx,M,test,2024-01-01,1\n", "no train rows"),
    ],
)
def test_bad_files(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "d.csv"
    path.write_text(content)
    with pytest.raises(SeriesError, match=re.escape(message)):
        read_long(path)


def _square(x: int) -> int:
    return x * x


def test_executors_keep_order() -> None:
    assert isinstance(local_executor(1), SerialExecutor)
    assert list(local_executor(1).map(_square, [1, 2, 3])) == [1, 4, 9]
    assert list(LocalProcessExecutor(2, chunksize=1).map(_square, range(6))) == [0, 1, 4, 9, 16, 25]
