"""The command line: argument parsing, messages and exit codes, nothing else.

Exit codes: 0 ok, 1 errors in the notes (each printed as `path:line: error: …`), 2 usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .build import LoadedNote, build, guid_of, load
from .model import Diagnostic, NotedeckError
from .options import BuildOptions

EXAMPLES = {
    "build": "example: notedeck build cards -o dist",
    "list": "example: notedeck list cards/docker-basics.md --json",
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="notedeck",
        description="Turn ordinary Markdown study notes into Anki decks.",
        epilog="example: notedeck build cards -o dist",
    )
    parser.add_argument("--version", action="version", version=f"notedeck {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build_p = sub.add_parser(
        "build",
        help="build one .apkg per top-level deck",
        epilog=EXAMPLES["build"],
        description="Build one .apkg per top-level deck from notes (files or folders).",
    )
    build_p.add_argument(
        "paths", nargs="*", metavar="PATH", help="note files or folders (default: cards/)"
    )
    build_p.add_argument("-o", "--out", default="dist", help="output folder (default: dist/)")
    _speed_flags(build_p)

    list_p = sub.add_parser(
        "list",
        help="show the cards that would be built",
        epilog=EXAMPLES["list"],
        description="Show the cards that would be built, as a table or as JSON.",
    )
    list_p.add_argument(
        "paths", nargs="*", metavar="PATH", help="note files or folders (default: cards/)"
    )
    list_p.add_argument(
        "--json", action="store_true", help="print a JSON array, one object per card"
    )
    _speed_flags(list_p)
    return parser


def _speed_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="worker processes for large builds (default: one per CPU; 1: no workers)",
    )
    parser.add_argument(
        "--no-cache",
        dest="cache",
        action="store_false",
        help="ignore and do not update the build cache (.notedeck-cache/ in the notes folder)",
    )


def _options(args: argparse.Namespace, **more: Any) -> BuildOptions:
    return BuildOptions(jobs=max(0, args.jobs), cache=args.cache, **more)


def card_records(loaded: list[LoadedNote]) -> list[dict[str, Any]]:
    """The cards as `list --json` prints them."""
    records: list[dict[str, Any]] = []
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
                    "guid": guid_of(note, index),
                    "deck": note.info.deck,
                    "tags": list(card.tags),
                    "kind": card.kind,
                    "strategy": card.strategy,
                }
            )
    return records


def _print_diagnostics(diagnostics: Sequence[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        print(diagnostic, file=sys.stderr)


def _cmd_build(args: argparse.Namespace) -> int:
    report = build(args.paths or ["cards"], _options(args, out=Path(args.out)))
    _print_diagnostics(report.diagnostics)
    s = report.stats
    print(
        f"Built {s['decks']} deck(s), {s['cards']} card(s), {s['media']} media file(s), "
        f"{s['warnings']} warning(s) → {', '.join(report.outputs) or 'nothing written'}"
    )
    return 1 if s["errors"] else 0


def _cmd_list(args: argparse.Namespace) -> int:
    loaded, diagnostics, failed = load(args.paths or ["cards"], _options(args))
    _print_diagnostics(diagnostics)
    records = card_records(loaded)
    if args.json:
        print(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        for r in records:
            section = " › ".join(r["section"])
            aliases = f" ({', '.join(r['aliases'])})" if r["aliases"] else ""
            print(f"{r['file']}:{r['line']}: {r['term']}{aliases} — {section} [{r['strategy']}]")
        print(f"{len(records)} card(s)")
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "build":
            return _cmd_build(args)
        return _cmd_list(args)
    except NotedeckError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130
