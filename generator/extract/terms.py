"""What a term looks like: splitting `Term(Alias, 별칭)`, alias lines, short-term tests."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Entries kept by the memoised string functions of the extractor: a note asks the same
# question of one heading or line many times over (each rule that looks at it asks again).
MEMO = 4096

_PAREN = re.compile(r"^(?P<term>.+?)\s*[(（](?P<inner>[^()（）]+)[)）]\s*$")
_ALIAS_LINE = [
    re.compile(
        r"^(?P<alias>.+?)\s*(?:이)?라고도\s*(?:함|한다|하며|불린다|부른다|불림|부름)\s*[.。]?$"
    ),
    re.compile(
        r"^(?:also\s+(?:called|known\s+as)|a\.?k\.?a\.?|aka)[\s:]+(?P<alias>.+?)[.]?$",
        re.IGNORECASE,
    ),
    re.compile(r"^(?:별칭|alias(?:es)?|약어|별명)\s*[:：]\s*(?P<alias>.+?)$", re.IGNORECASE),
]
_CALL = re.compile(r"^(?:[A-Za-z]|[A-Za-z_][\w.]*(?=\([a-z_]))\([^()]*\)$")
# `np.linalg.norm(H, axis=2)`, `torch.cat(xs, dim=0)`: a code name (dotted, scoped, snake_case or
# lower-case) and, right after it, arguments — one token each, perhaps `key=value`. Each token
# stops at a comma, a space or `=`, so an argument list is read one way only.
_CODE_NAME = re.compile(r"[A-Za-z_$][\w$]*(?:(?:\.|::|->)[A-Za-z_$][\w$]*)*", re.ASCII)
_ARG = r"[\w.$'\"\[\]+\-*/]+(?:\s*=\s*[\w.$'\"\[\]+\-*/]+)?"
_ARGS = re.compile(rf"\s*{_ARG}(?:\s*,\s*{_ARG})*\s*", re.ASCII)


def _is_call(text: str, name: str, inner: str) -> bool:
    """`np.linalg.norm(H, axis=2)`: a call's arguments, part of the term. `Stack(LIFO)`,
    `Virtual Machine(VM, 가상 머신)`, `Term (약어)` name a term and its other names."""
    if not text.startswith(name + "(") or not _CODE_NAME.fullmatch(name):
        return False
    if not _ARGS.fullmatch(inner):
        return False
    code = name[:1].islower() or any(mark in name for mark in (".", "_", "::", "->", "$"))
    return code or "=" in inner


_PLURAL_NOTE = re.compile(r"^\s*(?:pl\.|plural:?|복수형:?)\s*", re.IGNORECASE)
_ALIAS_SPLIT = re.compile(r"\s*(?:,|、|/|;|·|\bor\b|또는)\s*")
# Korean predicate endings that make a line a sentence rather than a noun phrase.
_KO_PREDICATE = re.compile(r"(?:다|요|함|음|짐|됨|임|줌|움|김|늠|봄|옴|있음|없음|같음)$")
_KO_PARTICLE_WORD = re.compile(r"(?:을|를|에서|으로|로|에게|하여|해서|하고|하면)$")
_SENTENCE_PUNCT = re.compile(r"[.!?。？！]$")


def words(text: str) -> frozenset[str]:
    """A word list kept as data: whitespace-separated, one set."""
    return frozenset(text.split())


@lru_cache(maxsize=MEMO)
def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _plausible_alias(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 6 and not text.isdigit() and len(text) <= 60


_WORD_CLASS = re.compile(
    r"^(?:adj|adv|n|v|vt|vi|prep|conj|pron|interj|noun|verb|adjective|adverb"
    r"|명사|동사|형용사|부사|명|동|형|부)\.?$",
    re.IGNORECASE,
)


# `무위無爲`, `자연自然`: the word in Hangul, its Hanja written straight after it.
_HANJA_AFTER = re.compile(r"^(?P<term>.*[가-힣])(?P<hanja>[\u4e00-\u9fff\u3400-\u4dbf]{1,8})$")
# `도가도비상도(道可道非常道), 『노자』 1장`: where the saying is found, after its name.
_BOOK_CITE = re.compile(r",?\s*『[^』]{1,30}』\s*(?:\d{1,3}\s*(?:장|편|절|권|조))?$")


@lru_cache(maxsize=MEMO)
def split_aliases(text: str) -> tuple[str, tuple[str, ...]]:
    """`Virtual Machine(VM, 가상 머신)` → ("Virtual Machine", ("VM", "가상 머신"))."""
    text = normalise(text)
    cited = _BOOK_CITE.sub("", text).strip()
    if cited and cited != text:
        text = cited
    hanja = _HANJA_AFTER.match(text)
    if hanja:
        return hanja.group("term"), (hanja.group("hanja"),)
    match = _PAREN.match(text)
    year = match is not None and bool(re.fullmatch(r"\d{4}s?", match.group("inner").strip()))
    slashed = _SLASHED.match(match.group("term").strip() if match is not None and year else text)
    if slashed and is_expansion(slashed.group("name"), slashed.group("abbr")):
        return slashed.group("name"), (slashed.group("abbr"),)  # `Creative Commons / CC`
    if not match:
        return text, ()
    if year:
        return match.group("term").strip(), ()  # `Carlill v Carbolic (1893)`: a year
    if _CALL.match(text) or _is_call(text, match.group("term"), match.group("inner")):
        return text, ()  # `O(log n)`, `malloc(size)`: notation, not a name and an alias
    if _URL.search(match.group("inner")):
        return match.group("term").strip(), ()  # `LangSmith (https://…)`: where it is, not a name
    inner = _PLURAL_NOTE.sub("", match.group("inner"))
    parts = [p.strip() for p in _ALIAS_SPLIT.split(inner) if p.strip()]
    term = match.group("term").strip()
    if term and parts and all(_WORD_CLASS.match(p) for p in parts):
        return term, ()  # `laconic (adj.)`: the word's class, not another name
    if not term or not parts or not all(_plausible_alias(p) for p in parts):
        return text, ()
    return term, tuple(parts)


_URL = re.compile(r"://|(?<![\w.])www\.")
_SLASHED = re.compile(r"^(?P<name>.{4,80}?\S)\s+/\s+(?P<abbr>[A-Z][A-Za-z0-9]{1,6})$")


@lru_cache(maxsize=MEMO)
def aliases_from_line(text: str) -> tuple[str, ...]:
    """Aliases named by a line such as `VMM 이라고도 함` or `also called X`; () if none."""
    text = normalise(text).rstrip(".。")
    for pattern in _ALIAS_LINE:
        match = pattern.match(text)
        if match:
            alias = match.group("alias").strip().strip("*_`\"'")
            if not _plausible_alias(alias):
                return ()
            head, more = split_aliases(alias)
            parts = [head, *more]
            return tuple(p for part in parts for p in _ALIAS_SPLIT.split(part) if p)
    return ()


def looks_like_term(text: str, max_words: int = 5) -> bool:
    """A short noun phrase, not a sentence, label or date."""
    text = normalise(text)
    if not text or len(text) > 60 or _SENTENCE_PUNCT.search(text):
        return False
    words = text.split()
    if len(words) > max_words or text.endswith((":", "：")):
        return False
    if not re.search(r"[^\W\d_]|[⌘⌥⇧⌃↑↓←→↵⏎]", text):
        return False
    last = words[-1]
    if re.search(r"[가-힣]$", last) and _KO_PREDICATE.search(last):
        return False
    return not any(_KO_PARTICLE_WORD.search(w) and re.search(r"[가-힣]", w) for w in words[:-1])


_CONNECTORS = frozenset({"and", "of", "the", "for", "to", "in", "on", "as", "a", "an", "&"})


def expansion_prefix(definition: str, term: str) -> str | None:
    """`Continuous Integration. Merging …` under `CI`: the spelled-out name it starts with."""
    head = re.split(r"[.,;:(]|\s[-–—]\s", definition, maxsplit=1)[0].strip()
    return head if head and is_expansion(head, term) else None


def is_expansion(name: str, acronym: str) -> bool:
    """`Immediately Invoked Function Expression` spells out `IIFE`."""
    letters = re.sub(r"[^A-Za-z]", "", acronym)
    shaped = sum(c.isupper() for c in acronym) >= 2 and " " not in acronym.strip()
    if not 2 <= len(letters) <= 6 or not shaped:
        return False
    words = [w for w in re.split(r"[\s\-/]+", name) if w and w[0].isalpha()]
    full = "".join(w[0] for w in words)
    short = "".join(w[0] for w in words if w.casefold() not in _CONNECTORS)
    return letters.casefold() in (full.casefold(), short.casefold())


def same_term(one: str, other: str) -> bool:
    """`generator` and `Generators`, `the kernel` and `Kernel`: one term."""

    return term_stem(one) == term_stem(split_aliases(other)[0]) or term_stem(one) == term_stem(
        other
    )


def term_stem(text: str) -> str:
    """A term without its article and English plural: `the Volumes` → `volume`."""
    text = re.sub(r"^(?:the|an?)\s+", "", term_key(text))
    if text.endswith(("ses", "xes", "zes", "ches", "shes")):
        return text[:-2]
    if re.search(r"[a-z]{2}[^s\W]s$", text):
        return text[:-1]
    return text


def term_key(term: str) -> str:
    """What makes two spellings the same term: NFC, case and spacing ignored."""
    return normalise(term).casefold()


# Terms whose letter case is part of the name: a single letter with or without a sigil (`a`
# and `A` in vi, `-v` and `-V`), a regex or TeX escape (`\s`, `\S`), a format directive (`%y`,
# `%Y`), a name with code punctuation (`MAX_SIZE`, `Thread::Mutex`, `np.linalg`, `$HOME`,
# `@Bean`), a call (`RANK()`, `O(n)`). Prose (`TCP`, `tcp`) is one term however it is
# capitalised, and so is `HOL(Head Of Line) Blocking` or `e.g. C`. Each branch is a fixed
# shape, started only at a word's start: the test is linear on any line.
_CASED = re.compile(
    r"^[^\w\s]{0,2}[A-Za-z][^\w\s]{0,2}$"
    r"|\\[A-Za-z]|%[-_0^#]?[A-Za-z]|^--?[A-Za-z]|(?<!\w)[$@][A-Za-z]"
    r"|[A-Za-z0-9]_[A-Za-z0-9]|^_|\w(?:::|->)\w|\w\(\)|(?<![\w.])[A-Za-z]\("
    r"|(?<![\w.])[a-z_]\w+\.[A-Za-z_]"
)


@lru_cache(maxsize=MEMO)
def case_matters(term: str) -> bool:
    """Does letter case tell this term from another (`\\s` and `\\S`), as in code, where
    `tcp` and `TCP` in prose are one term? Terms written as code count too (the caller knows)."""
    return bool(_CASED.search(normalise(term)))


def identity_key(term: str, cased: bool) -> str:
    """The term as card identity sees it: `term_key`, except that a term whose case matters
    keeps its capitals (`\\S` is not `\\s`). A term with no capitals keeps the key it always
    had, so making case count changed no lower-case card's identity."""
    key = term_key(term)
    if not cased:
        return key
    exact = normalise(term)
    return exact if any(c.isupper() for c in exact) else key


