"""The pattern analyses a process holds (leakmine.nlp.analyses), set as a new process finds them."""

from leakmine.nlp import analyses


def new_process(monkeypatch, *, saved_read_on_first_use: bool = False) -> None:
    """No analysis read or computed yet; no saved pipeline's read back, or (`saved_read_on_first_use`) the
    one in models/ (or `LEAKMINE_MODEL`) read when a pattern is first analysed."""
    monkeypatch.setattr(analyses, "_known", {})
    monkeypatch.setattr(analyses, "_saved", None if saved_read_on_first_use else {})
    monkeypatch.setattr(analyses, "_read", set())
