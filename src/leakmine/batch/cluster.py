"""The Dask engine: the same per-unit function (`work.mine`) mapped over a dask.distributed cluster.

With a scheduler address the units go to that cluster, whose workers must have the same leakmine
(and the raw folder at the same path) installed; without one a LocalCluster of `workers` processes is
started and stopped with the run. Papers this process read (a slice of a PubMed file) go to a worker
as data (`Client.scatter`), not inside the task: the scheduler would unpickle and pickle them again,
and it keeps its recent messages to each worker, so the memory of a long run would grow. Each
worker encodes its unit's rows as the unit's checkpoint entry (Arrow, as a local worker does); the
entries come back to this process, which writes them and the tables, exactly as with the local
engine. At most a few units per worker thread are in flight, so a lazy stream of units stays lazy.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Iterable

from leakmine.batch.work import Mined, Unit, mine_checked, packed, warm

IN_FLIGHT_PER_THREAD = 2
_warm = False
log = logging.getLogger(__name__)


def _mine_checked(unit: Unit) -> Mined | tuple:
    global _warm
    if not _warm:  # once per worker process
        warm()
        _warm = True
    result = mine_checked(unit)
    return packed(result) if isinstance(result, Mined) else result


def run_dask(units: Iterable[Unit], workers: int, scheduler: str | None,
             on_result: Callable[[Unit, Mined | tuple], None]) -> None:
    from dask.distributed import Client, LocalCluster, as_completed

    if not log.isEnabledFor(logging.INFO):
        logging.getLogger("distributed").setLevel(logging.WARNING)  # its start-up chatter
    cluster = None if scheduler else LocalCluster(n_workers=max(1, workers), threads_per_worker=1,
                                                  processes=True, dashboard_address=":0")
    try:
        with Client(scheduler or cluster) as client:
            threads = max(1, sum(client.nthreads().values()))
            # What start-up made (imports, the client's and a local cluster's state) is not scanned
            # again by each collection while the papers of a large PubMed file are read here.
            gc.freeze()
            todo = iter(units)
            running = as_completed()
            pending: dict = {}

            def submit() -> bool:
                unit = next(todo, None)
                if unit is None:
                    return False
                data = client.scatter(unit, hash=False) if unit.documents is not None else unit
                future = client.submit(_mine_checked, data, key=f"leakmine-{unit.key}", pure=False)
                pending[future.key] = (unit, data)
                running.add(future)
                return True

            for _ in range(threads * IN_FLIGHT_PER_THREAD):
                if not submit():
                    break
            for future in running:
                unit, data = pending.pop(future.key)
                on_result(unit, future.result())
                future.release()
                if data is not unit:
                    data.release()
                submit()
    finally:
        if cluster is not None:
            cluster.close()
