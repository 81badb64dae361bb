"""Configuration: `notedeck.toml` in the notes root, or `[tool.notedeck]` in `pyproject.toml`.

Settings merge as defaults ← file ← front matter ← command-line flags into one BuildOptions.
Unknown keys and bad values are errors naming the file, line and key: a typo in a config file
must never be silently ignored.
"""

from __future__ import annotations

import re
import string
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .decks import deck_name
from .model import Card, ExtractedNote, Loc, NotedeckError
from .options import BuildOptions

if TYPE_CHECKING:  # notes.py reads front matter through notemeta.py, which needs KEYS
    from .notes import NoteFile

CONFIG_FILE = "notedeck.toml"
PYPROJECT = "pyproject.toml"
# The names cards report as `strategy` (see `notedeck list`); `strategies` switches them off.
DECK_FIELDS = ("title", "stem", "folder")
IMAGE_POLICIES = {
    "download": {"offline": False, "refresh": False},
    "offline": {"offline": True, "refresh": False},
    "refresh": {"offline": False, "refresh": True},
}
_LANGUAGE = re.compile(r"^(?:auto|[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)$")
_TAG_SPLIT = re.compile(r"[,\s]+")


class ConfigError(NotedeckError):
    """A problem in a config file (exit code 2). A note's front matter is shared with other
    tools: a value notedeck cannot use there is a warning instead (notemeta.py)."""


class BadValue(ValueError):
    """A value a key does not accept; the message says what it wants."""


Updates = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Key:
    """One setting: its name, the value it takes, what it does and how it sets BuildOptions."""

    name: str
    default: str
    doc: str
    convert: Callable[[Any, Path], Updates]
    front_matter: bool = False  # may a note's front matter set it?


def _string(value: Any) -> str:
    if not isinstance(value, str):
        raise BadValue(f"expected a string, got {type(value).__name__} {value!r}")
    return value


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise BadValue(f"expected true or false, got {value!r}")
    return value


def _out(value: Any, base: Path) -> Updates:
    text = _string(value).strip()
    if not text:
        raise BadValue("expected a folder name")
    return {"out": base / text}


def _deck(value: Any, _base: Path) -> Updates:
    text = _string(value).strip()
    if not text:
        raise BadValue("expected a deck name or a template such as '{folder}::{title}'")
    try:
        parsed = [
            (f, spec, conv) for _, f, spec, conv in string.Formatter().parse(text) if f is not None
        ]
    except ValueError as exc:
        raise BadValue(f"broken template: {exc}") from None
    names = [name for name, _, _ in parsed]
    # `{title:>999999999}` would build a gigabyte-long name: placeholders take no format.
    shaped = next((name for name, spec, conversion in parsed if spec or conversion), None)
    if shaped is not None:
        raise BadValue(f"a placeholder takes no format or conversion; write {{{shaped}}}")
    unknown = [n for n in names if n not in DECK_FIELDS]
    if unknown:
        known = ", ".join("{" + f + "}" for f in DECK_FIELDS)
        raise BadValue(f"unknown placeholder {{{unknown[0]}}}; use {known}")
    return {"deck": text}


def _tags(value: Any, _base: Path) -> Updates:
    if isinstance(value, str):
        value = [v for v in _TAG_SPLIT.split(value) if v]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise BadValue(f"expected a list of tags, got {value!r}")
    bad = [v for v in value if not v.strip() or any(c.isspace() for c in v.strip())]
    if bad:
        raise BadValue(f"a tag cannot be empty or contain spaces: {bad[0]!r}")
    return {"tags": tuple(v.strip() for v in value)}


def _strategies(value: Any, _base: Path) -> Updates:
    if not isinstance(value, dict):
        raise BadValue("expected a table of strategy = true/false, e.g. { list-term = false }")
    from .extract.candidate import STRATEGIES  # the extractor, only when it is configured

    off: set[str] = set()
    for name, on in value.items():
        if name not in STRATEGIES:
            raise BadValue(f"unknown strategy {name!r}; known: {', '.join(STRATEGIES)}")
        if not _bool(on):
            off.add(name)
    return {"strategies_off": frozenset(off)}


def _reverse(value: Any, _base: Path) -> Updates:
    return {"reverse": _bool(value)}


def _images(value: Any, _base: Path) -> Updates:
    text = _string(value)
    if text not in IMAGE_POLICIES:
        raise BadValue(f"expected one of {', '.join(IMAGE_POLICIES)}, got {text!r}")
    return dict(IMAGE_POLICIES[text])


def _missing_images(value: Any, _base: Path) -> Updates:
    text = _string(value)
    if text not in ("warn", "error"):
        raise BadValue(f"expected 'warn' or 'error', got {text!r}")
    return {"strict": text == "error"}


def _language(value: Any, _base: Path) -> Updates:
    text = _string(value).strip()
    if not _LANGUAGE.match(text):
        raise BadValue(f"expected 'auto' or a language code such as 'ko' or 'en', got {text!r}")
    return {"language": text}


