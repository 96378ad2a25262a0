"""leakmine: spine-surgery case reports in, tidy tables of complications out."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("leakmine")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"


def __getattr__(name: str):
    """`leakmine.load_tables`, imported on first use so that `import leakmine` stays light."""
    if name == "load_tables":
        from leakmine.tables import load_tables

        return load_tables
    raise AttributeError(f"module 'leakmine' has no attribute {name!r}")
