from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture
def repo_root() -> Path:
    return ROOT


@pytest.fixture
def private_key_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The build cache's signing key lives in a per-test cache home, not the user's."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))


@pytest.fixture
def parse_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The notes actually parsed in this process (their first 40 characters)."""
    from generator import workers

    calls: list[str] = []
    real = workers.parse

    def spy(text: str, front_title: str = "") -> object:
        calls.append(text[:40])
        return real(text, front_title)

    monkeypatch.setattr(workers, "parse", spy)
    return calls


@pytest.fixture(autouse=True)
def _fixed_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    """Builds in tests are reproducible unless a test says otherwise."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


@pytest.fixture(autouse=True)
def _no_internet(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never reach the internet: only loopback names resolve, and no proxy is used
    (servers a test starts listen on 127.0.0.1)."""
    import socket

    real = socket.getaddrinfo
    loopback = {"127.0.0.1", "localhost", "::1", "0.0.0.0", ""}

    def guarded(host: object, *args: object, **kwargs: object) -> object:
        if host is not None and str(host) not in loopback:
            raise socket.gaierror(f"tests never reach the internet (lookup of {host})")
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", guarded)
    for name in ("no_proxy", "NO_PROXY"):
        monkeypatch.setenv(name, "*")


def _folders(top: Path) -> dict[str, int]:
    return {folder: os.stat(folder).st_mtime_ns for folder, _, _ in os.walk(top)}


def _files(top: Path) -> dict[str, tuple[int, int]]:
    found: dict[str, tuple[int, int]] = {}
    for folder, _, names in os.walk(top):
        for name in names:
            stat = os.stat(os.path.join(folder, name))
            found[os.path.join(folder, name)] = (stat.st_mtime_ns, stat.st_size)
    return found


def _changes(before: dict[str, object], after: dict[str, object]) -> list[str]:
    return sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))


_at_start: dict[str, tuple[int, int]] = {}


def pytest_sessionstart(session: pytest.Session) -> None:
    _at_start.update(_files(FIXTURES))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """A test run writes nothing into the repository's fixtures: no cache, no lock file, no
    rewritten note (checked file by file once, at the end of the run)."""
    changed = _changes(_at_start, _files(FIXTURES))  # type: ignore[arg-type]
    if changed:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line(f"the test run changed files under tests/fixtures: {changed}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(autouse=True)
def _fixture_folders_untouched() -> Iterator[None]:
    """The test that adds, removes or replaces a file under tests/fixtures fails by name (a
    folder's mtime changes with each of these; cheap enough to check around every test)."""
    before = _folders(FIXTURES)
    yield
    changed = _changes(before, _folders(FIXTURES))  # type: ignore[arg-type]
    assert not changed, f"this test wrote into tests/fixtures: {changed}"
