"""Options and helpers shared by the commands of `rapporteur` (cli.py, cli_checks.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

db_option = click.option(
    "--db",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Library file. Default: $RAPPORTEUR_DB, else library.db in your data folder.",
)
format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text for people, json for programs.",
)


def echo_json(data: Any) -> None:
    import json

    click.echo(json.dumps(data, ensure_ascii=False, indent=2))
