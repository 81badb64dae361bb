"""`make bench`: time notedeck on generated vaults of several sizes and write results.md.

For each size: full builds (cold: no cache, no previous output), rebuilds after changing one
note, and rebuilds with nothing changed, each over several runs (median, min, max), with the
peak memory of the largest process and the CPU time of the whole build. When ankdown can be
installed from PyPI into a side venv, the same cards in its syntax are built side by side.

    python benchmarks/run.py [--sizes 200,2000] [--with-20000] [--runs 3] [--no-ankdown]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import queue
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
import venv
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / ".work"
sys.path.insert(0, str(HERE))

from make_corpus import generate  # noqa: E402

# Runs one command and reports its wall time, the CPU time of it and every process it
# started, and the peak resident memory of the largest of them.
_MEASURE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
                  "rss_kb": usage.ru_maxrss, "code": done.returncode,
                  "out": done.stdout[:2000], "err": done.stderr[-2000:]}))
"""


@dataclass
class Runs:
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    rss_mb: list[float] = field(default_factory=list)

    def add(self, sample: dict[str, float]) -> None:
        self.wall.append(sample["wall"])
        self.cpu.append(sample["cpu"])
        self.rss_mb.append(sample["rss_kb"] / 1024)

    def median(self) -> float:
        return statistics.median(self.wall) if self.wall else float("nan")

    def cell(self) -> str:
        if not self.wall:
            return "—"
        return f"{self.median():.2f} ({min(self.wall):.2f}–{max(self.wall):.2f})"


def measure(cmd: list[str]) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, *cmd], capture_output=True, text=True, check=True
    )
    sample: dict[str, object] = json.loads(done.stdout)
    if sample["code"] != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{sample['out']}\n{sample['err']}")
    return sample


def notedeck_cmd(corpus: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "generator", "build", str(corpus), "-o", str(out)]


