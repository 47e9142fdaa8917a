"""Accounts of a shared library: add, list and remove them, log in and out.

The CLI (`rapporteur user ...`) and the web server call these; the store keeps the accounts
and sessions (`store/users.py`). A failed login says the same sentence whether the name or
the password was wrong, so that nobody can find out which names have accounts.
"""

from __future__ import annotations

from .errors import LoginFailed, TooManyAttempts
from .library import LibraryRef, _opened
from .store.users import SESSION_HOURS, Account, Session

LOGIN_FAILED = "That name and password do not match an account."
MAX_FAILURES = 10
"""Wrong passwords allowed for one name in WINDOW seconds; after them every attempt on that
name is refused until the window has passed, right password or not. Whether the name has an
account does not change this, so it reveals nothing."""
WINDOW = 15 * 60.0

__all__ = [
    "LOGIN_FAILED",
    "Account",
    "Session",
    "add_user",
    "end_session",
    "has_users",
    "list_users",
    "log_in",
    "remove_user",
    "session",
]


def add_user(name: str, password: str, db: LibraryRef = None) -> Account:
    """A new account (password hashed with argon2id); AccountError when it cannot be one."""
    with _opened(db) as store:
        return store.add_user(name, password)


def remove_user(name: str, db: LibraryRef = None) -> str:
    """Remove an account and log it out everywhere; the name as it was stored."""
    with _opened(db) as store:
        return store.remove_user(name)


def list_users(db: LibraryRef = None) -> list[Account]:
    with _opened(db) as store:
        return store.list_users()


def has_users(db: LibraryRef = None) -> bool:
    with _opened(db) as store:
        return store.has_users()


def log_in(
    name: str, password: str, db: LibraryRef = None, hours: float = SESSION_HOURS
) -> tuple[str, Session]:
    """(the session cookie's value, the session) for a right name and password; LoginFailed
    with one sentence for any wrong pair."""
    with _opened(db) as store:
        if store.failures(name, WINDOW) >= MAX_FAILURES:
            raise TooManyAttempts(
                f"Too many wrong passwords for this name in the last {WINDOW / 60:.0f} minutes; "
                "wait a quarter of an hour and try again.",
                hint="Whoever runs the library can give a forgotten password anew: "
                "`rapporteur user remove NAME`, then `rapporteur user add NAME`.",
            )
        who = store.check_password(name, password)
        if who is None:
            store.record_failure(name, WINDOW)
            raise LoginFailed(LOGIN_FAILED)
        store.clear_failures(who)
        return store.create_session(who, hours)


def session(token: str | None, db: LibraryRef = None) -> Session | None:
    """The live session of a cookie's value, or None."""
    with _opened(db) as store:
        return store.session(token)


def end_session(token: str | None, db: LibraryRef = None) -> None:
    with _opened(db) as store:
        store.end_session(token)
