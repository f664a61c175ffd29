"""The visible text of the bundled example reports, as capture would give it (tags and chrome removed)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from civharm.examples import EXAMPLES_DIR


class _ArticleText(HTMLParser):
    """Collects the headline and paragraphs inside <article>: what capture keeps of a news page."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.keep = False
        self.parts: list[str] = []
        self._current: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.depth += 1
        if self.depth and tag in {"h1", "p"}:
            self.keep = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1
        if self.keep and tag in {"h1", "p"}:
            self.parts.append("".join(self._current).strip())
            self._current = []
            self.keep = False

    def handle_data(self, data: str) -> None:
        if self.keep:
            self._current.append(data)


def example_text(name: str) -> str:
    """Headline and body of an example report, paragraphs separated by blank lines."""
    raw = (EXAMPLES_DIR / name).read_text(encoding="utf-8")
    if not name.endswith(".html"):
        return raw.strip()
    parser = _ArticleText()
    parser.feed(raw)
    return "\n\n".join(p for p in parser.parts if p)


def example_path(name: str) -> Path:
    return EXAMPLES_DIR / name
