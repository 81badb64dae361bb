"""Reading the lock file (see lock.py): a line at a time when it is in the layout notedeck
writes (lockstream.py), whole otherwise, a file with git merge-conflict markers included.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .collector import collector_paused
from .fsutil import describe_os_error, read_regular
from .lock import VERSION, Entry, LockFile, TypeEntry, entry_from
from .lockstream import read_canonical
from .model import Deck, Loc, NotedeckError


def read_lock(path: Path, built: Sequence[Deck] = ()) -> LockFile:
    """The lock file at `path`, or an empty one when there is none yet. `built`: the decks of
    this build, whose cards' GUID, term and section strings the entries share where equal."""
    try:
        with collector_paused():  # thousands of entries, no cycles among them
            canonical = read_canonical(path, built)  # a line at a time, as notedeck writes it
        if canonical is not None:
            return canonical
        raw = read_regular(path)  # a FIFO would block the build for ever
        # The digest of the bytes as read is the digest of the text: no second copy of a
        # large vault's tens of megabytes is made to compute it.
        digest = hashlib.sha256(raw).hexdigest()
        text = raw.decode("utf-8")
        del raw
    except FileNotFoundError:
        return LockFile(path)
    except OSError as exc:
        why = describe_os_error(exc)
        raise NotedeckError(Loc(str(path), 0), f"cannot read the lock file: {why}") from None
    except UnicodeDecodeError as exc:
        raise NotedeckError(Loc(str(path), 0), f"cannot read the lock file: {exc}") from None
    try:
        # Each card's entry is made as soon as it is read: tens of thousands of JSON objects
        # are never all alive at once.
        data = json.loads(text, object_hook=_card_entry)
    except json.JSONDecodeError as exc:
        if _CONFLICT.search(text):
            return _merge_conflicted(path, text)
        raise _broken(path, exc.lineno, exc.msg) from None
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise _broken(path, 0, f"unexpected content ({exc})") from None
    except RecursionError:  # `[[[[…`: the json module recurses once per level
        raise _broken(path, 0, "nested too deeply") from None
    del text  # tens of megabytes for a large vault: not kept while the entries are made
    try:
        cards = {
            str(g): e if isinstance(e, Entry) else entry_from(e) for g, e in data["cards"].items()
        }
        types = {str(n): TypeEntry(str(t["hash"]), int(t["mod"])) for n, t in data["types"].items()}
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise _broken(path, 0, f"unexpected content ({exc})") from None
    if data.get("version") != VERSION:
        raise _broken(path, 0, f"unknown version {data.get('version')!r}")
    return LockFile(path, cards, types, digest)


_CONFLICT = re.compile(r"^(?:<{7}|={7}|>{7})(?: |$)", re.MULTILINE)
_LINE = re.compile(r'^\s*("(?:[^"\\]|\\.)*")\s*:\s*(\{.*\})\s*,?\s*$')


def _merge_conflicted(path: Path, text: str) -> LockFile:
    """A lock file with git merge-conflict markers, from two people building different
    changes: every entry of both sides, the later `mod` winning where both have one. Later is
    safe: a card whose content is not what that side recorded gets a time after both."""
    lock = LockFile(path)  # no `digest`: the next save rewrites it without the markers
    for number, line in enumerate(text.splitlines(), 1):
        match = _LINE.match(line)
        if not match:
            continue
        try:
            key, raw = json.loads(match.group(1)), json.loads(match.group(2))
            if "term" in raw:
                entry = entry_from(raw)
                if key not in lock.cards or entry.mod > lock.cards[key].mod:
                    lock.cards[key] = entry
            elif "hash" in raw:
                kind = TypeEntry(str(raw["hash"]), int(raw["mod"]))
                if key not in lock.note_types or kind.mod > lock.note_types[key].mod:
                    lock.note_types[key] = kind
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise _broken(path, number, f"unreadable entry in a merge conflict ({exc})") from None
    return lock


def _broken(path: Path, line: int, why: str) -> NotedeckError:
    return NotedeckError(
        Loc(str(path), line),
        f"the lock file is broken: {why}",
        "restore it from version control; deleting it keeps card identities but the next "
        "import may overwrite edits made in Anki",
    )


def _card_entry(raw: dict[str, Any]) -> Entry | dict[str, Any]:
    """A card's entry from its JSON object; any other object as it is."""
    return entry_from(raw) if "term" in raw and "hash" in raw and "file" in raw else raw
