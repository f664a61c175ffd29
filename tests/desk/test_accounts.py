"""Accounts: argon2 hashes, disabling, API tokens hashed and revocable, throttling, session expiry."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from civharm.auth.accounts import MAX_FAILURES_PER_USER, SESSION_LIFETIME, THROTTLE_WINDOW, Accounts, LoginThrottled
from civharm.auth.roles import Role
from civharm.auth.secrets import digest
from civharm.errors import CivharmError
from civharm.store.desk_models import ApiTokenRow, SessionRow, UserRow
from tests.desk.helpers import PASSWORD, Desk


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 1, 1, 9, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now


def test_passwords_are_argon2_hashes_never_plain(desk: Desk) -> None:
    with Session(desk.database.engine) as session:
        hashes = list(session.scalars(select(UserRow.password_hash)))
    assert len(hashes) == 4
    assert all(h.startswith("$argon2id$") and PASSWORD not in h for h in hashes)


def test_short_password_and_bad_name_are_refused(desk: Desk) -> None:
    with pytest.raises(CivharmError, match="too short"):
        desk.accounts.add_user("eve", "short", Role.VIEWER)
    with pytest.raises(CivharmError, match="invalid user name"):
        desk.accounts.add_user("../eve", PASSWORD, Role.VIEWER)
    with pytest.raises(CivharmError, match="already exists"):
        desk.accounts.add_user("viewer", PASSWORD, Role.VIEWER)


def test_login_opens_a_session_stored_only_as_a_hash(desk: Desk) -> None:
    cookie, who = desk.accounts.login("analyst", PASSWORD, "10.0.0.1")
    assert who.role is Role.ANALYST and who.csrf
    with Session(desk.database.engine) as session:
        ids = list(session.scalars(select(SessionRow.id_hash)))
    assert ids == [digest(cookie)]
    assert desk.accounts.session_principal(cookie) == who
    desk.accounts.logout(cookie)
    assert desk.accounts.session_principal(cookie) is None


def test_disabling_ends_sessions_and_tokens(desk: Desk) -> None:
    cookie, _ = desk.accounts.login("analyst", PASSWORD, "10.0.0.1")
    secret, _ = desk.accounts.new_token("analyst", "script")
    desk.accounts.set_disabled("analyst")
    assert desk.accounts.session_principal(cookie) is None
    assert desk.accounts.token_principal(secret) is None
    with pytest.raises(CivharmError, match="wrong user name or password"):
        desk.accounts.login("analyst", PASSWORD, "10.0.0.1")


def test_tokens_are_hashed_at_rest_and_revocable(desk: Desk) -> None:
    secret, token = desk.accounts.new_token("reviewer", "nightly export")
    with Session(desk.database.engine) as session:
        stored = list(session.scalars(select(ApiTokenRow.token_hash)))
    assert stored == [digest(secret)] and secret not in stored
    who = desk.accounts.token_principal(secret)
    assert who is not None and who.role is Role.REVIEWER and who.csrf is None
    desk.accounts.revoke_token(token.id)
    assert desk.accounts.token_principal(secret) is None
    assert desk.accounts.tokens("reviewer")[0].revoked_at is not None


def test_logins_are_throttled_per_user_even_with_the_right_password(desk: Desk) -> None:
    clock = Clock()
    accounts = Accounts(desk.database, clock)
    for _ in range(MAX_FAILURES_PER_USER):
        with pytest.raises(CivharmError, match="wrong"):
            accounts.login("admin", "not the password", "10.0.0.2")
    with pytest.raises(LoginThrottled) as caught:
        accounts.login("admin", PASSWORD, "10.0.0.3")
    assert 0 < caught.value.retry_after <= THROTTLE_WINDOW.total_seconds()
    clock.now += THROTTLE_WINDOW + dt.timedelta(seconds=1)
    accounts.login("admin", PASSWORD, "10.0.0.3")


def test_unknown_names_count_as_failures_too(desk: Desk) -> None:
    accounts = Accounts(desk.database, Clock())
    for _ in range(MAX_FAILURES_PER_USER):
        with pytest.raises(CivharmError):
            accounts.login("nobody", PASSWORD, "10.0.0.4")
    with pytest.raises(LoginThrottled):
        accounts.login("nobody", PASSWORD, "10.0.0.4")


def test_sessions_expire(desk: Desk) -> None:
    clock = Clock()
    accounts = Accounts(desk.database, clock)
    cookie, _ = accounts.login("viewer", PASSWORD, "10.0.0.5")
    clock.now += SESSION_LIFETIME + dt.timedelta(seconds=1)
    assert accounts.session_principal(cookie) is None
