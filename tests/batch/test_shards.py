"""Shards: fixed size, numbered in input order, other items passed through."""

from __future__ import annotations

import pytest

from civharm.batch.documents import Document, Item, Skipped
from civharm.batch.shards import Shard, shards
from civharm.capture.inputs import CaptureRequest
from civharm.chain import Failure


def doc(n: int) -> Document:
    return Document(request=CaptureRequest(location=f"c.jsonl:{n}"), data=b"x", content_type=None)


def test_documents_are_cut_into_numbered_shards_and_other_items_pass_through() -> None:
    items: list[Item] = [doc(1), Failure("c.jsonl:2", "bad"), doc(3), doc(4), Skipped("w@0", "image/png"), doc(5)]
    out = list(shards(items, 2))
    assert out[0] == Failure("c.jsonl:2", "bad")
    assert out[1] == Shard(0, (doc(1), doc(3)))
    assert out[2] == Skipped("w@0", "image/png")
    assert out[3] == Shard(1, (doc(4), doc(5)))
    assert list(shards([doc(1), doc(2), doc(3)], 2))[-1] == Shard(1, (doc(3),))


def test_shard_size_must_be_positive() -> None:
    with pytest.raises(ValueError):
        list(shards([doc(1)], 0))
