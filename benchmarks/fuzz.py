"""Fuzz the note pipeline: generated Markdown-ish notes (Korean included, every encoding,
random byte damage) through read → parse → extract → render.

Not part of the test run. Any exception other than NotedeckError is a crash; so is a card
with an empty term or definition, or active content in a rendered field. Crashing inputs are
saved under benchmarks/.work/fuzz-crashes/ for a regression test.

    python benchmarks/fuzz.py --count 100000 --jobs 2
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import random
import re
import sys
import tempfile
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from html_safety import active_content

from generator.build import build
from generator.model import NotedeckError, NoteFault
from generator.notes import NoteFile
from generator.options import BuildOptions
from generator.read import read_text
from generator.render import basic_fields
from generator.workers import FAULT, understand

CRASHES = Path(__file__).resolve().parent / ".work" / "fuzz-crashes"

WORDS = [
    "Docker", "이미지", "컨테이너", "가상 머신", "Hypervisor", "VM", "JVM", "운영체제", "정의",
    "Term", "Image", "Kernel", "네트워크", "프로세스", "출처", "참고", "Sources", "also called",
    "이라고도 함", "라고도 한다", "a.k.a.", "2019.03.14", "v1.2", "Q", "A", "{{c1::답}}",
    "==강조==", "$x^2$", "$$", "::", ":", "：", "-", "—", "|", "`code`", "**", "*", "_", "~~",
    "[", "]", "(", ")", "![", "![[", "]]", "<", ">", "&amp;", "\\", "#", "\t", "😀", "\u200b",
    "\ufeff", "\u2028", "ﾟ", "ㄱ", "\U0001f600", "é", "ß",
]  # fmt: skip
LINES = [
    "# {w}", "## {w}", "### {w}({w}, {w})", "#### {w} ?", "###### {w} 비교", "- **{w}**",
    "  - {w} {w}", "    - {w}: {w}", "- {w}: {w}", "{w} - {w}", "**{w}**: {w}", "{w} : {w}",
    "{w}", ": {w}", "| {w} | {w} |", "|---|---|", "| {w} |", "> {w}", "> - **{w}**", "1. {w}",
    "```", "```python", "``` ", "~~~", "    {w}", "<div>{w}", "</div>", "<!-- {w} -->",
    "<h2>{w}</h2>", "<details><summary>{w}?</summary>", "</details>", "**Q1. {w}?**",
    "### DS-00{w}",
    "<script>{w}</script>",
    "<img src=x onerror=alert(1)>", "[{w}](javascript:alert(1))", "![{w}](../../etc/passwd)",
    "![{w}](file:///etc/passwd)", "![[{w}.png|{w}]]", "*출처: [{w}](https://example.com/{w})*",
    "Q: {w}?", "A: {w}", "{w} :: {w}", "---", "***", "", "", "$$", "\\[{w}\\]", "[^1]: {w}",
    "[{w}]: https://example.com", "<svg><script>alert(1)</script></svg>", "- [ ] {w}",
    "{w}<br>{w}", "  {w}  ", "\t- {w}", "-", "#", ">", "|", "<", "*", "- - - {w}",
]  # fmt: skip
FRONT_MATTER = [
    "title: {w}", "title: [{w}]", "title: null", "title: 12", "deck: {w}", 'deck: "{w}::{w}"',
    "deck: ../{w}", "id: {w}", "id: [{w}]", "aliases: [{w}, {w}]", "aliases: {w}",
    "tags: {w}", "tags: [{w}, {w} {w}]", "tags: {{a: {w}}}", "tags: [[{w}]]", "tags: 3.5",
    "{w}: {w}", "- {w}", "date: 2024-13-45", "x: &a [*a]", "x: !!binary {w}", "  {w}: [",
    "deck: '{w}\x00'", 'deck: "\\u0000{w}"', "tags: ~", "? [{w}]\n: x", "{w}",
]  # fmt: skip
ENCODINGS = ["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "cp949", "utf-32"]


def generate(rng: random.Random) -> bytes:
    """One note: front matter sometimes, lines from the templates, nested at random, then
    encoded and sometimes damaged."""
    lines: list[str] = []
    if rng.random() < 0.3:
        lines.append("---")
        for _ in range(rng.randint(0, 5)):
            template = rng.choice(FRONT_MATTER)
            lines.append(re.sub(r"\{w\}", lambda _m: rng.choice(WORDS), template))
        if rng.random() < 0.95:
            lines.append(rng.choice(["---", "...", "----"]))
    for _ in range(rng.randint(0, 40)):
        template = rng.choice(LINES)
        line = re.sub(r"\{w\}", lambda _m: rng.choice(WORDS), template)
        if rng.random() < 0.15:
            line = "  " * rng.randint(0, 30) + line
        if rng.random() < 0.05:
            line = line * rng.randint(2, 200)
        lines.append(line)
    if rng.random() < 0.05:  # deep nesting: lists, quotes or both, hundreds of levels
        depth = rng.randint(50, 400)
        unit = rng.choice(["> ", "- ", "1. ", "> - ", "* > "])
        lines.append(unit * depth + rng.choice(WORDS))
    if rng.random() < 0.05:
        lines = [_scramble(rng, line) for line in lines]
    if rng.random() < 0.1:
        lines.insert(rng.randint(0, len(lines)), _random_text(rng))
    text = rng.choice(["\n", "\n", "\r\n", "\r"]).join(lines)
    encoding = rng.choice(ENCODINGS)
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    if rng.random() < 0.1 and data:
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 5)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        data = bytes(damaged)
    return data


def _random_text(rng: random.Random) -> str:
    """Code points from every plane, ASCII punctuation weighted up."""
    chars = []
    for _ in range(rng.randint(1, 200)):
        pick = rng.random()
        if pick < 0.5:
            chars.append(rng.choice("[]()!*_`<>#|:-=~$\\/&;\"' \t\n"))
        elif pick < 0.8:
            chars.append(chr(rng.randint(0xAC00, 0xD7A3)))
        else:
            code = rng.randint(0, 0x10FFFF)
            chars.append(chr(code) if not 0xD800 <= code <= 0xDFFF else "?")
    return "".join(chars)


def _scramble(rng: random.Random, line: str) -> str:
    chars = list(line)
    rng.shuffle(chars)
    return "".join(chars)


def check(data: bytes) -> str | None:
    """None when the pipeline handles `data`; otherwise what went wrong."""
    try:
        source = read_text(data, "fuzz.md")
        note = NoteFile(Path("/fuzz/fuzz.md"), Path("/fuzz"), "fuzz.md")
        _, _, extracted = understand(note, source, BuildOptions())
        for card in extracted.cards:
            if not card.term.strip() or not card.definition_md.strip():
                return f"empty term or definition: {card!r}"
            for name, value in basic_fields(card, extracted.info.title, None).items():
                if active_content(value):
                    return f"active content in {name}: {active_content(value)} {value[:200]!r}"
    except NoteFault as fault:  # a crash the build would report as the note's error
        return "".join(traceback.format_exception(fault.__cause__ or fault))
    except NotedeckError:
        return None
    except Exception:
        return traceback.format_exc()
    return None


def check_build(data: bytes) -> str | None:
    """The whole build, package included, for one note in a scratch folder."""
    with tempfile.TemporaryDirectory(prefix="notedeck-fuzz-") as scratch:
        notes = Path(scratch) / "notes"
        notes.mkdir()
        (notes / "fuzz.md").write_bytes(data)
        try:
            report = build([str(notes)], BuildOptions(out=Path(scratch) / "out"))
        except NotedeckError:
            return None
        except Exception:
            return traceback.format_exc()
        faults = [str(d) for d in report.diagnostics if FAULT in d.message]
        if faults:  # a crash the build caught and reported as the note's error
            return "\n".join(faults)
    return None


def work(args: tuple[int, int, int]) -> tuple[int, list[tuple[bytes, str]], float]:
    seed, count, build_every = args
    rng = random.Random(seed)
    crashes: list[tuple[bytes, str]] = []
    slowest = 0.0
    for index in range(count):
        data = generate(rng)
        start = time.perf_counter()
        problem = check(data)
        if problem is None and build_every and index % build_every == 0:
            problem = check_build(data)
        slowest = max(slowest, time.perf_counter() - start)
        if problem is not None:
            crashes.append((data, problem))
    return count, crashes, slowest


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100_000, help="inputs to generate")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    parser.add_argument("--seed", type=int, default=1, help="first seed")
    parser.add_argument(
        "--build-every", type=int, default=20, help="also run the whole build on every Nth input"
    )
    args = parser.parse_args()
    batch = 1000
    tasks = [
        (args.seed + i, min(batch, args.count - i * batch), args.build_every)
        for i in range(-(-args.count // batch))
    ]
    done, crashes, slowest = 0, 0, 0.0
    started = time.time()
    with multiprocessing.Pool(args.jobs) as pool:
        for count, found, slow in pool.imap_unordered(work, tasks):
            done += count
            slowest = max(slowest, slow)
            for data, problem in found:
                crashes += 1
                CRASHES.mkdir(parents=True, exist_ok=True)
                name = hashlib.sha256(data).hexdigest()[:16]
                (CRASHES / f"{name}.md").write_bytes(data)
                (CRASHES / f"{name}.txt").write_text(problem, encoding="utf-8")
                print(f"crash {name}: {problem.strip().splitlines()[-1]}", flush=True)
            if done % 10_000 < batch:
                print(
                    f"{done} inputs, {crashes} crash(es), {time.time() - started:.0f} s", flush=True
                )
    print(f"done: {done} inputs, {crashes} crash(es), slowest input {slowest:.2f} s, "
          f"{time.time() - started:.0f} s in all")  # fmt: skip
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
