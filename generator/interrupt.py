"""Ctrl-C that is not lost.

Python raises KeyboardInterrupt in whatever Python code runs next after SIGINT arrives. When that
is a callback that native code calls and whose exceptions it ignores, the interrupt is printed
as "Exception ignored" and dropped: nh3 calls the sanitiser's attribute filter for every
attribute (and drops the attribute it was filtering), os.fork calls logging's at-fork hooks each
time a worker process starts. A watcher went on watching after such a Ctrl-C.

While the CLI runs a command (`noticed`), SIGINT still raises KeyboardInterrupt, and is also
remembered (`interrupted`), so a loop can stop even when the exception was lost; inside
`deferred` it is only remembered, and raised when the block ends.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Iterator
from types import FrameType

_seen = False  # SIGINT has arrived while `noticed` was in force


class _Deferred(threading.local):
    """A Ctrl-C during the block is raised when it ends. A class, not a generator: the
    sanitiser enters it once for every field of every card. Signal handlers run in the main
    thread, so only the main thread's blocks defer it."""

    depth = 0

    def __enter__(self) -> None:
        self.depth += 1

    def __exit__(self, kind: object, value: object, tb: object) -> None:
        self.depth -= 1
        if (
            _seen
            and not self.depth
            and not isinstance(value, KeyboardInterrupt)
            and threading.current_thread() is threading.main_thread()
        ):
            raise KeyboardInterrupt


deferred = _Deferred()


def _on_interrupt(signum: int, frame: FrameType | None) -> None:
    global _seen
    _seen = True
    if not deferred.depth:
        raise KeyboardInterrupt


def _forget() -> None:
    """A forked worker starts as any Python process does: SIGINT raises KeyboardInterrupt at
    once (it is forked inside `deferred`, whose depth it would otherwise keep for good)."""
    global _seen
    _seen = False
    deferred.depth = 0
    if signal.getsignal(signal.SIGINT) is _on_interrupt:
        signal.signal(signal.SIGINT, signal.default_int_handler)


os.register_at_fork(after_in_child=_forget)


@contextlib.contextmanager
def noticed() -> Iterator[None]:
    """SIGINT raises KeyboardInterrupt and is remembered, for the `with` block (only where
    Python's own handler is in place: not in a thread, nor when SIGINT is ignored)."""
    global _seen
    main = threading.current_thread() is threading.main_thread()
    if not main or signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        yield
        return
    _seen = False
    signal.signal(signal.SIGINT, _on_interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)
        _seen = False


def interrupted() -> bool:
    """Whether Ctrl-C has come, even if its KeyboardInterrupt was lost."""
    return _seen
