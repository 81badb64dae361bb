"""Notes and sections that hold no terms however they are laid out: a repository index whose
headings only point elsewhere, a changelog, a study plan of dated entries, a problem's sample
input and output."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from markdown_it.tree import SyntaxTreeNode

from ..parse import Section, first_paragraph, plain_text
from .labels import CONTENTS_WORDS

_DAY = r"(?:\d{2,4}\s*[./-]\s*)?\d{1,2}\s*[./-]\s*\d{1,2}\.?"
# `(2.05~2.17)`, `(3/4 - 3/17)`, `(~ 4.30)`, `(2017-02-05)`: when an entry is planned for.
_DATED = re.compile(
    rf"\(\s*(?:{_DAY}\s*[~–-]\s*(?:{_DAY})?|[~–-]\s*{_DAY})\s*\)\s*$"
    r"|\(\s*\d{4}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{1,2}\.?\s*\)\s*$"
)
_LISTS = ("bullet_list", "ordered_list")


def is_dated_entry(text: str) -> bool:
    """`Ⅰ. 데이터의 이해 (2.05~2.17)`: a plan's entry, dated, not a term."""
    return bool(_DATED.search(text))


def is_schedule(content: list[SyntaxTreeNode]) -> bool:
    """A body whose list is a timetable: most of its top-level items are dated entries."""
    for block in content:
        if block.type not in _LISTS or len(block.children) < 2:
            continue
        dated = 0
        for item in block.children:
            paragraph = first_paragraph(item)
            dated += paragraph is not None and is_dated_entry(plain_text(paragraph))
        if dated * 2 > len(block.children):
            return True
    return False


# Untagged or output-like fences: `예제 입력 1` / `Sample Output` over a block of raw data.
_DATA_FENCES = frozenset({"", "text", "txt", "plain", "plaintext", "output", "console", "none"})


def only_sample_data(content: list[SyntaxTreeNode]) -> bool:
    """A body that is only untagged fences of numbers (a problem's sample input or output):
    nothing to recall, and no term for a heading to stand for. An indented block of words
    (`    인터넷 할당 번호 관리 기관`) is a definition set off by indentation."""
    return bool(content) and all(
        block.type == "fence"
        and block.info.strip().casefold() in _DATA_FENCES
        and _is_data(block.content)
        for block in content
    )


def _is_data(text: str) -> bool:
    """Mostly numbers and symbols: `5` / `-2 4 -99 -1 98`, `3 4\n0 1 1 0`."""
    tokens = text.split()
    wordy = sum(any(c.isalpha() for c in t) for t in tokens)
    return bool(tokens) and wordy * 2 < len(tokens)


_LISTING_LINES = 12


def only_listing(content: list[SyntaxTreeNode]) -> bool:
    """A body that is only code, and long: a program to read, not an answer to recall (a
    short command under `## 컨테이너 목록 보기` is the answer to a task)."""
    fences = [b for b in content if b.type == "fence"]  # indented text is often prose
    lines = sum(b.content.count("\n") for b in fences)
    return bool(content) and len(fences) == len(content) and lines > _LISTING_LINES


_MAX_THIN_WORDS = 6


def _own_words(node: SyntaxTreeNode) -> int:
    """Words of a block's text outside its links (`[git1](…) Update: 21.Jan` has two)."""
    if node.type in ("link", "image", "html_block"):
        return 0
    if node.type in ("text", "code_inline"):
        return len(node.content.split())
    if node.type in ("table", "fence", "code_block"):
        return _MAX_THIN_WORDS + 1  # a table or code is matter of its own
    return sum(_own_words(child) for child in node.children)


def is_thin(section: Section) -> bool:
    """A section whose own body is empty, links, or a few words: an index entry."""
    return sum(_own_words(block) for block in section.body) <= _MAX_THIN_WORDS


def _links(section: Section) -> bool:
    return any(n.type == "link" for b in section.body for n in b.walk())