# No `[` inside: each `[[` is then tried up to the next bracket, not to the end of the line.
_WIKILINK = re.compile(r"!?\[\[([^\[\]|#]+)(?:#[^\[\]|]*)?(?:\|([^\[\]]*))?\]\]")
_NUMBERING = re.compile(
    r"^(?:(?:chapter|lecture|lec|week|part|day|unit|section|lesson|step|ch|layer|level|phase"
    r"|stage)\.?\s*\d+\s*[.:)\-–—]?\s+"
    r"|제?\s*\d+\s*(?:장|강|주차|회차|일차|부|절|단계|계층|층|번째|번|교시)\s*[.:)\-–—]?\s+"
    r"|\d+(?:\.\d+)+\.?\s+|\d+(?:-\d+)+[.)]\s*|\(?\d+[.)]\s*|[①-⑳]\s*|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+[.)]\s*"
    r"|[IVX]+\.\s+|[가-하][.)]\s+"
    # `A. Introduction`, `b) Types`; not a person's initials (`W. D. Ross`) or a genus (`E. coli`)
    r"|(?!(?-i:[A-Z]\.\s+(?:[A-Z]\.(?:\s|$)|[a-z])))[A-Z][.)]\s+(?=\S{2}))",
    re.IGNORECASE,
)
# Leading emoji and symbols (`📌 개념`, `✅ Step`), and a `[category]` tag (`[OS] Deadlock`);
# not an opening quote (`‘행동’ 패턴` keeps both of its quotes).
_DECORATION = re.compile(
    r"^(?:[^\w\s\[\](`*$\\~<>\-+.@'\"‘“„「『«‹!?:;,/=&%^|{}#]++\s*+|\[[^\]]{1,20}\]\s+(?=[^\s\-–—:])"
    r"|(?:[0-9#*]\ufe0f?\u20e3)++\s*+)++"  # `1️⃣1️⃣ Why are thread pools used?`: a keycap number
)
# `Q1.`, `Q:`, and a `? ` bullet mark (`- ? What happens when …?`) before a question.
_QUESTION_PREFIX = re.compile(r"^\s*(?:Q\s*\d*\s*[.:)]|[?？](?=\s+\S))\s*", re.IGNORECASE)
_QUESTION = re.compile(
    r"(?:[?？]\s*$|^(?:why|how|what|when|where|which|who|is|are|does|do|can|should)\b"
    r"|^(?:explain|describe|compare|define|discuss|name|list|contrast)\s"
    r"|\b(?:vs\.?|versus)\s|(?:비교|차이|차이점|차이는|이유|왜|무엇|뭘까|어떻게|언제|장단점)\s*$"
    r"|(?:(?:설명|비교|서술|논|알려)\s*(?:해|하)?|말\s*해)\s*(?:주세요|보세요|주시겠어요|주십시오|라|시오|세요)"
    r"[.]?\s*$)",
    re.IGNORECASE,
)
# `**브라우저 렌더링 과정을 설명해주세요.**`, `Explain closures.`: a prompt, asked like a question.
_PROMPT = re.compile(
    r"(?:(?:설명|비교|서술|논|알려)\s*(?:해|하)?|말\s*해)\s*(?:주세요|보세요|주시겠어요|주십시오|라|시오|세요)"
    r"[.]?\s*$|^(?:explain|describe|compare|define|discuss|contrast)\s.+[.]$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(
    r"(?:[.!。！]|(?:습니다|니다|해요|세요|했다|한다|된다|있다|없다|이다|보자|하자|해보자|거다|까)\s*)$"
)


