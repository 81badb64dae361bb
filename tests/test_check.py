"""`notedeck check`: one finding per problem, on the line it is on, with a hint."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import run, write
from extract_helpers import run as extract
from sample import CARDS

from generator.check import check
from generator.cli import main

NOTE = """# Operating Systems

## Process

- A program in execution
![diagram](img/process.png)
![missing](img/nope.png)
![escape](../secret.png)
![abs](/etc/passwd)
![file](file:///etc/passwd)

## Empty heading

## Locks

- **Mutex**
  - Only one thread holds it
- **Mutex**
  - Defined again by mistake
- Semaphore:
- Pros: fast
- Example:

```
![in code](img/not-checked.png)
```

- Spinlock :
  - busy-waits

## Sources

- [OSTEP](https://pages.cs.wisc.edu/~remzi/OSTEP/)
- [Wiki](en.wikipedia.org/wiki/Mutex)
- [notes](./other.md)
"""
OUTSIDE = "is outside the notes root and will not be bundled"
ABSOLUTE = (
    "is an absolute path (from a web site's root or the disk's), and the notes folder holds no "
    "such file from its own root; not bundled"
)
EXPECTED = [
    "notes/os.md:7: warning: image not found: img/nope.png (check the file name and folder)",
    f"notes/os.md:8: error: image `../secret.png` {OUTSIDE}",
    f"notes/os.md:9: warning: image '/etc/passwd' {ABSOLUTE}",
    f"notes/os.md:10: error: image `file:///etc/passwd` {OUTSIDE}",
    "notes/os.md:12: warning: heading `Empty heading` makes no cards",
    "notes/os.md:18: warning: `Mutex` is defined twice in this section (first at line 16)",
    "notes/os.md:20: warning: empty definition for `Semaphore`",
    "notes/os.md:34: warning: source link `Wiki` is not a URL: `en.wikipedia.org/wiki/Mutex`",
    "notes/os.md:35: warning: source link `notes` is not a URL: `./other.md`",
]


@pytest.fixture
def notes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "notes" / "os.md", NOTE)
    write(tmp_path / "notes" / "img" / "process.png", "png")
    (tmp_path / "secret.png").write_bytes(b"\x89PNG")
    return tmp_path / "notes"


def test_each_problem_on_its_own_line(notes: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "notes"]) == 1  # images outside the root are errors
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(EXPECTED)
    for line, expected in zip(lines, EXPECTED, strict=True):
        assert line.startswith(expected), line
        assert line.endswith(")"), f"no hint: {line}"


def test_json_for_editors(notes: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "notes", "--json"]) == 1
    rows = json.loads(capsys.readouterr().out)
    assert [(r["file"], r["line"], r["level"]) for r in rows] == [
        ("notes/os.md", int(e.split(":")[1]), e.split(": ")[1]) for e in EXPECTED
    ]
    assert all(set(r) == {"file", "line", "level", "message", "hint"} and r["hint"] for r in rows)


def test_warnings_pass_unless_strict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "notes" / "a.md", "# A\n\n## Latency\n\n- meaning\n\n## Nothing here\n")
    assert main(["check", "notes"]) == 0
    assert main(["check", "notes", "--strict"]) == 1
    assert main(["check", "notes", "-q", "--strict", "--json"]) == 1


def test_images_are_found_the_way_build_finds_them(tmp_path: Path) -> None:
    """An Obsidian-style link by file name alone, resolved anywhere in the notes root, is
    bundled by `build`; `check` must not call it missing."""
    notes = tmp_path / "notes"
    (notes / "assets").mkdir(parents=True)
    (notes / "assets" / "diagram.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    write(notes / "os" / "a.md", "# A\n\n## Latency\n\n- meaning\n\n![d](diagram.png)\n")
    assert check([str(notes)]) == []
    write(notes / "os" / "a.md", "# A\n\n## Latency\n\n- meaning\n\n![d](nowhere.png)\n")
    assert [d.message for d in check([str(notes)])] == ["image not found: nowhere.png"]


SITE_NOTE = """---
title: Callout
---

## Callout

- an anchored tip that guides people through the app

<img src="/img/docs/callout-demo.gif" width="70%" />
![shot](img/missing.png)
"""


@pytest.mark.parametrize(("config", "level", "code"), [("", "warning", 0), ("error", "error", 1)])
def test_build_and_check_agree_on_images_that_cannot_be_found(
    tmp_path: Path, config: str, level: str, code: int
) -> None:
    """A site-absolute `/img/…` (notes shared with a web site) names no file of the notes
    folder: both commands report it, and a missing file, in the same words and at the same
    level (a warning, or an error with `missing_images = "error"`)."""
    notes = tmp_path / "notes"
    write(notes / "callout.md", SITE_NOTE)
    if config:
        write(notes / "notedeck.toml", f'missing_images = "{config}"\n')
    expected = [
        f"notes/callout.md:9: {level}: image '/img/docs/callout-demo.gif' {ABSOLUTE} (copy the "
        "image into the notes folder and link it relative to the note)",
        f"notes/callout.md:10: {level}: image not found: img/missing.png (check the file name "
        "and folder)",
    ]
    checked = run(["check", "notes"], tmp_path)
    assert (checked.returncode, checked.stdout.splitlines()) == (code, expected)
    built = run(["build", "notes", "-o", "out"], tmp_path)
    assert (built.returncode, built.stderr.splitlines()[:2]) == (code, expected)


def test_navigation_and_grouping_headings_are_not_reported(tmp_path: Path) -> None:
    note = (
        "# Notes\n\n## 목차\n\n- [Process](#process)\n- [Thread](#thread)\n\n"
        "## Basics\n\n### Process\n\n- a program in execution\n"
    )
    write(tmp_path / "notes" / "a.md", note)
    assert check([str(tmp_path / "notes")]) == []


def test_numbered_headings_that_make_cards_are_not_reported(tmp_path: Path) -> None:
    note = (
        "# 정보처리기사\n\n## 1-1. 소프트웨어 재사용(Software Reuse)\n\n"
        "이미 만들어진 코드를 다시 활용하는 것이다.\n\n"
        "## 2. Heap\n\n### 2.1 Min heap\n\n- 부모가 자식보다 작거나 같은 트리\n"
    )
    write(tmp_path / "notes" / "a.md", note)
    assert check([str(tmp_path / "notes")]) == []


def test_headings_that_are_no_terms_by_design_are_not_reported(tmp_path: Path) -> None:
    note = (
        "# Tool\n\n## Usage\n\nRun it with the folder of your notes.\n\n"
        "## 정리\n\n오늘은 도구를 설치했다.\n\n"
        "## 비동기 카페 만들기\n\n### 목표\n\n- 요구 사항대로\n\n"
        "## Process\n\n- A program in execution\n\n## Threads\n"
    )
    write(tmp_path / "notes" / "a.md", note)
    found = [d.message for d in check([str(tmp_path / "notes")])]
    assert found == ["heading `Threads` makes no cards"]


def test_the_extractor_marks_the_headings_it_turns_down_by_design() -> None:
    note = """
        # Tool
        ## 목차
        - [Usage](#usage)
        ## Usage
        ```sh
        notedeck build notes -o dist
        ```
        ## Basics
        ### Process
        - A program in execution
        ## Threads
        """
    designed = {r.text: r.designed for r in extract(note).rejected}
    assert designed["목차"] and designed["Usage"] and designed["Basics"]
    assert not designed["Threads"]  # no body: a definition is what is missing


def test_the_users_own_note_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(CARDS)]) == 0
    assert capsys.readouterr().out == ""


def test_cp949_note_is_a_warning_and_broken_bytes_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "ko.md").write_bytes(
        "# 운영체제\n\n## 프로세스\n\n- 실행 중인 프로그램\n".encode("cp949")
    )
    (notes / "bad.md").write_bytes(b"# Bad\n\n\xff\xff\n")
    found = [str(d) for d in check(["notes"])]
    assert found == [
        "notes/bad.md:3: error: cannot decode: byte 0xff is neither UTF-8 nor CP949/EUC-KR"
        " (save the note as UTF-8)",
        "notes/ko.md:1: warning: not UTF-8; decoded as Korean CP949/EUC-KR (save it as UTF-8)",
    ]


def test_check_through_python_m(tmp_path: Path) -> None:
    write(
        tmp_path / "notes" / "a.md", "# A\n\n## Latency\n\n- the time a request waits\n\n## Empty\n"
    )
    result = run(["check", "notes", "--strict"], tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "notes/a.md:7: warning: heading `Empty` makes no cards (write a definition under it in "
        "bullets or a paragraph, or remove the heading)"
    ]
    assert run(["check", "notes"], tmp_path).returncode == 0
