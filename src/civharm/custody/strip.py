"""Re-encode an image without its metadata: the working copy analysts can share or publish.

EXIF (GPS position, camera serial, time), XMP, IPTC, ICC profiles and text comments can identify the
person who took a picture; a re-encoded copy keeps only the pixels (turned upright first, since the
EXIF orientation goes with the metadata) and what is needed to show them (palette transparency,
animation timing). The original is never touched: this works on bytes and returns new ones.
"""

from __future__ import annotations

import io

from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from civharm.errors import CivharmError

# media type -> Pillow format name; only what uploads accept as images (civharm.custody.evidence.sniff)
FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG", "image/gif": "GIF", "image/webp": "WEBP"}
JPEG_QUALITY = 95  # a working copy should look like the original; JPEG cannot be re-encoded losslessly
# image.info keys that describe how to show the pixels, not who or where: kept on every frame
_RENDERING = ("transparency", "duration", "loop", "background")


def _clean(frame: Image.Image) -> Image.Image:
    clean = frame.copy()
    clean.info = {key: frame.info[key] for key in _RENDERING if key in frame.info}
    return clean


def strip_metadata(data: bytes, media_type: str) -> bytes:
    """The image re-encoded in its own format with no metadata; CivharmError when it cannot be read."""
    fmt = FORMATS.get(media_type)
    if fmt is None:
        raise CivharmError(f"{media_type} is not an image civharm can re-encode")
    try:
        with Image.open(io.BytesIO(data), formats=[fmt]) as image:
            frames = [_clean(ImageOps.exif_transpose(f)) for f in ImageSequence.Iterator(image)]
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError, SyntaxError) as exc:
        raise CivharmError(f"cannot re-encode this image: {exc}") from exc
    first, rest = frames[0], frames[1:]
    options: dict[str, object] = {k: first.info[k] for k in _RENDERING if k != "background" and k in first.info}
    if fmt == "JPEG":
        first = first.convert("RGB") if first.mode not in ("RGB", "L", "CMYK") else first
        options = {"quality": JPEG_QUALITY}
    if rest:
        options.update(save_all=True, append_images=rest)
    out = io.BytesIO()
    first.save(out, format=fmt, **options)
    return out.getvalue()
