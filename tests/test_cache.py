"""The build cache and worker processes change how fast a deck is built, never what is built."""

from __future__ import annotations

import concurrent.futures
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from anki_helpers import cards, img_sources, import_apkg, imported, open_collection
from build_helpers import digests

from generator import cache as cache_mod
from generator import workers
from generator.build import build
from generator.cli import main
from generator.options import BuildOptions

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from make_corpus import generate

pytestmark = pytest.mark.usefixtures("private_key_home")

DOCKER = Path(__file__).resolve().parent.parent / "cards" / "docker-basics.md"


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    """A small generated vault (Korean and English, images, several decks) plus the Docker note."""
    root = tmp_path / "vault"
    generate(root, notes=12, cards=6, seed=3)
    (root / "docker-basics.md").write_text(DOCKER.read_text("utf-8"), "utf-8")
    return root


def test_cache_hit_gives_byte_identical_decks(
    vault: Path, tmp_path: Path, parse_calls: list[str]
) -> None:
    store = tmp_path / "cache"
    cold = build([str(vault)], BuildOptions(out=tmp_path / "cold", build_cache_dir=store, jobs=1))
    assert len(parse_calls) == 13 and cold.stats["written"] == cold.stats["decks"] > 3
    parse_calls.clear()
    warm = build([str(vault)], BuildOptions(out=tmp_path / "warm", build_cache_dir=store, jobs=1))
    assert parse_calls == []  # every note came from the cache
    assert warm.stats["written"] == warm.stats["decks"]  # new output folder: all written
    assert digests(tmp_path / "warm") == digests(tmp_path / "cold")
    assert len(digests(tmp_path / "cold")) == cold.stats["decks"]


