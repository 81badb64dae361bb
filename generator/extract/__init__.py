"""Stage 3: section tree → cards.

Strategies (one per module) propose candidates; this module walks the sections, skips what is
never a card (the title, sources and table-of-contents sections, changelogs), and hands the
candidates to `assemble`, which cuts each definition out of the note's own lines.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from ..attribute import is_sources_heading, links_in_nodes
from ..model import Card, Diagnostic, ExtractedNote, Loc, NoteInfo, Rejection, SourceLink
from ..parse import MAX_NESTING, ParsedNote, Section, all_sections
from .aspectsections import answer_parts, describing_aspects, fold_summary, folded_candidate
from .assemble import assemble
from .body import body_candidates
from .candidate import Candidate, Context, Scope
from .details import details_candidates
from .filters import is_date_line, noise_lines
from .headings import content_blocks, heading_candidate, names_kinds, names_no_term
from .headnames import heading_term, is_about_notes, is_notes_meta, path_name, section_name
from .labels import (
    CONTENTS,
    is_label,
    is_log_heading,
    is_never_heading,
    is_own_remarks,
    is_personal,
)
from .markup import markup_candidates
from .notecard import is_note_subject, note_candidate, overview_subject
from .notekinds import is_changelog, is_contents_title, is_home_page, is_index_note
from .orphans import adopt_images
from .sectionlabels import (
    is_example_section,
    is_instance_heading,
    is_resource_section,
    only_examples,
    section_label_kind,
)
from .skip import NO_SKIP, Skip, apply_skip
from .templates import template_fields
from .terms import strip_numbering, term_key

__all__ = ["extract", "tail_sections", "title_section"]

_EXPLICIT = frozenset({"qa", "double-colon", "cloze", "details"})


def title_section(parsed: ParsedNote) -> Section | None:
    """The document title: a level-1 heading that opens the note and is its only one; one
    that holds the note's sections while each later level-1 heading is a lone remark with no
    sections of its own (`# Note: this may be on the exam` at the end of lecture notes); or one
    with nothing under it, before level-1 headings used as sections."""
    root = parsed.root
    top = [s for s in root.children if s.level == 1]
    if not top or root.children[0] is not top[0]:
        return None
    named = parsed.front_title
    if named and not _restates(top[0].title, named) and _sectioning(top):
        return None  # front matter names the note; `# What does this contain?` is a section
    first = top[0]
    if len(top) == 1 or (_named(first.children) and not any(_named(s.children) for s in top[1:])):
        return first
    # `# 퍼텐셜 이론` then `# 개요`, `# 정의`: an empty first heading names the note.
    if first.title.strip() and not first.body and not first.children:
        return first
    return None


_TITLE_WORD = re.compile(r"[^\W_]{2,}")


def _sectioning(top: list[Section]) -> bool:
    """Level-1 headings used as sections: several of them, or one that is a label or is about
    the notes (`# 정의`, `# What does this contain?`). A lone heading on its subject is the
    title even when the front matter words it otherwise (a translated or shortened title)."""
    first = section_name(top[0].title)
    return len(top) > 1 or is_label(first) or is_about_notes(top[0].title)


def _restates(heading: str, title: str) -> bool:
    """Does a level-1 heading say the front-matter title again (`# 스핀락 (Spin Lock)` under
    `title: 스핀락`, `# 주요 철학 개념들` under `title: 철학적 용어들`)? They share a word, or
    one word starts another (Korean particles and suffixes follow the stem)."""
    ours = {w.casefold() for w in _TITLE_WORD.findall(heading)}
    theirs = {w.casefold() for w in _TITLE_WORD.findall(title)}
    return any(a.startswith(b) or b.startswith(a) for a in ours for b in theirs)


def _named(sections: list[Section]) -> bool:
    """Whether any of `sections` has a heading text (a bare `##` names nothing)."""
    return any(s.title.strip() for s in sections)


def tail_sections(parsed: ParsedNote, title: Section | None) -> list[Section]:
    """The top-level sections after the title's own: the lone level-1 remarks it allows."""
    return [s for s in parsed.root.children if title is not None and s is not title]


