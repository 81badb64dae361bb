"""Definitions inside a paragraph, after its first sentence (which `prose` reads): a name
written like a symbol that a sentence says is something (`However, LepA is a GTPase …`),
`X are defined as …`, a quoted name glossed between dashes, a name spelled out with its
abbreviation when the next sentence is about it, and a bold name in parentheses after the
phrase it names (`the addition of elements at the back (**enqueue** operation)`).
"""

from __future__ import annotations

import re

from .colon import term_problem
from .prose import EN_STOP
from .proserules import glossed_topics
from .terms import is_expansion, words

# `… . However, LepA is a GTPase, and …`: inside a paragraph, a sentence that opens with a name
# written like a symbol (inner capital, digit or slash: `LepA`, `Spred-1`, `KsgA/Dim1`, `EMT`)
# and says what it is. A plain word (`Cancer is a complex disease`) is left to the first sentence.
_NAME_SENTENCE = re.compile(
    r"(?:^|(?<=[.!?]\s))(?:(?:For example|However|Similarly|In contrast|Likewise|Here|Thus"
    r"|In particular),\s+)?(?:The\s+)?"
    r"(?P<name>[A-Za-z](?=[\w/\-]*[A-Z0-9/])[\w/\-]*[A-Za-z0-9]"
    r"|\*\*[^*]{2,40}\*\*|\*[^*\s][^*]{1,39}\*|`[^`]{1,40}`)"  # or marked: `**paging** is a …`
    r"(?:\s*\([^()]{1,40}\))?\s+is\s+(?:a|an)\s+[^.!?]{6,}[.!?]"
)


# `… was "callable" - could be called like a function - or …`: a quoted name glossed between
# dashes, the way a writer introduces a term in passing.
_QUOTED_GLOSS = re.compile(
    r"[\"“](?P<name>[^\"”]{2,30})[\"”]\s+[-–—]{1,2}\s+(?!(?:and|but|or|so|then)\b)"
    r"(?P<gloss>[^-–—\"“]{6,100}?)(?:\s+[-–—]{1,2}(?=\s)|(?=[.!?](?:\s|$)))"
)


def sentence_definitions(text: str) -> list[tuple[str, str]]:
    """(term, definition) for each sentence after the first that defines a symbol-like or
    marked name, and each quoted name glossed between dashes."""
    found: list[tuple[str, str]] = []
    found.extend(_named_in_parentheses(text) if "(**" in text else [])
    found.extend(bold_glosses(text) if "*" in text or "_" in text else [])
    found.extend(_glossed(text))
    found.extend(glossed_topics(text) if "(" in text else [])
    if '"' not in text and "“" not in text and " is a" not in text and " as " not in text:
        return found + (_abbreviated(text) if ")" in text else [])  # the common case, cheaply
    for match in _QUOTED_GLOSS.finditer(text):
        name = match.group("name").strip()
        if term_problem(name, max_words=3) is None:
            found.append((name, match.group("gloss").strip()))
    for match in _NAME_SENTENCE.finditer(text):
        if match.start() == 0:
            continue  # the paragraph's own opening: `defined_subject` reads it
        name = match.group("name")
        marked = name[0] in "*`"
        name = name.strip("*`")
        if name.casefold() in EN_STOP or term_problem(name, max_words=5 if marked else 1):
            continue
        found.append((name, match.group(0).strip()))
    for match in _DEFINED_AS.finditer(text):
        name = match.group("name")
        if match.group("verb") == "are" and re.search(r"[a-z]{2}[^s\W]s$", name):
            name = name[:-1]  # `oncogenes are defined as …`: the headword is singular
        if match.start() and term_problem(name, max_words=3) is None:
            found.append((name, match.group(0).strip()))
    return found + (_abbreviated(text) if ")" in text else [])


