"""Configuration: where it is found, how it merges, and that every mistake names file and key."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from cli_helpers import ROOT, imported, run, write

from generator.cli import main
from generator.config import KEYS, ConfigError, find_config, note_options, resolve
from generator.options import BuildOptions
from generator.scaffold import template_toml

NOTE = """# Threads

## Thread

- The smallest unit of execution the OS schedules

## Locks

- **Mutex**
  - Only one thread holds it at a time
"""


def _notes(tmp_path: Path, config: str, name: str = "notedeck.toml") -> Path:
    notes = tmp_path / "notes"
    write(notes / "os" / "threads.md", NOTE)
    write(notes / name, config)
    return notes


def test_every_config_key_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    reference = readme.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    for name in KEYS:
        assert re.search(rf"^\| `{name}` \|", reference, re.MULTILINE), f"`{name}` undocumented"
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", reference, re.MULTILINE))
    assert documented == set(KEYS), "the README documents keys the code does not know"


def test_defaults_when_there_is_no_config(tmp_path: Path) -> None:
    write(tmp_path / "notes" / "a.md", NOTE)
    (tmp_path / ".git").mkdir()
    options, config = resolve([str(tmp_path / "notes")])
    assert config is None
    assert options == BuildOptions()


def test_pyproject_tool_table_is_found_above_the_notes(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.notedeck]\nreverse = true\n')
    write(tmp_path / "cards" / "a.md", NOTE)
    options, config = resolve([str(tmp_path / "cards")])
    assert config == tmp_path / "pyproject.toml"
    assert options.reverse is True


def test_a_project_without_tool_notedeck_stops_the_search(tmp_path: Path) -> None:
    write(tmp_path / "notedeck.toml", "reverse = true\n")
    write(tmp_path / "proj" / "pyproject.toml", '[project]\nname = "x"\n')
    write(tmp_path / "proj" / "cards" / "a.md", NOTE)
    assert find_config(tmp_path / "proj" / "cards") is None


def test_file_then_front_matter_then_flags(tmp_path: Path) -> None:
    notes = _notes(tmp_path, 'reverse = true\nlanguage = "ko"\nout = "built"\n')
    options, _ = resolve([str(notes)])
    assert (options.reverse, options.language, options.out) == (True, "ko", notes / "built")
    front = {"reverse": False, "aliases": ["x"], "created": "2024-01-01"}
    text = "---\nreverse: false\naliases: [x]\n---\n"
    assert note_options(options, front, "n.md", text).reverse is False  # front matter wins
    flagged, _ = resolve([str(notes)], {"reverse": True, "out": Path("elsewhere")})
    assert flagged.out == Path("elsewhere")
    assert note_options(flagged, front, "n.md", text).reverse is True  # flags win over both


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("reverse = 1", "bad value for `reverse`: expected true or false, got 1"),
        ('images = "sometimes"', "bad value for `images`: expected one of download, offline"),
        ('deck = "{course}::{title}"', "bad value for `deck`: unknown placeholder {course}"),
        ('deck = "{title"', "bad value for `deck`: broken template"),
        ('tags = ["two words"]', "bad value for `tags`: a tag cannot be empty or contain spaces"),
        ("strategies = { guess = false }", "bad value for `strategies`: unknown strategy 'guess'"),
        ('missing_images = "panic"', "bad value for `missing_images`: expected 'warn' or 'error'"),
        ('language = "Korean!"', "bad value for `language`: expected 'auto' or a language code"),
        ("out = 3", "bad value for `out`: expected a string"),
        ("colour = true", "unknown key `colour` (known keys: deck, images, language,"),
    ],
)
def test_bad_values_name_the_file_line_and_key(tmp_path: Path, line: str, message: str) -> None:
    notes = _notes(tmp_path, f"# settings\n\n{line}\n")
    with pytest.raises(ConfigError) as info:
        resolve([str(notes)])
    assert info.value.loc is not None
    assert info.value.loc.path.endswith("notes/notedeck.toml")
    assert info.value.loc.line == 3
    assert str(info.value).split("error: ", 1)[1].startswith(message)


def test_broken_toml_names_its_line(tmp_path: Path) -> None:
    notes = _notes(tmp_path, 'tags = ["a"]\nreverse = \n')
    with pytest.raises(ConfigError) as info:
        resolve([str(notes)])
    assert info.value.loc is not None and info.value.loc.line == 2
    assert "broken TOML" in info.value.message


IGNORED = "(the note is built without it; if it is meant for notedeck, write e.g."


def test_a_front_matter_value_notedeck_cannot_use_is_a_warning_and_the_note_builds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Front matter is shared with other tools (a code page's `language: javascript`, a
    Hugging Face card's `language: [en]`): their values cost no note and no deck."""
    notes = tmp_path / "notes"
    write(notes / "a.md", "---\ntitle: A\nreverse: maybe\n---\n" + NOTE)
    write(notes / "b.md", "---\nimages: offline\n---\n" + NOTE.replace("# Threads", "# B"))
    write(notes / "code.md", "---\nlanguage: javascript\n---\n## Closure\n\n- a function\n")
    write(notes / "hf.md", "---\nlanguage:\n- en\n---\n## Hybrid search\n\n- fused\n")
    assert main(["list", str(notes), "--json"]) == 0
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"{notes}/a.md:3: warning: notedeck ignores front matter `reverse`: expected true or "
        f"false, got 'maybe' {IGNORED} `reverse: true`)",
        f"{notes}/code.md:2: warning: notedeck ignores front matter `language`: expected 'auto' "
        f"or a language code such as 'ko' or 'en', got 'javascript' {IGNORED} `language: en`)",
        f"{notes}/hf.md:2: warning: notedeck ignores front matter `language`: expected a "
        f"string, got list ['en'] {IGNORED} `language: en`)",
    ]
    terms = [card["term"] for card in json.loads(captured.out)]
    assert terms == ["Thread", "Mutex", "Thread", "Mutex", "Closure", "Hybrid search"]


