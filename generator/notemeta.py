"""A note's front matter as notedeck reads it.

Front matter is shared with Jekyll, Hugo, Obsidian, Hugging Face cards and many other tools, and
their keys can be notedeck's too: `language: javascript` names a code sample's language,
`language: [en]` a data set's. So a value notedeck cannot use is a warning at its line, and the
note builds as if the key were not written: another tool's front matter never costs a deck. The
config file holds notedeck's settings alone, so a bad value there stays an error (config.py).
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

from .config import KEYS, BadValue, key_line
from .model import Diagnostic, Loc

_TAG_SPLIT = re.compile(r"[,\s]+")

# How each key a note may set is written for notedeck: the warning's hint.
EXAMPLES = {
    "title": "title: Transport layer",
    "deck": "deck: Networking::Transport",
    "tags": "tags: [network, exam]",
    "aliases": "aliases: [TCP]",
    "skip": "skip: [Overview]",
    "strategies": "strategies: {list-term: false}",
    "reverse": "reverse: true",
    "language": "language: en",
}


def usable_front_matter(
    front_matter: dict[str, Any], text: str, path: str
) -> tuple[dict[str, Any], tuple[Diagnostic, ...]]:
    """The front matter without the notedeck keys whose values notedeck cannot use, and a
    warning for each of them. A single alias becomes a list of one. A `title: [a, b]` left out
    names the note as a note without a title is named (its first heading, else its file name),
    never by a Python repr that would end up in its deck's file name."""
    meta = dict(front_matter)
    found: list[Diagnostic] = []
    for name, value in front_matter.items():
        if value is None and _is_setting(name):
            del meta[name]  # `reverse:` with nothing after it: as if it were not written
            continue
        why = _unusable(name, value, Path(path).parent)
        if why is None:
            continue
        del meta[name]
        found.append(
            Diagnostic(
                Loc(path, key_line(text, name)),
                "warning",
                f"notedeck ignores front matter `{name}`: {why}",
                f"the note is built without it; if it is meant for notedeck, write e.g. "
                f"`{EXAMPLES[name]}`",
            )
        )
    aliases = meta.get("aliases")
    if aliases is not None and not isinstance(aliases, list):
        meta["aliases"] = [aliases]  # Obsidian's one-alias form, `aliases: TCP`
    return meta, tuple(found)


def _is_setting(name: str) -> bool:
    key = KEYS.get(name)
    return key is not None and key.front_matter


def _unusable(name: str, value: Any, base: Path) -> str | None:
    """Why notedeck cannot use this value of one of its keys (None: it can, or the key is
    another tool's alone)."""
    try:
        if name in ("title", "deck"):
            _text(value)
        elif name == "tags":
            note_tags(value)
        elif name == "aliases":
            for alias in value if isinstance(value, list) else [value]:
                if alias is not None and not is_text(alias):
                    raise BadValue(f"expected a name or a list of names, got {shown(value)}")
        elif name == "skip":
            skip_entries(value)
        elif _is_setting(name):
            KEYS[name].convert(value, base)
    except BadValue as exc:
        return str(exc)
    return None


def is_text(value: Any) -> bool:
    """A value that reads as text: a string, a number or a date (`title: 1984`), not true or
    false, a list or a mapping."""
    return isinstance(value, (str, int, float, datetime.date)) and not isinstance(value, bool)


def _text(value: Any) -> None:
    if value is not None and not is_text(value):
        raise BadValue(f"expected text, got {shown(value)}")


def shown(value: Any) -> str:
    """A value as a message shows it: its type and a short repr."""
    text = repr(value)
    return f"{type(value).__name__} {text if len(text) <= 60 else text[:57] + '...'}"


def note_tags(value: Any) -> tuple[str, ...]:
    """Front-matter `tags`: `a, b` or `[a, b]`. Anki tags hold no spaces, so `machine
    learning` becomes `machine_learning`. BadValue for a mapping or nested lists."""
    if value is None:
        return ()
    if isinstance(value, str):
        words = _TAG_SPLIT.split(value)
    elif isinstance(value, list) and all(not isinstance(v, (list, dict)) for v in value):
        words = ["_".join(str(v).split()) for v in value if v is not None]
    elif isinstance(value, (int, float)):
        words = [str(value)]
    else:
        raise BadValue(f"expected a word or a list of words, got {shown(value)}")
    return tuple(w.strip() for w in words if w.strip())


def skip_entries(value: Any) -> tuple[str, ...]:
    """Front-matter `skip`: a card's term or a list of them. BadValue for any other value."""
    if value is None:
        return ()
    values = [value] if is_text(value) else value
    if not isinstance(values, list) or not all(v is None or is_text(v) for v in values):
        raise BadValue(f"expected a card's term or a list of them, got {shown(value)}")
    return tuple(str(v).strip() for v in values if v is not None and str(v).strip())
