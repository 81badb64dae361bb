"""The command line: argument parsing, messages and exit codes, nothing else.

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

from . import __version__
from .config import ConfigError, resolve
from .decks import card_tags, safe_tag
from .fsutil import describe_os_error
from .model import BuildReport, NotedeckError
from .options import BuildOptions
from .quick import build
from .scaffold import init, next_steps
from .ui import Output
from .watch import watch

if TYPE_CHECKING:  # the pipeline is imported by the commands that run it
    from .loaded import LoadedNote

# media.CACHE_DIR_NAME, not imported from there: media imports the HTTP client, which a build
# answered from its record never needs (tests check that the two agree).
CACHE_DIR_NAME = ".notedeck-cache"
EXIT_CODES = "exit codes: 0 ok, 1 errors in the notes, 2 usage or configuration errors"
EXAMPLES = {
    "build": "example: notedeck build cards -o dist --offline",
    "list": "example: notedeck list cards/docker-basics.md --json",
    "check": "example: notedeck check cards --strict",
    "init": "example: notedeck init notes",
    "preview": "example: notedeck preview cards -o dist/preview  (then open index.html)",
}
Handler = Callable[[argparse.Namespace, Output], int]


def _common() -> argparse.ArgumentParser:
    """-q/-v, accepted before or after the command (SUPPRESS keeps the global value)."""
    common = argparse.ArgumentParser(add_help=False)
    group = common.add_mutually_exclusive_group()
    group.add_argument(
        "-q", "--quiet", action="store_const", const=-1, dest="verbosity",
        default=argparse.SUPPRESS, help="print only warnings and errors",
    )  # fmt: skip
    group.add_argument(
        "-v", "--verbose", action="store_const", const=1, dest="verbosity",
        default=argparse.SUPPRESS, help="print more detail (config file used, each deck)",
    )  # fmt: skip
    return common


def _command(sub: Any, name: str, summary: str, description: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        name,
        help=summary,
        description=description,
        epilog=f"{EXAMPLES[name]}\n{EXIT_CODES}",
        parents=[_common()],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    return parser


def _paths(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="note files or folders (default: cards/)"
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="notedeck",
        description="Turn ordinary Markdown study notes into Anki decks.",
        epilog="examples:\n  notedeck init notes\n  notedeck build cards -o dist\n"
        f"  notedeck check cards\n\n{EXIT_CODES}",
        parents=[_common()],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"notedeck {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build_p = _command(
        sub, "build", "build one .apkg per top-level deck",
        "Build one .apkg per top-level deck from notes (files or folders).",
    )  # fmt: skip
    _paths(build_p)
    build_p.add_argument("-o", "--out", help="output folder (default: dist/, or `out` in config)")
    build_p.add_argument(
        "--watch", action="store_true", help="rebuild whenever a note changes (Ctrl-C stops)"
    )
    build_p.add_argument(
        "--offline",
        action="store_true",
        help="never download remote images (cached copies are still used)",
    )
    build_p.add_argument(
        "--refresh",
        action="store_true",
        help=f"download remote images again, even when cached in OUT/{CACHE_DIR_NAME}/",
    )
    build_p.add_argument(
        "--strict",
        action="store_true",
        help="a missing, refused or undownloadable image is an error (the deck is not written)",
    )
    build_p.add_argument("--allow-html", action="store_true", help=ALLOW_HTML_HELP)
    build_p.add_argument(
        "--format", choices=("apkg", "tsv"), default="apkg", help="output format (default: apkg)"
    )
    build_p.add_argument(
        "--one-deck", metavar="NAME", default="", help="put every note's deck under deck NAME"
    )
    build_p.add_argument(
        "--no-lock",
        action="store_true",
        help="do not read or write notedeck.lock beside the notes (every card counts as new)",
    )
    build_p.add_argument(
        "--removed-tag",
        metavar="TAG",
        default="",
        help="re-emit cards that left the notes, tagged TAG, so you can find and delete them",
    )
    _speed_flags(build_p)

    list_p = _command(
        sub, "list", "show the cards that would be built",
        "Show the cards that would be built, as a table or as JSON.",
    )  # fmt: skip
    _paths(list_p)
    list_p.add_argument(
        "--json", action="store_true", help="print a JSON array, one object per card"
    )
    list_p.add_argument(
        "--explain",
        action="store_true",
        help="also say why lines and headings that looked like cards were rejected "
        "(with --json, on stderr)",
    )

    check_p = _command(
        sub, "check", "find problems in notes without building",
        "Find problems in notes without building.\n\n"
        "Reports headings that make no cards, terms defined twice, empty definitions, missing\n"
        "images or images outside the notes folder, source links that are not URLs and files\n"
        "that are not UTF-8, one `path:line: level: message (hint)` per line.",
    )  # fmt: skip
    _paths(check_p)
    check_p.add_argument("--json", action="store_true", help="print findings as a JSON array")
    check_p.add_argument("--strict", action="store_true", help="exit 1 on warnings too")

    init_p = _command(
        sub, "init", "create a notes folder with an example note and a config file",
        "Create a notes folder with an example note and a notedeck.toml, then say what to do.",
    )  # fmt: skip
    init_p.add_argument("dir", nargs="?", default="notes", metavar="DIR", help="(default: notes)")
    _speed_flags(list_p)

    _add_preview(sub)
    return parser


def _speed_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="worker processes for large builds (default: one per CPU; 1: no workers)",
    )
    parser.add_argument(
        "--no-cache",
        dest="cache",
        action="store_false",
        default=None,
        help="ignore and do not update the build cache (.notedeck-cache/ in the notes folder)",
    )


ALLOW_HTML_HELP = "keep raw HTML from the notes unsanitised (only for notes you trust)"


def _add_preview(sub: Any) -> None:
    preview_p = _command(
        sub, "preview", "write a static HTML preview of every card",
        "Write one HTML page per deck, every card front and back, and an index page.\n\n"
        "No server is needed: open index.html from disk; it works offline.",
    )  # fmt: skip
    _paths(preview_p)
    preview_p.add_argument(
        "-o", "--out", default="dist/preview", help="output folder (default: dist/preview/)"
    )
    preview_p.add_argument("--allow-html", action="store_true", help=ALLOW_HTML_HELP)


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


def _build_once(paths: list[str], options: BuildOptions, output: Output) -> BuildReport:
    started = time.monotonic()
    with output.progress() as bar:
        report = build(paths, options, bar)
    output.diagnostics(report.diagnostics)
    _identity_lines(report, options, output)
    counts = report.deck_cards or tuple(len(deck.cards) for deck in report.decks)
    for deck, path, count in zip(report.decks, report.outputs, counts, strict=False):
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
    options = _options(args, paths, output)
    first = _build_once(paths, options, output)
    return watch(
        paths, options.out, first, lambda: build(paths, _options(args, paths, output)), output
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
    parser = _parser()
    if not argv:  # a bare `notedeck`: show what it can do rather than a terse error
        parser.print_help(sys.stderr)
        return 2
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version (0) and usage errors (2)
        return exc.code if isinstance(exc.code, int) else 2
    output = Output(getattr(args, "verbosity", 0))
    try:
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
