"""Strategy: `Term: definition` and `Term - definition` lines, in lists and paragraphs.

`- Mutex: a lock owned by one thread`, `* 뮤텍스 : 한 스레드만 소유하는 락`,
`- deadlock - two threads waiting on each other`, `**Throughput**: work per unit time`,
`* _job_ - a unit of work`. A line is a definition only if its term is a term (not a label,
date, question or sentence) and its list reads as a glossary: a lone `key: value` line among
other lines of an already-defined term is a property of that term and stays in its body.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from markdown_it.tree import SyntaxTreeNode

from .candidate import Context, strip_prefix
from .filters import is_date_line
from .labels import is_emphasis_phrase, is_figure_label, is_label, is_navigation_phrase
from .terms import is_expansion, looks_like_term, show_wikilinks, split_aliases

_WRAPPED = (
    r"\*\*[^*]+?\*\*|__[^_]+?__|\*[^*\s][^*]*?\*|_[^_\s][^_]*?_|`[^`]+`"
    r"|\[\[[^\]]+\]\]|\[[^\]]+\]\([^)]*\)"
)
_ALIAS_TAIL = r"(?:\s*[(（][^)）]*[)）])?"
# `**Throughput:** work per unit time`, `**Neutral stimulus (NS) -** a stimulus which …`: the
# separator written inside the bold.
_BOLD_COLON = re.compile(
    r"^(?P<term>(?:\*\*|__)[^*_]*?[^*_\s])(?:\s*+(?P<colon>[:：])|\s+[-–—]{1,2})"
    r"(?P<close>\*\*|__)\s*(?P<def>\S.*)$"
)
# `**Offeror.** The party who makes an offer.`: a run-in head, as glossaries in textbooks set it.
_BOLD_PERIOD = re.compile(
    r"^(?P<term>(?:\*\*|__)[^*_.:：]+?)(?:\.(?P<close>\*\*|__)|(?P<shut>\*\*|__)\.)"
    r"\s+(?P<def>[A-Z(\"'“][^\n]*\S)$"
)
# `**Hepcidin** → inhibits iron metabolism`, `**von (+ Dativ)** -> for people`: an arrow after a
# bold name points to what it means.
_BOLD_ARROW = re.compile(
    r"^(?P<term>(?:\*\*|__)[^*_]+?(?:\*\*|__))\s*"
    r"(?:→|->|=>|⇒|\$\\(?:rightarrow|to|Rightarrow|longrightarrow)\$)\s*(?P<def>\S.*)$"
)
# An arrow: `**A** → B → C` is a chain of causes, `X → Y` a change or relation, not a term.
_ARROW = re.compile(
    r"[←→↔⇒⇐⇔⟶⟵]|->|<-|=>|\\(?:rightarrow|to|Rightarrow|longrightarrow|leftarrow)\b"
)
_WRAPPED_SEP = re.compile(
    rf"^(?:The\s+)?(?P<term>(?:{_WRAPPED}){_ALIAS_TAIL})\s*"
    # `` `git push` -u 로 설정 ``, `--force`: a command-line flag after the code, no dash
    rf"(?P<sep>[:：](?![:：])|--(?![a-z])|-(?![A-Za-z]{{1,2}}(?:\s|$)|-[a-z])|[–—]{{1,2}}|=)"
    r"\s*(?P<def>\S.*)$"
)
# A colon or dash inside quotes (`Like ":wq", but …`) or code separates nothing: a quoted or
# coded span is read whole, as one piece of the term, and an unclosed one ends no term. A `'`
# opens a quote only at a word's start (not `Newton's`, `'90s`); each quote mark can be read
# one way only, so a line of them is still read in linear time.
_QUOTED = (
    r'"[^"\n]*"|“[^”\n]*”|‘[^’\n]*’'
    r"|(?<![^\s(（])'(?!\d)[^'\n]*'|(?<=[^\s(（])'|(?<![^\s(（])'(?=\d)"
)
_PLAIN_COLON = re.compile(
    r"^(?P<term>(?:[^:：`*\[\]()（）\"“‘']|`[^`]+`|" + _QUOTED + r"|(?<=\w\s)\*\*[^*:：]+\*\*"
    # `**일**정 관리` (a mnemonic's letter), `COCOMO**Basic**`, `조직형(**Organic**)`
    r"|(?<![^\s])\*\*[^*:：\s]{1,3}\*\*(?=[가-힣])(?![는은이가을를의에와과도로])"
    r"|(?<=\w)[*]{2}[A-Za-z][^*:：]*[*]{2}(?!\w)|[(（](?:[^()（）:：*]|://|\*\*[^*:：]+\*\*)*[)）])+?)"
    r"(?<!\s)\s*+(?P<sep>[:：])(?![:：/])"
    r"\s*(?P<def>\S.*)$"
)
_PLAIN_DASH = re.compile(
    r"^(?P<term>(?:[^:：`*\[\]\"“‘']|" + _QUOTED + r"|\[\[[^\[\]|]+\]\])+?)(?<!\s)\s++"
    r"(?P<sep>[-–—]{1,2})\s+(?P<def>\S.*)$"
)
# `[[ottoman]] empire -- sunni, southwest asia`: a dash no prose sentence would use.
STRONG_DASH = re.compile(r"\S\s+(?:--|—|–)\s+\S")
_MARKS = re.compile(r"^(?:\*\*|__|\*|_|`)(.*?)(?:\*\*|__|\*|_|`)$")
# A link anywhere in a term (`**[LangSmith](https://…):**`): its text is the name, its URL none
# of it. No bracket inside the text, so each `[` is tried only up to the next bracket.
_LINK = re.compile(r"!?\[([^\[\]]*)\]\([^()]*\)")
_WEEKDAY = re.compile(
    r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?\b|^[월화수목금토일]요일|^[월화수목금토일]$",
    re.IGNORECASE,
)
_MONTH_DATE = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,4}(?:,?\s+\d{4})?\s*$",
    re.IGNORECASE,
)
_FINITE_VERB = re.compile(
    r"\b(?:is|are|was|were|will|would|can|could|should|must|does|did|has|have|had)\s", re.I
)
_LINKS = re.compile(r"!?\[[^\[\]]*\]\([^)\[]*\)|<?https?://\S+|\[\[[^\[\]]*\]\]")


@dataclass(frozen=True, slots=True)
class ColonLine:
    term: str  # plain text
    term_md: str  # as written, for a parent's stub
    definition: str
    formatted: bool  # the term was bold, italic, code or a link
    dashed: bool = False  # `term - meaning`, not `term: meaning`


# `***Scarcity:***`, `_**Scarcity**_:`, `**_Scarcity:_**`: bold and italic at once, read as bold.
_BOLD_ITALIC = re.compile(
    r"^(?:\*\*\*(?P<a>[^*]+?)\*\*\*|___(?P<b>[^_]+?)___|_\*\*(?P<c>[^*]+?)\*\*_"
    r"|\*\*_(?P<d>[^*_]+?)_\*\*|\*__(?P<e>[^_]+?)__\*|__\*(?P<f>[^*_]+?)\*__)(?=\s|[:：.]|$)"
)


def _as_bold(match: re.Match[str]) -> str:
    return f"**{next(g for g in match.groups() if g is not None)}**"


def split_colon_line(text: str, allow_plain_dash: bool = True) -> ColonLine | None:
    """Split a line (list marker already removed) into term and definition, if it has that
    shape at all; whether the term is a real term is decided by `term_problem`."""
    text = _BOLD_ITALIC.sub(_as_bold, text.strip(), count=1)
    match = _BOLD_COLON.match(text)
    if match:
        term_md = match.group("term") + match.group("close")
        dashed = match.group("colon") is None
        return ColonLine(plain_term(term_md), term_md, match.group("def").strip(), True, dashed)
    match = _BOLD_PERIOD.match(text)
    if match and _run_in_name(match.group("term")):
        term_md = match.group("term") + (match.group("close") or match.group("shut"))
        return ColonLine(plain_term(term_md), term_md, match.group("def").strip(), True)
    match = _BOLD_ARROW.match(text)
    if match and not _ARROW.search(match.group("def")):  # `**A** → B → C`: a chain of causes
        term_md = match.group("term")
        return ColonLine(plain_term(term_md), term_md, match.group("def").strip(), True, True)
    match = _WRAPPED_SEP.match(text)
    if match:
        term_md = match.group("term")
        dashed = match.group("sep") not in (":", "：", "=")
        return ColonLine(plain_term(term_md), term_md, match.group("def").strip(), True, dashed)
    for pattern in (_PLAIN_COLON, _PLAIN_DASH) if allow_plain_dash else (_PLAIN_COLON,):
        match = pattern.match(text)
        if match:
            term_md = match.group("term").strip()
            # Not `Little Endian (**Default**)`; a bounded scan, so `((((…` is read once.
            name = re.sub(r"[(（][^)）]{0,200}[)）]", "", term_md)
            marked = "**" in name  # `Axiom of **Reflexivity**`: the writer marked the name
            if marked and len(name.split("**")[0].split()) > 3:
                continue  # `Each instruction … creates a **layer**: …`: a sentence naming it
            dashed = match.group("sep") not in (":", "：")
            definition = match.group("def").strip()
            if not dashed:  # `Justification is: I did A, and it was right`
                term_md = _COPULA.sub("", term_md) or term_md
            return ColonLine(_glossed(term_md), term_md, definition, marked, dashed)
    match = _SPELLED_EQ.match(text)  # `IaaS = Infrastructure as a Service`
    if match and is_expansion(re.split(r"\s*[(（]", match.group("def"))[0], match.group("term")):
        return ColonLine(match.group("term"), match.group("term"), match.group("def"), False)
    return None


_COPULA = re.compile(r"(?<=\w)\s+(?:is|are|means|refers to)$", re.IGNORECASE)


def _run_in_name(term_md: str) -> bool:
    """A bold run-in head names a term (`**Offeror.**`), not a maxim written in bold
    (`**Always write the test first.**`): a few words and no finite verb."""
    words = term_md.strip("*_ ").split()
    return len(words) <= 4 and not _FINITE_VERB.search(" ".join(words) + " ")


# `중간형 COCOMO**Intermediate**`, `조직형 **Organic**`: a Korean name, its English name in bold.
_GLOSS = re.compile(r"[A-Za-z][A-Za-z \-]*")
_HANGUL = re.compile(r"[가-힣]")


def _glossed(term_md: str) -> str:
    # The last bold span is found by position, not by a pattern backtracking over the name.
    start = term_md.rfind("**", 0, len(term_md) - 2)
    if start < 0 or not term_md.endswith("**"):
        return plain_term(term_md)
    name, gloss = term_md[:start], term_md[start + 2 : -2]
    if not _GLOSS.fullmatch(gloss) or "**" in name or "\n" in name or not _HANGUL.search(name):
        return plain_term(term_md)
    return f"{plain_term(name)} ({gloss.strip()})"


_SPELLED_EQ = re.compile(r"^(?P<term>[A-Za-z][A-Za-z0-9]{1,7})\s*=\s*(?P<def>[A-Z][^=]+?)\s*$")


def plain_term(term_md: str) -> str:
    """`**Mutex**` → `Mutex`, `[[Mutex|뮤텍스]]` → `뮤텍스`, `` `fork()` `` → `fork()`."""
    text = show_wikilinks(term_md.strip())
    code = re.fullmatch(r"`([^`]+)`", text)
    if code:
        return " ".join(code.group(1).split())  # `?:`, `fork()`: exactly as written
    if text.count("`") >= 2 and not re.fullmatch(r"`[^`]*`", text):
        text = text.replace("`", "")  # `h` `j` `k` `l`, `(?=...)` positive lookahead
    if "](" in text:
        text = _LINK.sub(r"\1", text)
    for _ in range(2):
        marks = _MARKS.match(text)
        if marks:
            text = marks.group(1)
    text = _INNER_MARKS.sub(r"\1", text.replace("**", ""))
    return " ".join(text.split()).strip(" :：")


_INNER_MARKS = re.compile(r"(?<![\w*])[*_]([^*_\s][^*_]*?)[*_](?![\w*])")


_OBJECT_PRONOUN = re.compile(r"\s(?:them|it|this|these|those)$", re.IGNORECASE)


_ALIAS_PARENS = re.compile(r"\s*[(（][^()（）{}=]{1,60}[)）]\s*$")


def _names_checked(line: ColonLine) -> ColonLine:
    """`한계값 분석(경계값 분석, Boundary Value analysis): …`: the term is judged without the
    other names its parentheses list, whose commas and words say nothing of its shape."""
    named = _ALIAS_PARENS.sub("", line.term)
    if line.dashed or named == line.term or "," not in line.term[len(named) :]:
        return line
    return ColonLine(named, line.term_md, line.definition, line.formatted, line.dashed)


_CLAUSE = re.compile(
    r"(?:if|when|whenever|while|because|although|though|unless|whether|since)\s+\S+\s+\S"
    r"|(?:하지만|그러나|그런데|그리고|그래서|따라서|그러므로|게다가|반면에?|만약|만일)\s+\S",
    re.IGNORECASE,
)
# A pronoun and the word after it, in lower case: a sentence's subject and verb (not `You Only
# Look Once`, `I/O`, `IT service`).
_SUBJECT = re.compile(r"(?:It|They|We|He|She|This|These|Those)\s+[a-z]")
_MEMBER = re.compile(r"\w->\w")  # `node->next`: a C member, a name
_SYMBOLS = re.compile(r"[^\w\s]{1,3}")
_ORDINAL = re.compile(
    r"^(?:(?:첫|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s*(?:번\s*)?[째쨰]"
    # `second` alone is a unit of time, so only `secondly` counts
    r"|(?:first|third|fourth|fifth|sixth)(?:ly)?|secondly|1st|2nd|3rd|[4-9]th)$",
    re.IGNORECASE,
)


# Reasons other strategies look for by name (a bold question is a question card; a table's
# phrase is a vocabulary entry), so they are named once here.
QUESTION = "a question, not a term"
SENTENCE = "a sentence, not a term"
PHRASE = "a phrase, not a term"


def term_problem(term: str, max_words: int = 5, code: bool = False) -> str | None:
    """Why a would-be term is not one, or None when it is a term. `code`: the term was written
    as code (`` `?.` ``), so it may be all symbols."""
    if is_date_line(term) or is_date_line(term + ":"):
        return "date or changelog line, not a term"
    # a colon in a tag, or a line break: `Wiki<br> Black-box testing` runs two lines together
    if re.search(r"<[A-Za-z][\w-]*\s+[\w-]+\s*=|</[A-Za-z]|<!--|<br\s*/?>", term, re.I):
        return "HTML markup, not a term"
    if not code and re.search(r"^\|\s|\s\|$", term.strip()):
        return "a piece of a table row, not a term"  # `- 잦은 시스템 | - …` below a table
    if _ORDINAL.match(term.strip()):
        return "a position in a list, not a term"  # `- 첫번째: 장치명`, `- Second: …`
    if is_figure_label(term):
        return "caption, not a term"
    if is_label(term):
        return "label, not a term"
    if term.rstrip().endswith(("?", "？")) and not (code or _SYMBOLS.fullmatch(term.strip())):
        return QUESTION  # `?` in regex and Ruby's `#locked?` are names
    if is_emphasis_phrase(term):
        return "emphasis, not a term"
    # `가격(Price; $P$)`: a `;` between the names in parentheses is no statement separator
    named = _ALIAS_PARENS.sub("", term) or term
    if not code and re.search(r"\s[=!<>]?=\s|[;{}]|\s[<>]\s", named):
        return "code, not a term"
    if is_navigation_phrase(term):  # `Next →`, `← Previous`
        return "navigation link, not a term"
    if not code and _ARROW.search(term) and not _MEMBER.search(term):
        return "a change or relation (A → B), not a term"  # `X → Y`, `중성자 → 양성자`
    if _CLAUSE.match(term):
        return "a clause, not a term"  # `If the pattern is a string, …`, `When the queue …`
    if _SUBJECT.match(term):
        return SENTENCE  # `It computes your **expected score**: …`, `This means: …`
    if re.match(r"(?:a|an)\s", term):  # lower case: `a directory listing`, not `A record`
        return PHRASE
    if _WEEKDAY.match(term):
        return "a day, not a term"
    if re.match(r"(?:using|by using|via)\s", term, re.IGNORECASE):
        return "a way of doing it, not a term"  # `1. Using linked representation: …`
    if re.match(r"(?:my|our|나의|내|우리)\s", term, re.IGNORECASE):
        return "the author's own remark, not a term"
    if _FINITE_VERB.search(term) or (not code and _OBJECT_PRONOUN.search(term)):
        return SENTENCE  # `Combine them`, `Try it`
    if code and 0 < len(term) <= 40 and len(term.split()) <= max_words:
        return None
    if not looks_like_term(term, max_words=max_words):
        return SENTENCE
    return None


# `|E| > 1`, `x ≤ 0.5`: a condition on a value, with no word in it.
_COMPARISON = re.compile(r"^(?=.*[<>=≤≥≠])(?!.*[^\W\d_]{2})[^\n]+$")


# `5 TB`, `~200 ms`, `99.9%`: a quantity.
_QUANTITY = re.compile(r"^[~≈<>≤≥]?\s*\d[\d.,]*\s*(?:[A-Za-z%°]{1,5}|[가-힣]{1,2})?\.?$")
# `1보다 큼`, `30 이상`: a condition on a number, in words.
_KO_COMPARISON = re.compile(
    r"^[~≈]?\s*\d[\d.,]*\s*%?\s*(?:보다\s*\S{1,3}|이상|이하|미만|초과)[.]?$"
)
# `Standard, IA, Glacier`: three or more bare names, a property's values.
_NAME_ITEM = r"[A-Z0-9][\w\-+.]*(?:\s[\w\-+.]+)?"
_NAME_LIST = re.compile(rf"^{_NAME_ITEM}(?:,\s*{_NAME_ITEM}){{2,}}(?:,?\s*(?:etc\.?|…))?$")
# `실제 요청 전에 … 확인하는 요청`, `a lock owned by one thread`: a noun phrase that defines.
DEFINING_PHRASE = re.compile(
    r"^(?:an?|the)\s+\w|[가-힣](?:는|은|한|된|던|할|인|운|진)\s+[가-힣A-Za-z]{1,10}[.]?$|[가-힣]\s*것[.]?$"
)


# `**Study Duration**: [Time spent]`: a template's slot, no text of its own.
_PLACEHOLDER = re.compile(r"^\[[^\[\]]*\]$|^<[^<>/]*>$|^_{3,}$")


def _readings(text: str) -> bool:
    """`own prob: 50%; prob for others: 41%`: figures recorded under names of their own."""
    words = re.sub(r"\$\$?[^$]*\$\$?", "", text)  # a formula's `i=1` records nothing
    return len(re.findall(r"[:：=]\s*[-+$]?\d", words)) >= 2


def _rating(text: str) -> bool:
    """`⭐⭐⭐⭐⭐ (1-5 stars)`: symbols with a note on the scale, a score and no words."""
    bare = re.sub(r"[(（][^()（）]*[)）]", "", text)
    symbols = any(unicodedata.category(c) == "So" for c in bare)
    return symbols and not re.search(r"[^\W\d_]", bare)


def definition_problem(definition: str) -> str | None:
    text = definition.strip()
    if text.endswith(("?", "？")):
        return "line ends in '?'"
    if _PLACEHOLDER.match(text):
        return "a blank left to fill in, not a definition"
    if not re.search(r"[^\W\d_]", show_wikilinks(text)) or _COMPARISON.match(text):
        return "a value, not a definition"
    if _rating(text) or _readings(text):
        return "a value, not a definition"
    if _QUANTITY.match(text) or _KO_COMPARISON.match(text):
        return "a value, not a definition"
    if _NAME_LIST.match(text):
        return "a list of names, not a definition"
    if is_date_line(text) or is_date_line(text + ":") or _MONTH_DATE.match(text):
        return "a date, not a definition"
    if _WEEKDAY.match(text) or text.endswith(("!", "！")):
        return "a reminder, not a definition"
    if not _LINKS.sub("", text).strip(" ,·|-–—"):
        return "only a link, not a definition"
    return None


def line_problem(line: ColonLine, code: bool = False) -> str | None:
    """What keeps a `name: meaning` line from being a card; `code`: its name is a code such as
    `404`, which may have no letters."""
    line = _names_checked(line)
    words = 8 if line.formatted else 5  # `*Carlill v Carbolic Smoke Ball Co*`: marked as a name
    code = code or (line.term_md.startswith("`") and line.term_md.endswith("`"))
    problem = term_problem(line.term, max_words=words, code=code)
    problem = problem or definition_problem(line.definition)
    if problem is None and not line.formatted and is_enumeration(line.definition):
        return "a list of values, not a definition"
    return problem


_ENUM_END = re.compile(r"\s*(?:etc\.?|…|\.\.\.|등)\s*$")


def is_enumeration(definition: str) -> bool:
    """`distension, pH, fat, amino acids`: three or more short items and nothing else — the
    values of a property (`- triggers: …`, `- Drugs: …`), not what a term means."""
    text = _ENUM_END.sub("", re.sub(r"<[^>]+>", "", definition).strip().rstrip("."))
    parts = [p.strip() for p in re.split(r"[,、]", text)]
    return len(parts) >= 3 and all(p and len(p.split()) <= 3 for p in parts)


def is_glossary(colon_units: int, units: int, owner_defined: bool, owner: bool = True) -> bool:
    """Do these `key: value` units define terms, or describe the term that owns them?"""
    if colon_units == 0:
        return False
    if not owner:  # nothing above them to describe: half the lines are enough
        return colon_units * 2 >= units
    if colon_units * 5 < units * 3:  # fewer than 60 %: the rest is prose about the owner
        return False
    return not (colon_units == 1 and owner_defined)


_BOLD_COLON_ITEM = re.compile(
    r"^(?:[^*_:：`]{1,30}\s)?(\*\*|__)[^*_]+?(?::\1|\1\s*:)\s"  # `Rule of **Union**: …` too
)


def bold_colon_item(item: SyntaxTreeNode, ctx: Context) -> bool:
    """`- **distinguishing a case:** …` in a bullet list: a term marked bold, not a step of a
    numbered procedure (`4. **레이아웃**: …`) nor a property line."""
    if item.parent is None or item.parent.type != "bullet_list" or not item.map:
        return False
    return bool(_BOLD_COLON_ITEM.match(strip_prefix(ctx.parsed.lines[item.map[0]])))


def numbered_steps(
    items: list[SyntaxTreeNode], colon: list[tuple[SyntaxTreeNode, ColonLine]], units: int
) -> bool:
    """An ordered list whose plain `name: what happens` lines are interleaved with other steps."""
    ordered = all(i.parent is not None and i.parent.type == "ordered_list" for i in items)
    plain = all(not line.formatted for _, line in colon)
    others = units - len(colon)  # `5. Tomato` under four `Béchamel – …` lines is one bare name
    return ordered and plain and 0 < len(colon) < units and others * 4 > units


_ASIDE_NAME = re.compile(
    r"^(?:why|how|what|when|where|which|who|in|on|at|for|with|by|from|to|as|if)\b", re.I
)


def marks_a_term(line: ColonLine) -> bool:
    """`**diplomatic immunity:** …`: a bold name that reads as a term, not an aside such as
    `**Why it matters:**` or `**In practice:**` (labels are turned down before this)."""
    return line.formatted and not _ASIDE_NAME.match(line.term)


# `` `@Get()`, `@Post()`: … ``: several names, each marked, that one line defines together.
_MARKED_NAMES = re.compile(r"(?:`[^`]+`|\*\*[^*]+\*\*)(?:\s*,\s*(?:`[^`]+`|\*\*[^*]+\*\*))+")


def marked_names(term_md: str) -> bool:
    return bool(_MARKED_NAMES.fullmatch(term_md.strip()))


def names_a_term(line: ColonLine) -> bool:
    """`고정비용 (Fixed Cost, FC): …`, `per stirpes (per branch): …`: a name given with its other
    name is a term being defined, not a property of the term whose body it is in."""
    name, aliases = split_aliases(line.term)
    return not line.dashed and bool(aliases) and not is_label(name)


# `pop()`, `mapState`, `isEmpty()`: a name from an API, written as the code spells it.
_API_NAME = re.compile(r"^[A-Za-z_$][\w$.]*(?:\([^()]*\))?$")


def is_api_name(term: str) -> bool:
    return bool(_API_NAME.match(term)) and ("(" in term or bool(re.search(r"[a-z][A-Z]", term)))