KEYS: dict[str, Key] = {
    key.name: key
    for key in (
        Key("out", '"dist"', "where .apkg files go, relative to the config file", _out),
        Key(
            "deck",
            '"{folder}::{title}"',
            "deck name for notes without a front-matter `deck:`; {title} is the note's title, "
            "{stem} its file name, {folder} its folders as `A::B`",
            _deck,
        ),
        Key("tags", "[]", "tags added to every card (no spaces inside a tag)", _tags),
        Key(
            "strategies",
            "{ }",
            "switch extraction strategies off by name, e.g. `{ list-term = false }`",
            _strategies,
            front_matter=True,
        ),
        Key(
            "reverse",
            "false",
            "also make a definition → term card",
            _reverse,
            front_matter=True,
        ),
        Key(
            "images",
            '"download"',
            "remote images: `download` (cached), `offline` (never), `refresh` (re-download)",
            _images,
        ),
        Key(
            "missing_images",
            '"warn"',
            "a missing image is a `warn`ing or an `error`",
            _missing_images,
        ),
        Key(
            "language",
            '"auto"',
            "the notes' language (`ko`, `en`, …): cards carry it as `lang`, so Korean, Japanese "
            "and Chinese text gets the right glyphs",
            _language,
            front_matter=True,
        ),
    )
}


def find_config(start: Path) -> Path | None:
    """The config for a notes root: `notedeck.toml` there or above it, or a `pyproject.toml`
    with `[tool.notedeck]`. The search stops at a project's `pyproject.toml` or `.git`."""
    folder = start if start.is_dir() else start.parent
    for current in (folder, *folder.parents):
        if (current / CONFIG_FILE).is_file():
            return current / CONFIG_FILE
        pyproject = current / PYPROJECT
        if pyproject.is_file():
            tool = _read_toml(pyproject).get("tool", {})
            return pyproject if isinstance(tool, dict) and "notedeck" in tool else None
        if (current / ".git").exists():
            return None
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    shown = _shown(path)
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(Loc(shown, 1), f"cannot read config: {exc}") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        line = int(match.group(1)) if match else 1
        raise ConfigError(Loc(shown, line), f"broken TOML: {exc}", "see toml.io") from None
    except RecursionError:  # tomllib recurses once per level of `[[[…` or `{a={…`
        raise ConfigError(Loc(shown, 1), "broken TOML: nested too deeply") from None


def read_config(path: Path) -> Updates:
    """The BuildOptions updates a config file asks for; errors name the file, line and key."""
    data = _read_toml(path)
    if path.name == PYPROJECT:
        data = data.get("tool", {}).get("notedeck", {})
        if not isinstance(data, dict):
            raise ConfigError(Loc(_shown(path), 1), "[tool.notedeck] must be a table")
    text = path.read_text("utf-8")
    table = re.search(r"^[ \t]*\[tool\.notedeck\]", text, re.MULTILINE)
    skipped = text.count("\n", 0, table.start()) if table and path.name == PYPROJECT else 0
    text = "\n".join(text.split("\n")[skipped:])
    updates: Updates = {}
    for name, value in data.items():
        loc = Loc(_shown(path), skipped + key_line(text, name))
        updates.update(_convert(name, value, path.parent, loc))
    return updates


def _convert(name: str, value: Any, base: Path, loc: Loc) -> Updates:
    key = KEYS.get(name)
    if key is None:
        raise ConfigError(loc, f"unknown key `{name}`", f"known keys: {', '.join(sorted(KEYS))}")
    try:
        return key.convert(value, base)
    except BadValue as exc:
        raise ConfigError(loc, f"bad value for `{name}`: {exc}") from None


def key_line(text: str, key: str) -> int:
    """The line a key is written on (1 when it cannot be found, e.g. an inline table)."""
    pattern = re.compile(
        rf"^[ \t]*(?:{re.escape(key)}|\"{re.escape(key)}\")[ \t]*[=:]", re.MULTILINE
    )
    match = pattern.search(text) or re.search(rf"^[ \t]*\[{re.escape(key)}\]", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def resolve(paths: list[str], flags: Updates | None = None) -> tuple[BuildOptions, Path | None]:
    """defaults ← the config file of the first notes root ← command-line flags.

    Flags are BuildOptions field names; they stay `pinned` so front matter cannot undo them."""
    flags = flags or {}
    first = Path(paths[0]) if paths else Path("cards")
    config = find_config(first.resolve()) if first.exists() else None
    updates = read_config(config) if config is not None else {}
    options = replace(BuildOptions(), **{**updates, **flags}, pinned=frozenset(flags))
    return options, config


def note_options(
    options: BuildOptions, front_matter: dict[str, Any], path: str, text: str
) -> BuildOptions:
    """A note's own options: its front matter's settings over the file's, under the flags.
    `front_matter` is the note's as notemeta.usable_front_matter leaves it; a value no setting
    takes is a ConfigError here."""
    updates: Updates = {}
    for name, value in front_matter.items():
        key = KEYS.get(name)
        if key is None or not key.front_matter:
            continue  # front matter holds other tools' keys too (aliases, created, …)
        loc = Loc(path, key_line(text, name))
        updates.update(_convert(name, value, Path(path).parent, loc))
    kept = {k: v for k, v in updates.items() if k not in options.pinned}
    return replace(options, **kept) if kept else options


def apply_to_note(note: ExtractedNote, file: NoteFile, options: BuildOptions) -> ExtractedNote:
    """Deck name and extra tags, applied to an extracted note."""
    info = note.info
    info = replace(info, deck=deck_name(info, options))
    cards = tuple(_with_tags(card, options.tags) for card in note.cards)
    return replace(note, info=info, cards=cards)


def _with_tags(card: Card, tags: tuple[str, ...]) -> Card:
    if not tags:
        return card
    merged = tuple(dict.fromkeys((*tags, *card.tags)))
    return replace(card, tags=merged)
