"""`rapporteur user add|list|remove`: accounts from the shell, passwords never echoed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from click.testing import CliRunner

from rapporteur import accounts, cli
from rapporteur.store import users


@pytest.fixture(autouse=True)
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(users, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "lib.db"


def test_cli_user_add_prompts_twice_without_echo(db: Path) -> None:
    result = CliRunner().invoke(
        cli.main, ["user", "add", "Ana", "--db", str(db)], input="correct horse\ncorrect horse\n"
    )
    assert result.exit_code == 0, result.output
    assert "Added the account Ana" in result.output
    assert "correct horse" not in result.output  # hidden input
    assert "Repeat for confirmation" in result.output
    assert accounts.log_in("Ana", "correct horse", db)[1].name == "Ana"


def test_cli_user_add_refuses_a_mismatch_and_a_short_password(db: Path) -> None:
    mismatch = CliRunner().invoke(
        cli.main,
        ["user", "add", "Ana", "--db", str(db)],
        input="correct horse\ncorrect house\ncorrect horse\ncorrect horse\n",
    )
    assert mismatch.exit_code == 0 and "do not match" in mismatch.output.lower()
    short = CliRunner().invoke(
        cli.main, ["user", "add", "Bo", "--password-stdin", "--db", str(db)], input="short\n"
    )
    assert short.exit_code == 1
    assert short.output.strip().splitlines()[-1].startswith("Error: The password must be")
    assert [a.name for a in accounts.list_users(db)] == ["Ana"]


def test_cli_user_add_from_stdin_list_and_remove(db: Path) -> None:
    runner = CliRunner()
    for name in ("Ana", "Bo"):
        added = runner.invoke(
            cli.main,
            ["user", "add", name, "--password-stdin", "--db", str(db)],
            input="correct horse\n",
        )
        assert added.exit_code == 0, added.output
    again = runner.invoke(
        cli.main, ["user", "add", "ana", "--password-stdin", "--db", str(db)], input="pw pw pw pw\n"
    )
    assert again.exit_code == 1 and "There is already an account named Ana." in again.output
    listed = runner.invoke(cli.main, ["user", "list", "--db", str(db)])
    assert [line.split("\t")[0] for line in listed.output.splitlines()] == ["Ana", "Bo"]
    as_json = json.loads(
        runner.invoke(cli.main, ["user", "list", "--db", str(db), "--format", "json"]).output
    )
    assert [a["name"] for a in as_json] == ["Ana", "Bo"] and all(a["created_at"] for a in as_json)
    removed = runner.invoke(cli.main, ["user", "remove", "bo", "--db", str(db)])
    assert removed.exit_code == 0 and "Removed the account Bo." in removed.output
    missing = runner.invoke(cli.main, ["user", "remove", "Bo", "--db", str(db)])
    assert missing.exit_code == 1 and "There is no account named 'Bo'." in missing.output
    assert "Traceback" not in missing.output


def test_cli_user_list_when_there_is_none(db: Path) -> None:
    result = CliRunner().invoke(cli.main, ["user", "list", "--db", str(db)])
    assert result.exit_code == 0 and "No accounts" in result.output


def test_cli_serve_read_only_reaches_the_settings(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import rapporteur.web.app as web_app

    seen: list[bool] = []
    monkeypatch.setattr(web_app, "serve", lambda db, settings, **k: seen.append(settings.read_only))
    monkeypatch.delenv("RAPPORTEUR_READ_ONLY", raising=False)
    runner = CliRunner()
    assert runner.invoke(cli.main, ["serve", "--db", str(db), "--read-only"]).exit_code == 0
    assert runner.invoke(cli.main, ["serve", "--db", str(db)]).exit_code == 0
    env = {"RAPPORTEUR_READ_ONLY": "1"}
    assert runner.invoke(cli.main, ["serve", "--db", str(db)], env=env).exit_code == 0
    assert seen == [True, False, True]
