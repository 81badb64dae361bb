"""The command line as a user meets it: every command through the real entry point."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import ROOT, imported, run, write

from generator import __version__
from generator.cli import COMMANDS, main
from generator.cliparser import EXAMPLES

NOTE = """# Networking

## TCP

- A reliable, ordered byte stream between two hosts

## UDP

- Datagrams with no delivery guarantee
"""
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_every_command_help_has_a_summary_and_an_example(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--help"]) == 0
    top = capsys.readouterr().out
    assert "example" in top and "exit codes" in top
    for name in COMMANDS:
        assert f"  {name} " in top, f"{name} missing from the command list"
        assert main([name, "--help"]) == 0
        text = capsys.readouterr().out
        assert f"usage: notedeck {name}" in text
        description = text.split("\n\n")[1]
        assert description.strip() and "\n" not in description.strip(), description
        assert EXAMPLES[name] in text
        assert re.search(rf"example: notedeck {name}\b", text)


def test_version_through_python_m(tmp_path: Path) -> None:
    result = run(["--version"], tmp_path)
    assert result.returncode == 0
    assert result.stdout.strip() == f"notedeck {__version__}"


@pytest.mark.parametrize(
    "argv",
    [["frobnicate"], ["build", "--bogus"], ["list", "--json=yes"], ["check", "-q", "-v"],
     ["init", "a", "b"], ["build", "-o"]],
)  # fmt: skip
def test_bad_arguments_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "usage: notedeck" in err and "error:" in err
    assert "Traceback" not in err


def test_bare_notedeck_shows_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: notedeck")
    assert all(f"  {name} " in err for name in COMMANDS)


def test_bad_arguments_exit_2_through_python_m(tmp_path: Path) -> None:
    result = run(["build", "--no-such-flag"], tmp_path)
    assert result.returncode == 2
    assert "unrecognized arguments: --no-such-flag" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", ["build", "list", "check"])
def test_a_missing_path_is_a_usage_error(tmp_path: Path, command: str) -> None:
    result = run([command, "no-such-notes"], tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "notedeck: error: no-such-notes: no such file or folder (check the path)"
    )


def test_init_then_build_then_import(tmp_path: Path) -> None:
    result = run(["init", "notes"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "notedeck build notes" in result.stdout and "Import" in result.stdout
    assert sorted(p.name for p in (tmp_path / "notes").iterdir()) == [
        "example.md",
        "notedeck.toml",
    ]
    again = run(["init", "notes"], tmp_path)
    assert again.returncode == 1
    assert "never overwrites" in again.stderr

    assert run(["check", "notes"], tmp_path).returncode == 0
    built = run(["build", "notes", "-o", "out"], tmp_path)
    assert built.returncode == 0, built.stderr
    assert "Built 1 deck(s), 4 card(s)" in built.stdout
    got = imported(tmp_path / "out" / "Operating-Systems.apkg", tmp_path / "anki")
    # `Synchronisation` names its two terms: its answer is their names, each has its own card.
    assert [c.fields["Term"] for c in got] == ["Process", "Synchronisation", "Mutex", "Semaphore"]
    assert {c.deck for c in got} == {"Operating Systems"}


def test_list_through_python_m(tmp_path: Path) -> None:
    write(tmp_path / "notes" / "net.md", NOTE)
    result = run(["list", "notes", "--json"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert [c["term"] for c in json.loads(result.stdout)] == ["TCP", "UDP"]
    table = run(["list", "notes"], tmp_path)
    assert table.stdout.splitlines() == [
        "notes/net.md:3: TCP — TCP [heading]",
        "notes/net.md:7: UDP — UDP [heading]",
        "2 card(s)",
    ]


def test_quiet_and_verbose(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes"
    write(notes / "net.md", NOTE)
    write(notes / "notedeck.toml", 'tags = ["net"]\n')
    out = tmp_path / "out"
    assert main(["-q", "build", str(notes), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""
    assert main(["build", str(notes), "-o", str(out), "--verbose"]) == 0
    captured = capsys.readouterr()
    assert f"config: {notes / 'notedeck.toml'}" in captured.err
    assert "Networking.apkg: 2 card(s)" in captured.err
    assert "Decks" in captured.out and "Time" in captured.out
    got = imported(out / "Networking.apkg", tmp_path / "anki")
    assert [(c.fields["Term"], c.tags) for c in got] == [
        ("TCP", ["net", "Networking::TCP"]),
        ("UDP", ["net", "Networking::UDP"]),
    ]


def test_the_summary_counts_what_was_written_and_names_what_was_not(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A deck with a broken note is not written; its cards were counted as built, and -v paired
    the written file with the unwritten deck's count."""
    notes = tmp_path / "notes"
    write(notes / "bad" / "card.md", "---\ntags: [x\n---\n\n## Packet\n\n- a unit of data\n")
    write(notes / "bad" / "net.md", NOTE)
    write(notes / "good" / "os.md", "# OS\n\n## Mutex\n\n- a lock one thread holds\n")
    out = tmp_path / "out"
    assert main(["build", str(notes), "-o", str(out), "--verbose"]) == 1
    captured = capsys.readouterr()
    assert [p.name for p in out.glob("*.apkg")] == ["Good.apkg"]
    assert len(imported(out / "Good.apkg", tmp_path / "anki")) == 1
    assert captured.out.splitlines()[-1].startswith(
        "Built 1 deck(s), 1 card(s), 0 media file(s), 1 warning(s) in "
    )
    assert captured.out.splitlines()[-1].endswith(f"→ {out}/Good.apkg; 1 deck(s) not written (Bad)")
    assert re.search(r"Not written +│ +1 ", captured.out)
    assert f"{out}/Bad.apkg not written: a note of deck 'Bad' has errors" in captured.err
    assert f"{out}/Good.apkg: 1 card(s), 0 media file(s)" in captured.err


