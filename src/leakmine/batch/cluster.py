"""The Dask engine: the same per-unit function (`work.mine`) mapped over a dask.distributed cluster.

With a scheduler address the units go to that cluster, whose workers must have the same leakmine
(and the raw folder at the same path) installed; without one a LocalCluster of `workers` processes is
started and stopped with the run. Citations this process cut from a PubMed file go to a worker as
data (`Client.scatter`), not inside the task: the scheduler would unpickle and pickle them again,
and it keeps its recent messages to each worker, so the memory of a long run would grow. Each
worker encodes its unit's rows as the unit's checkpoint entry (Arrow, as a local worker does); the
entries come back to this process, which writes them and the tables, exactly as with the local
engine. At most a few units per worker thread are in flight, so a lazy stream of units stays lazy.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from leakmine.batch.work import Mined, Unit, mine_checked, packed, warm

IN_FLIGHT_PER_THREAD = 2
RESENDS = 3  # times a unit is sent again when the worker holding its citations is lost
_warm = False
log = logging.getLogger(__name__)


def _mine_checked(unit: Unit) -> Mined | tuple:
    global _warm
    if not _warm:  # once per worker process
        warm()
        _warm = True
    result = mine_checked(unit)
    return packed(result) if isinstance(result, Mined) else result


def _scattered(client: Any, unit: Unit) -> Any:
    """The future of the unit's citations sent to a worker; sent again when that worker goes down as
    they are sent (another one, or the one its nanny restarts, takes them)."""
    for _ in range(RESENDS):
        try:
            return client.scatter(unit, hash=False)
        except OSError:  # distributed's CommClosedError
            log.info("a worker went down as the citations of %s were sent to it", unit.key)
    return client.scatter(unit, hash=False)


@contextmanager
def _frozen() -> Iterator[None]:
    """The objects alive now (imports, the client's and a local cluster's state) left out of the
    collector's scans while the block runs, in which this process cuts a large PubMed file for the
    workers; nothing is frozen when other code froze objects already (`gc` cannot thaw only ours)."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def run_dask(units: Iterable[Unit], workers: int, scheduler: str | None,
             on_result: Callable[[Unit, Mined | tuple], None]) -> None:
    from dask.distributed import Client, LocalCluster, as_completed

    if not log.isEnabledFor(logging.INFO):
        logging.getLogger("distributed").setLevel(logging.WARNING)  # its start-up chatter
    cluster = None if scheduler else LocalCluster(n_workers=max(1, workers), threads_per_worker=1,
                                                  processes=True, dashboard_address=":0")
    try:
        with Client(scheduler or cluster) as client, _frozen():
            threads = max(1, sum(client.nthreads().values()))
            todo = iter(units)
            running = as_completed()
            pending: dict = {}

            def submit(unit: Unit, resent: int = 0) -> None:
                data = unit if unit.citations is None else _scattered(client, unit)
                key = f"leakmine-{unit.key}" + (f"-{resent}" if resent else "")
                future = client.submit(_mine_checked, data, key=key, pure=False)
                pending[future.key] = (unit, data, resent)
                running.add(future)

            def submit_next() -> bool:
                unit = next(todo, None)
                if unit is not None:
                    submit(unit)
                return unit is not None

            for _ in range(threads * IN_FLIGHT_PER_THREAD):
                if not submit_next():
                    break
            for future in running:
                unit, data, resent = pending.pop(future.key)
                if data is not unit:
                    data.release()
                if future.cancelled() and data is not unit and resent < RESENDS:
                    # The worker that held the citations was lost, and they with it: Dask cannot run the
                    # task again by itself, as it does for a unit that names a file.
                    future.release()
                    submit(unit, resent + 1)
                    continue
                on_result(unit, future.result())
                future.release()
                submit_next()
    finally:
        if cluster is not None:
            cluster.close()
