"""Headless Debian chromium for the browser tests, driven by playwright (never a downloaded
browser). Chromium missing is a failure, so CI cannot pass without these tests; set
NOTEDECK_SKIP_BROWSER=1 to skip them on purpose."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
ARTIFACTS = Path(__file__).resolve().parent / ".artifacts"


@contextmanager
def chromium() -> Iterator[Any]:
    if os.environ.get("NOTEDECK_SKIP_BROWSER") == "1":
        pytest.skip("NOTEDECK_SKIP_BROWSER=1: browser tests skipped on request")
    if not Path(CHROMIUM).is_file():
        pytest.fail(
            f"{CHROMIUM} not found: install Debian's browser and a Korean font with "
            "`apt-get install -y --no-install-recommends chromium fonts-noto-cjk` "
            "(or set NOTEDECK_SKIP_BROWSER=1 to skip the browser tests)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def rgb(value: str) -> tuple[float, ...]:
    return tuple(float(v) for v in re.findall(r"[\d.]+", value)[:3])


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two CSS `rgb(...)` colours."""

    def luminance(colour: tuple[float, ...]) -> float:
        c = [v / 255 for v in colour]
        c = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in c]
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]

    hi, lo = sorted((luminance(rgb(a)), luminance(rgb(b))), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def platform_fonts(page: Any, selector: str) -> list[str]:
    """The font faces chromium really used for the text of the first element matching."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return [str(f["familyName"]) for f in fonts]


def is_serif(family: str) -> bool:
    return "serif" in family.lower() and "sans" not in family.lower()


def keep(folder: Path, *names: str) -> None:
    """Copy screenshots to tests/.artifacts/ where they outlive pytest's temp folders."""
    ARTIFACTS.mkdir(exist_ok=True)
    for name in names:
        assert (folder / name).stat().st_size > 5_000
        shutil.copyfile(folder / name, ARTIFACTS / name)
