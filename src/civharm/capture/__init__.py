"""Capture stage: inputs (files, folders, URLs, manifests) -> immutable Reports with preserved originals.

Public entry points: ``expand_inputs`` (what to capture), ``capture`` (one report),
``BlobStore`` (the originals), ``fetch`` (one safe HTTP GET).
"""

from civharm.capture.blobs import BlobStore
from civharm.capture.capture import capture, read_file
from civharm.capture.fetch import Fetched, fetch
from civharm.capture.inputs import CaptureRequest, expand_inputs

__all__ = ["BlobStore", "CaptureRequest", "Fetched", "capture", "expand_inputs", "fetch", "read_file"]
