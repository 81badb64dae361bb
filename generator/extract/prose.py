"""Strategy: a prose definition — `X is a …`, `X란 …이다`, `X는 …을 말한다`, and a term named
after its definition (`… 이를 **스풀링(Spooling)**이라고 한다`, `… this is called **paging**`).

Only the shapes that define; `X is fast` or `이 방식은 느리다` describe and are left alone.
"""

from __future__ import annotations

import re

from .colon import plain_term, term_problem
from .terms import KO_CONNECTIVE, words

_SUBJECT = (
    r"(?P<subject>\*\*[^*]+\*\*|`[^`]+`|__[^_]+__|\[\[[^\]]+\]\]|\*[^*\s][^*]{0,40}\*"
    r"|[^\s*`][^*`]{0,40}?)"
)
# `X (Y)`, or `X, also known as Y,`: a name's other name right after it.
_PAREN = (
    r"(?:\s*[(（][^)）]{1,40}[)）]"
    r"|,\s*(?:also\s+)?(?:known as|called|a\.k\.a\.|aka)\s+[^,()]{1,40}(?=,)"
    r"|,\s*\$[^$]{1,60}\$(?=,))?"  # `Flux, $v \in R^k$, is defined as …`: its symbol
)
_AKA = re.compile(r"^,\s*(?:also\s+)?(?:known as|called|a\.k\.a\.|aka)\s+", re.IGNORECASE)
_EN_DEFINES = re.compile(
    rf"^(?:(?:An?|The)\s+)?{_SUBJECT}(?P<paren>{_PAREN}),?\s+(?:is|are)\s+(?:(?:a|an|the|one)\s"
    rf"|defined as|known as|called|used to\b|when\b|the process\b)"
)
_EN_REFERS = re.compile(
    rf"^(?:(?:An?|The)\s+)?{_SUBJECT}(?P<paren>{_PAREN})\s+"
    r"(?:refers to|means|stands for|describes)\s",
)
# `**adjacency list** stores …`, `` `ROW_NUMBER()` assigns … ``: a formatted name, then a verb.
_EN_VERB = re.compile(
    r"^(?:(?:An?|The)\s+)?(?P<subject>\*\*[^*]+\*\*|`[^`]+`|\*[^*\s][^*]*\*|_[^_\s][^_]*_)"
    r"(?P<paren>" + _PAREN + r"),?\s+"
    r"(?:(?:statement|command|keyword|function|method|operator|flag|option|clause|directive"
    r"|hook|attribute|tag|element|macro|decorator)\s+)?"  # `The `explain` statement allows …`
    r"(?!is\b|was\b|has\b|does\b|this\b|its\b)[a-z]+(?<!ss)s\b"
)
# `**Compound interest** is interest earned …`: a formatted name, then `is` and a noun phrase.
# `The German **passive voice** is used to …`: one word may place the name (its language,
# field or kind), but not rank it (`The main **benefit** is …`).
_EN_IS_FORMATTED = re.compile(
    r"^(?:(?:An?|The)\s+(?!(?:main|key|big|biggest|real|only|first|second|third|last|next|other"
    r"|same|most|best|worst|whole|new|old|final)\s)(?:[A-Za-z][a-z\-]+\s+)?)?"
    r"(?P<subject>\*\*[^*]+\*\*|`[^`]+`)(?P<paren>" + _PAREN + r"),?\s+"
    r"(?:is|are)\s+(?!not\b|also\b|very\b)"
    r"(?!(?!used\s)\w+(?:ed|en)\s+(?:to|by|in|with|as|for|from|on|at|into|when|if)\b)"
)
# `Price elasticity of demand (PED) measures …`: a name, its abbreviation, then a verb.
_EN_ABBREVIATED = re.compile(
    r"^(?:(?:An?|The)\s+)?(?P<subject>[A-Za-z][A-Za-z0-9 \-]{2,50}?)\s*"
    r"\((?P<abbr>[A-Z][A-Za-z0-9]{1,7})\),?\s+(?:is|are|refers|means|[a-z]+s)\b"
)
# `CAC (customer acquisition cost) is …`: an abbreviation, its full name, then a verb.
_EN_SPELLED = re.compile(
    r"^(?P<subject>[A-Z][A-Za-z0-9]{1,7})\s*\((?P<full>[A-Za-z][A-Za-z \-]{3,60})\),?\s+"
    r"(?:is|are|refers|means|[a-z]+s)\b"
)
_FORMATTED_START = re.compile(r"^(?:(?:An?|The)\s+)?(?:\*|`|_|\[\[)")
_PLURAL_CLAIM = re.compile(r"^(?:\s*[(（][^)）]*[)）])?,?\s+are\s")
EN_STOP = words(
    """
    this that it there here which what he she they we you i one each every all some most
    another other such these those its our their my his her result problem answer idea goal
    reason difference main trick point key thing way solution rule output input
    """
)
_KO_DEFINES = re.compile(
    rf"^{_SUBJECT}(?P<paren>{_PAREN})\s*(?:이란|란|이라\s*함은|라\s*함은|은|는|이라는\s*것은|라는\s*것은)\s+"
    r"(?P<rest>(?:[^.?!。？]|[.](?=\S))+?)(?:(?:[을를]\s*(?:말한다|뜻한다|의미한다|가리킨다|일컫는다|칭한다|지칭한다|말함|의미함|뜻함)"
    r"|(?:이다|입니다|이며|이고|임)|(?:라고|이라고)\s*(?:한다|부른다|함)"
    r"|(?:는|은|인|한|된|할|될|던)\s+(?:[가-힣A-Za-z]{1,12}(?<![을를])\s+){0,3}(?P<noun>[가-힣A-Za-z]{1,12})"
    r"(?:다|입니다))"
    r"[.。]?(?:\s|$)"
    # `공유락은 데이터를 읽을 때 사용하는 락으로 …`: `X is a lock used when …, and …`
    r"|(?:는|은|인|한|된|할|될|던)\s+(?:[가-힣A-Za-z]{1,12}\s+){0,2}(?P<genus>[가-힣A-Za-z]{1,12})"
    r"(?:으로|로),?\s)"
)
# `` `@Autowired` 는 타입으로 빈을 찾아 주입한다. ``: a formatted name described by a sentence;
# `**Cipher**은 평문을 암호문으로 바꾸는 알고리즘`: by a noun phrase, the whole line.
_KO_FORMATTED = re.compile(
    r"^(?P<subject>\*\*[^*]+\*\*|`[^`]+`)(?P<paren>" + _PAREN + r")\s*(?:은|는)\s+"
    r"(?:[^.。]*?(?:다|함|임|됨)[.。]?(?:\s|$)"
    r"|[^.。]*?[가-힣](?:는|은|인|한|된|할|될|던|운|진|른)\s+[가-힣A-Za-z]{1,12}[.。]?$|[^.。]*?[가-힣]\s*것[.。]?$)"
)
# `Read Lock이라고 불리는 공유락은 …`: the name's other name, said before it.
_KO_CALLED = re.compile(
    r"^(?P<alias>[^\s*`][^*`]{0,30}?)\s*(?:이)?라고(?:도)?\s*(?:불리는|부르는)\s+"
)
_KO_TOPIC_ONLY = re.compile(
    rf"^{_SUBJECT}(?P<paren>{_PAREN})\s*(?:이란|란|이라\s*함은|라\s*함은)\s"
)
_KO_STOP = re.compile(
    r"^(?:이|그|저|이것|그것|저것|이건|그건|여기|거기|이때|그때|이러한|그러한|이런|그런|이\s.*|그\s.*"
    r"|우리|나|내가|너|모든|각|어떤|다른|둘|하나|결과|문제|차이|답|방법|이유|핵심|요점"
    r"|요즘|최근|오늘|지금|현재|보통|일반적으로|대부분|참고로|결론적으로|즉|또한|그리고|하지만|사실"
    r"|공통점|차이점"
    r"|아래|위|다음|앞|뒤|또|또\s.*|다른\s.*|여러\s.*|몇몇\s.*|많은\s.*|일부\s.*"
    # `이러한 장점들은 …`, `다음 예제는 …`: what was or will be shown, pointed at
    r"|(?:이러한|그러한|저러한|이런|그런|저런|이와\s같은|다음|위의|아래의?|앞의|해당)\s.*)$"
)
_KO_ADVERB = re.compile(rf"^{KO_CONNECTIVE}\s+")
_KO_SETTING = re.compile(r"^[^\s,]{1,20}에서(?:는)?,?\s+(?=\S)")
_KO_CLAUSE = re.compile(r"[가-힣](?:가|이|을|를|에|에서|의|로|으로|와|과|도|만)$")
_KO_PLACE = re.compile(r"(?<=[가-힣A-Za-z0-9)])(?:에서|에게|한테|부터|까지|에)$")
_KO_VERB_STEM = re.compile(r"(?:하|되|있|없|않|같|이|었|았|겠)$")
_NAMED = re.compile(
    r"(?:\*\*(?P<bold>[^*]+)\*\*|`(?P<code>[^`]+)`|['\"“‘](?P<quoted>[^'\"”’]{1,40})['\"”’])"
    r"\s*(?P<paren>[(（][^)）]{1,40}[)）])?\s*(?:이)?라(?:고)?\s*(?:한다|부른다|하며|하고|하는데|함|칭한다|불린다|명명한다)"
    r"|(?:is|are)\s+(?:(?:commonly|usually|often|sometimes|generally)\s+)?"
    r"(?:called|known as|referred to as|named)\s+"
    r"(?:\*\*(?P<bold2>[^*]+)\*\*|`(?P<code2>[^`]+)`|['\"“‘](?P<quoted2>[^'\"”’]{1,40})['\"”’]"
    r"|(?-i:(?P<acronym>[A-Z][A-Z0-9]{1,7}))(?=[\s.,;:(]|$))"
    r"|\b(?:a|an)\s+\w+\s+(?:known as|called|termed)\s+(?:the\s+)?"
    r"(?-i:(?P<known>[a-z][\w\-]*(?:\s[a-z][\w\-]*){0,2}))(?=[.,;:])"
    r"|(?<=\s)(?:an?\s+)?\*\*(?P<bold3>[^*]+)\*\*\s*(?::|\s[—–]\s)\s*(?:an?|the|하나의)?\s*\w"
    r"|\b(?:is|are)\s+\*\*(?P<bold4>[^*]+)\*\*\s+(?:if|when|iff)\b",
    re.IGNORECASE,
)
# `This is called the Yule-Simpson paradox`, `…, often called a randomized control trial (RCT).`:
# a plain name closing the text, when the words before it point back at what was described.
_NAMED_PLAIN = re.compile(
    r"(?:\b(?:this|it|these|they|such\s+\w+)\s+(?:is|are)\s+|,\s*)"
    r"(?:(?:commonly|usually|often|sometimes|generally)\s+)?(?:called|known as|referred to as)\s+"
    r"(?P<article>the\s+|an?\s+)?(?P<plain>[A-Za-z][\w\-]*(?:\s[\w\-]+){0,3})"
    r"\s*(?P<paren>[(（][^()（）]{1,20}[)）])?[\s.;:,]*$",
    re.IGNORECASE,
)


