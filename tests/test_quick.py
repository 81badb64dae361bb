"""`notedeck build` with nothing changed is answered without importing the pipeline: the
extractor, the build, the workers, the HTTP client, genanki and the renderer are not loaded at
all. (The note types' hashes, CSS included, are part of what the record checks; they are kept
in the build cache under notedeck's code and Pygments' version, which make them.)"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator import cliparser, media

HEAVY = (
    "generator.extract", "generator.workers", "http.client", "generator.build",
    "generator.package", "generator.render", "genanki",
)  # fmt: skip
PROBE = """
import json, sys
from generator.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "loaded": sorted(m for m in sys.modules if m in HEAVY)}))
""".replace("HEAVY", repr(HEAVY))


def build(notes: Path, out: Path, env: dict[str, str]) -> dict[str, object]:
    args = ["build", str(notes), "-o", str(out), "-q"]
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=env, check=True
    )
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_an_unchanged_build_imports_no_pipeline(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "net.md").write_text("# Net\n\n## TCP\n\n- A reliable ordered byte stream.\n")
    env = {"XDG_CACHE_HOME": str(tmp_path / "user-cache"), "PATH": "/usr/bin:/bin"}
    env["HOME"] = str(tmp_path)
    first = build(notes, tmp_path / "out", env)
    assert first["code"] == 0 and "generator.build" in first["loaded"]  # type: ignore[operator]
    deck = next((tmp_path / "out").glob("*.apkg")).read_bytes()
    again = build(notes, tmp_path / "out", env)
    assert again == {"code": 0, "loaded": []}
    assert next((tmp_path / "out").glob("*.apkg")).read_bytes() == deck
    (notes / "net.md").write_text("# Net\n\n## TCP\n\n- A reliable, ordered byte stream.\n")
    changed = build(notes, tmp_path / "out", env)
    assert changed["code"] == 0 and "generator.build" in changed["loaded"]  # type: ignore[operator]


def test_the_cli_names_the_media_cache_folder_as_media_does() -> None:
    assert cliparser.CACHE_DIR_NAME == media.CACHE_DIR_NAME


def test_the_note_types_hashes_kept_for_the_record_follow_the_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Kept under notedeck's code: a changed line of code (a CSS edit) works them out again."""
    from generator import cache, package, unchanged

    store = cache.BuildCache(tmp_path / "cache")
    real = package.model_hashes()
    assert unchanged._type_hashes(store) == real
    monkeypatch.setattr(package, "model_hashes", lambda: {"Basic": "edited"})
    assert unchanged._type_hashes(store) == real  # same code: kept
    monkeypatch.setattr(unchanged, "code_fingerprint", lambda: "another version of the code")
    assert unchanged._type_hashes(store) == {"Basic": "edited"}
