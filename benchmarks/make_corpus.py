"""A deterministic, seeded corpus of realistic study notes: N files x K cards.

Notes mix Korean and English and every style the extractor reads: headings with bullets,
**bold** list terms with nested items, `Term: meaning` lines, definition lists, two-column
tables, Q:/A: pairs, code blocks, local images with a credit line, changelog lines and a
Sources/출처 list. The same cards are also written in ankdown's syntax (front `%` back `---`)
so both tools can be timed on the same content.

    python benchmarks/make_corpus.py OUT --notes 200 --cards 20 [--seed 1] [--ankdown DIR]
"""

from __future__ import annotations

import argparse
import random
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

TOPICS = [
    ("networking", "네트워크"),
    ("operating-systems", "운영체제"),
    ("databases", "데이터베이스"),
    ("algorithms", "알고리즘"),
    ("compilers", "컴파일러"),
    ("security", "보안"),
    ("distributed-systems", "분산 시스템"),
    ("machine-learning", "머신러닝"),
    ("korean-history", "한국사"),
    ("biology", "생물학"),
]
EN_WORDS = [
    "cache",
    "buffer",
    "packet",
    "kernel",
    "thread",
    "process",
    "scheduler",
    "index",
    "query",
    "transaction",
    "lock",
    "replica",
    "shard",
    "token",
    "parser",
    "grammar",
    "register",
    "pipeline",
    "branch",
    "gradient",
    "tensor",
    "layer",
    "vector",
    "matrix",
    "protocol",
    "socket",
    "handshake",
    "cipher",
    "hash",
    "signature",
    "certificate",
    "queue",
    "stack",
    "heap",
    "graph",
    "tree",
    "node",
    "edge",
    "latency",
    "throughput",
    "memory",
    "page",
    "segment",
    "frame",
    "channel",
    "stream",
    "cell",
    "membrane",
    "enzyme",
    "protein",
    "gene",
    "dynasty",
    "kingdom",
    "treaty",
    "reform",
]
EN_ADJ = [
    "virtual",
    "distributed",
    "atomic",
    "concurrent",
    "lazy",
    "eager",
    "stable",
    "persistent",
    "volatile",
    "adaptive",
    "optimistic",
    "pessimistic",
    "shared",
    "private",
    "nested",
    "balanced",
    "sparse",
    "dense",
    "linear",
    "recursive",
]
EN_VERBS = [
    "stores",
    "keeps",
    "sends",
    "receives",
    "orders",
    "splits",
    "merges",
    "checks",
    "tracks",
    "limits",
    "maps",
    "resolves",
    "retries",
    "copies",
    "signs",
    "verifies",
    "schedules",
    "evicts",
    "flushes",
    "commits",
]
KO_NOUNS = [
    "캐시",
    "버퍼",
    "패킷",
    "커널",
    "스레드",
    "프로세스",
    "스케줄러",
    "인덱스",
    "쿼리",
    "트랜잭션",
    "잠금",
    "복제본",
    "샤드",
    "토큰",
    "파서",
    "문법",
    "레지스터",
    "파이프라인",
    "분기",
    "기울기",
    "텐서",
    "계층",
    "벡터",
    "행렬",
    "프로토콜",
    "소켓",
    "암호",
    "해시",
    "서명",
    "인증서",
    "큐",
    "스택",
    "힙",
    "그래프",
    "트리",
    "노드",
    "지연",
    "처리량",
    "메모리",
    "페이지",
    "세그먼트",
    "채널",
    "세포",
    "효소",
    "단백질",
    "유전자",
    "왕조",
    "조약",
    "개혁",
]
KO_ENDINGS = (
    "를 관리함",
    "를 저장함",
    "의 순서를 보장함",
    "를 나누어 처리함",
    "에서 충돌을 막음",
    "를 빠르게 찾을 수 있음",
    "가 필요할 때만 계산함",
    "를 여러 노드에 복제함",
)
CODE_LANGS = ("python", "sql", "bash", "c")


