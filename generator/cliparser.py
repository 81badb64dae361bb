"""The command line's arguments: every command, its flags, help and examples (`cli.py` runs
them)."""

from __future__ import annotations

import argparse
from typing import Any

from . import __version__

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


def build_parser() -> argparse.ArgumentParser:
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
