"""What the corpus readers yield: a document in hand, a record skipped, or a ``Failure`` (a bad line)."""

from __future__ import annotations

from dataclasses import dataclass

from civharm.capture.fetch import human_size
from civharm.capture.inputs import CaptureRequest
from civharm.chain import Failure


@dataclass(frozen=True)
class Document:
    """Bytes to capture with what the corpus says of them; ``request.location`` names file and line or offset."""

    request: CaptureRequest  # ``url``: where the page was published, as the corpus says
    data: bytes
    content_type: str | None


@dataclass(frozen=True)
class Skipped:
    """A WARC record that is not an HTML page (an image, a redirect): counted, never captured."""

    location: str
    what: str


Item = Document | Failure | Skipped


def too_big(size: int, max_bytes: int) -> str:
    """The reason a document over the size limit is refused (as ``civharm run`` refuses a big file)."""
    return f"{human_size(size)}, over the {human_size(max_bytes)} limit (CIVHARM_MAX_BYTES)"
