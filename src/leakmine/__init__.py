"""leakmine: spine-surgery case reports in, tidy tables of complications out."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("leakmine")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"
