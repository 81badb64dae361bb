"""Golden fixtures: a note in tests/fixtures/<case>.md, its hand-reviewed cards in
<case>.cards.json. Shared by the golden tests and the precision/recall measurement.

Update expectations with `NOTEDECK_UPDATE_GOLDEN=1 pytest tests/test_golden.py` — and then
review every changed card by hand: the file says what a careful human would want, not what the
code happens to do.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.build import load
from generator.extract.terms import case_matters
from generator.options import BuildOptions

FIXTURES = Path(__file__).resolve().parent / "fixtures"
KEYS = ("term", "aliases", "section", "kind", "line", "strategy", "definition")


def cases() -> list[Path]:
    return sorted(p for p in FIXTURES.glob("*.md") if p.name != "README.md")


def records(note: Path) -> list[dict[str, Any]]:
    # No build cache: a test run must not write into tests/fixtures/.
    loaded, diagnostics, failed = load([str(note)], BuildOptions(cache=False))
    assert not failed, [str(d) for d in diagnostics]
    return [
        {
            "term": c.term,
            "aliases": list(c.aliases),
            "section": list(c.section),
            "kind": c.kind,
            "line": c.loc.line,
            "strategy": c.strategy,
            "definition": c.definition_md,
        }
        for item in loaded
        for c in item.note.cards
    ]


def expected(note: Path) -> list[dict[str, Any]]:
    """The reviewed cards of a fixture, or — for a new note not yet reviewed — the hand-written
    `<case>.truth.json` list of `{"section": [...], "term": ...}` made before running it."""
    cards = note.with_suffix(".cards.json")
    path = cards if cards.exists() else note.with_suffix(".truth.json")
    data: list[dict[str, Any]] = json.loads(path.read_text("utf-8"))
    return data


def write_expected(note: Path, cards: list[dict[str, Any]]) -> None:
    text = json.dumps(cards, ensure_ascii=False, indent=2) + "\n"
    note.with_suffix(".cards.json").write_text(text, "utf-8")


def key(card: dict[str, Any]) -> tuple[tuple[str, ...], str]:
    """What makes a card the same card: its section path and term (case, spacing, NFC aside;
    case counts in a term whose case tells it from another, such as `\\s` and `\\S`)."""

    def norm(text: str, cased: bool = False) -> str:
        text = " ".join(unicodedata.normalize("NFC", text).split())
        return text if cased else text.casefold()

    term = card["term"]
    return tuple(norm(s) for s in card["section"]), norm(term, case_matters(term))


def differences(name: str, want: list[dict[str, Any]], got: list[dict[str, Any]]) -> list[str]:
    """Every way `got` differs from `want`, each naming the fixture and the card."""
    problems: list[str] = []
    got_by_key = {key(c): c for c in got}
    want_by_key = {key(c): c for c in want}
    for card in want:
        label = (
            f"{name}:{card.get('line', '?')}: card {card['term']!r} ({' › '.join(card['section'])})"
        )
        other = got_by_key.get(key(card))
        if other is None:
            problems.append(f"{label}: missing")
            continue
        for field in KEYS:
            if card.get(field) != other.get(field):
                want_value, got_value = card.get(field), other.get(field)
                problems.append(
                    f"{label}: {field} differs\n  want: {want_value!r}\n  got:  {got_value!r}"
                )
    for card in got:
        if key(card) not in want_by_key:
            problems.append(
                f"{name}:{card['line']}: unexpected card {card['term']!r} "
                f"({' › '.join(card['section'])}) [{card['strategy']}]"
            )
    if not problems and [key(c) for c in want] != [key(c) for c in got]:
        problems.append(f"{name}: cards are in a different order")
    return problems


_NUMBERING = re.compile(
    r"^\s*(?:\d+(?:[.-]\d+)*[.)]?(?=\s)|\d+(?:[.-]\d+)*[.)]|[①-⑳]|\(\d+\)|\d+\s*[-:]"
    r"|Q\s*\d*\s*[.:)])\s*"  # a question's number: `Q1.`, `Q:`
)


_EMOJI_PARTS = ("So", "Sk", "Cf", "Me")


def loose_key(card: dict[str, Any]) -> tuple[tuple[str, ...], str]:
    """`key` that forgives how a label was written rather than which card it is: numbering
    (`1-1.`, `Q1.`), emoji, inline markup, parenthesised aliases and a trailing `란?`."""

    def norm(text: str) -> str:
        text = unicodedata.normalize("NFC", text)
        text = re.sub(r":[a-z0-9_+-]+:", "", text)
        text = "".join(c for c in text if unicodedata.category(c) not in _EMOJI_PARTS)
        text = text.replace("\ufe0f", "").replace("\ufe0e", "")  # emoji variation selectors
        while _NUMBERING.match(text):  # `1. 494 BC` and `494 BC`: every number, both sides
            text = _NUMBERING.sub("", text, count=1)
        text = re.sub(r"[`*_]", "", text)
        text = re.sub(r"\s*(?:이란|란)\s*[?？]?\s*$", "", text)
        text = re.sub(r"\s*\([^()]*\)\s*", " ", text)
        return " ".join(text.split()).casefold()

    return tuple(norm(s) for s in card["section"]), norm(card["term"])


@dataclass
class Score:
    made: int = 0
    wanted: int = 0
    right: int = 0  # made and wanted (same section and term)
    exact: int = 0  # and the same definition, aliases and kind
    loose: int = 0  # made and wanted by `loose_key`

    @property
    def precision(self) -> float:
        return self.right / self.made if self.made else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.wanted if self.wanted else 1.0


def score(want: list[dict[str, Any]], got: list[dict[str, Any]]) -> Score:
    want_by_key = {key(c): c for c in want}
    result = Score(made=len(got), wanted=len(want))
    result.loose = len({loose_key(c) for c in want} & {loose_key(c) for c in got})
    for card in got:
        truth = want_by_key.get(key(card))
        if truth is None:
            continue
        result.right += 1
        if all(truth.get(f, card[f]) == card[f] for f in ("definition", "aliases", "kind")):
            result.exact += 1
    return result


def main(argv: list[str]) -> int:
    """Print precision and recall of extraction against the hand-labelled fixtures."""
    total = Score()
    paths = [p for a in argv for p in _notes(Path(a))] or cases()
    for note in paths:
        want, got = expected(note), records(note)
        s = score(want, got)
        for field in ("made", "wanted", "right", "exact", "loose"):
            setattr(total, field, getattr(total, field) + getattr(s, field))
        flag = "" if s.precision == 1 and s.recall == 1 else "  <--"
        print(f"{note.name:32} made {s.made:3} wanted {s.wanted:3} right {s.right:3}{flag}")
        if flag:
            for line in differences(note.name, want, got):
                if "missing" in line or "unexpected" in line:
                    print("    " + line)
    print(
        f"\n{len(paths)} notes: {total.made} cards made, {total.wanted} wanted, "
        f"{total.right} right, {total.exact} with the exact definition\n"
        f"precision {total.precision:.1%}  recall {total.recall:.1%}  "
        f"exact-definition rate {total.exact / max(total.right, 1):.1%}\n"
        f"forgiving how labels are written (numbering, aliases, markup): precision "
        f"{total.loose / max(total.made, 1):.1%}  recall {total.loose / max(total.wanted, 1):.1%}"
    )
    return 0


def _notes(path: Path) -> list[Path]:
    return sorted(path.glob("*.md")) if path.is_dir() else [path]


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    raise SystemExit(main(sys.argv[1:]))
