"""Cut the stream of documents into fixed-size, numbered shards.

Shard ``n`` always holds the same documents of the same inputs (the ``n``-th run of ``size``
documents in input order), which is what lets a rerun recognise the shards already written.
Skipped records and bad lines are passed through for the caller to count; they take no place
in a shard.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from civharm.batch.documents import Document, Item


@dataclass(frozen=True)
class Shard:
    number: int
    documents: tuple[Document, ...]


def shards(items: Iterable[Item], size: int) -> Iterator[Shard | Item]:
    """Shards of ``size`` documents (the last may be shorter), with other items passed through in order."""
    if size < 1:
        raise ValueError("shard size must be at least 1")
    number = 0
    batch: list[Document] = []
    for item in items:
        if not isinstance(item, Document):
            yield item
            continue
        batch.append(item)
        if len(batch) == size:
            yield Shard(number, tuple(batch))
            number, batch = number + 1, []
    if batch:
        yield Shard(number, tuple(batch))
