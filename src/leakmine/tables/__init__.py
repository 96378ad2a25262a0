"""Output tables: typed records, schemas checked before writing, and the Parquet/CSV/DuckDB files.

`build.build_frames` turns `PaperResult`s into DataFrames, `write_tables` checks and writes them,
`load_tables` reads them back; docs/tables.md is the data dictionary.
"""

from leakmine.tables.load import Tables, load_tables
from leakmine.tables.records import TABLES, ErrorRow
from leakmine.tables.schemas import SCHEMAS, SchemaError, validate
from leakmine.tables.write import DUCKDB_NAME, META_NAME, write_tables

__all__ = ["DUCKDB_NAME", "META_NAME", "SCHEMAS", "TABLES", "ErrorRow", "SchemaError", "Tables",
           "load_tables", "validate", "write_tables"]
