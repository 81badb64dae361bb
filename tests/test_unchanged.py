"""A one-off build whose inputs are all unchanged is answered from the record of the last build;
any change to what a build reads or wrote makes it run in full again."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from anki_helpers import imported
from build_helpers import digests

from generator.build import build
from generator.model import BuildReport
from generator.options import BuildOptions

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from make_corpus import generate

pytestmark = pytest.mark.usefixtures("private_key_home")


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    root = tmp_path / "vault"
    generate(root, notes=8, cards=5, seed=5)
    return root


def quick(vault: Path, out: Path, **extra: object) -> BuildReport:
    settings: dict[str, object] = {"jobs": 1, **extra}
    options = BuildOptions(out=out, reuse_unchanged=True, **settings)  # type: ignore[arg-type]
    return build([str(vault)], options)


def test_an_unchanged_build_is_answered_from_its_record(
    vault: Path, tmp_path: Path, parse_calls: list[str]
) -> None:
    out = tmp_path / "out"
    first = quick(vault, out)
    assert first.stats["written"] == first.stats["decks"] > 3 and "reused" not in first.stats
    files = digests(out)
    parse_calls.clear()
    again = quick(vault, out)
    assert parse_calls == [] and again.stats["reused"] == 1 and again.stats["written"] == 0
    assert {k: v for k, v in again.stats.items() if k != "reused"} == first.stats | {"written": 0}
    assert again.outputs == first.outputs and again.diagnostics == first.diagnostics
    assert [d.name for d in again.decks] == [d.name for d in first.decks]
    assert again.deck_cards == tuple(len(d.cards) for d in first.decks)
    assert digests(out) == files
    # The decks left in place are the decks a build from nothing makes, and import in Anki.
    fresh = build([str(vault)], BuildOptions(out=tmp_path / "fresh", cache=False, jobs=1))
    assert digests(tmp_path / "fresh") == files
    deck = first.decks[0]
    arrived = imported(Path(first.outputs[0]), tmp_path / "anki")
    assert len(arrived) == len(deck.cards) > 0 and fresh.stats["cards"] == first.stats["cards"]
    assert {c.fields["Term"] for c in arrived} == {c.fields["Term"] for c in deck.cards}


def _edit_note(vault: Path, out: Path) -> None:
    note = sorted(vault.rglob("*.md"))[0]
    text = note.read_text("utf-8")
    note.write_text(text + "\n\n## Quasiquote\n\n- A quote whose parts may be evaluated.\n")


def _new_image_name(vault: Path, out: Path) -> None:
    (vault / "unrelated.png").write_bytes(b"\x89PNG not referenced yet")


def _change_image(vault: Path, out: Path) -> None:
    for image in vault.rglob("*.png"):  # the same names, other bytes
        image.write_bytes(image.read_bytes() + b"\x00")


def _touch_output(vault: Path, out: Path) -> None:
    target = next(out.glob("*.apkg"))
    target.write_bytes(target.read_bytes())


def _delete_output(vault: Path, out: Path) -> None:
    next(out.glob("*.apkg")).unlink()


def _edit_lock(vault: Path, out: Path) -> None:
    lock = vault / "notedeck.lock"
    lock.write_text(lock.read_text("utf-8") + "\n", "utf-8")


def _pin_time(vault: Path, out: Path) -> None:
    import os

    os.environ["SOURCE_DATE_EPOCH"] = "1800000000"


@pytest.mark.parametrize(
    "change",
    [_edit_note, _new_image_name, _change_image, _touch_output, _delete_output, _edit_lock,
     _pin_time],
)  # fmt: skip
def test_any_change_to_what_a_build_reads_or_wrote_runs_it_in_full(
    vault: Path,
    tmp_path: Path,
    parse_calls: list[str],
    change: object,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    out = tmp_path / "out"
    quick(vault, out)
    assert quick(vault, out).stats.get("reused") == 1
    change(vault, out)  # type: ignore[operator]
    parse_calls.clear()
    report = quick(vault, out)
    assert "reused" not in report.stats
    if change in (_edit_note,):
        assert len(parse_calls) == 1 and report.stats["written"] == 1
    assert quick(vault, out).stats.get("reused") == 1  # and is recorded again


def test_options_decide_whether_a_record_is_used(vault: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    quick(vault, out)
    assert "reused" not in quick(vault, out, reverse=True).stats  # an option that changes output
    assert "reused" not in quick(vault, out).stats  # the record was of the reverse build
    assert quick(vault, out, jobs=2).stats.get("reused") == 1  # how a build runs does not
    assert "reused" not in quick(vault, out, cache=False).stats
    plain = build([str(vault)], BuildOptions(out=out, jobs=1))  # library and watch builds
    assert "reused" not in plain.stats and sum(len(d.cards) for d in plain.decks) > 0


def test_a_build_with_problems_is_never_answered_from_a_record(vault: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    note = "# Missing\n\n## Quasiquote\n\nA quote whose parts are evaluated.\n\n![x](nowhere.png)\n"
    (vault / "missing.md").write_text(note, "utf-8")
    first = quick(vault, out)
    assert any(d.loc and d.loc.path.endswith("missing.md") for d in first.diagnostics)
    again = quick(vault, out)
    assert "reused" not in again.stats  # the image may appear; the warning is given again
    assert again.diagnostics == first.diagnostics
