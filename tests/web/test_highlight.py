"""Highlighting: escaped text, balanced marks, the text recoverable exactly, whatever the spans."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from civharm.web.highlight import excerpt, excerpts, highlight, sentence_bounds

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples"
_TAG = re.compile(r"<mark\b[^>]*>|</mark>")


class _Balance(HTMLParser):
    """Records every tag; fails on any tag other than mark, and on unbalanced marks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.max_depth = 0
        self.others: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "mark":
            self.others.append(tag)
        self.depth += 1
        self.max_depth = max(self.max_depth, self.depth)

    def handle_endtag(self, tag: str) -> None:
        if tag != "mark":
            self.others.append("/" + tag)
        self.depth -= 1
        assert self.depth >= 0, "closing tag without opening tag"

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _spans(max_len: int) -> st.SearchStrategy[list[tuple[int, int, str, str]]]:
    pos = st.integers(min_value=-3, max_value=max_len + 3)
    return st.lists(
        st.tuples(pos, pos, st.sampled_from(["casualty", "place", "x y<z"]), st.text(max_size=8)),
        max_size=8,
    )


@given(st.data())
def test_any_spans_give_back_the_text_and_balanced_tags(data: st.DataObject) -> None:
    text = data.draw(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=60))
    spans = data.draw(_spans(len(text)))
    out = str(highlight(text, spans, anchors=[f"span-{i}" for i in range(len(spans))]))
    assert html.unescape(_TAG.sub("", out)) == text
    assert "<" not in _TAG.sub("", out)
    parser = _Balance()
    parser.feed(out)
    parser.close()
    assert parser.depth == 0
    assert parser.others == []
    # every non-empty span appears: its first fragment carries its anchor exactly once
    for i, (s, e, _, _) in enumerate(spans):
        lo, hi = max(0, min(s, len(text))), max(0, min(e, len(text)))
        assert out.count(f'id="span-{i}"') == (1 if lo < hi else 0)


@given(st.text(max_size=40), st.text(max_size=40))
def test_text_inside_each_mark_is_the_span(before: str, inside: str) -> None:
    text = before + inside + "!"
    out = str(highlight(text, [(len(before), len(before) + len(inside), "place", "t")]))
    if inside:
        inner = re.search(r"<mark[^>]*>(.*?)</mark>", out, re.S)
        assert inner is not None
        assert html.unescape(inner.group(1)) == inside


def test_markup_in_text_and_titles_is_escaped() -> None:
    text = '<script>alert(1)</script> and <img src=x onerror="alert(2)">'
    out = str(highlight(text, [(0, 8, "casualty", '"><script>alert(3)</script>')]))
    assert "<script>" not in out
    assert "<img" not in out
    assert "&lt;script&gt;" in out
    assert 'title="&#34;&gt;&lt;script&gt;alert(3)&lt;/script&gt;"' in out


def test_crossing_spans_are_split_and_nested_spans_nest() -> None:
    text = "abcdefghij"
    spans = [(0, 5, "a", ""), (3, 8, "b", ""), (1, 2, "c", "")]
    out = str(highlight(text, spans, anchors=["s0", "s1", None]))
    # c nests inside a; b crosses a's end so it is split into two fragments
    assert out.count('data-span="1"') == 2
    assert out.count('id="s1"') == 1
    assert out.startswith('<mark class="hl hl-a" data-span="0" title="" id="s0">a<mark class="hl hl-c"')


def test_kind_is_a_safe_class_name() -> None:
    out = str(highlight("abc", [(0, 3, 'x" onclick="evil', "")]))
    assert out.startswith('<mark class="hl hl-x-onclick-evil" data-span="0" title="">abc')
    assert 'onclick="' not in out


def test_sentence_bounds_keep_abbreviations_and_stop_at_sentence_end() -> None:
    text = "First one. The strike on Sept. 30 killed 12 people. Mr. Smith said so. Last."
    i = text.index("12")
    lo, hi = sentence_bounds(text, i, i + 2)
    assert text[lo:hi] == "The strike on Sept. 30 killed 12 people."
    j = text.index("Smith")
    assert text[slice(*sentence_bounds(text, j, j + 5))] == "Mr. Smith said so."


def test_excerpt_spans_two_sentences_and_marks_both() -> None:
    text = "Intro. Planes hit the market. At least 44 died. After."
    a, b = text.index("market"), text.index("At least 44")
    ex = excerpt(text, [(a, a + 6, "place", "Ariha"), (b, b + 11, "casualty", "44+")])
    assert text[ex.start : ex.end] == "Planes hit the market. At least 44 died."
    assert str(ex.html).count("<mark") == 2
    assert not ex.cut_before and not ex.cut_after


def test_excerpt_without_punctuation_is_cut_and_says_so() -> None:
    text = "word " * 200
    ex = excerpt(text, [(500, 504, "place", "")])
    assert ex.cut_before and ex.cut_after
    assert ex.end - ex.start <= 4 + 2 * 300


def test_excerpt_of_a_real_sample_is_the_quoted_sentence() -> None:
    text = (SAMPLES / "000.txt").read_text(encoding="utf-8")
    i = text.index("at least 200")
    ex = excerpt(text, [(i, i + 12, "casualty", "")])
    assert text[ex.start : ex.end].startswith("But the Amnesty report")
    assert text[ex.start : ex.end].endswith("up to Nov. 29.")


def test_far_apart_spans_give_separate_excerpts() -> None:
    text = "One killed here. " + "Filler sentence. " * 40 + "Two injured there. End."
    a, b = text.index("One killed"), text.index("Two injured")
    found = excerpts(text, [(a, a + 10, "casualty", ""), (b, b + 11, "casualty", "")])
    assert [text[e.start : e.end] for e in found] == ["One killed here.", "Two injured there."]
    assert all(str(e.html).count("<mark") == 1 for e in found)