def is_index_note(sections: list[Section]) -> bool:
    """A README or index page: most of its headings hold nothing but links, a couple of names
    or nothing at all, and several point elsewhere, so the rest are entries of the same index,
    not terms. (Empty step headings under a term, `##### 1. 출발 노드를 설정`, link nowhere.)"""
    if len(sections) < 6:
        return False
    thin = [s for s in sections if is_thin(s)]
    bare = [s for s in thin if not s.children and not sum(_own_words(b) for b in s.body)]
    linking = [s for s in thin if _links(s)]
    return (
        len(thin) * 3 >= len(sections) * 2 and len(bare) * 2 >= len(sections) and len(linking) >= 3
    )


# `# Changelog`, `# Release notes`, `# 변경 이력`: a note that records changes to something.
_CHANGELOG_TITLE = re.compile(
    r"^(?:change\s*log|changes|release\s+notes|release\s+history|version\s+history"
    r"|revision\s+history|what'?s\s+new|변경\s*(?:이력|사항|내역|기록|로그)|릴리[스즈]\s*노트"
    r"|업데이트\s*(?:내역|기록|로그|노트)|버전\s*(?:이력|기록|히스토리))\s*[:.]?$",
    re.IGNORECASE,
)
# The names a project gives its changelog file. `HISTORY.md` and `NEWS.md` only in capitals:
# `history.md` in a history course is a study note.
_CHANGELOG_FILES = frozenset(
    {"changelog", "change-log", "change_log", "release-notes", "release_notes", "releasenotes"}
)
_CHANGELOG_CAPITALS = frozenset({"CHANGES", "HISTORY", "NEWS", "RELEASES"})
# `[0.4.0] - 2024-10-23`, `v1.2.0 (2024-01-02)`, `Version 2.1`, `1.0.0`, `[Unreleased]`: a
# release. A bare `1.2` or `2.1 Heap` is a numbered heading, not a release.
_RELEASE = re.compile(
    r"^(?:\[\s*(?:unreleased|v?\d+(?:\.\d+)+[\w.+-]*)\s*\](?:\([^()\s]*\))?"
    r"|(?:version\s+|v)\d+(?:\.\d+)+[\w.+-]*|\d+\.\d+\.\d+[\w.+-]*|unreleased)"
    r"(?:\s*(?:[-–—:]\s*)?\(?\d{4}[-./]\d{1,2}[-./]\d{1,2}\)?)?\s*$",
    re.IGNORECASE,
)


def _is_release(title: str) -> bool:
    """`[0.4.0] - 2024-10-23`, `v2.1.0 (2024-05-02)`; not the date `2024.03.04` of a log."""
    return bool(_RELEASE.match(title)) and not _DATE_ONLY.match(title)


# The headings a release's notes sort its changes under. `change` kinds name a change and
# nothing else; `topic` kinds (`Security`, `Performance`) are study headings too, so a note
# is a release's notes only when one of its headings is a `change` kind.
_CHANGE_KINDS = {
    **dict.fromkeys(
        (
            "added", "changed", "deprecated", "removed", "fixed", "breaking changes",
            "breaking change", "bug fixes", "bugfixes", "bug fix", "fixes", "no longer broken",
            "shiny new things", "new features", "other changes", "minor changes",
            "버그 수정", "수정된 버그", "새 기능", "새로운 기능", "변경 사항", "추가된 기능",
        ),
        "change",
    ),
    **dict.fromkeys(
        (
            "features", "improvements", "enhancements", "security", "performance",
            "documentation", "docs", "dependencies", "known issues", "internal", "misc",
            "개선", "개선 사항", "보안", "성능", "문서",
        ),
        "topic",
    ),
}  # fmt: skip


def _change_key(title: str) -> str:
    """`🐛 Bug Fixes`, `### Improvements:` → `bug fixes`, `improvements`."""
    return re.sub(r"^[^\w]+|[\s:：]+$", "", title.strip()).casefold()


_DATE_ONLY = re.compile(r"^\d{4}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{1,2}\.?(?:\s.*)?$")


_CONTENTS = re.compile(rf"^(?:{CONTENTS_WORDS}|index|색인)\s*[:：]?$", re.IGNORECASE)