def edit_one_note(corpus: Path, run: int) -> None:
    """Change one definition line of one note, as a learner fixing a typo would."""
    notes = sorted(corpus.rglob("*.md"))
    note = notes[(len(notes) // 2 + run) % len(notes)]
    lines = note.read_text("utf-8").split("\n")
    for i, line in enumerate(lines):
        if re.match(r"^\s*- (?!\d{4})(?!\*\*)(?!\[)", line):
            lines[i] = f"{line} (edit {run})"
            break
    note.write_text("\n".join(lines), "utf-8")


def watching(corpus: Path, out: Path, runs: int) -> list[float]:
    """`notedeck build --watch` kept running while one note is edited `runs` times: the time
    of each rebuild as it reports it (`Rebuilt in 0.12 s`), from the change being noticed to
    the deck written. Noticing takes up to 0.6 s more (polling and debounce, by design)."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    cmd = [*notedeck_cmd(corpus, out), "--watch"]
    process = subprocess.Popen(
        cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    lines: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line)

    def until(prefix: str) -> str:
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            try:
                line = lines.get(timeout=1)
            except queue.Empty:
                if process.poll() is not None:
                    break
                continue
            if line.startswith(prefix):
                return line
        raise SystemExit(f"--watch printed no {prefix!r} line")

    threading.Thread(target=pump, daemon=True).start()
    times: list[float] = []
    try:
        until("Watching")
        for run in range(runs):
            edit_one_note(corpus, 100 + run)
            found = re.match(r"Rebuilt in ([\d.]+) s", until("Rebuilt in"))
            times.append(float(found.group(1)) if found else float("nan"))
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=60)
    return times


@dataclass
class SizeResult:
    notes: int
    cards: int = 0
    decks: int = 0
    chars: int = 0
    full: Runs = field(default_factory=Runs)
    one: Runs = field(default_factory=Runs)
    none: Runs = field(default_factory=Runs)
    ankdown: Runs = field(default_factory=Runs)
    floor: Runs = field(default_factory=Runs)  # markdown-it-py parse + genanki write only
    watched: list[float] = field(default_factory=list)  # one change, under --watch
    load: str = ""  # load average when this size was done


def ratio(top: Runs, bottom: Runs) -> float:
    """The median of the runs' own ratios (each pair measured back to back)."""
    pairs = [a / b for a, b in zip(top.wall, bottom.wall, strict=False) if b]
    return statistics.median(pairs) if pairs else float("nan")


def bench_size(notes: int, cards: int, runs: int, ankdown: Path | None) -> SizeResult:
    base = WORK / f"vault-{notes}"
    corpus, side, out = base / "notes", base / "ankdown", base / "out"
    shutil.rmtree(base, ignore_errors=True)
    generate(corpus, notes, cards, seed=1, ankdown=side)  # the copy floor.py writes from
    result = SizeResult(notes, chars=sum(len(p.read_text("utf-8")) for p in corpus.rglob("*.md")))
    cache = corpus / ".notedeck-cache"
    # Each run measures every kind of build back to back (and ankdown beside them), so the
    # ratios compare builds made under the same load on a shared machine.
    for run in range(runs):
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
        sample = measure(notedeck_cmd(corpus, out))
        result.full.add(sample)  # type: ignore[arg-type]
        found = re.search(r"(\d+) deck\(s\), (\d+) card\(s\)", str(sample["out"]))
        if found:
            result.decks, result.cards = int(found.group(1)), int(found.group(2))
        print(f"  {notes} notes: full build {sample['wall']:.2f} s", flush=True)
        if ankdown is not None:
            target = base / "ankdown.apkg"
            target.unlink(missing_ok=True)
            sample = measure([str(ankdown), "-r", str(side), "-p", str(target)])
            result.ankdown.add(sample)  # type: ignore[arg-type]
            print(f"  {notes} notes: ankdown {sample['wall']:.2f} s", flush=True)
        sample = measure(
            [sys.executable, str(HERE / "floor.py"), str(corpus), str(side), str(base / "floor")]
        )
        result.floor.add(sample)  # type: ignore[arg-type]
        print(f"  {notes} notes: floor {sample['wall']:.2f} s", flush=True)
        sample = measure(notedeck_cmd(corpus, out))
        result.none.add(sample)  # type: ignore[arg-type]
        print(f"  {notes} notes: no change {sample['wall']:.2f} s", flush=True)
        edit_one_note(corpus, run)
        sample = measure(notedeck_cmd(corpus, out))
        result.one.add(sample)  # type: ignore[arg-type]
        print(f"  {notes} notes: one change {sample['wall']:.2f} s", flush=True)
    result.watched = watching(corpus, out, runs)
    print(f"  {notes} notes: one change under --watch {result.watched} s", flush=True)
    result.load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    shutil.rmtree(base, ignore_errors=True)
    return result


def install_ankdown() -> tuple[Path | None, str]:
    """ankdown in a side venv (it pins its own genanki and needs misaka); None if it fails."""
    env = WORK / "ankdown-venv"
    exe = env / "bin" / "ankdown"
    if exe.exists():
        return exe, "installed"
    try:
        venv.create(env, with_pip=True, clear=True)
        subprocess.run(
            [str(env / "bin" / "python"), "-m", "pip", "install", "--quiet", "ankdown"],
            check=True,
            capture_output=True,
            text=True,
        )
    except (subprocess.CalledProcessError, OSError) as exc:
        detail = getattr(exc, "stderr", "") or str(exc)
        return None, f"not installable: {detail.strip().splitlines()[-1:]}"
    version = subprocess.run(
        [str(env / "bin" / "python"), "-m", "pip", "show", "ankdown"],
        capture_output=True,
        text=True,
    ).stdout
    found = re.search(r"Version: (\S+)", version)
    return exe, f"ankdown {found.group(1) if found else '?'} from PyPI"


def machine() -> str:
    cpu = platform.processor() or "?"
    try:
        info = Path("/proc/cpuinfo").read_text()
        found = re.search(r"model name\s*:\s*(.+)", info)
        cpu = found.group(1).strip() if found else cpu
        mem = re.search(r"MemTotal:\s*(\d+)", Path("/proc/meminfo").read_text())
        memory = f"{int(mem.group(1)) / 1024 / 1024:.1f} GB" if mem else "?"
    except OSError:
        memory = "?"
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} CPU(s), "
        f"{memory} RAM, Python {platform.python_version()}; load average at start: {load}"
    )


