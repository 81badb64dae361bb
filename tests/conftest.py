from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture
def repo_root() -> Path:
    return ROOT


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
