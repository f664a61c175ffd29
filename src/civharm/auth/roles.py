"""Roles, ordered: each role may do everything the roles below it may.

viewer    reads the desk (queue, drafts, history) but no restricted field
analyst   corrects, merges, splits, moves reports, adds evidence, notes and witnesses; sees restricted fields
reviewer  sets grades, publishes, rejects, exports evidence packages, reads the custody log
admin     manages accounts
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from civharm.errors import CivharmError


class Role(StrEnum):
    VIEWER = "viewer"
    ANALYST = "analyst"
    REVIEWER = "reviewer"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        return list(Role).index(self)

    def allows(self, needed: Role) -> bool:
        return self.rank >= needed.rank


def parse_role(value: str) -> Role:
    try:
        return Role(value.strip().lower())
    except ValueError as exc:
        raise CivharmError(f"unknown role {value!r}: use one of {', '.join(Role)}") from exc


@dataclass(frozen=True)
class Principal:
    """Who is asking: a signed-in user (session) or a script (API token)."""

    user_id: int
    username: str
    role: Role
    csrf: str | None = None  # the session's CSRF token; None for token-authenticated requests

    def allows(self, needed: Role) -> bool:
        return self.role.allows(needed)

    @property
    def sees_restricted(self) -> bool:
        """Witness identities, analyst notes and sensitive evidence: analysts and above."""
        return self.role.allows(Role.ANALYST)
