"""Users, sessions, API tokens and login throttling over the desk tables.

Every write is one transaction on the database's write engine. Logins are throttled per user
name and per client address over a sliding window, counted from a table so the limit holds
across worker processes and restarts.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from civharm.auth import passwords
from civharm.auth.roles import Principal, Role, parse_role
from civharm.auth.secrets import digest, new_api_token, new_secret
from civharm.errors import CivharmError, NotFoundError
from civharm.store.db import Database, read_session, write_session
from civharm.store.desk_models import ApiTokenRow, LoginFailureRow, SessionRow, UserRow

# Throttling: OWASP's authentication cheat sheet suggests locking after a handful of failures;
# 5 per name in 15 minutes stops online guessing (at most 480 guesses a day) while a person who
# mistypes a few times is not locked out for long. Per address the limit is higher, since many
# people may share one address (an office NAT).
MAX_FAILURES_PER_USER = 5
MAX_FAILURES_PER_ADDRESS = 20
THROTTLE_WINDOW = dt.timedelta(minutes=15)
# A working day: an analyst signs in once a morning; a stolen cookie stops working by evening.
SESSION_LIFETIME = dt.timedelta(hours=12)

_USERNAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")

Clock = Callable[[], dt.datetime]


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class LoginThrottled(CivharmError):
    """Too many failed logins: the message says when to try again."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"too many failed logins: try again in {retry_after // 60 + 1} minutes")
        self.retry_after = retry_after


@dataclass(frozen=True)
class User:
    id: int
    username: str
    role: Role
    disabled: bool
    created_at: dt.datetime


@dataclass(frozen=True)
class ApiToken:
    id: int
    username: str
    name: str
    created_at: dt.datetime
    revoked_at: dt.datetime | None


def check_username(username: str) -> str:
    if not _USERNAME.fullmatch(username):
        raise CivharmError(f"invalid user name {username!r}: letters, digits, '.', '_' or '-', at most 64")
    return username


def _user(row: UserRow) -> User:
    return User(row.id, row.username, Role(row.role), row.disabled, row.created_at)


class Accounts:
    """Accounts over one database; ``clock`` is injectable so throttling and expiry are testable."""

    def __init__(self, database: Database, clock: Clock = _utc_now) -> None:
        self._db = database
        self._clock = clock

    def _write(self) -> contextlib.AbstractContextManager[Session]:
        return write_session(self._db)

    def _read(self) -> contextlib.AbstractContextManager[Session]:
        return read_session(self._db)

    # -- users --------------------------------------------------------------------------

    def add_user(self, username: str, password: str, role: Role | str) -> User:
        check_username(username)
        role = role if isinstance(role, Role) else parse_role(role)
        row = UserRow(
            username=username,
            password_hash=passwords.hash_password(password),
            role=role.value,
            disabled=False,
            created_at=self._clock(),
        )
        try:
            with self._write() as session:
                if session.scalar(select(UserRow.id).where(UserRow.username == username)) is not None:
                    raise CivharmError(f"user {username!r} already exists")
                session.add(row)
                session.flush()
        except IntegrityError as exc:
            raise CivharmError(f"user {username!r} already exists") from exc
        return _user(row)

    def users(self) -> list[User]:
        with self._read() as session:
            return [_user(row) for row in session.scalars(select(UserRow).order_by(UserRow.username))]

    def user(self, username: str) -> User:
        with self._read() as session:
            row = session.scalar(select(UserRow).where(UserRow.username == username))
            if row is None:
                raise NotFoundError(f"no user {username!r}")
            return _user(row)

    def set_disabled(self, username: str, disabled: bool = True) -> User:
        """Disable (or re-enable) an account; disabling ends its sessions at once."""
        with self._write() as session:
            row = session.scalar(select(UserRow).where(UserRow.username == username))
            if row is None:
                raise NotFoundError(f"no user {username!r}")
            row.disabled = disabled
            if disabled:
                session.execute(delete(SessionRow).where(SessionRow.user_id == row.id))
            return _user(row)

    # -- logins and sessions ------------------------------------------------------------

    def _failures(self, session: Session, key: str, since: dt.datetime) -> list[dt.datetime]:
        query = select(LoginFailureRow.at).where(LoginFailureRow.key == key, LoginFailureRow.at > since)
        return sorted(session.scalars(query))

    def _check_throttle(self, session: Session, keys: dict[str, int]) -> None:
        now = self._clock()
        since = now - THROTTLE_WINDOW
        for key, limit in keys.items():
            failures = self._failures(session, key, since)
            if len(failures) >= limit:
                oldest_counted = failures[-limit]
                retry = max(1, int((oldest_counted + THROTTLE_WINDOW - now).total_seconds()))
                raise LoginThrottled(retry)

    def login(self, username: str, password: str, address: str) -> tuple[str, Principal]:
        """Check the password and open a new session: ``(cookie value, principal)``.

        A fresh session id is issued on every login, whatever cookie the browser brought (no
        session fixation). Raises LoginThrottled when the name or address failed too often, and
        CivharmError "wrong user name or password" for anything else, the same for every cause.
        """
        keys = {f"user:{username.casefold()}": MAX_FAILURES_PER_USER, f"addr:{address}": MAX_FAILURES_PER_ADDRESS}
        with self._write() as session:
            self._check_throttle(session, keys)
            row = session.scalar(select(UserRow).where(UserRow.username == username))
            ok = passwords.verify_password(row.password_hash if row else passwords.DUMMY_HASH, password)
            if row is None or not ok or row.disabled:
                now = self._clock()
                session.add_all(LoginFailureRow(key=key, at=now) for key in keys)
                failed = True
            else:
                failed = False
                if passwords.needs_rehash(row.password_hash):
                    row.password_hash = passwords.hash_password(password)
                session.execute(delete(LoginFailureRow).where(LoginFailureRow.key == f"user:{username.casefold()}"))
                cookie, csrf = new_secret(), new_secret()
                now = self._clock()
                session.add(
                    SessionRow(
                        id_hash=digest(cookie),
                        user_id=row.id,
                        csrf=csrf,
                        created_at=now,
                        expires_at=now + SESSION_LIFETIME,
                    )
                )
                principal = Principal(row.id, row.username, Role(row.role), csrf)
        if failed:
            raise CivharmError("wrong user name or password")
        return cookie, principal

    def session_principal(self, cookie: str) -> Principal | None:
        """The signed-in user of a session cookie, or None when unknown, expired or disabled."""
        with self._read() as session:
            found = session.execute(
                select(SessionRow, UserRow)
                .join(UserRow, UserRow.id == SessionRow.user_id)
                .where(SessionRow.id_hash == digest(cookie))
            ).first()
            if found is None:
                return None
            row, user = found
            if user.disabled or row.expires_at <= self._clock():
                return None
            return Principal(user.id, user.username, Role(user.role), row.csrf)

    def logout(self, cookie: str) -> None:
        with self._write() as session:
            session.execute(delete(SessionRow).where(SessionRow.id_hash == digest(cookie)))

    def prune(self) -> None:
        """Forget expired sessions and failures older than the throttle window."""
        now = self._clock()
        with self._write() as session:
            session.execute(delete(SessionRow).where(SessionRow.expires_at <= now))
            session.execute(delete(LoginFailureRow).where(LoginFailureRow.at <= now - THROTTLE_WINDOW))

    # -- API tokens ---------------------------------------------------------------------

    def new_token(self, username: str, name: str = "") -> tuple[str, ApiToken]:
        """A new API token for a user: the secret is returned once and only its hash is kept."""
        secret = new_api_token()
        with self._write() as session:
            user = session.scalar(select(UserRow).where(UserRow.username == username))
            if user is None:
                raise NotFoundError(f"no user {username!r}")
            row = ApiTokenRow(user_id=user.id, name=name, token_hash=digest(secret), created_at=self._clock())
            session.add(row)
            session.flush()
            token = ApiToken(row.id, username, name, row.created_at, None)
        return secret, token

    def tokens(self, username: str | None = None) -> list[ApiToken]:
        query = select(ApiTokenRow, UserRow.username).join(UserRow, UserRow.id == ApiTokenRow.user_id)
        if username is not None:
            query = query.where(UserRow.username == username)
        with self._read() as session:
            return [
                ApiToken(row.id, name, row.name, row.created_at, row.revoked_at)
                for row, name in session.execute(query.order_by(ApiTokenRow.id))
            ]

    def revoke_token(self, token_id: int) -> None:
        with self._write() as session:
            done = session.execute(
                update(ApiTokenRow)
                .where(ApiTokenRow.id == token_id, ApiTokenRow.revoked_at.is_(None))
                .values(revoked_at=self._clock())
            )
            if done.rowcount == 0 and session.get(ApiTokenRow, token_id) is None:  # type: ignore[attr-defined]
                raise NotFoundError(f"no API token {token_id}")

    def token_principal(self, secret: str) -> Principal | None:
        """The user behind an API token, or None when unknown, revoked or the user is disabled."""
        with self._read() as session:
            found = session.execute(
                select(ApiTokenRow, UserRow)
                .join(UserRow, UserRow.id == ApiTokenRow.user_id)
                .where(ApiTokenRow.token_hash == digest(secret))
            ).first()
            if found is None:
                return None
            row, user = found
            if row.revoked_at is not None or user.disabled:
                return None
            return Principal(user.id, user.username, Role(user.role), None)

    def count_users(self) -> int:
        with self._read() as session:
            return session.scalar(select(func.count()).select_from(UserRow)) or 0
