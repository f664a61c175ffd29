"""Random secrets and how they are kept: only their SHA-256 is stored.

Session ids and API tokens are 256-bit random values, so a plain SHA-256 is enough to make a
leaked table useless (no guessing is feasible; a slow hash buys nothing here).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

TOKEN_PREFIX = "civ_"  # lets secret scanners and people recognise a civharm API token
SECRET_BYTES = 32


def new_secret() -> str:
    return secrets.token_urlsafe(SECRET_BYTES)


def new_api_token() -> str:
    return TOKEN_PREFIX + new_secret()


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def same(a: str, b: str) -> bool:
    """Constant-time comparison, for CSRF tokens."""
    return hmac.compare_digest(a.encode("utf-8"), b.encode("utf-8"))
