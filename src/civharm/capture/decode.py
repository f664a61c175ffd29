"""Bytes to text: refuse what is not a text or HTML report, decode what is, and tell HTML from plain text.

Users point civharm at whatever they saved: a PDF, a screenshot, a zipped folder, a page in
Windows-1252. Each gets either decoded text or one line saying what it is, never a
traceback and never mojibake stored as evidence text.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from civharm.errors import CaptureError

HTML = "text/html"
PLAIN = "text/plain"

# Leading bytes of common binary formats ("magic numbers"), checked before any decoding.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document"),
    (b"\x7fELF", "executable"),
    (b"OggS", "Ogg media file"),
    (b"ID3", "MP3 audio"),
    (b"fLaC", "FLAC audio"),
    (b"\x1aE\xdf\xa3", "Matroska/WebM video"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x00asm", "WebAssembly module"),
)
_PDF_MAGIC = b"%PDF-"
# More than this share of control characters (besides tab/newline/form feed) means it is not text:
# real pages have none; 2% tolerates a few stray bytes in a badly saved page.
MAX_CONTROL_SHARE = 0.02
_SNIFF_CHARS = 8192
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_:.\-]+)", re.IGNORECASE)
_HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAG = re.compile(r"<(?:p|div|br|a|span|article|section|h[1-6]|li|ul|table|script|style)\b[^>]*>", re.I)
# A plain-text file needs several real tags before we call it HTML: one "<p>" in prose is not markup.
MIN_TAGS_FOR_HTML = 5


@dataclass(frozen=True)
class Decoded:
    text: str
    media_type: str  # HTML or PLAIN


def decode(data: bytes, name: str, content_type: str | None = None) -> Decoded:
    """Decode a report's bytes; ``name`` (file or URL) is only used in messages."""
    if not data.strip():
        raise CaptureError(f"{name} is empty")
    kind = binary_kind(data, content_type)
    if kind == "PDF document":
        raise CaptureError(f"{name} is a PDF: PDF reports are not supported yet (save the page as HTML or text)")
    if kind:
        raise CaptureError(f"{name} is binary ({kind}), not a text or HTML report")
    text = decode_text(data, content_type)
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise CaptureError(f"{name} is binary (unknown format), not a text or HTML report")
    if not text.strip():
        raise CaptureError(f"{name} is empty")
    return Decoded(text=text, media_type=sniff_media_type(text, content_type))


def binary_kind(data: bytes, content_type: str | None = None) -> str | None:
    """A name for a known binary format, or None when the bytes may be text."""
    head = data[:64].removeprefix(codecs.BOM_UTF8)
    if head.startswith(_PDF_MAGIC) or _media(content_type) == "application/pdf":
        return "PDF document"
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WebP image"
    if head[4:8] == b"ftyp":
        return "MP4/MOV media file"
    media = _media(content_type)
    if media and media.split("/", 1)[0] in {"image", "audio", "video"}:
        return f"{media}"
    if _has_utf16_bom(data):
        return None
    if b"\x00" in data[:_SNIFF_CHARS]:
        return "unknown format"
    return None


def decode_text(data: bytes, content_type: str | None = None) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, the declared charset, then Windows-1252.

    Windows-1252 is the last resort because it is what most mislabelled Western pages are;
    its five undefined bytes become U+FFFD rather than failing.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if _has_utf16_bom(data):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for charset in declared_charsets(data, content_type):
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("cp1252", errors="replace")


def declared_charsets(data: bytes, content_type: str | None) -> list[str]:
    """Charsets named by the HTTP header and the page's own ``<meta>``, header first."""
    found: list[str] = []
    if content_type:
        match = _HEADER_CHARSET.search(content_type)
        if match:
            found.append(match.group(1))
    match_meta = _META_CHARSET.search(data[:_SNIFF_CHARS])
    if match_meta:
        found.append(match_meta.group(1).decode("ascii", errors="replace"))
    return [c for c in found if c.lower().replace("-", "") not in {"utf8"}]


def sniff_media_type(text: str, content_type: str | None = None) -> str:
    """HTML when the server says so or the text starts like, or is full of, HTML markup."""
    media = _media(content_type)
    if media in {"text/html", "application/xhtml+xml"}:
        return HTML
    head = text[:_SNIFF_CHARS]
    if _HTML_START.match(head):
        return HTML
    if len(_HTML_TAG.findall(head)) >= MIN_TAGS_FOR_HTML and "</" in head:
        return HTML
    return PLAIN


def _media(content_type: str | None) -> str | None:
    if not content_type:
        return None
    return content_type.split(";", 1)[0].strip().lower() or None


def _has_utf16_bom(data: bytes) -> bool:
    return data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


def _control_share(text: str) -> float:
    sample = text[:_SNIFF_CHARS]
    if not sample:
        return 0.0
    controls = sum(1 for ch in sample if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) in {"Cc", "Cs"})
    return controls / len(sample)