def report(results: list[SizeResult], runs: int, ankdown_note: str, host: str) -> str:
    lines = [
        "# notedeck benchmark",
        "",
        f"Machine: {host}.",
        "",
        "Generated vaults (`benchmarks/make_corpus.py`, seed 1): Korean and English notes, 20",
        "intended cards per note in every style (headings, bold list terms, `Term: meaning`,",
        "tables, definition lists, Q/A, code, local images, sources lists). Cards = what notedeck",
        "extracted. Times are wall seconds of the whole command (interpreter start included):",
        f"median (min–max) of {runs} run(s), one at 20,000 notes. Full = no cache and no previous",
        "output; one change = one definition line edited in one note; no change = the same build",
        "again. Peak = resident memory of the largest process; CPU = user + system time of all",
        "processes. Each run builds full, ankdown, no change and one change back to back; the",
        "ratios are the median of each run's own ratios, so load from other work on the machine",
        "weighs less on them than on the times.",
        f"ankdown: {ankdown_note}; it reads the same cards written in its own syntax.",
        "",
        "| notes | cards | decks | full build s | one change s | no change s | one/full"
        " | none/full | peak MB | CPU s (full) | ankdown s | ankdown peak MB | full/ankdown |",
        "|---:|---:|---:|---|---|---|---:|---:|---:|---:|---|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r.notes:,} | {r.cards:,} | {r.decks:,} | {r.full.cell()} | {r.one.cell()} "
            f"| {r.none.cell()} | {ratio(r.one, r.full):.1%} | {ratio(r.none, r.full):.1%} "
            f"| {max(r.full.rss_mb):.0f} | {statistics.median(r.full.cpu):.1f} "
            f"| {r.ankdown.cell()} "
            f"| {max(r.ankdown.rss_mb) if r.ankdown.rss_mb else float('nan'):.0f} "
            f"| {ratio(r.full, r.ankdown):.2f} |"
        )
    lines += [
        "",
        "One change while `notedeck build --watch` runs (interpreter and pipeline already",
        "loaded): the rebuild as the watcher reports it, from the change noticed to the deck",
        "written; noticing adds up to 0.6 s of polling and debounce.",
        "",
        "| notes | rebuild s | rebuild/full |",
        "|---:|---|---:|",
    ]
    for r in results:
        watched = Runs(wall=r.watched)
        share = watched.median() / r.full.median() if r.full.wall else float("nan")
        lines.append(f"| {r.notes:,} | {watched.cell()} | {share:.1%} |")
    lines += [
        "",
        "The floor: what any tool built on markdown-it-py and genanki must do for the same",
        "vault (`benchmarks/floor.py`): read and parse every note with markdown-it-py on every",
        "core, and write the same cards with genanki, with nothing found, rendered or bundled.",
        "The time under ankdown's that is left beside it is all a tool on these libraries has",
        "for finding, rendering and bundling every card.",
        "",
        "| notes | ankdown s | floor s | floor/ankdown | left for all other work, per card"
        " | notedeck full/floor |",
        "|---:|---|---|---:|---:|---:|",
    ]
    for r in results:
        left = (r.ankdown.median() - r.floor.median()) / r.cards * 1e6 if r.cards else 0.0
        spare = f"{left:.0f} µs" if left > 0 else "none"
        lines.append(
            f"| {r.notes:,} | {r.ankdown.cell()} | {r.floor.cell()} "
            f"| {ratio(r.floor, r.ankdown):.2f} | {spare} | {ratio(r.full, r.floor):.1f} |"
        )
    lines += ["", "Load average (1, 5, 15 min) when each size was done: "]
    lines[-1] += "; ".join(f"{r.notes:,} notes: {r.load}" for r in results) + "."
    if len(results) > 1:
        first, last = results[0], results[-1]
        scale = last.notes / first.notes
        lines += [
            "",
            f"Growth from {first.notes:,} to {last.notes:,} notes (x{scale:.0f}): full build "
            f"x{last.full.median() / first.full.median():.1f}, CPU "
            f"x{statistics.median(last.full.cpu) / statistics.median(first.full.cpu):.1f}, "
            f"peak memory x{max(last.full.rss_mb) / max(first.full.rss_mb):.1f}.",
        ]
    before = HERE / "before.md"
    if before.exists():  # the figures of an earlier version, kept for comparison
        lines += ["", "## Before", "", before.read_text("utf-8").strip()]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="200,2000", help="note counts (default: 200,2000)")
    parser.add_argument("--with-20000", action="store_true", help="also 20,000 notes (slow)")
    parser.add_argument("--cards", type=int, default=20, help="cards per note (default: 20)")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (default: 3)")
    parser.add_argument("--no-ankdown", action="store_true", help="skip the ankdown comparison")
    parser.add_argument("--out", type=Path, default=HERE / "results.md")
    args = parser.parse_args()
    os.chdir(ROOT)
    WORK.mkdir(exist_ok=True)
    host = machine()
    ankdown, note = (None, "skipped") if args.no_ankdown else install_ankdown()
    print(f"{host}\n{note}", flush=True)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if args.with_20000 and 20000 not in sizes:
        sizes.append(20000)
    results: list[SizeResult] = []
    text = ""
    for size in sizes:
        runs = args.runs if size < 20000 else 1  # one run of the largest vault is minutes
        results.append(bench_size(size, args.cards, runs, ankdown))
        text = report(results, args.runs, note, host)
        args.out.write_text(text, "utf-8")  # after every size: a long run keeps what it measured
    print(text)


if __name__ == "__main__":
    main()
