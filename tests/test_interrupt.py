"""A Ctrl-C is raised late rather than lost (generator/interrupt.py)."""

from __future__ import annotations

import signal
import sys

import pytest

from generator.interrupt import deferred, interrupted, noticed
from generator.sanitise import sanitise


def test_a_ctrl_c_while_nh3_cleans_a_fragment_is_raised_when_it_is_done(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """nh3 ignores an exception from the attribute filter and drops the attribute: a Ctrl-C
    that came while it cleaned a fragment was lost, and the image left out of the card."""
    lost: list[BaseException | None] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda u: lost.append(u.exc_value))

    def bundled(src: str) -> str:
        signal.raise_signal(signal.SIGINT)  # Ctrl-C while nh3 is at this image
        return "bundled-" + src

    with noticed(), pytest.raises(KeyboardInterrupt):
        sanitise('<p><img src="a.png" alt="a"> and text</p>', bundled)
    assert lost == []
    assert sanitise('<p><img src="a.png" alt="a"></p>', lambda src: "b-" + src) == (
        '<p><img src="b-a.png" alt="a"></p>'
    )


def test_deferred_raises_when_its_block_ends_and_noticed_remembers() -> None:
    done: list[str] = []
    with noticed():
        assert not interrupted()
        with pytest.raises(KeyboardInterrupt), deferred:
            with deferred:
                signal.raise_signal(signal.SIGINT)
                done.append("inner")
            done.append("outer")  # only the outermost block raises it
        assert done == ["inner", "outer"]
        assert interrupted()
    assert not interrupted()
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
