"""A command-line build keeps the decks an edit did not touch without loading their notes
(held.py); whatever the edit, it must give the decks, lock file, counts and findings that a
build from nothing gives for the same notes and lock file."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from anki_helpers import imported
from build_helpers import digests, spy

from generator import build as build_module
from generator import settled
from generator.build import build
from generator.model import BuildReport
from generator.options import BuildOptions

pytestmark = pytest.mark.usefixtures("private_key_home")

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)
TERMS = {
    "networking": {"TCP": "A reliable ordered byte stream between two hosts.", "UDP": "Datagrams."},
    "databases": {"B-tree": "A balanced tree of many keys per node.", "WAL": "Log before data."},
    "systems": {"Mutex": "A lock one thread holds at a time.", "Paging": "Fixed-size pages."},
}


def note(title: str, terms: dict[str, str], extra: str = "") -> str:
    body = "".join(f"## {term}\n\n- {meaning}\n\n" for term, meaning in terms.items())
    return f"# {title}\n\n{body}{extra}"


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    root = tmp_path / "vault"
    for folder, terms in TERMS.items():
        (root / folder).mkdir(parents=True)
        (root / folder / "basics.md").write_text(note(folder.title(), terms), "utf-8")
    (root / "networking" / "tcp.png").write_bytes(PNG)
    extra = "## Handshake\n\n- SYN, SYN-ACK, ACK.\n\n![handshake](tcp.png)\n"
    (root / "networking" / "more.md").write_text(note("More", {}, extra), "utf-8")
    return root


@pytest.fixture
def loaded(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many notes each build loaded, in order (both tries when a build starts again; the
    build from nothing that `as_from_nothing` compares with comes last)."""
    return spy(monkeypatch, build_module, "load", lambda result: len(result[0]))


def cli_build(vault: Path, out: Path, **extra: object) -> BuildReport:
    options = BuildOptions(out=out, jobs=1, reuse_unchanged=True, **extra)  # type: ignore[arg-type]
    return build([str(vault)], options)


