"""Progress bar and summary table: shown on terminals, silent in pipes and with -q."""

from __future__ import annotations

import io
import re

import pytest

from generator import ui
from generator.model import BuildReport, Diagnostic, Loc
from generator.ui import Output


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_and_after_a_second(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    piped = io.StringIO()
    with Output(err=piped).progress() as bar:
        monkeypatch.setattr(ui, "PROGRESS_AFTER", 0.0)
        bar("parse", 1, 2)
    assert piped.getvalue() == ""

    monkeypatch.setattr(ui, "PROGRESS_AFTER", 60.0)
    terminal = Terminal()
    with Output(err=terminal).progress() as bar:
        bar("parse", 1, 2)  # a fast build: no bar
    assert terminal.getvalue() == ""

    monkeypatch.setattr(ui, "PROGRESS_AFTER", 0.0)
    terminal = Terminal()
    with Output(err=terminal).progress() as bar:
        bar("parse", 1, 2)
        bar("download", 3, 5)
        bar("parse", 2, 2)
    shown = terminal.getvalue()
    assert "Reading notes" in shown and "Downloading images" in shown and "3/5" in shown

    quiet = Terminal()
    with Output(verbosity=-1, err=quiet).progress() as bar:
        bar("parse", 1, 2)
    assert quiet.getvalue() == ""


def _report(stats: dict[str, int]) -> BuildReport:
    return BuildReport((), ("dist/A.apkg",), (), stats)


def test_summary_table_shows_what_the_pipeline_reports() -> None:
    out = io.StringIO()
    stats = {"decks": 1, "cards": 9, "media": 2, "warnings": 1, "errors": 0}
    Output(out=out).summary(_report({**stats, "new": 3, "changed": 1, "unchanged": 5}), 1.25)
    text = out.getvalue()
    rows = dict(re.findall(r"│ ?\s*(\w+)\s*│\s*([\d.]+(?: s)?) │", text))
    assert rows == {
        "Decks": "1", "Cards": "9", "new": "3", "changed": "1", "unchanged": "5",
        "Media": "2", "Warnings": "1", "Time": "1.2 s",
    }  # fmt: skip
    assert "removed" not in text  # not reported by this pipeline: not invented
    assert text.splitlines()[-1] == (
        "Built 1 deck(s), 9 card(s), 2 media file(s), 1 warning(s) in 1.2 s → dist/A.apkg"
    )
    quiet = io.StringIO()
    Output(verbosity=-1, out=quiet).summary(_report(stats), 1.0)
    assert quiet.getvalue() == ""


def test_messages_keep_the_compiler_format(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    warning = Diagnostic(Loc("cards/x.md", 12), "warning", "image not found: a.png", "check it")
    terminal, piped = Terminal(), io.StringIO()
    Output(err=terminal).diagnostics([warning])
    Output(err=piped).diagnostics([warning])
    assert piped.getvalue() == "cards/x.md:12: warning: image not found: a.png (check it)\n"
    assert terminal.getvalue() == (
        "cards/x.md:12: \x1b[1;33mwarning:\x1b[0m image not found: a.png (check it)\n"
    )
    monkeypatch.setenv("NO_COLOR", "1")
    no_colour = Terminal()
    Output(err=no_colour).diagnostics([warning])
    assert no_colour.getvalue() == piped.getvalue()


def test_many_decks_are_summarised_not_listed() -> None:
    out = io.StringIO()
    outputs = tuple(f"dist/D{i}.apkg" for i in range(40))
    report = BuildReport((), outputs, (), {"decks": 40, "cards": 80})
    Output(out=out).summary(report, 2.0)
    assert out.getvalue().splitlines()[-1].endswith("in 2.0 s → 40 files in dist")
