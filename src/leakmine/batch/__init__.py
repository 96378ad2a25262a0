"""The batch job: a raw folder of papers -> published tables, resumable, one writer at a time.

`run.run_batch` plans, mines and publishes; `inputs` decides what is a paper; `keys` and
`checkpoint` keep each unit's result; `work.mine` is the per-unit function that the local engine
(`pool`) and the Dask engine (`cluster`) map.
"""

from leakmine.batch.run import Options, RunLocked, RunSummary, run_batch

__all__ = ["Options", "RunLocked", "RunSummary", "run_batch"]
