"""Executors: the local pool and a Dask LocalCluster give the same forecasts, bit for bit, in input order."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from forecasts import Series, forecast
from forecasts.executor import DaskExecutor, LocalProcessExecutor, SerialExecutor, executor_for


def _forecast(series: Series) -> np.ndarray:
    return forecast(series, 12, n_paths=200, seed=7).paths


def _series(n: int) -> list[Series]:
    rng = np.random.default_rng(11)
    return [Series(5 + np.cumsum(rng.normal(0, 0.1, 48 + i)), "M", date(2020, 1, 1), f"s{i}") for i in range(n)]


def test_executor_for_reads_the_setting() -> None:
    assert isinstance(executor_for("local", jobs=1), SerialExecutor)
    assert isinstance(executor_for("local", jobs=3), LocalProcessExecutor)
    dask = executor_for("dask://10.0.0.5:8786", jobs=1)
    assert isinstance(dask, DaskExecutor) and dask.address == "tcp://10.0.0.5:8786"
    with pytest.raises(ValueError, match="chunksize"):
        DaskExecutor("tcp://10.0.0.5:8786", chunksize=0)
    for wrong in ("dask://", "dask://host", "spark://host:7077", "threads"):
        with pytest.raises(ValueError, match="dask://HOST:PORT"):
            executor_for(wrong, jobs=1)


def test_dask_cluster_and_local_pool_agree_bit_for_bit(dask_address: str) -> None:
    series = _series(6)
    expected = [_forecast(s) for s in series]  # in this process: the reference
    with executor_for("local", jobs=2) as pool:
        pooled = list(pool.map(_forecast, series))
    with executor_for(dask_address, jobs=1) as cluster:
        clustered = list(cluster.map(_forecast, series))
        assert list(cluster.map(len, [[1], [1, 2], []])) == [1, 2, 0]  # order kept, the client reused
    for reference, a, b in zip(expected, pooled, clustered, strict=True):
        assert np.array_equal(reference, a) and np.array_equal(reference, b)


def test_dask_chunks_keep_input_order_across_chunk_edges(dask_address: str) -> None:
    # 3 items per task: 10 items are 4 tasks, the last one short; order must hold across every edge.
    with DaskExecutor(dask_address.replace("dask://", "tcp://"), chunksize=3) as cluster:
        assert list(cluster.map(_square, range(10))) == [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]
        assert list(cluster.map(_square, [])) == []


def _square(x: int) -> int:
    return x * x


def test_a_failing_task_raises_in_the_caller(dask_address: str) -> None:
    with executor_for(dask_address, jobs=1) as cluster, pytest.raises(ZeroDivisionError):
        list(cluster.map(_reciprocal, [1, 0, 2]))


def _reciprocal(x: int) -> float:
    return 1 / x
