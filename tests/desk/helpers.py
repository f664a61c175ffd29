"""A desk over a real store (on the session's backend, tests/backend.py): the web tests' reports and
incidents, one account per role.

The reports and incidents are the ones ``tests/web/conftest.py`` writes by hand; every incident
starts unpublished here so the public view has something to hide.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from civharm.auth.accounts import Accounts
from civharm.auth.passwords import hash_password
from civharm.capture.blobs import BlobStore
from civharm.records import Status
from civharm.settings import Settings
from civharm.store.db import Database, open_database
from civharm.store.desk_models import UserRow
from civharm.store.repository import Store
from civharm.web.app import create_app
from tests.backend import settings_for
from tests.web.conftest import extraction_a, extraction_b, extraction_c, incidents

PASSWORD = "correct horse battery"
ROLES = ("viewer", "analyst", "reviewer", "admin")
_CSRF = re.compile(r'name="csrf" value="([^"]*)"')
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


@functools.cache
def _password_hash() -> str:
    return hash_password(PASSWORD)


@dataclass
class Desk:
    settings: Settings
    database: Database
    store: Store
    accounts: Accounts
    blobs: BlobStore

    def client(self) -> TestClient:
        return TestClient(create_app(self.store, self.settings), follow_redirects=False)


def make_desk(home: Path, max_bytes: int = 1_000_000) -> Desk:
    settings = settings_for(home).with_overrides(max_bytes=max_bytes)
    database = open_database(settings.database_url)
    store = Store(database)
    blobs = BlobStore(settings.blob_dir)
    a, b, c = extraction_a(), extraction_b(), extraction_c()
    for ex in (a, b, c):
        assert store.add_extraction(ex)
    store.replace_incidents([i.model_copy(update={"status": Status.DRAFT}) for i in incidents(a, b, c)])
    accounts = Accounts(database)
    with Session(database.write_engine) as session, session.begin():
        # one argon2 hash for every account and test: hashing is slow on purpose
        session.add_all(
            UserRow(username=role, password_hash=_password_hash(), role=role, disabled=False, created_at=NOW)
            for role in ROLES
        )
    return Desk(settings, database, store, accounts, blobs)


def csrf_of(html: str) -> str:
    match = _CSRF.search(html)
    assert match is not None, "no CSRF field in the page"
    return match[1]


def login(client: TestClient, username: str, password: str = PASSWORD) -> str:
    """Sign in through the form; returns the session's CSRF token (read from the queue page)."""
    form = client.get("/desk/login")
    response = client.post("/desk/login", data={"username": username, "password": password, "csrf": csrf_of(form.text)})
    assert response.status_code == 303, response.text
    return csrf_of(client.get("/desk/").text)


def signed_in(desk: Desk, role: str) -> Iterator[tuple[TestClient, str]]:
    with desk.client() as client:
        yield client, login(client, role)
