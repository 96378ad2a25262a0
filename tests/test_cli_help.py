"""The command line as a new user meets it: help without type placeholders, progress fit for a log."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from leakmine import progress as progress_mod
from leakmine.cli import app
from leakmine.progress import progress, rate_line

COMMANDS = [[], ["sections"], ["extract"], ["run"], ["report"], ["agreement"], ["export"], ["corrections"],
            ["corrections", "import"]]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "leakmine")
def test_help_has_no_type_placeholders_and_names_only_files_users_have(command):
    result = CliRunner().invoke(app, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert not re.search(r"<(bool|int|str|float)>", result.output), result.output
    assert "SCHEMA.md" not in result.output


def test_extract_help_points_to_the_contract_in_docs():
    from pathlib import Path

    assert "docs/contract.md" in CliRunner().invoke(app, ["extract", "--help"]).output
    assert (Path(__file__).resolve().parents[1] / "docs" / "contract.md").exists()


@pytest.mark.parametrize(("done", "total", "seconds", "line"), [
    (40, 500, 8.0, "mining papers: 40/500 files, 5.0 files/s, 8 s"),
    (0, 3, 0.0, "mining papers: 0/3 files, 0.0 files/s, 0 s"),
])
def test_rate_line(done, total, seconds, line):
    assert rate_line("mining papers", done, total, seconds) == line


def test_progress_outside_a_terminal_prints_counts_and_rate(monkeypatch, capsys):
    monkeypatch.setattr(progress_mod, "EVERY", 0.0)
    with progress("mining papers", 3, tty=False) as advance:
        for _ in range(3):
            advance()
    err = capsys.readouterr().err.splitlines()
    assert [line.split(",")[0] for line in err] == ["leakmine: mining papers: 1/3 files",
                                                    "leakmine: mining papers: 2/3 files"]
    assert all("files/s" in line for line in err) and "\x1b[" not in "".join(err)  # no terminal codes