# `Typically, oncogenes are defined as a protein that …`: said in so many words.
_DEFINED_AS = re.compile(
    r"(?:(?<=[.!?]\s)|(?<=^))(?:[A-Z][a-z]+,\s+)?(?:(?:An?|The)\s+)?"
    r"(?P<name>[A-Za-z][\w\-]*(?:\s[a-z][\w\-]*){0,2})\s+(?P<verb>is|are)\s+"
    r"(?:defined as|referred to as)\s[^.!?]{6,}[.!?]"
)
# `… for the RNA-induced silencing complex (RISC). RISC binds to target RNA …`: a name spelled
# out with its abbreviation, then a sentence about it that opens with the abbreviation.
_SPELLED_OUT = re.compile(
    r"(?P<full>(?:[A-Za-z][\w\-]*\s+){0,5}[A-Za-z][\w\-]*)\s*\((?P<abbr>[A-Z][A-Za-z0-9]{1,6})\)"
)


_EMPHASIS = re.compile(r"(?<![\w*])[*_]{1,2}(?=\w)|(?<=\w)[*_]{1,2}(?![\w*])")
_ABBREVIATION = re.compile(r"\([A-Z][A-Za-z0-9]{1,6}\)")
_ABOUT = r"(?:is\s+(?:a|an|the)\b|(?!is\b|was\b|has\b|does\b)[a-z]+s\b)"