@dataclass
class Card:
    term: str
    aliases: list[str]
    body: list[str]  # Markdown lines of the definition (bullets), no indentation
    image: str = ""  # file name of a local image shown under the definition
    code: str = ""  # a fenced code block appended to the definition
    lang: str = ""


class Writer:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.used: set[str] = set()

    def term(self, korean: bool) -> tuple[str, list[str]]:
        r = self.rng
        while True:
            if korean:
                name = f"{r.choice(KO_NOUNS)} {r.choice(KO_NOUNS)}"
                aliases = [f"{r.choice(EN_ADJ).title()} {r.choice(EN_WORDS).title()}"]
            else:
                name = f"{r.choice(EN_ADJ).title()} {r.choice(EN_WORDS).title()}"
                aliases = [r.choice(KO_NOUNS) + " " + r.choice(KO_NOUNS)]
            name = f"{name} {r.randint(1, 999)}"
            if name not in self.used:
                self.used.add(name)
                return name, aliases if r.random() < 0.3 else []

    def sentence(self, korean: bool) -> str:
        r = self.rng
        if korean:
            words = [r.choice(KO_NOUNS) for _ in range(r.randint(3, 6))]
            return " ".join(words) + r.choice(KO_ENDINGS)
        words = [r.choice(EN_ADJ), r.choice(EN_WORDS), r.choice(EN_VERBS)]
        words += [r.choice(EN_WORDS) for _ in range(r.randint(3, 7))]
        extra = f" `{r.choice(EN_WORDS)}()`" if r.random() < 0.2 else ""
        return " ".join(words).capitalize() + extra

    def card(self, korean: bool, images: list[str]) -> Card:
        r = self.rng
        term, aliases = self.term(korean)
        body = [self.sentence(korean if r.random() < 0.8 else not korean) for _ in range(4)]
        card = Card(term, aliases, body)
        if images and r.random() < 0.08:
            card.image = r.choice(images)
        if r.random() < 0.06:
            card.lang = r.choice(CODE_LANGS)
            card.code = "\n".join(
                f"{r.choice(EN_WORDS)}_{i} = {r.choice(EN_WORDS)}({i})" for i in range(4)
            )
        return card


def _alias_text(card: Card, korean: bool) -> str:
    if not card.aliases:
        return card.term
    return f"{card.term}({', '.join(card.aliases)})"


def _image_lines(card: Card, indent: str) -> list[str]:
    if not card.image:
        return []
    return [
        f"{indent}![{card.term} diagram](images/{card.image})",
        f"{indent}*출처: [{card.term} 자료](https://example.org/{card.image})*",
    ]


def _code_lines(card: Card, indent: str) -> list[str]:
    if not card.code:
        return []
    return [
        f"{indent}```{card.lang}",
        *(indent + ln for ln in card.code.split("\n")),
        f"{indent}```",
    ]


def style_heading(card: Card, level: int) -> list[str]:
    out = ["#" * level + " " + _alias_text(card, False), ""]
    out += [f"- {line}" for line in card.body]
    out += _image_lines(card, "")
    if card.code:
        out += ["", *_code_lines(card, "")]
    return [*out, ""]


def style_bold_item(card: Card) -> list[str]:
    out = [f"- **{_alias_text(card, False)}**"]
    out += [f"  - {line}" for line in card.body]
    out += _image_lines(card, "  ")
    if card.code:
        out += ["", *_code_lines(card, "  ")]
    return out


def style_term_line(card: Card) -> list[str]:
    return [f"{card.term}: {'; '.join(card.body[:2])}", ""]


def style_deflist(card: Card) -> list[str]:
    return [card.term, f": {' '.join(card.body[:2])}", ""]


def style_question(card: Card) -> list[str]:
    return [f"Q: {card.term}?", f"A: {' '.join(card.body[:2])}", ""]


def style_table(cards: list[Card], korean: bool) -> list[str]:
    head = "| 용어 | 뜻 |" if korean else "| Term | Meaning |"
    out = [head, "| --- | --- |"]
    out += [f"| {c.term} | {c.body[0]}; {c.body[1]} |" for c in cards]
    return [*out, ""]