def as_from_nothing(
    vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: Callable[[Path], None]
) -> tuple[BuildReport, BuildReport, Path]:
    """Build, change the notes, build again; then build a copy of the changed notes with the
    lock file as it was, with no cache and no previous output: same bytes, lock and findings."""
    out = tmp_path / "out"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    cli_build(vault, out)
    change(vault)
    cold = tmp_path / "cold"
    shutil.copytree(vault, cold, ignore=shutil.ignore_patterns(".notedeck-cache"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000100")
    warm = cli_build(vault, out)
    fresh = build([str(cold)], BuildOptions(out=tmp_path / "cold-out", jobs=1, cache=False))
    made = {Path(p).name for p in warm.outputs}
    assert {k: v for k, v in digests(out).items() if k in made} == digests(tmp_path / "cold-out")
    assert (vault / "notedeck.lock").read_text("utf-8") == (cold / "notedeck.lock").read_text()
    assert [d.name for d in warm.decks] == [d.name for d in fresh.decks]
    assert [Path(p).name for p in warm.outputs] == [Path(p).name for p in fresh.outputs]
    counts = warm.deck_cards or tuple(len(d.cards) for d in warm.decks)
    assert counts == tuple(len(d.cards) for d in fresh.decks)
    assert [len(d.media) for d in warm.decks] == [len(d.media) for d in fresh.decks]
    assert [d.description for d in warm.decks] == [d.description for d in fresh.decks]
    assert warm.stats == fresh.stats | {"written": warm.stats["written"]}
    assert [str(d) for d in warm.diagnostics] == [
        str(d).replace(str(cold), str(vault)) for d in fresh.diagnostics
    ]
    return warm, fresh, out


def edit_databases(root: Path) -> None:
    path = root / "databases" / "basics.md"
    path.write_text(path.read_text("utf-8").replace("per node.", "per node, for disks."), "utf-8")


def test_an_edit_loads_only_the_notes_of_its_deck(
    vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, loaded: list[int]
) -> None:
    warm, _, out = as_from_nothing(vault, tmp_path, monkeypatch, edit_databases)
    assert loaded == [4, 1, 4]  # the first build loads all four notes; the edit, its own one
    assert warm.stats["written"] == 1 and warm.deck_cards == (2, 3, 2)
    arrived = imported(out / "Databases.apkg", tmp_path / "anki")
    assert any("for disks" in c.fields["Definition"] for c in arrived)
    # A kept deck is reported without its cards; its file and media are those of the last build.
    networking = next(d for d in warm.decks if d.name == "Networking")
    assert networking.cards == () and len(networking.media) == 1
    again = cli_build(vault, out)  # nothing changed since: answered from the record
    assert again.deck_cards == warm.deck_cards and again.stats["written"] == 0


def test_a_note_joining_a_kept_deck_loads_every_note(
    vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, loaded: list[int]
) -> None:
    def add(root: Path) -> None:
        edit_databases(root)
        (root / "systems" / "locks.md").write_text(note("Locks", {"Spinlock": "Busy wait."}))

    warm, _, _ = as_from_nothing(vault, tmp_path, monkeypatch, add)
    assert loaded == [4, 2, 5, 5]  # Systems looked untouched until the new note was read
    assert warm.deck_cards == ()  # every deck's cards are listed
    assert sum(len(d.cards) for d in warm.decks) == 8


def test_an_image_a_kept_deck_bundles_under_another_name_loads_every_note(
    vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, loaded: list[int]
) -> None:
    """A full build bundles the same bytes once, under the name of the note that comes first."""

    (vault / "databases" / "tree.png").write_bytes(PNG)  # there, but unused, at first

    def share(root: Path) -> None:
        path = root / "databases" / "basics.md"
        path.write_text(path.read_text("utf-8") + "## Pages\n\n- Disk blocks.\n\n![](tree.png)\n")

    as_from_nothing(vault, tmp_path, monkeypatch, share)
    assert loaded == [4, 1, 4, 4]


def test_a_changed_image_rewrites_the_deck_that_bundles_it(
    vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, loaded: list[int]
) -> None:
    def redraw(root: Path) -> None:
        (root / "networking" / "tcp.png").write_bytes(PNG + b"\0")

    warm, _, _ = as_from_nothing(vault, tmp_path, monkeypatch, redraw)
    assert loaded == [4, 2, 4]  # both Networking notes; Databases and Systems kept
    assert warm.stats["written"] == 1


def test_an_identity_a_kept_deck_holds_is_reported_as_a_duplicate(
    vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, loaded: list[int]
) -> None:
    """Two notes with the same front-matter `id` and term: the full build's warning, exactly."""

    def same_id(root: Path) -> None:
        for folder in ("networking", "systems"):
            path = root / folder / "basics.md"
            path.write_text("---\nid: shared\n---\n" + path.read_text("utf-8"), "utf-8")

    def clash(root: Path) -> None:
        path = root / "systems" / "basics.md"
        path.write_text(path.read_text("utf-8") + "## TCP\n\n- Also a transport.\n", "utf-8")

    same_id(vault)
    warm, _, _ = as_from_nothing(vault, tmp_path, monkeypatch, clash)
    assert loaded == [4, 1, 4, 4]
    assert any("TCP" in d.message for d in warm.diagnostics if d.level == "warning")


def test_a_broken_note_keeps_its_deck_file_and_loads_every_note(
    vault: Path, tmp_path: Path, loaded: list[int]
) -> None:
    out = tmp_path / "out"
    cli_build(vault, out)
    before = digests(out)
    (vault / "systems" / "basics.md").write_bytes(b"# Systems\n\n\xff\xfe broken\n")
    report = cli_build(vault, out)
    assert loaded == [4, 0, 3]  # the failed note is found, then every other note is loaded
    assert any(d.level == "error" and "basics.md" in str(d) for d in report.diagnostics)
    assert digests(out) == before  # Systems.apkg survives; the others were unchanged


def test_settling_is_used_when_no_deck_can_be_kept(
    vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The library's build (watch mode, tests) lists every card: no deck is kept there."""
    out = tmp_path / "out"
    build([str(vault)], BuildOptions(out=out, jobs=1))
    edit_databases(vault)
    held: list[dict[str, object]] = []
    real = settled.held
    monkeypatch.setattr(settled, "held", lambda *a: held.append(real(*a)) or held[-1])
    report = build([str(vault)], BuildOptions(out=out, jobs=1))
    assert held == [] and report.deck_cards == ()
    assert sum(len(d.cards) for d in report.decks) == 7


def test_a_file_added_where_an_image_name_may_resolve_loads_every_note(
    vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, loaded: list[int]
) -> None:
    """An image name not found beside its note is looked up anywhere in the notes root: a
    second `diagram.png` elsewhere makes it ambiguous, which a full build reports, so no deck
    is kept, although the note naming it is unchanged."""
    (vault / "assets").mkdir()
    (vault / "assets" / "diagram.png").write_bytes(PNG)
    extra = "## Segment\n\n- A TCP packet.\n\n![segment](diagram.png)\n"
    (vault / "networking" / "segment.md").write_text(note("Segment", {}, extra), "utf-8")

    def another(root: Path) -> None:
        edit_databases(root)
        (root / "databases" / "diagram.png").write_bytes(PNG + b"\0")

    warm, _, _ = as_from_nothing(vault, tmp_path, monkeypatch, another)
    assert loaded == [5, 5, 5]
    assert any("several files are named 'diagram.png'" in d.message for d in warm.diagnostics)


def test_a_build_of_every_card_holds_them_all_and_lets_the_next_edit_keep_decks(
    vault: Path, tmp_path: Path, loaded: list[int]
) -> None:
    """The watcher's first build: every card in the report, even with nothing changed since
    the last build; and the edit after it still loads only its own deck's notes (the record
    it leaves names the other files of the notes root, as a one-off build's does)."""
    out = tmp_path / "out"
    options = BuildOptions(out=out, jobs=1, reuse_unchanged=True)
    cli_build(vault, out)
    first = build([str(vault)], options, every_card=True)
    assert sum(len(d.cards) for d in first.decks) == 7 and first.deck_cards == ()
    edit_databases(vault)
    after = build([str(vault)], options)
    assert loaded == [4, 4, 1]
    assert after.deck_cards == (2, 3, 2) and after.stats["written"] == 1