@pytest.mark.parametrize(
    ("front", "warning"),
    [
        ("deck: [a, b]", "`deck`: expected text, got list ['a', 'b']"),
        ("deck: {x: 1}", "`deck`: expected text, got dict {'x': 1}"),
        ("tags: {a: 1}", "`tags`: expected a word or a list of words, got dict {'a': 1}"),
        ("tags: [[a], b]", "`tags`: expected a word or a list of words, got list [['a'], 'b']"),
        ("aliases: {a: 1}", "`aliases`: expected a name or a list of names, got dict {'a': 1}"),
        ("skip: true", "`skip`: expected a card's term or a list of them, got bool True"),
        ("strategies: [colon]", "`strategies`: expected a table of strategy = true/false"),
        ("strategies: {guess: false}", "`strategies`: unknown strategy 'guess'"),
        ("reverse: 1", "`reverse`: expected true or false, got 1"),
        ("language: 42", "`language`: expected a string, got int 42"),
    ],
)
def test_each_key_a_note_sets_warns_about_a_value_it_cannot_use(
    tmp_path: Path, front: str, warning: str
) -> None:
    """The deck is written (exit code 0) as if the key were not there: the default deck name
    (the folder and title), the folder's tag, every card."""
    notes = tmp_path / "notes"
    write(notes / "os" / "threads.md", f"---\n{front}\n---\n" + NOTE)
    result = run(["build", "notes", "-o", "out"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"notes/os/threads.md:2: warning: notedeck ignores front matter {warning}"
        + result.stderr.split(warning, 1)[1].splitlines()[0]
    ]
    assert IGNORED in result.stderr and "Traceback" not in result.stderr
    assert [p.name for p in (tmp_path / "out").glob("*.apkg")] == ["OS.apkg"]
    cards = imported(tmp_path / "out" / "OS.apkg", tmp_path / "anki")
    assert sorted(c.fields["Term"] for c in cards) == ["Mutex", "Thread"]
    assert {c.deck for c in cards} == {"OS::Threads"}
    assert all("os" in c.tags for c in cards)


@pytest.mark.parametrize(
    ("front", "deck", "tags"),
    [
        ("deck: 2024\ntags: 3", "2024", "3"),  # numbers where text is expected are text
        ("deck: Mine\ntags: machine learning, exam", "Mine", "exam"),
        ("aliases: Thread\ntags: [a, 7]", "OS::Threads", "7"),  # one alias, Obsidian's way
        ("language:\nreverse:\nstrategies:", "OS::Threads", "os"),  # empty: as if unwritten
    ],
)
def test_values_a_user_means_are_used_without_a_warning(
    tmp_path: Path, front: str, deck: str, tags: str
) -> None:
    notes = tmp_path / "notes"
    write(notes / "os" / "threads.md", f"---\n{front}\n---\n" + NOTE)
    result = run(["build", "notes", "-o", "out"], tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    (apkg,) = (tmp_path / "out").glob("*.apkg")
    cards = imported(apkg, tmp_path / "anki")
    assert {c.deck for c in cards} == {deck}
    assert all(tags in c.tags for c in cards)


def test_a_bad_value_in_the_config_file_stays_an_error(tmp_path: Path) -> None:
    """notedeck.toml holds notedeck's settings alone: a value it cannot use there is a mistake,
    and nothing is built."""
    _notes(tmp_path, 'language = "javascript"\n')
    result = run(["build", "notes", "-o", "out"], tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("notes/notedeck.toml:1: error: bad value for `language`")
    assert not (tmp_path / "out").exists()


def test_template_config_is_valid_and_documents_every_key(tmp_path: Path) -> None:
    text = template_toml()
    for name in KEYS:
        assert f"# {name} = " in text
    uncommented = "\n".join(
        line[2:] if re.match(r"# [a-z_]+ = ", line) else line for line in text.splitlines()
    )
    notes = _notes(tmp_path, uncommented)
    options, _ = resolve([str(notes)])
    assert options == BuildOptions(out=notes / "dist")


def test_config_keys_shape_the_deck_in_anki(tmp_path: Path) -> None:
    config = (
        '[tool.notedeck]\ndeck = "{folder}::{title}"\ntags = ["cs", "os"]\n'
        'strategies = { list-term = false }\nreverse = true\nlanguage = "en"\nout = "decks"\n'
    )
    write(tmp_path / "pyproject.toml", config)
    write(tmp_path / "notes" / "os" / "threads.md", NOTE)
    write(tmp_path / "notes" / "plain.md", "---\ndeck: Mine\nreverse: false\n---\n" + NOTE)
    assert main(["build", str(tmp_path / "notes")]) == 0
    decks = sorted(p.name for p in (tmp_path / "decks").glob("*.apkg"))
    assert decks == ["Mine.apkg", "OS.apkg"]

    os_cards = imported(tmp_path / "decks" / "OS.apkg", tmp_path / "anki-os")
    # list-term is off: Mutex is no card of its own; reverse doubles the two heading cards.
    assert sorted({c.fields["Term"] for c in os_cards}) == [
        '<span lang="en">Locks</span>',
        '<span lang="en">Thread</span>',
    ]
    assert len(os_cards) == 4
    assert {c.deck for c in os_cards} == {"OS::Threads"}
    # config tags first (the folder tag `os` is the same tag), then the section path
    assert all(c.tags[:2] == ["cs", "os"] for c in os_cards)
    assert {tag for c in os_cards for tag in c.tags[2:]} <= {"Threads::Locks", "Threads::Thread"}
    assert all('<div lang="en">' in c.fields["Definition"] for c in os_cards)

    mine = imported(tmp_path / "decks" / "Mine.apkg", tmp_path / "anki-mine")
    assert len(mine) == 2  # front matter switched reverse off for this note
    assert {c.deck for c in mine} == {"Mine"}


def test_pyproject_errors_point_into_the_tool_table(tmp_path: Path) -> None:
    text = '[project]\nname = "x"\nversion = "1"\n\n[tool.notedeck]\nname = "deck"\n'
    write(tmp_path / "pyproject.toml", text)
    write(tmp_path / "cards" / "a.md", NOTE)
    with pytest.raises(ConfigError) as info:
        resolve([str(tmp_path / "cards")])
    assert info.value.loc is not None and info.value.loc.line == 6
    assert info.value.message == "unknown key `name`"