def note_text(w: Writer, index: int, topic: tuple[str, str], cards: list[Card]) -> str:
    r = w.rng
    korean = index % 2 == 0
    title = f"{topic[1] if korean else topic[0].replace('-', ' ').title()} {index:05d}"
    lines: list[str] = []
    if r.random() < 0.3:
        deck = f"deck: {topic[0].replace('-', ' ').title()}"
        lines += ["---", f"id: note-{index:05d}", f"tags: [{topic[0]}, bench]", deck, "---", ""]
    lines += [f"# {title}", ""]
    if r.random() < 0.5:
        lines += ["- 2021.03.14: 첫 작성", "- 2021.04.02: 그림 추가", ""]
    pos = 0
    section = 0
    while pos < len(cards):
        section += 1
        group = cards[pos : pos + r.randint(3, 7)]
        pos += len(group)
        lines += [f"## {'개요' if korean else 'Part'} {section}", ""]
        kind = r.random()
        if kind < 0.4:
            for card in group:
                lines += style_heading(card, 3)
        elif kind < 0.8:
            for card in group:
                lines += style_bold_item(card)
            lines.append("")
        elif kind < 0.86:
            for card in group:
                lines += style_term_line(card)
        elif kind < 0.92:
            lines += style_table(group, korean)
        elif kind < 0.96:
            for card in group:
                lines += style_deflist(card)
        else:
            for card in group:
                lines += style_question(card)
    sources = "출처" if korean else "Sources"
    lines += [f"## {sources}", ""]
    for i in range(r.randint(2, 5)):
        lines.append(f"- [{topic[0]} reference {i}](https://example.org/{topic[0]}/{index}/{i})")
    return "\n".join(lines) + "\n"


def ankdown_text(cards: list[Card]) -> str:
    """The same cards in ankdown's syntax: front, `%`, back, `---`."""
    blocks: list[str] = []
    for card in cards:
        back = [f"- {line}" for line in card.body]
        if card.image:
            back.append(f"![{card.term} diagram](images/{card.image})")
        if card.code:
            back += ["", *_code_lines(card, "")]
        blocks.append(f"{_alias_text(card, False)}\n\n%\n\n" + "\n".join(back) + "\n")
    return "\n---\n\n".join(blocks)


def png_bytes(seed: int, size: int = 24) -> bytes:
    """A small valid PNG whose pixels depend on `seed`."""
    r = random.Random(seed)
    rows = b"".join(b"\x00" + bytes(r.randrange(256) for _ in range(size * 3)) for _ in range(size))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def generate(out: Path, notes: int, cards: int, seed: int = 1, ankdown: Path | None = None) -> int:
    """Write `notes` notes of about `cards` cards each under `out`; returns the cards written."""
    w = Writer(seed)
    total = 0
    for t, topic in enumerate(TOPICS):
        images = [f"{topic[0]}-{i}.png" for i in range(8)]
        for target in (out, ankdown):
            if target is None:
                continue
            folder = target / topic[0] / "images"
            folder.mkdir(parents=True, exist_ok=True)
            for i, name in enumerate(images):
                (folder / name).write_bytes(png_bytes(seed * 1000 + t * 10 + i))
    for index in range(notes):
        topic = TOPICS[index % len(TOPICS)]
        images = [f"{topic[0]}-{i}.png" for i in range(8)]
        korean = index % 2 == 0
        note_cards = [w.card(korean, images) for _ in range(cards)]
        total += len(note_cards)
        name = f"{topic[0]}/note-{index:05d}.md"
        (out / name).write_text(note_text(w, index, topic, note_cards), "utf-8")
        if ankdown is not None:
            (ankdown / name).write_text(ankdown_text(note_cards), "utf-8")
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--notes", type=int, default=200)
    parser.add_argument("--cards", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--ankdown", type=Path, default=None, help="also write ankdown syntax")
    args = parser.parse_args()
    total = generate(args.out, args.notes, args.cards, args.seed, args.ankdown)
    print(f"{args.notes} notes, {total} cards → {args.out}")


if __name__ == "__main__":
    main()