def defined_subject(text: str, formatted_only: bool = False) -> str | None:
    """The term a sentence defines by its shape (`X is a …`, `X란 …`), if any."""
    text = text.strip()
    if formatted_only and not _FORMATTED_START.match(text):
        return None
    called = _KO_CALLED.match(text)
    if called and not formatted_only:
        subject = defined_subject(text[called.end() :])
        alias = called.group("alias").strip()
        return f"{subject} ({alias})" if subject and "(" not in subject else subject
    spelled = _EN_SPELLED.match(text)
    if spelled and not formatted_only:
        return f"{spelled.group('subject')} ({spelled.group('full').strip()})"
    abbreviated = _EN_ABBREVIATED.match(text)
    if abbreviated and not formatted_only:
        subject = abbreviated.group("subject").strip()
        if term_problem(subject, max_words=6) is None and _plain_subject_ok(subject, True):
            return f"{subject} ({abbreviated.group('abbr')})"
    patterns = (_EN_DEFINES, _EN_REFERS, _EN_VERB, _EN_IS_FORMATTED, _KO_DEFINES, _KO_TOPIC_ONLY)
    for pattern in (*patterns, _KO_FORMATTED):
        match = pattern.match(text)
        if not match:
            continue
        raw = match.group("subject")
        formatted = raw.startswith(("*", "`", "_", "[["))
        if formatted_only and not formatted:
            return None
        paren = match.group("paren") or ""
        subject = _KO_ADVERB.sub("", plain_term(raw))  # `반면 NoSQL은 …`: NoSQL
        if not formatted:  # `LLM에서 양자화는 …`: where it is said, then the term
            subject = _KO_SETTING.sub("", subject) or subject
        noun = match.groupdict().get("noun")
        genus = match.groupdict().get("genus")
        if genus and genus[-1] in "하되":
            continue  # `… 사용하도록 하로`: never a noun
        if noun and not _copula_noun(noun):
            continue  # `… 보장할 수 있다`, `… 보낸다`: a verb, not `… 지표다`
        english = pattern in (_EN_DEFINES, _EN_REFERS)
        sentence = re.split(r"(?<=[.!?。])\s", text[match.end() :], maxsplit=1)[0]
        said = text[match.end("subject") : match.end()]  # the defining sentence, no further
        if _two_topics(said) or _CONTRAST.search(sentence):
            return None  # `IPv4 주소는 32비트, IPv6 주소는 128비트이다`: two facts, no definition
        if not formatted and not _plain_subject_ok(subject, english):
            return None
        if not formatted and _KO_PLACE.search(subject):
            return None  # `컴퓨터에서는 …`: where or to whom something holds, no topic defined
        if not formatted and english and _PLURAL_CLAIM.match(text[match.end("subject") :]):
            return None  # `Volumes are the preferred way …`: a claim, not a definition
        if term_problem(subject, max_words=5, code=raw.startswith("`")) is not None:
            return None
        if paren.lstrip(", ").startswith("$"):
            paren = ""  # a symbol is no other name
        if _AKA.match(paren):
            other = re.sub(r"^(?:the|an?)\s+", "", _AKA.sub("", paren).strip(), flags=re.I)
            paren = f" ({plain_term(other)})"  # `, also known as the *union find*,`
        return f"{subject}{paren.rstrip()}" if paren else subject
    return None