def _abbreviated(text: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    if not _ABBREVIATION.search(text):
        return found
    text = _EMPHASIS.sub("", text)  # `The *RNA-induced silencing complex* (RISC) …`
    for match in _SPELLED_OUT.finditer(text):
        abbr = match.group("abbr")
        words = match.group("full").split()
        suffixes = (" ".join(words[i:]) for i in reversed(range(len(words))))
        full = next((f for f in suffixes if is_expansion(f, abbr)), None)
        follow = re.match(
            rf"[^.!?]*[.!?]\s+(?P<sentence>(?:The\s+)?{re.escape(abbr)}\s+{_ABOUT}[^.!?]*[.!?])",
            text[match.end() :],
        )
        if full and follow and term_problem(full, max_words=6) is None:
            found.append((f"{full} ({abbr})", follow.group("sentence")))
    return found


# `… by the addition of elements at one end (**enqueue** operation) and …`: a bold name in
# parentheses right after the noun phrase it names.
_PAREN_NAME = re.compile(r"\(\*\*(?P<name>[^*]{1,40})\*\*(?:\s+[a-z]+)?\)")
_PHRASE_START = re.compile(
    r"(?:^|[.!?;:,]\s|\s(?:by|and|or|with|as|is|are|of)\s)"
    r"(?=(?:the|an?|two|three|four|five|six|several|many|\d+)\s)"  # `of three chains (**X**)`
)


def _named_in_parentheses(text: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for match in _PAREN_NAME.finditer(text):
        before = text[: match.start()].rstrip()
        starts = [m.end() for m in _PHRASE_START.finditer(before)]
        phrases = (before[i:] for i in reversed(starts))  # the nearest of three words or more
        phrase = next((p for p in phrases if len(p.split()) >= 3), "")
        name = match.group("name").strip()
        if 3 <= len(phrase.split()) <= 15 and term_problem(name, max_words=3) is None:
            found.append((name, phrase))
    return found


# Textbook prose marks each new word in bold where it is introduced: `… proteins called
# **dyneins.**`, `… the **centrosome**, a region of …`, `… a **glycerol**, which has …`,
# `… have **cilia** and **flagellum**, extensions containing …`. The sentence is the answer.
_BOLD = r"\*\*(?P<{0}>[^*\n]{{2,40}}?)[.,;:]?\*\*"
_CALLED_BOLD = re.compile(
    r"\b(?:called|known as|termed|named|referred to as)\s+(?:(?:an?|the)\s+)?"
    + _BOLD.format("name")
)
# `… this is called the *plus end*`, `Tubulins are *dimers,* a molecule made of two parts`: the
# same cues with a name in italics (a bare `*word*` alone is only stress).
_ITALIC = r"(?<![*\w])(?P<m>\*|_)(?P<name>[^*_\s][^*_\n]{1,39}?)"
_ITALIC_GLOSS = re.compile(
    r"\b(?:called|known as|termed|referred to as)\s+(?:(?:an?|the)\s+)?"
    + _ITALIC
    + r"[.,;:]?(?P=m)(?![*\w])"
    + r"|"
    + _ITALIC.replace("<m>", "<m2>").replace("<name>", "<name2>")
    + r"(?:,(?P=m2)|(?P=m2),)\s+(?:an?|the)\s+(?!same\b|other\b|rest\b)[a-z]"
)
_STRESS = words("not in of very really also just only always never no so too quite indeed still")
_BOLD_APPOSITIVE = re.compile(
    rf"(?:{_BOLD.format('first')}\s+(?:and|or)\s+)?\*\*(?P<name>[^*\n]{{2,40}}?)"
    r"(?:,\*\*|\*\*,)\s+(?P<gloss>(?:an?|the)\s+(?!same\b|other\b|rest\b)[a-z]|which\s+[a-z]{2,}\s"
    r"|(?!(?:and|or|but|so|then|while|because|although)\b)[a-z]+\s+[a-z]+\s)"
)
# `In a directed graph, the **in-degree** of a node is the number of …`: a bold name inside a
# sentence, then `is the/a …` (past a short `of a node`).
_BOLD_IS = re.compile(
    r"(?<=[a-z,]\s)(?:the\s+)?" + _BOLD.format("name") + r"(?:\s+of\s+(?:an?|the)\s+\w+)?,?\s+"
    r"(?:is|are)\s+(?:(?:the|an?)\s+(?!(?:main|key|only|best|worst|first|last|same|real|biggest)\b)"
    r"|defined as\s|called\s)"
)
_CLAUSE_OPENER = re.compile(
    r"\b(?:that|if|when|whether|because|since|so|why|how|what)\s+(?:the\s+)?$"
)
# `Construct a _bijection_ (a one-to-one mapping) between …`: a marked name, glossed in
# parentheses that open with an article.
FORMATTED_PAREN = re.compile(
    r"(?<![\w*_])(?P<mark>\*\*|\*|_)(?P<name>[^*_\s][^*_\n]{1,38}?)(?P=mark)\s*"
    r"\((?P<gloss>(?:an?|the)\s[^()]{3,80})\)"
)
# `In **1905**, the …`, `For **this reason**, a …`: a fronted phrase opening the sentence.
_FRONTED = re.compile(
    r"(?:^|[.!?]\s+)(?:in|on|at|for|with|by|from|to|after|before|during|unlike|like|as|about)"
    r"\s+(?:the\s+|an?\s+)?$",
    re.IGNORECASE,
)


def bold_glosses(text: str) -> list[tuple[str, str]]:
    """Bold names a sentence introduces by `called`, an appositive or a `which` clause."""
    found: list[tuple[str, str]] = []
    for match in _CALLED_BOLD.finditer(text):
        found.append((match.group("name"), _sentence_at(text, match.start())))
    for match in _ITALIC_GLOSS.finditer(text):
        name = match.group("name") or match.group("name2")
        before = text[: match.start()].rstrip()
        if match.group("name2") and (
            _FRONTED.search(text[: match.start()]) or before.endswith(",")
        ):
            continue  # `In *1905*, the …`, `It was, _in fact_, a …`: an aside, not a name
        if name.split()[0].casefold() in _STRESS:
            continue
        found.append(
            (name, _sentence_at(text, match.start("name" if match.group("name") else "name2")))
        )
    for match in FORMATTED_PAREN.finditer(text):
        found.append((match.group("name"), match.group("gloss")))
    for match in _BOLD_IS.finditer(text):
        if _CLAUSE_OPENER.search(text[: match.start("name") - 2]):
            continue  # `We saw that **speed** is …`: a claim in a clause, not a definition
        found.append((match.group("name"), _sentence_at(text, match.start("name"))))
    for match in _BOLD_APPOSITIVE.finditer(text):
        if _FRONTED.search(text[: match.start()]):
            continue
        names = [match.group("first"), match.group("name")]
        bare = not re.match(r"an?\s|the\s|which\s", match.group("gloss"))
        if bare and names[0] is None:
            continue  # a bare noun after the comma glosses only a pair (`**A** and **B**, …`)
        sentence = _sentence_at(text, match.start("name"))
        found.extend((n, sentence) for n in names if n)
    return [
        (n.strip(), d)
        for n, d in found
        if term_problem(n.strip(), max_words=4) is None and n.strip().casefold() not in EN_STOP
    ]


# `… only the cognate anticodon can bind. This is called decoding.`: the sentence before names
# what `this` is.
_THIS_IS_CALLED = re.compile(
    r"(?<=[.!?]\s)(?:This|That|These|It)\s+(?:is|are|was|were)\s+(?:(?:commonly|often|also)\s+)?"
    r"(?:called|known as|termed|referred to as)\s+"  # `… called the process`: a word, no name
    r"(?P<name>(?!the\s[a-z\-]+\s*[.!?])(?:the\s)?[a-z][\w\-]*(?:\s[a-z][\w\-]*){0,2})"
    r"\s*[.!?](?=\s|$)"
)
# `… such as “antimirs” which are antisense oligomers.`, `[[Neural Radiance Fields]] (NeRFs),
# which use a neural network …`: a name the writer marks, then a `which` clause that glosses it.
_WHICH_GLOSS = re.compile(
    r"(?:[\"“](?P<quoted>[^\"”]{2,30})[\"”]|\[\[(?P<link>[^\]|]{2,40})(?:\|[^\]]*)?\]\])"
    r"(?P<abbr>\s*\([A-Z][A-Za-z0-9]{1,7}\))?,?\s+which\s+(?:is|are|[a-z]{3,})\s[^.!?]{6,}[.!?]"
)
# `… at the first step of decoding, _initial selection_, as …`: a stage or kind of something,
# then its name in italics set off by commas.
_APPOSITIVE = re.compile(
    r"\b(?:step|stage|phase|process|mechanism|state|form|type|kind|method|mode)\b[^,.!?]{0,40},\s+"
    r"(?P<mark>[_*])(?P<name>[a-z][a-z\-]+(?:\s[a-z][a-z\-]+){1,3})(?P=mark),"
)
# `… can lead to oncogenic addiction, where inhibition of the miRNA leads to cell death.`: an
# outcome named, then glossed by a `where` clause.
_WHERE_GLOSS = re.compile(
    r"\b(?:lead|leads|led|leading|result|results|resulting)\s+(?:to|in)\s+"
    r"(?P<name>[a-z][\w\-]*(?:\s[a-z][\w\-]*){0,2}),\s+where\s+[^.!?]{6,}[.!?]"
)
_SENTENCE_START = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=[.!?]\*\*\s))\S")