def show_wikilinks(text: str) -> str:
    """`[[Target|shown]]` → `shown`, `[[Target]]` → `Target`."""
    return _WIKILINK.sub(lambda m: (m.group(2) or m.group(1)).strip(), text)


@lru_cache(maxsize=MEMO)
def strip_numbering(text: str) -> str:
    """`2. Heap` → `Heap`, `Lecture 3: Scheduling` → `Scheduling`, `① 스택` → `스택`."""
    text = _DECORATION.sub("", normalise(text)).strip() or normalise(text)
    stripped = _NUMBERING.sub("", text, count=1).strip()
    if stripped[:1] in _JOINS:  # `7 주차 / 8 주차 회수`: the number is part of a span
        return text
    return stripped or text


_JOINS = frozenset("/&,~")
# A plain number (`2.`, `1-1`, `①`, `Ⅳ.`), not a named one (`Lecture 3:`, `UNIT25)`, `3장`).
_PLAIN_NUMBERING = re.compile(
    r"^(?:\d+(?:\.\d+)+\.?\s+|\d+(?:-\d+)+[.)]\s*|\(?\d+[.)]\s*|[①-⑳]\s*"
    r"|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+[.)]\s*|[IVX]+\.\s+)"
)


def strip_plain_numbering(text: str) -> str:
    """`2. Heap` → `Heap`; `UNIT25) to-v`, `Lecture 3: Scheduling` kept as written: the
    named number is part of how the section is known."""
    text = _DECORATION.sub("", normalise(text)).strip() or normalise(text)
    stripped = _PLAIN_NUMBERING.sub("", text, count=1).strip()
    if stripped[:1] in _JOINS:
        return text
    return stripped or text


