"""The command line: running the commands, their messages and exit codes (the arguments they
take are in `cliparser.py`).

Exit codes: 0 ok; 1 errors in the notes (each printed as `path:line: error: …`); 2 usage or
configuration errors (bad arguments, a path that does not exist, a bad config file).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cliparser import build_parser
from .config import ConfigError, resolve
from .decks import card_tags, safe_tag
from .fsutil import describe_os_error
from .interrupt import noticed
from .model import BuildReport, NotedeckError
from .options import BuildOptions
from .quick import build
from .scaffold import init, next_steps
from .ui import Output
from .watch import watch

if TYPE_CHECKING:  # the pipeline is imported by the commands that run it
    from .loaded import LoadedNote

Handler = Callable[[argparse.Namespace, Output], int]


def card_records(loaded: list[LoadedNote]) -> list[dict[str, Any]]:
    """The cards as `list --json` prints them."""
    from .loaded import guid_of
    from .locking import lock_aliases

    records: list[dict[str, Any]] = []
    kept = lock_aliases(item.file.root for item in loaded)
    for item in loaded:
        note = item.note
        for index, card in enumerate(note.cards):
            records.append(
                {
                    "term": card.term,
                    "aliases": list(card.aliases),
                    "section": list(card.section),
                    "definition": card.definition_md,
                    "images": [image.src for image in card.images],
                    "sources": [s.url for s in card.sources if s.url],
                    "file": card.loc.path,
                    "line": card.loc.line,
                    "guid": kept.get(guid_of(note, index), guid_of(note, index)),
                    "deck": note.info.deck,
                    "tags": list(card_tags(note.info, card, item.options)),
                    "kind": card.kind,
                    "strategy": card.strategy,
                }
            )
    return records


def _existing(paths: list[str]) -> list[str]:
    """The paths (default: cards/), or a usage error naming the first that does not exist."""
    if not paths and not Path("cards").exists():
        raise ConfigError(
            None,
            "no notes given and no cards/ folder here",
            "name your notes folder, e.g. `notedeck build notes`, or create one: `notedeck init`",
        )
    for raw in paths:
        if not Path(raw).exists():
            raise ConfigError(None, f"{raw}: no such file or folder", "check the path")
    return paths or ["cards"]


def _build_flags(args: argparse.Namespace) -> dict[str, Any]:
    """BuildOptions fields the command line sets explicitly (they win over config files)."""
    flags: dict[str, Any] = {}
    if getattr(args, "out", None) is not None:
        flags["out"] = Path(args.out)
    for name in ("offline", "refresh", "strict", "allow_html"):
        if getattr(args, name, False):
            flags[name] = True
    if getattr(args, "no_lock", False):
        flags["lock"] = False
    if getattr(args, "jobs", None) is not None:
        flags["jobs"] = max(0, args.jobs)
    if getattr(args, "cache", None) is False:
        flags["cache"] = False
    for name in ("format", "one_deck", "removed_tag"):
        value = getattr(args, name, None)
        if value:
            flags[name] = value
    return flags


def _options(args: argparse.Namespace, paths: list[str], output: Output) -> BuildOptions:
    flags = _build_flags(args) if args.command in ("build", "preview", "list") else {}
    options, config = resolve(paths, flags)
    output.detail(f"config: {config}" if config else "config: none (defaults)")
    return options


def _build_once(
    paths: list[str], options: BuildOptions, output: Output, every_card: bool = False
) -> BuildReport:
    started = time.monotonic()
    with output.progress() as bar:
        report = build(paths, options, bar, every_card=every_card)
    output.diagnostics(report.diagnostics)
    _identity_lines(report, options, output)
    counts = report.deck_cards or tuple(len(deck.cards) for deck in report.decks)
    # `outputs` holds the written decks' files, in the decks' order.
    written = [
        (d, n) for d, n in zip(report.decks, counts, strict=False) if d.name not in report.unwritten
    ]
    for (deck, count), path in zip(written, report.outputs, strict=False):
        output.detail(f"{path}: {count} card(s), {len(deck.media)} media file(s)")
    output.summary(report, time.monotonic() - started)
    return report


def _identity_lines(report: BuildReport, options: BuildOptions, output: Output) -> None:
    """Cards that kept their identity under a new name, and cards that left the notes."""
    for line in report.rematched:
        output.print(f"kept identity: {line}")
    for line in report.removed:
        output.print(f"removed: {line}")
    if report.stats.get("reemitted"):
        tag = safe_tag(options.removed_tag.split("::"))
        output.print(f"re-emitted {report.stats['reemitted']} removed card(s) tagged {tag}")
    if report.removed and not options.removed_tag:
        output.print(
            "  (Anki keeps removed cards; delete them there, or find them with --removed-tag TAG)"
        )


def _cmd_build(args: argparse.Namespace, output: Output) -> int:
    paths = _existing(args.paths)
    if args.watch:
        return _watch(args, paths, output)
    # A one-off build may be answered from the record of an identical last build.
    options = replace(_options(args, paths, output), reuse_unchanged=True)
    report = _build_once(paths, options, output)
    return 1 if report.stats.get("errors") else 0


def _watch(args: argparse.Namespace, paths: list[str], output: Output) -> int:
    options = replace(_options(args, paths, output), reuse_unchanged=True)

    def rebuild() -> BuildReport:
        # Decks the change did not touch are kept without loading their notes, as a one-off
        # build after an edit keeps them; the watcher still knows their cards from before.
        return build(paths, replace(_options(args, paths, output), reuse_unchanged=True))

    # Every card is loaded once, so that what each rebuild changes can be told; the report is
    # not held here, so the watcher can let its cards go once it has their states.
    return watch(
        paths, options.out, _build_once(paths, options, output, every_card=True), rebuild, output
    )


def _cmd_list(args: argparse.Namespace, output: Output) -> int:
    paths = _existing(args.paths)
    from .loaded import load

    loaded, diagnostics, failed = load(paths, _options(args, paths, output))
    output.diagnostics(diagnostics)
    records = card_records(loaded)
    if args.json:
        print(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        for r in records:
            section = " › ".join(r["section"])
            aliases = f" ({', '.join(r['aliases'])})" if r["aliases"] else ""
            print(f"{r['file']}:{r['line']}: {r['term']}{aliases} — {section} [{r['strategy']}]")
        output.print(f"{len(records)} card(s)")
    if getattr(args, "explain", False):
        out = sys.stderr if args.json else sys.stdout
        for item in loaded:
            for rejection in item.note.rejected:
                print(rejection, file=out)
    return 1 if failed else 0


def _cmd_check(args: argparse.Namespace, output: Output) -> int:
    paths = _existing(args.paths)
    from .check import check

    findings = check(paths, _options(args, paths, output))
    errors = sum(1 for d in findings if d.level == "error")
    warnings = len(findings) - errors
    if args.json:
        keys = ("file", "line", "level", "message", "hint")
        rows = [
            dict(zip(keys, (d.loc.path if d.loc else "", d.loc.line if d.loc else 0,
                            d.level, d.message, d.hint), strict=True))
            for d in findings
        ]  # fmt: skip
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        checker = Output(output.verbosity, output.out, output.out)
        checker.diagnostics(findings)
        output.detail(f"{errors} error(s), {warnings} warning(s)")
    return 1 if errors or (args.strict and warnings) else 0


def _cmd_init(args: argparse.Namespace, output: Output) -> int:
    folder = Path(args.dir)
    init(folder)
    output.print(next_steps(folder))
    return 0


def _cmd_preview(args: argparse.Namespace, output: Output) -> int:
    paths = _existing(args.paths)
    from .preview import preview

    report = preview(paths, _options(args, paths, output))
    output.diagnostics(report.diagnostics)
    s = report.stats
    output.print(
        f"Previewed {s['decks']} deck(s), {s['cards']} card(s), {s['media']} media file(s), "
        f"{s['warnings']} warning(s) → {report.outputs[0]}"
    )
    return 1 if s["errors"] else 0


COMMANDS: dict[str, Handler] = {
    "build": _cmd_build,
    "list": _cmd_list,
    "check": _cmd_check,
    "init": _cmd_init,
    "preview": _cmd_preview,
}


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser()
    if not argv:  # a bare `notedeck`: show what it can do rather than a terse error
        parser.print_help(sys.stderr)
        return 2
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version (0) and usage errors (2)
        return exc.code if isinstance(exc.code, int) else 2
    output = Output(getattr(args, "verbosity", 0))
    try:
        with noticed():  # a Ctrl-C whose KeyboardInterrupt is lost still stops a watcher
            return COMMANDS[args.command](args, output)
    except ConfigError as exc:
        output.error(exc)
        return 2
    except NotedeckError as exc:
        output.error(exc)
        return 1
    except OSError as exc:  # the file system failed us (disk full, permissions): no traceback
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"Error: {where}{describe_os_error(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        output.message("notedeck: error: interrupted", "error")
        return 130
    except BrokenPipeError:  # `notedeck list | head`: the reader left; say nothing more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
