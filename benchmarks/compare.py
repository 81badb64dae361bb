"""Two versions of notedeck on the same vault, their builds alternating, so both see the same
load from whatever else the machine runs: full build, no change and one change, wall and CPU.

    python benchmarks/compare.py BEFORE_REV [--notes 2000] [--runs 2]

BEFORE_REV is a git revision; its `generator/` package is exported into benchmarks/.work and
run from there. The current checkout is the other side. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_corpus import generate  # noqa: E402
from run import ROOT, WORK, edit_one_note, measure  # noqa: E402


def export(rev: str) -> Path:
    target = WORK / f"rev-{rev}"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", rev, "generator"], capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    return target


def build(source: Path, corpus: Path, out: Path) -> dict[str, float]:
    # Run from the source folder: `python -m` puts the working folder first on the path.
    command = [
        "env",
        "-C",
        str(source),
        f"PYTHONPATH={source}",
        sys.executable,
        "-m",
        "generator",
        "build",
        str(corpus),
        "-o",
        str(out),
    ]
    sample = measure(command)
    return {"wall": float(sample["wall"]), "cpu": float(sample["cpu"])}  # type: ignore[arg-type]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before")
    parser.add_argument("--notes", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    sides = {"before": export(args.before), "after": ROOT}
    results: dict[tuple[str, str], list[dict[str, float]]] = {}
    for name in sides:
        corpus = WORK / f"compare-{name}" / "notes"
        shutil.rmtree(corpus.parent, ignore_errors=True)
        generate(corpus, args.notes, 20, seed=1)
    for run in range(args.runs):
        for name, source in sides.items():
            corpus = WORK / f"compare-{name}" / "notes"
            out = corpus.parent / "out"
            shutil.rmtree(corpus / ".notedeck-cache", ignore_errors=True)
            shutil.rmtree(out, ignore_errors=True)
            for kind in ("full", "no change", "one change"):
                if kind == "one change":
                    edit_one_note(corpus, run)
                sample = build(source, corpus, out)
                results.setdefault((name, kind), []).append(sample)
                print(f"  {name} {kind}: {sample['wall']:.2f} s, CPU {sample['cpu']:.2f} s")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\n{args.notes:,} notes, {args.runs} run(s) each, alternating; load average {load}\n")
    print("| version | full s | full CPU s | no change s | one change s | none/full | one/full |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name in sides:
        full, none, one = (results[(name, k)] for k in ("full", "no change", "one change"))
        med = {k: statistics.median(s["wall"] for s in v) for k, v in
               {"full": full, "none": none, "one": one}.items()}  # fmt: skip
        cpu = statistics.median(s["cpu"] for s in full)
        print(
            f"| {name} | {med['full']:.2f} | {cpu:.1f} | {med['none']:.2f} | {med['one']:.2f} "
            f"| {med['none'] / med['full']:.1%} | {med['one'] / med['full']:.1%} |"
        )
    for name in sides:
        shutil.rmtree(WORK / f"compare-{name}", ignore_errors=True)


if __name__ == "__main__":
    main()