def test_config_with_an_unknown_key_is_a_usage_error(tmp_path: Path) -> None:
    write(tmp_path / "notes" / "net.md", NOTE)
    write(tmp_path / "notes" / "notedeck.toml", 'deck = "{title}"\ncolour = "red"\n')
    for command in ("build", "list", "check"):
        result = run([command, "notes"], tmp_path)
        assert result.returncode == 2, command
        assert result.stderr.startswith(
            "notes/notedeck.toml:2: error: unknown key `colour` (known keys: deck,"
        ), result.stderr
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "dist").exists()


def test_a_note_that_is_not_utf8(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    write(notes / "good.md", NOTE)
    (notes / "bad.md").write_bytes(b"# Bad\n\n## Latency\n\n- caf\x80 \x80\n")
    built = run(["build", "notes", "-o", "out"], tmp_path)
    assert built.returncode == 1
    assert built.stderr.splitlines() == [
        "notes/bad.md:5: error: cannot decode: byte 0x80 is neither UTF-8 nor CP949/EUC-KR"
        " (save the note as UTF-8)"
    ]
    got = imported(tmp_path / "out" / "Networking.apkg", tmp_path / "anki")
    assert [c.fields["Term"] for c in got] == ["TCP", "UDP"]  # the other note still builds
    checked = run(["check", "notes"], tmp_path)
    assert checked.returncode == 1
    assert checked.stdout.splitlines() == [
        "notes/bad.md:5: error: cannot decode: byte 0x80 is neither UTF-8 nor CP949/EUC-KR"
        " (save the note as UTF-8)"
    ]
    listed = run(["list", "notes", "--json"], tmp_path)
    assert listed.returncode == 1
    assert [c["term"] for c in json.loads(listed.stdout)] == ["TCP", "UDP"]


def _in_terminal(args: list[str], cwd: Path, env: dict[str, str]) -> str:
    """Run the CLI with stdout and stderr on a pseudo-terminal; everything it printed."""
    leader, follower = pty.openpty()
    full_env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    full_env.update(env, PYTHONPATH=str(ROOT), TERM="xterm")
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd, env=full_env, stdout=follower, stderr=follower, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(follower)
    chunks: list[bytes] = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks).decode("utf-8")


def test_colour_only_on_terminals_and_never_with_no_color(tmp_path: Path) -> None:
    write(tmp_path / "notes" / "net.md", NOTE + "\n## Empty\n")
    expected = "notes/net.md:11: warning: heading `Empty` makes no cards"
    coloured = _in_terminal(["check", "notes"], tmp_path, {})
    assert "\x1b[1;33mwarning:\x1b[0m" in coloured
    assert expected in ANSI.sub("", coloured)
    plain = _in_terminal(["check", "notes"], tmp_path, {"NO_COLOR": "1"})
    assert "\x1b[" not in plain and expected in plain
    piped = run(["check", "notes"], tmp_path)
    assert "\x1b[" not in piped.stdout and expected in piped.stdout


def test_no_traceback_for_broken_front_matter(tmp_path: Path) -> None:
    write(tmp_path / "notes" / "net.md", "---\ntitle: [unclosed\n---\n" + NOTE)
    result = run(["list", "notes"], tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("notes/net.md:")
    assert "broken front matter" in result.stderr and "Traceback" not in result.stderr
