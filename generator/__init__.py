"""notedeck: ordinary Markdown study notes → Anki decks."""

__version__ = "0.1.0"

from .build import build
from .model import NotedeckError

__all__ = ["NotedeckError", "__version__", "build"]