def is_prompt(text: str) -> bool:
    return bool(_PROMPT.search(normalise(text)))


def is_question(text: str) -> bool:
    """`Why is UDP faster?`, `TCP와 UDP 비교`, `Q1. 프로세스와 스레드의 차이`."""
    text = normalise(text)
    return bool(_QUESTION_PREFIX.match(text) or _QUESTION.search(text))


def strip_question_prefix(text: str) -> str:
    return _QUESTION_PREFIX.sub("", normalise(text)).strip() or normalise(text)


# Between two sentences: after a full stop, `!`, `?` (`。`, `？` too) and the space that follows.
SENTENCE_BREAK = re.compile(r"(?<=[.!?。？])\s+")


def looks_like_heading_term(text: str) -> bool:
    """Headings are allowed to be longer than list terms, but not sentences."""
    text = normalise(text)
    if not text or len(text) > 80 or not re.search(r"[^\W\d_]", text):
        return False
    return len(text.split()) <= 10 and not _SENTENCE_END.search(text)


_WHAT_IS = re.compile(
    r"^(?P<term>.+?)\s*(?:이란|란)(?:\s*무엇(?:인가요|인가|일까요|일까|인지|입니까|이에요)?)?\s*[?？]?$"
)


def what_is(text: str) -> str | None:
    """`교착 상태란?`, `컨텍스트 스위칭이란` → the term the question asks about."""
    match = _WHAT_IS.match(normalise(text))
    return match.group("term") if match else None


_MINOR_WORDS = words("a an and as at by for in of on or over the to vs vs. via with")


def drop_titled_stop(name: str) -> str:
    """`Open/Closed Principle.`: a short name in title case closed by a full stop is still a
    name, not a sentence; the stop goes. `Caches speed up reads.` keeps it."""
    if not name.endswith(".") or name.endswith("..") or len(name.split()) > 5:
        return name
    parts = [w for w in re.split(r"[\s/-]+", name[:-1]) if any(c.isalpha() for c in w)]
    capital = [w for w in parts if w.casefold() not in _MINOR_WORDS]
    if capital and all(w.lstrip("(\"'")[:1].isupper() for w in capital):
        return name[:-1].rstrip()
    return name


# Words that open a Korean sentence going on from the one before (`반면 NoSQL은 …`, `즉, …`).
KO_CONNECTIVE = (
    r"(?:먼저|반면에?|또한|그리고|한편|우선|다음으로|마지막으로|첫째로?|둘째로?|셋째로?|그러나"
    r"|하지만|특히|그래서|따라서|즉|결국|이처럼|요컨대|그러므로|이\s?때|예를\s들(?:어|면))"
)