# `` `is` compares identity, `==` compares equality ``: two names set side by side.
_CONTRAST = re.compile(r"[,;]\s*(?:and\s+|while\s+|but\s+)?`[^`]+`\s+[a-z]+s\b")
_TOPIC = re.compile(r"(\S+?)\s?(?:은|는)\s")
_MODIFIER_STEM = "하되있없주오가지르"  # `동기화하는`, `있는`: a verb's modifier, not a topic


def _copula_noun(word: str) -> bool:
    """`지표` in `… 지표다`: a noun ending in an open syllable, as the bare copula `다` needs."""
    last = word[-1]
    if not "가" <= last <= "힣":
        return last.isalpha()  # `API다` reads as a noun
    open_syllable = (ord(last) - 0xAC00) % 28 == 0
    return open_syllable and last not in "하되주오가지보쓰두서나내해"


def _two_topics(rest: str) -> bool:
    """`IPv4 주소는 32비트, IPv6 주소는 128비트이다`: a second topic after a comma."""
    for part in re.split(r"[,，]", rest)[1:]:
        topic = _TOPIC.search(part[:24])
        if topic and topic.group(1)[-1] not in _MODIFIER_STEM:
            return True
    return False


_PLAIN_VERB = re.compile(
    r"^(?:(?:An?|The)\s+)?(?P<subject>[A-Z][\w\-]*(?:\s[\w\-]+)?)\s+[a-z]+(?<!ss)s\s"
)