def extract(
    parsed: ParsedNote,
    info: NoteInfo,
    disabled: frozenset[str] = frozenset(),
    skip: Skip = NO_SKIP,
) -> ExtractedNote:
    """The note's cards; strategies named in `disabled` propose none, so a parent keeps the
    body a switched-off child would have taken. Cards named in the note's `skip:` are left out
    afterwards: their parents still name them, as the note does."""
    ctx = Context(parsed, info)
    candidates: list[Candidate] = []
    sources: list[SourceLink] = []
    title = title_section(parsed)
    start = title if title is not None else parsed.root
    shown = title.title if title is not None else parsed.front_title
    whole = _no_cards_at_all(shown, start, info)
    if whole:
        line = title.line if title is not None else 1
        ctx.reject(line, shown or info.title, whole, designed=True)
        found = _nesting_warning(parsed, info) + _undefined_images(parsed, info)
        return ExtractedNote(info=info, cards=(), diagnostics=found, rejected=tuple(ctx.rejected))
    if title is not None:
        ctx.reject(title.line, title.title, "the note's title")
    note = note_candidate(start, ctx)
    if note is not None:
        candidates.append(note)
    owner = note.term if note is not None else ""
    ctx.index = is_index_note(all_sections(start)[1:])
    _blocks(start, (), owner, ctx, candidates)
    if title is not None:
        _blocks(parsed.root, (), "", ctx, candidates)
    subject = info.title if note is not None or is_note_subject(info.title) else ""
    if title is None and not parsed.front_title:  # the title is only the file's name
        subject = overview_subject(start) or subject
    for child in [*start.children, *tail_sections(parsed, title)]:
        _walk(child, (path_name(child.title),), subject, ctx, candidates, sources)
    everything = [n for s in all_sections(parsed.root) for n in s.body]
    ctx.figures = {
        i
        for top in everything
        for n in top.walk()
        if n.type in ("fence", "code_block", "math_block", "math_block_label") and n.map
        for i in range(*n.map)
    }
    candidates = [c for c in template_fields(candidates, ctx) if c.strategy not in disabled]
    cards = adopt_images(assemble(candidates, ctx, noise_lines(everything)), start, ctx)
    cards, skipped, unused = apply_skip(cards, skip, info.path)
    for card, entry in skipped:
        ctx.reject(card.loc.line, card.term, f"named in the note's `skip:` ({entry!r})")
    return ExtractedNote(
        info=info,
        cards=cards,
        sources=tuple(sources),
        diagnostics=_nesting_warning(parsed, info) + _undefined_images(parsed, info) + unused,
        rejected=_turned_down(ctx.rejected, cards),
    )


def _turned_down(rejected: list[Rejection], cards: tuple[Card, ...]) -> tuple[Rejection, ...]:
    """The rejections `--explain` shows, in line order: not the ones another strategy
    overruled (`> **sda란?**` is no colon term, but it is a question card)."""
    made = {(c.loc.line, term_key(c.term)) for c in cards}
    kept = (r for r in rejected if (r.loc.line, term_key(r.text)) not in made)
    return tuple(sorted(kept, key=lambda r: r.loc.line))


_FLAT = "flatten it"


def _no_cards_at_all(shown: str, start: Section, info: NoteInfo) -> str:
    """Why the whole note makes no card (a changelog, a table of contents, a site's home
    page), or "" when it may make some."""
    if is_changelog(shown, PurePosixPath(info.rel).stem, start.children):
        return "a changelog: its entries record changes, not terms"
    if is_contents_title(shown):
        return CONTENTS
    if is_home_page(info.meta):
        return "a site's home page: it points to the notes and says what the site offers"
    return ""


def _nesting_warning(parsed: ParsedNote, info: NoteInfo) -> tuple[Diagnostic, ...]:
    found: list[Diagnostic] = []
    if parsed.nesting_cut:
        message = (
            f"{parsed.nesting_kind} nested more than {parsed.nesting_read} levels deep: "
            f"{parsed.nesting_skipped} line(s) nested deeper are not read; the rest of the note is"
        )
        found.append(Diagnostic(Loc(info.path, parsed.nesting_cut), "warning", message, _FLAT))
    if parsed.plain_from:
        message = (
            f"inline markup nested more than {MAX_NESTING} levels deep: its text is kept as "
            "plain text, without its formatting"
        )
        found.append(Diagnostic(Loc(info.path, parsed.plain_from), "warning", message, _FLAT))
    return tuple(found)


