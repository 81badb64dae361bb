"""Code blocks highlighted at build time with Pygments: class names in the card, colours in
the note type's CSS (one palette for the light theme, one for night mode), so cards need no
JavaScript and night mode keeps its contrast."""

from __future__ import annotations

import html
import re
from functools import cache

from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexer import Lexer
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

CODE_CLASS = "nd-code"
LIGHT_STYLE = "default"
NIGHT_STYLE = "github-dark"
# Anki desktop and AnkiMobile put `.nightMode` on the card's body, AnkiDroid `.night_mode`.
NIGHT_SCOPES = (".nightMode", ".night_mode")
_COMMENT = re.compile(r"\s*/\*.*?\*/\s*$")


@cache
def _formatter() -> HtmlFormatter[str]:
    return HtmlFormatter(cssclass=CODE_CLASS, wrapcode=True, style=LIGHT_STYLE)


@cache
def _lexer(language: str) -> Lexer | None:
    try:
        return get_lexer_by_name(language, stripnl=False, ensurenl=True)
    except ClassNotFound:
        return None


def highlight_code(code: str, info: str) -> str:
    """A fenced block as `<div class="nd-code"><pre><code>…</code></pre></div>`; the first
    word of the info string names the language (unknown or missing: plain text)."""
    language = info.split()[0].lower() if info.strip() else ""
    lexer = _lexer(language) if language else None
    if lexer is None:
        body = html.escape(code, quote=False)
        return f'<div class="{CODE_CLASS}"><pre><code>{body}</code></pre></div>\n'
    out: str = highlight(code, lexer, _formatter())
    return out


def _rules(style: str, scopes: list[str]) -> list[str]:
    """Pygments' rules for one style, limited to those under `scopes` (it also emits global
    `pre`/line-number rules a card must not get)."""
    defs: str = HtmlFormatter(style=style).get_style_defs(scopes)  # type: ignore[no-untyped-call]
    lines = [line for line in defs.splitlines() if line.startswith(tuple(scopes))]
    return [_COMMENT.sub("", line) for line in lines]


@cache
def highlight_css() -> str:
    """Token colours for the light theme and, scoped under the night classes, the dark one."""
    light = _rules(LIGHT_STYLE, [f".{CODE_CLASS}"])
    night = _rules(NIGHT_STYLE, [f"{scope} .{CODE_CLASS}" for scope in NIGHT_SCOPES])
    # The block background is the card CSS's own (it matches the rest of the theme).
    keep = [r for r in light + night if "{ background" not in r.split("}", 1)[0]]
    return "/* code highlighting (Pygments) */\n" + "\n".join(keep) + "\n"