def topic_subject(text: str, title: str) -> str | None:
    """`Specificity decides which rule wins …` in a note titled `TIL: CSS specificity`: the
    note's own topic, described by a verb, opens the note."""
    match = _PLAIN_VERB.match(text.strip())
    if not match:
        return None
    subject = match.group("subject")
    topic = title.casefold().rstrip(" .!?")
    if subject.casefold() in EN_STOP or not topic.endswith(subject.casefold()):
        return None  # the title names it: `… CSS specificity`, not `Git internals`
    if re.search(
        r"\b(?:in|of|for|with|on|at|from|using|via|and|vs\.?)\s*$", topic[: -len(subject)]
    ):
        return None  # `Integers In Postgres`: the title is about integers, not Postgres
    return subject if term_problem(subject, max_words=3) is None else None


def _plain_subject_ok(subject: str, english: bool) -> bool:
    words = subject.split()
    if not words or len(words) > 4:
        return False
    if english:
        first = words[0].casefold()
        if "," in subject:
            return False  # `GET, PUT, DELETE 는 …`: a list, not a term
        return first not in EN_STOP and not any(w.casefold() in ("is", "are") for w in words)
    if "," in subject:
        return False  # `GET, PUT, DELETE 는 …`: a list, not a term
    words = re.sub(r"\s*[(（][^)）]*[)）]", "", subject).split()  # `동화 작용(catabolism)의 예로`
    if any(_KO_CLAUSE.search(w) for w in words[:-1]) or _KO_VERB_STEM.search(words[-1]):
        return False  # `스프링 컨테이너가 관리하`: a clause, not a name
    return not _KO_STOP.match(subject) and len(words) <= 3


_NAMED_GROUPS = words("bold code quoted bold2 code2 quoted2 acronym known bold3 bold4")


# `<font color="#ff0">밑</font>`, `<mark>밑</mark>`: a name highlighted as bold would mark it.
_HIGHLIGHT = re.compile(r"<(font|mark|span)\b[^>]*>([^<>*]{1,40})</\1>", re.IGNORECASE)


def named_term(text: str) -> str | None:
    """`… 이를 **스풀링(Spooling)**이라고 한다` → `스풀링(Spooling)`."""
    match = _NAMED.search(_HIGHLIGHT.sub(r"**\2**", text))
    if not match:
        return _plain_named(text)
    groups = match.groupdict()
    raw = next(groups[k] for k in _NAMED_GROUPS if groups.get(k))
    paren = groups.get("paren") or ""
    term = plain_term(raw) + (paren if paren and "(" not in raw else "")
    return term if term_problem(plain_term(raw), max_words=6) is None else None


def _plain_named(text: str) -> str | None:
    """`… This is called the Yule-Simpson paradox.`: not `… called the process.`, one common
    word that only says which one."""
    match = _NAMED_PLAIN.search(text)
    if not match:
        return None
    name = match.group("plain").strip()
    if match.group("article") and len(name.split()) == 1 and name.islower():
        return None
    if term_problem(name, max_words=4) is not None:
        return None
    paren = match.group("paren") or ""
    return name + (f" {paren}" if paren else "")
