"""The browser tests' set-up: a missing chromium fails loudly unless skipping was asked for."""

from __future__ import annotations

from pathlib import Path

import browser_helpers
import pytest


def test_missing_chromium_fails_with_the_install_command(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("NOTEDECK_SKIP_BROWSER", raising=False)
    monkeypatch.setattr(browser_helpers, "CHROMIUM", str(tmp_path / "no-chromium"))
    expected = r"apt-get install .* chromium fonts-noto-cjk"
    with pytest.raises(pytest.fail.Exception, match=expected), browser_helpers.chromium():
        pass


def test_skipping_is_explicit(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NOTEDECK_SKIP_BROWSER", "1")
    monkeypatch.setattr(browser_helpers, "CHROMIUM", str(tmp_path / "no-chromium"))
    with (
        pytest.raises(pytest.skip.Exception, match="NOTEDECK_SKIP_BROWSER=1"),
        browser_helpers.chromium(),
    ):
        pass
