"""Accounts and sessions in the library: hashed passwords, one answer for any wrong pair,
session tokens kept only as SHA-256, expiry, logout, removal."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from rapporteur import accounts
from rapporteur.errors import AccountError, LoginFailed
from rapporteur.store import Store, users


@pytest.fixture(autouse=True)
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(users, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "lib.db")


def test_users_add_list_remove(store: Store) -> None:
    assert store.list_users() == [] and not store.has_users()
    made = store.add_user("  Ana   Lima ", "correct horse")
    assert made.name == "Ana Lima"
    store.add_user("bo", "battery staple")
    assert [a.name for a in store.list_users()] == ["Ana Lima", "bo"] and store.has_users()
    assert store.remove_user("ANA LIMA") == "Ana Lima"
    assert [a.name for a in store.list_users()] == ["bo"]
    with pytest.raises(AccountError, match="There is no account named 'nobody'"):
        store.remove_user("nobody")


def test_users_refuse_bad_names_and_passwords(store: Store) -> None:
    store.add_user("Ana", "correct horse")
    with pytest.raises(AccountError, match="already an account named Ana"):
        store.add_user("ana", "another password")  # names are case-insensitive
    with pytest.raises(AccountError, match="at least 8 characters"):
        store.add_user("Bo", "short")
    with pytest.raises(AccountError, match="needs a name"):
        store.add_user("   ", "correct horse")
    with pytest.raises(AccountError, match="control characters"):
        store.add_user("Bo\x00", "correct horse")
    with pytest.raises(AccountError, match="at most 100"):
        store.add_user("x" * 101, "correct horse")


def test_users_passwords_are_kept_as_argon2id_hashes(store: Store) -> None:
    store.add_user("Ana", "correct horse")
    (stored,) = store.conn.execute("SELECT password FROM users").fetchone()
    assert stored.startswith("$argon2id$") and "correct horse" not in stored


def test_users_check_password(store: Store) -> None:
    store.add_user("Ana", "correct horse")
    assert store.check_password("ana", "correct horse") == "Ana"
    assert store.check_password("Ana", "wrong horse") is None
    assert store.check_password("Nobody", "correct horse") is None
    assert store.check_password("Ana", "") is None


def test_users_unknown_names_cost_a_hash_check_too(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Timing must not tell a known name from an unknown one: both verify a hash."""
    store.add_user("Ana", "correct horse")
    verified: list[str] = []

    class Counting(PasswordHasher):
        def verify(self, hash: str | bytes, password: str | bytes) -> bool:
            verified.append(str(hash))
            return super().verify(hash, password)

    monkeypatch.setattr(users, "HASHER", Counting(time_cost=1, memory_cost=8, parallelism=1))
    store.check_password("Ana", "wrong horse")
    store.check_password("Nobody", "wrong horse")
    assert len(verified) == 2 and all(h.startswith("$argon2id$") for h in verified)


def test_users_login_failure_is_one_sentence_for_both_parts(tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    accounts.add_user("Ana", "correct horse", db)
    messages = []
    for name, password in (("Ana", "wrong horse"), ("Nobody", "correct horse")):
        with pytest.raises(LoginFailed) as caught:
            accounts.log_in(name, password, db)
        messages.append(caught.value.message)
    assert messages == [accounts.LOGIN_FAILED] * 2
    assert messages[0] == "That name and password do not match an account."


def test_users_sessions_keep_only_a_digest_and_end(store: Store) -> None:
    store.add_user("Ana", "correct horse")
    token, made = store.create_session("Ana")
    assert store.session(token) == made and made.name == "Ana" and len(made.csrf) >= 40
    rows = store.conn.execute("SELECT token FROM sessions").fetchall()
    assert rows == [(users.digest(token),)] and token not in str(rows)
    assert store.session("not-a-token") is None and store.session(None) is None
    store.end_session(token)
    assert store.session(token) is None


def test_users_sessions_expire_and_are_swept(store: Store) -> None:
    store.add_user("Ana", "correct horse")
    old, _ = store.create_session("Ana", hours=-1)
    assert store.session(old) is None
    store.create_session("Ana")  # sweeps the expired one
    assert store.conn.execute("SELECT count(*) FROM sessions").fetchone()[0] == 1


def test_users_removing_an_account_ends_its_sessions(store: Store) -> None:
    store.add_user("Ana", "correct horse")
    token, _ = store.create_session("Ana")
    store.remove_user("Ana")
    assert store.session(token) is None
    assert store.conn.execute("SELECT count(*) FROM sessions").fetchone()[0] == 0


def test_users_a_raised_cost_rehashes_on_login(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add_user("Ana", "correct horse")
    before = store.conn.execute("SELECT password FROM users").fetchone()[0]
    monkeypatch.setattr(users, "HASHER", PasswordHasher(time_cost=2, memory_cost=8, parallelism=1))
    assert store.check_password("Ana", "correct horse") == "Ana"
    after = store.conn.execute("SELECT password FROM users").fetchone()[0]
    assert after != before and "t=2" in after


def test_users_survive_reopening(tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    accounts.add_user("Ana", "correct horse", db)
    token, _ = accounts.log_in("Ana", "correct horse", db)
    assert accounts.session(token, db) is not None
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM users").fetchone()[0] == 1
    conn.close()
    accounts.end_session(token, db)
    assert accounts.session(token, db) is None
