"""Password hashing with argon2id (argon2-cffi's RFC 9106 low-memory profile).

The parameters travel inside each hash string, so raising them later re-hashes a user's password
at the next login (``needs_rehash``) without invalidating the old ones.
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from civharm.errors import CivharmError

# argon2-cffi's default profile (RFC 9106 "second recommended": t=3, m=64 MiB, p=4).
_HASHER = PasswordHasher()
# Short passwords fall to offline guessing whatever the hash; NIST SP 800-63B asks for at least 8.
MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 1024  # argon2 hashes anything, but a megabyte "password" is an attack


def check_password_policy(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise CivharmError(f"password too short: use at least {MIN_PASSWORD_LENGTH} characters")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise CivharmError(f"password too long: use at most {MAX_PASSWORD_LENGTH} characters")


def hash_password(password: str) -> str:
    check_password_policy(password)
    return _HASHER.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    if len(password) > MAX_PASSWORD_LENGTH:
        return False
    try:
        return _HASHER.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _HASHER.check_needs_rehash(stored_hash)


# A hash of nothing anyone knows, verified against when the user does not exist, so a login for an
# unknown name costs the same time as a wrong password and names cannot be probed by timing.
DUMMY_HASH = _HASHER.hash("civharm: no such user")
