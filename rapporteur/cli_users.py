"""`rapporteur user add|list|remove`: the accounts that may write to a shared library.

A server that listens on anything but localhost lets only logged-in accounts add documents
or check statuses; so does any server once its library has an account. Registered on the
`rapporteur` group by cli.py; each command calls `rapporteur.accounts`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .cli_options import db_option, echo_json, format_option


@click.group()
def user() -> None:
    """Accounts that may add documents and check statuses through `rapporteur serve`."""


def _password_from_stdin() -> str:
    line = sys.stdin.readline()
    return line[:-1] if line.endswith("\n") else line


@user.command("add")
@click.argument("name")
@click.option(
    "--password-stdin",
    is_flag=True,
    help="Read the password from the first line of standard input instead of asking.",
)
@db_option
def add(name: str, password_stdin: bool, db: Path | None) -> None:
    """Create an account NAME; you are asked for its password twice (not shown)."""
    from . import accounts

    if password_stdin:
        password = _password_from_stdin()
    else:
        password = click.prompt(
            f"Password for {name}", hide_input=True, confirmation_prompt=True, err=True
        )
    account = accounts.add_user(name, password, db)
    click.echo(f"Added the account {account.name}: it can log in at /login on `rapporteur serve`.")


@user.command("list")
@db_option
@format_option
def list_(db: Path | None, fmt: str) -> None:
    """The accounts of the library, with when each was created."""
    from . import accounts

    found = accounts.list_users(db)
    if fmt == "json":
        echo_json([{"name": a.name, "created_at": a.created_at} for a in found])
        return
    if not found:
        click.echo("No accounts: on localhost, anyone using the server may write.")
    for a in found:
        click.echo(f"{a.name}\t{a.created_at}")


@user.command("remove")
@click.argument("name")
@db_option
def remove(name: str, db: Path | None) -> None:
    """Remove the account NAME and log it out; its decisions stay in the audit trail."""
    from . import accounts

    removed = accounts.remove_user(name, db)
    click.echo(f"Removed the account {removed}.")
