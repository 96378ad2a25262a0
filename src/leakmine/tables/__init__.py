"""Output tables: typed records, schemas checked before writing, and the Parquet/CSV/DuckDB files.

`build.build_frames` turns `PaperResult`s into DataFrames, `write_tables` checks and publishes them
(`write.GenerationWriter` does it shard by shard for batch runs, `manifest` says what is published),
`load_tables` reads them back; docs/tables.md is the data dictionary. Names are imported on first use,
so that reading a manifest does not import pandas.
"""

from importlib import import_module

_HOMES = {
    "Tables": "load", "load_tables": "load", "TABLES": "records", "ErrorRow": "records",
    "SCHEMAS": "schemas", "SchemaError": "schemas", "validate": "schemas",
    "DUCKDB_NAME": "manifest", "META_NAME": "manifest", "StoreError": "manifest", "write_tables": "write",
}
__all__ = sorted(_HOMES)


def __getattr__(name: str):
    if name not in _HOMES:
        raise AttributeError(f"module 'leakmine.tables' has no attribute {name!r}")
    return getattr(import_module(f"leakmine.tables.{_HOMES[name]}"), name)
