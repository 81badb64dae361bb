"""What the command line shows: messages, colour, the progress bar and the summary table.

Colour only on a terminal and never when NO_COLOR is set (https://no-color.org); the progress
bar only on a terminal and only once a build has run for a second; `-q` keeps only warnings and
errors, `-v` adds detail. Library code never prints: it hands the CLI diagnostics and stats.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, TextIO

from rich.console import Console
from rich.table import Table

from .model import BuildReport, Diagnostic, NotedeckError

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

_LEVEL_COLOUR = {"error": "\033[1;31m", "warning": "\033[1;33m"}
_RESET = "\033[0m"
STAGES = {"parse": "Reading notes", "download": "Downloading images", "write": "Writing decks"}
PROGRESS_AFTER = 1.0  # seconds before a progress bar appears


def use_colour(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class Output:
    """The CLI's two streams: results on stdout, messages and progress on stderr."""

    def __init__(self, verbosity: int = 0, out: TextIO | None = None, err: TextIO | None = None):
        self.verbosity = verbosity
        self.out = out or sys.stdout
        self.err = err or sys.stderr

    @property
    def quiet(self) -> bool:
        return self.verbosity < 0

    def print(self, text: str = "") -> None:
        """A result line (suppressed by `-q`)."""
        if not self.quiet:
            print(text, file=self.out, flush=True)

    def detail(self, text: str) -> None:
        """A line only `-v` shows."""
        if self.verbosity > 0:
            print(text, file=self.err, flush=True)

    def diagnostics(self, diagnostics: Sequence[Diagnostic]) -> None:
        for diagnostic in diagnostics:
            self.message(str(diagnostic), diagnostic.level)

    def error(self, exc: NotedeckError) -> None:
        text = str(exc) if exc.loc else f"notedeck: {exc}"
        self.message(text, "error")

    def message(self, text: str, level: str) -> None:
        """`path:line: level: message (hint)`, with the level coloured on a terminal."""
        if use_colour(self.err):
            marker = f"{level}:"
            text = text.replace(marker, f"{_LEVEL_COLOUR[level]}{marker}{_RESET}", 1)
        print(text, file=self.err, flush=True)

    def console(self) -> Console:
        colour = use_colour(self.out)
        return Console(file=self.out, no_color=not colour, highlight=False, emoji=False)

    def summary(self, report: BuildReport, seconds: float) -> None:
        """A table of what the build did, then one line for scripts and logs."""
        if self.quiet:
            return
        stats = report.stats
        table = Table(title="notedeck build", show_header=False, title_justify="left")
        table.add_column("what", style="bold")
        table.add_column("count", justify="right")
        table.add_row("Decks", str(stats.get("decks", 0)))
        table.add_row("Cards", str(stats.get("cards", 0)))
        for key in ("new", "changed", "unchanged", "removed"):
            if key in stats:
                table.add_row(f"  {key}", str(stats[key]))
        table.add_row("Media", str(stats.get("media", 0)))
        table.add_row("Warnings", str(stats.get("warnings", 0)))
        if stats.get("errors"):
            table.add_row("Errors", str(stats["errors"]))
        if report.unwritten:
            table.add_row("Not written", str(len(report.unwritten)))
        table.add_row("Time", f"{seconds:.1f} s")
        self.console().print(table)
        written = ", ".join(report.outputs) or "nothing written"
        if len(report.outputs) > 3:
            folder = os.path.dirname(report.outputs[0]) or "."
            written = f"{len(report.outputs)} files in {folder}"
        if report.unwritten:  # the counts above leave these decks out: say which they are
            names = ", ".join(report.unwritten) if len(report.unwritten) <= 3 else "see above"
            written += f"; {len(report.unwritten)} deck(s) not written ({names})"
        self.print(
            f"Built {stats.get('decks', 0)} deck(s), {stats.get('cards', 0)} card(s), "
            f"{stats.get('media', 0)} media file(s), {stats.get('warnings', 0)} warning(s) "
            f"in {seconds:.1f} s → {written}"
        )

    @contextmanager
    def progress(self) -> Iterator[ProgressBar]:
        bar = ProgressBar(self)
        try:
            yield bar
        finally:
            bar.close()


class ProgressBar:
    """A `progress(stage, done, total)` callback that draws a bar once a second has passed,
    on a terminal only, and vanishes when the build ends."""

    def __init__(self, output: Output) -> None:
        self.enabled = not output.quiet and is_terminal(output.err)
        self.err = output.err
        self.started = time.monotonic()
        self.bar: Progress | None = None
        self.tasks: dict[str, TaskID] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self.bar is None:
            if time.monotonic() - self.started < PROGRESS_AFTER:
                return
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            console = Console(file=self.err, highlight=False)
            columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
            self.bar = Progress(*columns, console=console, transient=True)
            self.bar.start()
        if stage not in self.tasks:
            self.tasks[stage] = self.bar.add_task(STAGES.get(stage, stage), total=total)
        self.bar.update(self.tasks[stage], completed=done, total=total)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


def is_terminal(stream: TextIO) -> bool:
    """A progress bar needs a terminal (coloured or not: NO_COLOR only drops the colour)."""
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"