def is_contents_title(title: str) -> bool:
    """`# Contents`, `# 목차`: a note that is a course's table of contents (its headings and
    items name the topics another note teaches)."""
    return bool(_CONTENTS.match(title.strip()))


def is_home_page(meta: Mapping[str, Any]) -> bool:
    """A documentation site's home page (Starlight's `template: splash`, a `hero:` banner over
    the site's features as Starlight and VitePress write it): it points to the notes and says
    what the site offers; it teaches nothing. (`layout: home` alone is not one: a Just the Docs
    glossary page is laid out so.)"""
    template = str(meta.get("template", "")).strip().casefold()
    return isinstance(meta.get("hero"), dict) or template == "splash"


def is_changelog(title: str, file_stem: str, sections: list[Section]) -> bool:
    """A changelog or release notes (`CHANGELOG.md`; `# Changelog`; headings that are
    releases, `## [0.4.0] - 2024-10-23` › `### Added`): its entries record what changed in a
    project, and its `Added`, `Changed` and `Fixed` headings are not terms."""
    if _CHANGELOG_TITLE.match(title.strip()):
        return True
    if file_stem.casefold() in _CHANGELOG_FILES or file_stem in _CHANGELOG_CAPITALS:
        return True
    releases = sum(1 for s in sections if _is_release(s.title.strip()))
    if releases >= 2 and releases * 2 >= len(sections):
        return True
    # One release's notes: `## Breaking changes`, `## Improvements`, `## No longer broken`
    kinds = [_CHANGE_KINDS.get(_change_key(s.title)) for s in sections]
    found = [k for k in kinds if k is not None]
    return len(found) >= 2 and len(found) * 3 >= len(sections) * 2 and "change" in found


# `edX(www.edx.org)`, `Google(https://…)`: a site named with its address.
_ADDRESS = re.compile(
    r"https?://\S+|\bwww\.\S+|\b[\w-]+\.(?:com|org|net|io|dev|edu|gov|co\.kr|kr)\b",
    re.IGNORECASE,
)


def only_sites(content: list[SyntaxTreeNode]) -> bool:
    """A body that is only lists of sites, each item giving an address: where to study, not
    what (`1. edX(www.edx.org)`, `2. 코세라(www.coursera.org)`)."""
    items = [i for b in content if b.type in _LISTS for i in b.children]
    return (
        len(items) >= 2
        and all(b.type in _LISTS for b in content)
        and all(_ADDRESS.search(plain_text(i)) or _links_in(i) for i in items)
        and all(len(plain_text(i).split()) <= 8 for i in items)  # names, not explanations
    )


def _links_in(node: SyntaxTreeNode) -> bool:
    return any(n.type == "link" for n in node.walk())


_CREDIT_LABEL = (
    r"(?:출처|source|sources|src|참고|참고자료|from|via|reference|references|ref)\s*[:：]\s*"
)
_CREDIT = re.compile(_CREDIT_LABEL + r"(?:https?://|www\.|<https?://|\[)", re.IGNORECASE)
# `Reference: [Wikipedia 1NF](https://…)`: the label, then nothing but a link.
_CREDIT_LINK = re.compile(_CREDIT_LABEL + r"\[[^\[\]]+\]\([^()\s]+\)\s*$", re.IGNORECASE)


def is_credit_line(block: SyntaxTreeNode) -> bool:
    """`출처 : http://…`, `Reference: [Wikipedia](…)` alone in a paragraph: where the table or
    section came from."""
    if block.type != "paragraph" or not block.map or block.map[1] - block.map[0] != 1:
        return False
    raw = block.children[0].content if block.children else ""
    return bool(_CREDIT.match(plain_text(block)) or _CREDIT_LINK.match(raw.strip()))


def is_caption_line(block: SyntaxTreeNode) -> bool:
    """`**1회 — SQL·정규화 (43Q)**` alone on its line over a table: the table's caption."""
    if block.type != "paragraph" or not block.map or block.map[1] - block.map[0] != 1:
        return False
    inline = block.children[0].children if block.children else []
    parts = [n for n in inline if n.type != "text" or n.content.strip()]
    return len(parts) == 1 and parts[0].type == "strong"
