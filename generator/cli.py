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
from .decks import card_tags, deck_name, safe_tag
from .locking import lock_aliases
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
    return parser


def card_records(loaded: list[LoadedNote]) -> list[dict[str, Any]]:
    """The cards as `list --json` prints them."""
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
                    "deck": deck_name(note.info, BuildOptions()),
                    "tags": list(card_tags(note.info, card, BuildOptions())),
                    "kind": card.kind,
                    "strategy": card.strategy,
                }
            )
    return records


def _print_diagnostics(diagnostics: Sequence[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        print(diagnostic, file=sys.stderr)


def _cmd_build(args: argparse.Namespace) -> int:
    options = BuildOptions(
        out=Path(args.out),
        format=args.format,
        one_deck=args.one_deck,
        removed_tag=args.removed_tag,
        lock=not args.no_lock,
    )
    report = build(args.paths or ["cards"], options)
    _print_diagnostics(report.diagnostics)
    for line in report.rematched:
        print(f"kept identity: {line}")
    for line in report.removed:
        print(f"removed: {line}")
    if report.stats.get("reemitted"):
        tag = safe_tag(args.removed_tag.split("::"))
        print(f"re-emitted {report.stats['reemitted']} removed card(s) tagged {tag}")
    if report.removed and not args.removed_tag:
        print(
            "  (Anki keeps removed cards; delete them there, or find them with --removed-tag TAG)"
        )
    s = report.stats
    print(
        f"Built {s['decks']} deck(s), {s['cards']} card(s), {s['media']} media file(s), "
        f"{s['warnings']} warning(s) → {', '.join(report.outputs) or 'nothing written'}"
    )
    return 1 if s["errors"] else 0


def _cmd_list(args: argparse.Namespace) -> int:
    loaded, diagnostics, failed = load(args.paths or ["cards"])
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
