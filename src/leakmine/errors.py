"""Errors a user sees as one line naming the file and the reason."""

from __future__ import annotations


class LeakmineError(Exception):
    """A problem with one input file; `str()` is the one-line message for the user."""

    def __init__(self, path: str, reason: str, stage: str = "ingest"):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.stage = stage


class IngestError(LeakmineError):
    """The file cannot be read as a paper (empty, encrypted, no text layer, unknown format...)."""


class LimitError(IngestError):
    """The file is beyond one of leakmine's `Limits`; the reason names the limit."""

    def __init__(self, path: str, what: str, limit: str):
        super().__init__(path, f"{what} (limit {limit})")
        self.limit = limit