def _undefined_images(parsed: ParsedNote, info: NoteInfo) -> tuple[Diagnostic, ...]:
    return tuple(
        Diagnostic(
            Loc(info.path, line),
            "warning",
            f"image reference {written} names no reference definition; shown as text",
            "define it on a line of its own, such as `[name]: img/picture.png`",
        )
        for line, written in parsed.undefined_images
    )


def _walk(
    section: Section,
    path: tuple[str, ...],
    parent_term: str,
    ctx: Context,
    out: list[Candidate],
    sources: list[SourceLink],
    shown_in: str = "",
    aspect: bool = False,
) -> None:
    """`shown_in`: the examples, code or set-up section this one is part of, if any; `aspect`:
    the section is part of the answer of the term above it (`웹 스코프` › `특징`)."""
    if is_sources_heading(section.title):
        for sub in all_sections(section):
            sources.extend(links_in_nodes(sub.body))
        ctx.reject(section.line, section.title, "a sources section: its links credit the cards")
        return
    if is_resource_section(section_name(section.title)):
        ctx.reject(
            section.line, section.title, "a list of resources to read or watch", designed=True
        )
        return
    under_term = len(path) > 1 and bool(parent_term)  # `Events › Retrospective` is a term
    if is_notes_meta(section.title) and not under_term:
        # `About this repository`, `How to use this repository`: what it says of the notes
        # (the courses they cover, the sidebar to browse them by) teaches nothing
        reason = "a section about the notes themselves, not a term"
        ctx.reject(section.line, section.title, reason, designed=True)
        return
    own = is_own_remarks(section.title)  # `### 회고` under a mission: the author's, never a term
    never = is_never_heading(section.title) and (own or not under_term)
    if never or is_log_heading(strip_numbering(section.title)):
        ctx.reject(
            section.line,
            section.title,
            "a table of contents, changelog, summary or log section",
            designed=True,
        )
        if not never and not is_personal(section.title):  # `오늘 배운 것` › `### 웹훅`: terms
            for child in section.children:
                _walk(child, (*path, path_name(child.title)), "", ctx, out, sources)
        return
    aspects: list[Section] = []
    instance = is_instance_heading(section.title)  # `Mistake 1: Using 이/가 for …`
    if shown_in or instance:  # `트리거 예시` › `트리거 삭제하기`: one of the examples, not a term
        reason = (
            f"a part of {shown_in!r}, not a term"
            if shown_in
            else "one of a set of examples, cases or mistakes, not a term"
        )
        ctx.reject(section.line, section.title, reason, designed=True)
        heading = None
    else:
        heading, aspects = _term_heading(section, path, ctx, parent_term)
    if heading is not None and _groups_terms(section, path, ctx):
        ctx.reject(
            section.line, section.title, "a section label over terms of its own", designed=True
        )
        heading = None
    found: list[Candidate] = []
    question = heading is not None and heading.strategy == "question"
    owner = heading.term if heading is not None else parent_term if aspect else ""
    also = heading.aliases if heading is not None else ()
    _blocks(section, path, owner, ctx, found, question, also)
    if instance or only_examples(section.title) or only_examples(shown_in):
        found = _not_examples(found, ctx)
    explicit = [c for c in found if c.strategy in _EXPLICIT]
    if heading is not None and len(explicit) >= 2:
        ctx.reject(section.line, section.title, "a section of explicit cards, not a term")
        heading = None
    if heading is not None:
        out.append(heading)
    out.extend(_logged(section, found, ctx))
    named = heading_term(section.title, parent_term, len(path) > 1)
    term = named[0] if named is not None and not names_no_term(section.title, named[0]) else ""
    shown_in = shown_in or (
        section.title if is_example_section(section_name(section.title)) else ""
    )
    for child in section.children:
        part = section.title if child in aspects else ""
        child_path = (*path, path_name(child.title))
        _walk(child, child_path, term, ctx, out, sources, shown_in or part, bool(part))


# In a section of examples, a list item with lines under it, a question put to the reader and a
# table's rows are the examples themselves; a definition written out (`X: …`, `X is …`) is not.
_EXAMPLE_SHAPES = frozenset({"list-term", "question-item", "table"})


