"""Accounts and web sessions: who may write to a library that a server shares.

Passwords are kept only as argon2id hashes (argon2-cffi). A password check costs the same
whether the name exists or not (an unknown name is checked against a dummy hash), so the
time of an answer does not reveal which names have accounts. A session is a random token
held by the browser as a cookie; the library keeps only its SHA-256, so a copy of the
library file does not let anyone log in. Sessions expire, and removing an account ends its
sessions (foreign key, ON DELETE CASCADE).
"""

from __future__ import annotations

import hashlib
import secrets
import time
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from ..errors import AccountError
from . import write
from .deciding import Deciding

MAX_NAME = 100
MIN_PASSWORD = 8
MAX_PASSWORD = 1024
SESSION_HOURS = 12.0

HASHER = PasswordHasher()
"""argon2id with argon2-cffi's defaults (RFC 9106, low-memory profile); tests swap a
cheaper one in."""


@dataclass(frozen=True, slots=True)
class Account:
    name: str
    created_at: str


@dataclass(frozen=True, slots=True)
class Session:
    """A logged-in browser: whose it is, the token its forms carry, when it ends."""

    name: str
    csrf: str
    expires_at: str


def digest(token: str) -> str:
    """What the library keeps of a session token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def clean_name(name: str) -> str:
    """An account name as stored: spaces folded; AccountError when it cannot be one."""
    text = " ".join(unicodedata.normalize("NFC", name or "").split())
    if not text:
        raise AccountError("An account needs a name.")
    if len(text) > MAX_NAME:
        raise AccountError(f"An account name is at most {MAX_NAME} characters long.")
    if any(unicodedata.category(c).startswith("C") for c in text):
        raise AccountError("An account name cannot contain control characters.")
    return text


def check_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"The password must be at least {MIN_PASSWORD} characters long.")
    if len(password) > MAX_PASSWORD:
        raise AccountError(f"The password must be at most {MAX_PASSWORD} characters long.")


_dummy: dict[int, str] = {}


def _dummy_hash() -> str:
    """A hash made with the current hasher, checked against when the name is unknown."""
    key = id(HASHER)
    if key not in _dummy:
        _dummy[key] = HASHER.hash(secrets.token_urlsafe(16))
    return _dummy[key]


class Users(Deciding):
    """Accounts (`users`) and logins (`sessions`) of schema 5."""

    def add_user(self, name: str, password: str) -> Account:
        """A new account; AccountError when the name is taken or the password too short."""
        who = clean_name(name)
        check_new_password(password)
        hashed = HASHER.hash(password)
        created = write.now()
        with self.transaction() as conn:
            taken = conn.execute("SELECT name FROM users WHERE name = ?", (who,)).fetchone()
            if taken:
                raise AccountError(f"There is already an account named {taken[0]}.")
            conn.execute(
                "INSERT INTO users (name, password, created_at) VALUES (?, ?, ?)",
                (who, hashed, created),
            )
        return Account(who, created)

    def remove_user(self, name: str) -> str:
        """Remove an account and end its sessions; its name as stored. Decisions it made
        stay in the audit trail under its name."""
        who = " ".join((name or "").split())
        with self.transaction() as conn:
            row = conn.execute("SELECT name FROM users WHERE name = ?", (who,)).fetchone()
            if not row:
                raise AccountError(
                    f"There is no account named {who!r}.",
                    hint="`rapporteur user list` shows the accounts.",
                )
            conn.execute("DELETE FROM sessions WHERE name = ?", (row[0],))
            conn.execute("DELETE FROM users WHERE name = ?", (row[0],))
        return str(row[0])

    def list_users(self) -> list[Account]:
        with self._translate():
            rows = self.conn.execute(
                "SELECT name, created_at FROM users ORDER BY name COLLATE NOCASE"
            ).fetchall()
        return [Account(str(n), str(c)) for n, c in rows]

    def has_users(self) -> bool:
        """True once any account exists: from then on, writing needs a login."""
        with self._translate():
            return self.conn.execute("SELECT 1 FROM users LIMIT 1").fetchone() is not None

    def check_password(self, name: str, password: str) -> str | None:
        """The account's name as stored when `password` is its password, else None. An
        unknown name costs one hash check too, so timing does not tell names apart."""
        who = " ".join((name or "").split())
        with self._translate():
            row = self.conn.execute(
                "SELECT name, password FROM users WHERE name = ?", (who,)
            ).fetchone()
        stored = str(row[1]) if row else _dummy_hash()
        try:
            HASHER.verify(stored, password[:MAX_PASSWORD])
        except (VerificationError, InvalidHashError):
            return None
        if not row:
            return None
        if HASHER.check_needs_rehash(stored):  # the hasher's cost was raised since
            with self.transaction() as conn:
                conn.execute(
                    "UPDATE users SET password = ? WHERE name = ?", (HASHER.hash(password), row[0])
                )
        return str(row[0])

    def failures(self, name: str, seconds: float) -> int:
        """Wrong passwords given for `name` (an account or not) in the last `seconds`."""
        who = " ".join((name or "").split())
        with self._translate():
            (n,) = self.conn.execute(
                "SELECT count(*) FROM login_failures WHERE name = ? AND at > ?",
                (who, time.time() - seconds),
            ).fetchone()
        return int(n)

    def record_failure(self, name: str, keep: float) -> None:
        """Note a wrong password for `name`; forget those older than `keep` seconds."""
        who = " ".join((name or "").split())
        now = time.time()
        with self.transaction() as conn:
            conn.execute("DELETE FROM login_failures WHERE at <= ?", (now - keep,))
            conn.execute("INSERT INTO login_failures (name, at) VALUES (?, ?)", (who, now))

    def clear_failures(self, name: str) -> None:
        """A right password: the count for this name starts again."""
        with self.transaction() as conn:
            conn.execute("DELETE FROM login_failures WHERE name = ?", (name,))

    def create_session(self, name: str, hours: float = SESSION_HOURS) -> tuple[str, Session]:
        """Log `name` in: (the cookie's value, the session). Expired sessions are swept."""
        token = secrets.token_urlsafe(32)
        now = datetime.now(UTC)
        session = Session(name, secrets.token_urlsafe(32), _stamp(now + timedelta(hours=hours)))
        with self.transaction() as conn:
            conn.execute("DELETE FROM sessions WHERE expires_at <= ?", (_stamp(now),))
            conn.execute(
                "INSERT INTO sessions (token, name, csrf, created_at, expires_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (digest(token), name, session.csrf, _stamp(now), session.expires_at),
            )
        return token, session

    def session(self, token: str | None) -> Session | None:
        """The session of a cookie's value, or None when unknown or expired."""
        if not token or len(token) > 200:
            return None
        with self._translate():
            row = self.conn.execute(
                "SELECT name, csrf, expires_at FROM sessions WHERE token = ? AND expires_at > ?",
                (digest(token), _stamp(datetime.now(UTC))),
            ).fetchone()
        return Session(str(row[0]), str(row[1]), str(row[2])) if row else None

    def end_session(self, token: str | None) -> None:
        """Log out: the cookie's value no longer works."""
        if not token:
            return
        with self.transaction() as conn:
            conn.execute("DELETE FROM sessions WHERE token = ?", (digest(token),))
