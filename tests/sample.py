"""The sample notes (`cards/`) and the fixture note folders, copied once per test run.

A build writes `notedeck.lock` beside the notes, so tests build these copies and never write
into the repository.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

REPO_CARDS = Path(__file__).resolve().parent.parent / "cards"
_COPY = Path(tempfile.mkdtemp(prefix="notedeck-sample-"))
atexit.register(shutil.rmtree, _COPY, True)
CARDS = _COPY / "cards"
shutil.copytree(REPO_CARDS, CARDS)
DOCKER = CARDS / "docker-basics.md"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
RICH = _COPY / "rich"
HOSTILE = _COPY / "hostile"
shutil.copytree(FIXTURES / "rich", RICH)
shutil.copytree(FIXTURES / "hostile", HOSTILE)