def test_cache_off_and_parallel_build_the_same_decks(
    vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workers, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(workers, "PARALLEL_MIN_NOTES", 2)
    serial = build([str(vault)], BuildOptions(out=tmp_path / "serial", cache=False, jobs=1))
    parallel = build([str(vault)], BuildOptions(out=tmp_path / "parallel", cache=False, jobs=2))
    cached = build([str(vault)], BuildOptions(out=tmp_path / "cached", jobs=2))
    assert (vault / ".notedeck-cache" / "notes").is_dir()
    assert cached.stats["written"] == cached.stats["decks"]
    assert digests(tmp_path / "serial") == digests(tmp_path / "parallel")
    assert digests(tmp_path / "serial") == digests(tmp_path / "cached")
    assert serial.stats == parallel.stats
    # The parallel decks are real decks: every card of every deck arrives in Anki.
    col = open_collection(tmp_path / "anki")
    try:
        for apkg in sorted((tmp_path / "parallel").glob("*.apkg")):
            import_apkg(col, apkg)
        assert col.note_count() == parallel.stats["cards"] > 40
        imported = cards(col)
        terms = {c.fields["Term"] for c in imported}
        assert "Hypervisor" in terms
        assert any("<img" in c.fields["Definition"] for c in imported)
    finally:
        col.close()


def test_unchanged_decks_are_not_rewritten(vault: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    options = BuildOptions(out=out, build_cache_dir=tmp_path / "cache", jobs=1)
    first = build([str(vault)], options)
    before = {p.name: p.stat().st_mtime_ns for p in out.glob("*.apkg")}
    again = build([str(vault)], options)
    assert again.stats["written"] == 0 and again.stats["cards"] == first.stats["cards"]
    assert again.outputs == first.outputs
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.apkg")} == before
    # One edited note rewrites its own deck and nothing else.
    note = vault / "docker-basics.md"
    note.write_text(note.read_text("utf-8").replace("컴퓨터 안에", "컴퓨터 속에"), "utf-8")
    edited = build([str(vault)], options)
    assert edited.stats["written"] == 1
    after = {p.name: p.stat().st_mtime_ns for p in out.glob("*.apkg")}
    assert [n for n in after if after[n] != before[n]] == ["Docker-기초.apkg"]
    # A deleted or replaced output is written again.
    (out / "Docker-기초.apkg").unlink()
    (sorted(out.glob("*.apkg"))[0]).write_bytes(b"not a deck")
    assert build([str(vault)], options).stats["written"] == 2


def test_unchanged_decks_are_not_rewritten_and_match_a_fresh_build(
    vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    options = BuildOptions(out=out, build_cache_dir=tmp_path / "cache", jobs=1)
    first = build([str(vault)], options)
    assert first.stats["written"] == first.stats["decks"] > 0
    # The lock file keeps every unchanged card's time, so a later clock changes no byte.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    assert build([str(vault)], options).stats["written"] == 0
    kept = digests(out)
    fresh = build([str(vault)], BuildOptions(out=tmp_path / "fresh", cache=False))
    assert fresh.stats["written"] == fresh.stats["decks"]
    assert digests(tmp_path / "fresh") == kept


def test_options_and_code_changes_never_reuse_entries(
    vault: Path, tmp_path: Path, parse_calls: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "cache"
    build([str(vault)], BuildOptions(out=tmp_path / "a", build_cache_dir=store, jobs=1))
    parse_calls.clear()
    build(
        [str(vault)], BuildOptions(out=tmp_path / "b", build_cache_dir=store, jobs=1, reverse=True)
    )
    assert len(parse_calls) == 13  # an option that changes output is part of the key
    parse_calls.clear()
    monkeypatch.setattr(cache_mod, "__version__", "99.0.0")
    cache_mod.code_fingerprint.cache_clear()
    try:
        build([str(vault)], BuildOptions(out=tmp_path / "c", build_cache_dir=store, jobs=1))
    finally:
        cache_mod.code_fingerprint.cache_clear()
    assert len(parse_calls) == 13  # so is notedeck's version
    parse_calls.clear()
    build([str(vault)], BuildOptions(out=tmp_path / "d", build_cache_dir=store, jobs=4))
    assert parse_calls == []  # how a build runs is not


def test_foreign_or_damaged_entries_are_never_unpickled(
    vault: Path, tmp_path: Path, parse_calls: list[str]
) -> None:
    store = tmp_path / "cache"
    options = BuildOptions(out=tmp_path / "out", build_cache_dir=store, jobs=1)
    good = build([str(vault)], options)
    entries = sorted((store / "notes").rglob("*.bin"))
    assert len(entries) == 13
    marker = tmp_path / "pwned"
    # An entry from someone else's machine: a pickle that would run code, with a bad signature.
    evil = b"cos\nsystem\n(S'touch " + str(marker).encode() + b"'\ntR."
    entries[0].write_bytes(b"\0" * 32 + evil)
    entries[1].write_bytes(entries[1].read_bytes()[:50])  # torn write
    parse_calls.clear()
    again = build([str(vault)], BuildOptions(out=tmp_path / "again", build_cache_dir=store, jobs=1))
    assert not marker.exists()
    assert len(parse_calls) == 2
    assert again.stats["cards"] == good.stats["cards"]
    assert digests(tmp_path / "again") == digests(tmp_path / "out")


def test_cache_folder_sits_in_the_notes_root_and_is_ignored_by_git(
    vault: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", str(vault), "-o", str(tmp_path / "out")]) == 0
    folder = vault / ".notedeck-cache"
    assert (folder / ".gitignore").read_text().strip().endswith("*")
    assert main(["list", str(vault), "--json"]) == 0
    capsys.readouterr()
    # Cached and uncached listings agree card for card, and the cache is not read as notes.
    assert main(["list", str(vault), "--json"]) == 0
    cached = json.loads(capsys.readouterr().out)
    assert main(["list", str(vault), "--json", "--no-cache", "--jobs", "1"]) == 0
    assert json.loads(capsys.readouterr().out) == cached
    assert not any(".notedeck-cache" in c["file"] for c in cached)
    assert main(["build", str(vault), "-o", str(tmp_path / "n"), "--no-cache"]) == 0
    assert digests(tmp_path / "n").keys() == digests(tmp_path / "out").keys()


def test_first_parallel_build_leaves_a_cache_the_next_build_can_use(
    vault: Path, tmp_path: Path, parse_calls: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers must all sign with the one user key, even when the key does not exist yet."""
    monkeypatch.setattr(workers, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(workers, "PARALLEL_MIN_NOTES", 2)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "new-user-cache"))
    key = tmp_path / "new-user-cache" / "notedeck" / "cache-key"
    key_before_pool: list[bool] = []
    real_pool = concurrent.futures.ProcessPoolExecutor  # workers import it when they start

    def pool(*args: Any, **kwargs: Any) -> Any:
        key_before_pool.append(key.is_file())
        return real_pool(*args, **kwargs)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", pool)
    cache_mod.signing_key.cache_clear()
    try:
        store = tmp_path / "cache"
        build([str(vault)], BuildOptions(out=tmp_path / "a", build_cache_dir=store, jobs=2))
        assert key_before_pool and all(key_before_pool)
        parse_calls.clear()
        build([str(vault)], BuildOptions(out=tmp_path / "b", build_cache_dir=store, jobs=1))
        assert parse_calls == []
    finally:
        cache_mod.signing_key.cache_clear()


def test_every_note_keeps_its_own_mod_time(tmp_path: Path) -> None:
    """Notes get their mod times by id (fast for big decks); each must still get its own."""
    from generator.build import load, render_decks
    from generator.package import write_apkg

    loaded, _, _ = load([str(DOCKER)], BuildOptions(cache=False))
    decks, _ = render_decks(loaded)
    deck = decks[0]
    mods = {card.guid: 1_700_000_000 + 1000 * card.order for card in deck.cards}
    target = tmp_path / "deck.apkg"
    write_apkg(deck, target, lambda card: mods[card.guid], 1_700_000_000)
    col = open_collection(tmp_path / "anki")
    try:
        import_apkg(col, target)
        got = {col.get_note(c.note_id).guid: col.get_note(c.note_id).mod for c in cards(col)}
        assert got == mods and len(set(got.values())) == 8
    finally:
        col.close()


def test_an_unchanged_note_is_not_rendered_again(
    vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator import notefields as build_mod  # where notes' fields are rendered

    options = BuildOptions(out=tmp_path / "out", build_cache_dir=tmp_path / "cache", jobs=1)
    cold = build([str(vault)], options)
    rendered: list[str] = []
    real = build_mod.basic_fields

    def spy(card: Any, *args: Any) -> dict[str, str]:
        rendered.append(card.term)
        return real(card, *args)

    monkeypatch.setattr(build_mod, "basic_fields", spy)
    warm = build([str(vault)], options)
    assert rendered == [] and warm.stats["cards"] == cold.stats["cards"]
    note = sorted(vault.rglob("*.md"))[0]
    note.write_text(note.read_text("utf-8") + "\n## Jitter\n\n- how much latency varies\n", "utf-8")
    build([str(vault)], options)
    assert "Jitter" in rendered and len(set(rendered)) < cold.stats["cards"] // 2


def test_fingerprint_is_the_same_in_every_process(tmp_path: Path) -> None:
    """Set options are hashed in sorted order: a set's iteration order follows each process's
    own string hashes, and a fingerprint that changed with it missed the cache in every other
    build."""
    code = (
        "from pathlib import Path; from generator.options import BuildOptions; "
        "from generator.cache import options_fingerprint as f; "
        "print(f(BuildOptions(pinned=frozenset({'out', 'format', 'jobs', 'strict'}), "
        "strategies_off=frozenset({'tables', 'colon', 'lists'}))))"
    )
    seen = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(6)
    }
    assert len(seen) == 1


def test_fields_rendered_with_a_note_follow_the_builds_image_names(tmp_path: Path) -> None:
    """One image's bytes under two names are bundled once, under the name seen first. A note
    rendered alone (edited, the other from the cache) must still use that name."""
    notes = tmp_path / "notes"
    notes.mkdir()
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(64))
    (notes / "one.png").write_bytes(png)
    (notes / "two.png").write_bytes(png)
    (notes / "a.md").write_text("# Alpha\n\n## Ant\n\nAn insect.\n\n![ant](one.png)\n", "utf-8")
    second = "# Beta\n\n## Bee\n\nA flying insect.\n\n![bee](two.png)\n"
    (notes / "b.md").write_text(second, "utf-8")
    options = BuildOptions(out=tmp_path / "out", one_deck="Insects", jobs=1)
    build([str(notes)], options)
    (notes / "b.md").write_text(second.replace("flying", "buzzing"), "utf-8")
    warm = build([str(notes)], options)
    build([str(notes)], BuildOptions(out=tmp_path / "cold", one_deck="Insects", cache=False))
    assert digests(tmp_path / "out") == digests(tmp_path / "cold")
    fields = {c.card.term: c.fields["Definition"] for d in warm.decks for c in d.cards}
    assert "-one.png" in fields["Bee"] and "two.png" not in fields["Bee"]
    got = imported(tmp_path / "out" / "Insects.apkg", tmp_path / "anki")
    assert {c.fields["Term"] for c in got} == {"Ant", "Bee"}
    assert all(img_sources(c.fields["Definition"])[0].endswith("-one.png") for c in got)
