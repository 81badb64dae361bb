"""notedeck: ordinary Markdown study notes → Anki decks."""

__version__ = "0.1.0"

from typing import TYPE_CHECKING, Any

from .model import NotedeckError

if TYPE_CHECKING:
    from .build import build


def __getattr__(name: str) -> Any:
    """`build`, imported when first asked for: the command line answers a build with nothing
    changed without importing the pipeline at all."""
    if name == "build":
        from .build import build

        return build
    raise AttributeError(f"module 'generator' has no attribute {name!r}")


__all__ = ["NotedeckError", "__version__", "build"]
