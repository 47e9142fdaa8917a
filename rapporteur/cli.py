"""The `rapporteur` command: thin wrappers over `rapporteur.api`, one error handler."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from . import __version__, api
from .errors import ExportError, RapporteurError
from .settings import from_env


class _Group(click.Group):
    """Turns every RapporteurError into one line on stderr and its exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except RapporteurError as exc:
            click.echo(f"Error: {exc.message}", err=True)
            if exc.hint:
                click.echo(f"Hint: {exc.hint}", err=True)
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            ctx.exit(130)
        except BrokenPipeError:
            ctx.exit(0)
        except Exception as exc:  # last resort: never a traceback for the user
            if os.environ.get("RAPPORTEUR_DEBUG"):
                raise
            click.echo(
                f"Error: rapporteur failed unexpectedly ({exc.__class__.__name__}: {exc}). "
                "This is a bug; set RAPPORTEUR_DEBUG=1 to see the details and please report it.",
                err=True,
            )
            ctx.exit(70)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rapporteur")
def main() -> None:
    """Turn UN treaty-body review records into structured accountability data.

    Exit codes: 0 success, 2 wrong usage, 3 unreadable input, 4 not a treaty-body
    dialogue, 5 settings, 6 library, 7 export, 70 internal error.
    """


def _read_stdin(source: str) -> bytes | None:
    return sys.stdin.buffer.read() if source == "-" else None


def write_output(text: str, output: Path | None) -> None:
    """Write to a file atomically (no partial file on failure), or to stdout."""
    if output is None:
        click.echo(text, nl=False)
        return
    tmp = output.with_name(f".{output.name}.tmp-{os.getpid()}")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, output)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ExportError(f"Cannot write {output}: {exc.strerror or exc}.") from exc


_source_arg = click.argument("source", metavar="SOURCE")
_limits = [
    click.option(
        "--max-bytes",
        type=click.IntRange(min=1),
        default=None,
        help="Refuse sources larger than this many bytes (default 20 MB).",
    ),
    click.option(
        "--timeout",
        "fetch_timeout",
        type=click.FloatRange(min=0.1),
        default=None,
        help="Seconds allowed to fetch a URL (default 20).",
    ),
    click.option(
        "--taxonomy",
        type=click.Path(path_type=Path, dir_okay=False),
        default=None,
        help="Theme taxonomy file (TOML) to use instead of the packaged one.",
    ),
]


def _with_limits(fn: Any) -> Any:
    for opt in reversed(_limits):
        fn = opt(fn)
    return fn


@main.command()
@_source_arg
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "text", "csv"]),
    default="text",
    show_default=True,
    help="json: the rapporteur/review@1 object; text: a summary; csv: one row per question.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Write to this file instead of standard output.",
)
@click.option(
    "--show-text",
    is_flag=True,
    help="With --format text, also print the analysed "
    "text with line numbers (useful for HTML and PDF input).",
)
@click.option("--no-align", is_flag=True, help="Skip linking questions to answers.")
@_with_limits
def analyze(
    source: str,
    fmt: str,
    output: Path | None,
    show_text: bool,
    no_align: bool,
    max_bytes: int | None,
    fetch_timeout: float | None,
    taxonomy: Path | None,
) -> None:
    """Analyse one review: SOURCE is a .txt/.html/.pdf file, an http(s) URL, or - for stdin."""
    settings = from_env(
        max_bytes=max_bytes,
        fetch_timeout=fetch_timeout,
        taxonomy=taxonomy,
        align=False if no_align else None,
    )
    review = api.analyze(source, settings, stdin=_read_stdin(source))
    if fmt == "json":
        from .output.json_out import dumps, to_dict

        text = dumps(to_dict(review))
    elif fmt == "csv":
        from .output.csv_out import questions_csv

        text = questions_csv(review)
    else:
        from .output.text_out import render

        text = render(review, show_text=show_text)
    write_output(text, output)
    if not review.is_dialogue:
        reason = review.warnings[-1] if review.warnings else "not a treaty-body review"
        click.echo(f"Error: {source}: {reason}", err=True)
        sys.exit(4)


@main.command()
@_source_arg
@click.option(
    "--include-partial/--no-include-partial",
    default=True,
    show_default=True,
    help="Also list the questions the delegation answered only in part.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Write to this file instead of standard output.",
)
@_with_limits
def unanswered(
    source: str,
    include_partial: bool,
    output: Path | None,
    max_bytes: int | None,
    fetch_timeout: float | None,
    taxonomy: Path | None,
) -> None:
    """List the questions of one review left unanswered (and partially answered), by asker
    and theme, with line references: text ready to paste into a follow-up letter."""
    from .output.unanswered_out import render

    settings = from_env(max_bytes=max_bytes, fetch_timeout=fetch_timeout, taxonomy=taxonomy)
    review = api.analyze(source, settings, stdin=_read_stdin(source))
    write_output(render(review, include_partial=include_partial), output)