def _not_examples(found: list[Candidate], ctx: Context) -> list[Candidate]:
    for card in found:
        if card.strategy in _EXAMPLE_SHAPES:
            ctx.reject(card.line, card.term, "an example in a section of examples, not a term")
    return [c for c in found if c.strategy not in _EXAMPLE_SHAPES]


def _term_heading(
    section: Section, path: tuple[str, ...], ctx: Context, parent_term: str
) -> tuple[Candidate | None, list[Section]]:
    """The heading's card and the sub-sections (`특징`, `종류`, `정리`) folded into it."""
    named = heading_term(section.title, parent_term, len(path) > 1)
    kinds = named is not None and names_kinds(section.title)
    has_body = kinds and bool(content_blocks(section, ctx))  # only asked about for kinds
    aspects = describing_aspects(section, has_body) if kinds else []
    asked = named is not None and named[2] == "question" and not aspects
    if asked and not content_blocks(section, ctx):  # `1️⃣ What is …?` › `Expected Answer`
        aspects = answer_parts(section)
    if aspects and not has_body and named is not None:
        return folded_candidate(section, path, named, aspects, ctx.parsed.lines), aspects
    heading = heading_candidate(section, path, ctx, parent_term)
    if heading is None:
        return None, []
    fold_summary(heading, aspects, ctx.parsed.lines)
    return heading, aspects


def _groups_terms(section: Section, path: tuple[str, ...], ctx: Context) -> bool:
    """`핵심 규칙` over `- RANK(): …` lines: the lines are the cards, the heading only a label.
    With plain rules under it (`Rules` › `1. Each value has one owner`), it is a card."""
    if section_label_kind(section_name(section.title)) != "grouping":
        return False
    scratch: list[Candidate] = []
    _blocks(section, path, "", Context(ctx.parsed, ctx.info), scratch)
    return bool(scratch)


def _blocks(
    section: Section,
    path: tuple[str, ...],
    owner: str,
    ctx: Context,
    out: list[Candidate],
    answer: bool = False,
    also: tuple[str, ...] = (),
) -> None:
    """Explicit markup first (it takes its lines), then every block strategy."""
    maps = [b.map for b in section.body if b.map]
    if not maps:
        return
    span = (maps[0][0], maps[-1][1])
    code = {
        i
        for b in section.body
        for n in b.walk()
        if n.type in ("fence", "code_block", "html_block", "math_block") and n.map
        for i in range(*n.map)
    }
    fences = {
        i
        for b in section.body
        for n in b.walk()
        if n.type in ("fence", "code_block") and n.map
        for i in range(*n.map)
    }
    marked = list(details_candidates(span, fences, path, ctx))
    taken = {i for c in marked if c.owned for i in range(*c.owned)}
    marked.extend(markup_candidates(span, code | taken, path, ctx))
    out.extend(marked)
    taken = {i for c in marked if c.owned for i in range(*c.owned)}
    out.extend(body_candidates(section.body, Scope(path, owner, taken | code, answer, also), ctx))


_MARKED = ("**", "__", "`", "==", "[[")
_LOGGED = frozenset({"list-term", "bold-heading"})


def _logged(section: Section, found: list[Candidate], ctx: Context) -> list[Candidate]:
    """`### 2024.07.01` over `- AWS 강의 학습` and `  - 섹션 7: EC2`: a diary entry records what
    was done that day, and what is nested under it is its detail. A name the writer marked
    (`- **Mutex**: …`) or a definition written out (`트랜잭션은 …이다`) is still a term."""
    if not is_date_line(strip_numbering(section.title)):
        return found
    entries: list[tuple[int, int]] = []
    kept: list[Candidate] = []
    for candidate in found:
        line = ctx.parsed.lines[candidate.line - 1]
        inside = any(start <= candidate.line - 1 < end for start, end in entries)
        plain = not any(m in line for m in _MARKED)
        if inside or (candidate.strategy in _LOGGED and plain):
            ctx.reject(candidate.line, candidate.term, "an entry of a dated log, not a term")
            entries.append((candidate.line - 1, (candidate.owned or (0, 0))[1]))
            continue
        kept.append(candidate)
    return kept