def _sentence_at(text: str, index: int, before: int = 0) -> str:
    """The sentence holding `index` (and `before` sentences ahead of it)."""
    starts = [m.start() for m in _SENTENCE_START.finditer(text) if m.start() <= index]
    start = starts[max(0, len(starts) - 1 - before)] if starts else 0
    end = re.search(r"[.!?](?:\*\*)?(?=\s|$)", text[index:])  # `… the **cortex.** Then`
    return text[start : index + end.end() if end else len(text)].strip()


def _glossed(text: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for match in _THIS_IS_CALLED.finditer(text):
        found.append((match.group("name"), _sentence_at(text, match.start(), before=1)))
    for match in _WHICH_GLOSS.finditer(text):
        name = (match.group("quoted") or match.group("link")).strip()
        abbr = (match.group("abbr") or "").strip()
        found.append((f"{name} {abbr}" if abbr else name, _sentence_at(text, match.start())))
    for pattern in (_APPOSITIVE, _WHERE_GLOSS):
        for match in pattern.finditer(text):
            found.append((match.group("name"), _sentence_at(text, match.start("name"))))
    named = [(_ARTICLE.sub("", n), d) for n, d in found]
    return [
        (n, d)
        for n, d in named
        if term_problem(n, max_words=4) is None and n not in EN_STOP and n not in _GENERIC
    ]


# `… leads to a situation, where …`: a word for any circumstance names nothing.
_GENERIC = frozenset(
    [
        "situation",
        "case",
        "state",
        "scenario",
        "stage",
        "place",
        "time",
        "condition",
        "process",
        "thing",
        "point",
        "way",
    ]
)
_ARTICLE = re.compile(r"^(?:an?|the|this|that|its|their)\s+", re.IGNORECASE)
