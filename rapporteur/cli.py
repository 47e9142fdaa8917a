"""The `rapporteur` command: thin wrappers over `rapporteur.api`, one error handler."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from . import __version__, api, cli_checks, cli_users
from .cli_options import db_option as _db_option
from .cli_options import echo_json as _echo_json
from .cli_options import format_option as _format_option
from .errors import ExportError, RapporteurError, SourceTooLarge
from .settings import from_env

F = TypeVar("F", bound=Callable[..., Any])


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


def _read_stdin(source: str, max_bytes: int) -> bytes | None:
    """Standard input when SOURCE is '-': at most max_bytes + 1 bytes are read, so an
    endless or huge stream is refused without being held in memory."""
    if source != "-":
        return None
    stream = sys.stdin.buffer
    chunks: list[bytes] = []
    total = 0
    while total <= max_bytes:
        chunk = stream.read(min(1 << 20, max_bytes + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    if total > max_bytes:
        raise SourceTooLarge(
            f"Standard input is larger than the limit of {max_bytes / 1_048_576:.1f} MB.",
            hint="Raise it with --max-bytes or RAPPORTEUR_MAX_BYTES if it is really a review.",
        )
    return b"".join(chunks)


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
        with contextlib.suppress(OSError):  # e.g. the folder is a file: nothing to remove
            tmp.unlink()
        raise ExportError(f"Cannot write {output}: {exc.strerror or exc}.") from exc


_source_arg = click.argument("source", metavar="SOURCE")
_output_option = click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Write to this file instead of standard output.",
)
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
    click.option(
        "--method",
        type=click.Choice(["semantic", "lexical"]),
        default=None,
        help="How questions are linked to answers: semantic (words and meaning, the default) "
        "or lexical (words only, faster).",
    ),
]


def _with(options: list[Callable[[F], F]]) -> Callable[[F], F]:
    """Apply a list of click options in order, so that commands can share groups of them."""

    def decorate(fn: F) -> F:
        for opt in reversed(options):
            fn = opt(fn)
        return fn

    return decorate


def _with_limits(fn: F) -> F:
    return _with(_limits)(fn)


@main.command()
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "text", "csv"]),
    default="text",
    show_default=True,
    help="json: the rapporteur/review@1 object; text: a summary; csv: one row per question "
    "(per recommendation for concluding observations).",
)
@_output_option
@click.option(
    "--show-text",
    is_flag=True,
    help="With --format text, also print the analysed "
    "text with line numbers (useful for HTML and PDF input).",
)
@click.option("--no-align", is_flag=True, help="Skip linking questions to answers.")
@_with_limits
def analyze(
    sources: tuple[str, ...],
    fmt: str,
    output: Path | None,
    show_text: bool,
    no_align: bool,
    max_bytes: int | None,
    fetch_timeout: float | None,
    taxonomy: Path | None,
    method: str | None,
) -> None:
    """Analyse one review: SOURCE is a .txt/.html/.pdf file, an http(s) URL, or - for stdin.

    Several SOURCEs are the parts of one review (its summary records, SR.545 and SR.546),
    read as one in meeting order; output lines are lines of the joined text."""
    settings = from_env(
        max_bytes=max_bytes,
        fetch_timeout=fetch_timeout,
        taxonomy=taxonomy,
        align=False if no_align else None,
        method=method,
    )
    if len(sources) > 1 and "-" in sources:
        raise click.UsageError("Standard input (-) cannot be one of several parts of a review.")
    source = " + ".join(sources)
    if len(sources) > 1:
        review = api.analyze_parts(list(sources), settings)
    else:
        review = api.analyze(source, settings, stdin=_read_stdin(source, settings.max_bytes))
    if fmt == "json":
        from .output.json_out import dumps, to_dict

        text = dumps(to_dict(review))
    elif fmt == "csv":
        from .output.csv_tables import analyze_csv
        from .output.json_out import to_dict

        text = analyze_csv(to_dict(review))
    else:
        from .output.text_out import render

        text = render(review, show_text=show_text)
    write_output(text, output)
    if not review.is_dialogue:
        reason = review.warnings[-1] if review.warnings else "not a treaty-body review"
        click.echo(f"Error: {source}: {reason}", err=True)
        sys.exit(4)


@main.command()
@click.argument("target", metavar="REVIEW_OR_SOURCE")
@click.option(
    "--include-partial/--no-include-partial",
    default=True,
    show_default=True,
    help="Also list the questions the delegation answered only in part.",
)
@_output_option
@click.option(
    "--db",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Library to read REVIEW from. Default: $RAPPORTEUR_DB, else the default library.",
)
@_with_limits
def unanswered(
    target: str,
    include_partial: bool,
    output: Path | None,
    db: Path | None,
    max_bytes: int | None,
    fetch_timeout: float | None,
    taxonomy: Path | None,
    method: str | None,
) -> None:
    """List the questions of one review left unanswered (and partially answered), by asker
    and theme, with line references: text ready to paste into a follow-up letter.
    REVIEW_OR_SOURCE is a file, an http(s) URL or - (analysed now), or else the id of a review
    in the library, whose statuses people checked come first."""
    from . import export as exporting
    from .output.unanswered_out import render

    settings = from_env(
        max_bytes=max_bytes, fetch_timeout=fetch_timeout, taxonomy=taxonomy, method=method
    )
    stdin = _read_stdin(target, settings.max_bytes)
    data = exporting.load(target, settings, db_path=db, stdin=stdin)
    if (data.get("document") or {}).get("kind") == "concluding_observations":
        from .errors import NotADialogue

        raise NotADialogue(
            f"{target} holds the Committee's concluding observations: recommendations, not "
            "questions, so none can be unanswered.",
            hint="`rapporteur analyze` lists its recommendations; run `rapporteur unanswered` "
            "on the summary record or meeting summary of the dialogue.",
        )
    write_output(render(data, include_partial=include_partial), output)


@main.command()
@click.argument("target", metavar="REVIEW_OR_SOURCE")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "csv", "md", "html", "akn", "training"]),
    default="json",
    show_default=True,
    help="json: the rapporteur/review@1 object; csv: questions, answers, figures and "
    "commitments tables (a recommendations table for concluding observations); md / html: the "
    "follow-up brief; akn: Akoma Ntoso 3.0 XML; training: the statuses people checked, as "
    "labelled examples (JSON Lines).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="File to write (default: standard output). With csv: a folder (created), or a "
    "prefix ending in - or _ (out/kgz- writes out/kgz-questions.csv ...).",
)
@click.option(
    "--db",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Library to read REVIEW from. Default: $RAPPORTEUR_DB, else the default library.",
)
@click.option(
    "--validate",
    is_flag=True,
    help="Check json against the packaged JSON Schema and akn against the Akoma Ntoso XSD "
    "before writing; nothing is written if the check fails.",
)
@click.option(
    "--schema",
    type=click.Path(path_type=Path, exists=True),
    default=None,
    envvar="RAPPORTEUR_AKN_SCHEMA",
    help="akomantoso30.xsd (or its folder) for --validate with akn. Default: "
    "$RAPPORTEUR_AKN_SCHEMA, else ../shared/schemas/akomantoso30/.",
)
@click.option(
    "--brief-language",
    type=click.Choice(["en", "fr", "es"]),
    default=None,
    help="md / html: the language of the brief's headings and labels (the document's text "
    "is never translated). Default: the review's language.",
)
@_with_limits
def export(
    target: str,
    fmt: str,
    output: Path | None,
    db: Path | None,
    validate: bool,
    schema: Path | None,
    brief_language: str | None,
    max_bytes: int | None,
    fetch_timeout: float | None,
    taxonomy: Path | None,
    method: str | None,
) -> None:
    """Export one review: REVIEW_OR_SOURCE is a file, an http(s) URL or - (analysed now),
    or else the id of a review in the library."""
    from . import export as exporting

    if fmt == "csv" and output is None:
        raise click.UsageError(
            "--format csv writes several files (questions, answers, figures and commitments, "
            "or the recommendations of concluding observations): give -o FOLDER or -o PREFIX-."
        )
    settings = from_env(
        max_bytes=max_bytes, fetch_timeout=fetch_timeout, taxonomy=taxonomy, method=method
    )
    result = exporting.export(
        target,
        fmt,
        settings,
        db_path=db,
        stdin=_read_stdin(target, settings.max_bytes),
        validate=validate,
        schema=schema,
        brief_language=brief_language,
    )
    if fmt == "csv":
        assert output is not None
        exporting.write_tables(result.files, output)
    elif fmt == "training" and not result.text:
        from .output.training import NOTHING_CHECKED

        click.echo(NOTHING_CHECKED, err=True)  # nothing to learn from: no file is written
    else:
        if output is not None and output.is_dir():
            output = output / exporting.default_name(result.data, fmt)
        write_output(result.text, output)
    if not result.data.get("is_dialogue", True):
        warnings = result.data.get("warnings") or []
        reason = warnings[-1] if warnings else "not a treaty-body review"
        click.echo(f"Error: {target}: {reason}", err=True)
        sys.exit(4)


# --------------------------------------------------------------------------- the library
# ingest / list / show / search / serve: each parses options, calls one function of
# rapporteur.library (or rapporteur.web.app.serve) and formats the result.

_review_filters = [
    click.option("--committee", default=None, help="Committee acronym, e.g. CMW or CEDAW."),
    click.option("--country", default=None, help="State party: ISO 3166 alpha-3 code or name."),
    click.option("--year", default=None, help="A year or a range: 2019, 2015-2020, 2015-, -2010."),
    click.option("--session", type=click.IntRange(min=1), default=None, help="Session number."),
    click.option(
        "--language", default=None, help="The record's language: en, fr or es (or its name)."
    ),
]
SORT_COLUMNS = [
    "year",
    "committee",
    "state",
    "session",
    "date",
    "questions",
    "unanswered",
    "added",
    "id",
]


def _sort_options(help: str) -> list[Callable[[F], F]]:
    """--sort and --reverse, as `list` and `library` take them."""
    return [
        click.option(
            "--sort",
            type=click.Choice(SORT_COLUMNS),
            default="year",
            show_default=True,
            help=help,
        ),
        click.option("--reverse", is_flag=True, help="Reverse the sort order."),
    ]


_page_options = [
    click.option("--limit", type=click.IntRange(1, 1000), default=None, help="Rows to show."),
    click.option("--offset", type=click.IntRange(min=0), default=0, help="Rows to skip."),
]


@main.command()
@click.argument("sources", nargs=-1, metavar="PATH_OR_URL...")
@_db_option
@click.option(
    "--url-list",
    is_flag=True,
    help="Read each file argument as a list of URLs, one per line (.urls files always are).",
)
@click.option(
    "-j",
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Processes analysing documents in parallel (default: one per CPU core).",
)
@click.option("--force", is_flag=True, help="Analyse again documents already in the library.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@_format_option
@_with_limits
def ingest(
    sources: tuple[str, ...],
    db: Path | None,
    url_list: bool,
    workers: int | None,
    force: bool,
    quiet: bool,
    fmt: str,
    max_bytes: int | None,
    fetch_timeout: float | None,
    taxonomy: Path | None,
    method: str | None,
) -> None:
    """Add documents to the library: files, folders (searched recursively for .txt, .html,
    .htm, .pdf and .docx), http(s) URLs and lists of URLs.

    Content already in the library is skipped; content stored by an older rapporteur is
    analysed again. A document that cannot be read, or is not a treaty-body dialogue, is
    reported as failed and not stored; the others are stored all the same. Exit code 0 when
    nothing failed, 3 when at least one source failed.
    """
    from . import library
    from .output.library_out import ingest_dict, render_ingest

    library.require_sources(list(sources))
    settings = from_env(
        max_bytes=max_bytes,
        fetch_timeout=fetch_timeout,
        taxonomy=taxonomy,
        workers=workers,
        method=method,
    )
    bar: Any = None

    def on_total(n: int) -> None:
        nonlocal bar
        if not quiet and n > 1 and sys.stderr.isatty():
            bar = click.progressbar(length=n, label="Ingesting", file=sys.stderr, show_pos=True)
            bar.__enter__()

    def progress(item: library.IngestItem) -> None:
        if bar is not None:
            bar.update(1)

    try:
        summary = library.ingest_paths(
            sources,
            db,
            settings=settings,
            url_list=url_list,
            force=force,
            progress=progress,
            on_total=on_total,
        )
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    if fmt == "json":
        from dataclasses import asdict

        _echo_json({**ingest_dict(summary), "links": asdict(summary.links)})
    else:
        click.echo(render_ingest(summary), nl=False)
        links = summary.links
        if links.question_links or links.previous_links:
            click.echo(
                f"Linked {links.reviews} review{'s' if links.reviews != 1 else ''}: "
                f"{links.question_links} links from recommendations to questions of the "
                f"dialogue, {links.previous_links} to recommendations of the previous cycle."
            )
        for key, reason in links.failed:
            click.echo(
                f"Could not link the documents of review {key} ({reason}); they are stored, "
                "and the next ingest tries again. Please report this.",
                err=True,
            )
    if not summary.ok:
        sys.exit(3)


@main.command("list")
@_db_option
@_with(_review_filters)
@_with(_sort_options("Column to sort by (years, dates and counts: largest first)."))
@_with(_page_options)
@_format_option
def list_command(
    db: Path | None,
    committee: str | None,
    country: str | None,
    year: str | None,
    session: int | None,
    language: str | None,
    sort: str,
    reverse: bool,
    limit: int | None,
    offset: int,
    fmt: str,
) -> None:
    """List the reviews in the library, newest first, with optional filters."""
    from . import library
    from .output.library_out import page_dict, render_page
    from .store import DESCENDING_FIRST

    filters = library.make_filters(
        committee=committee, country=country, year=year, session=session, language=language
    )
    descending = sort in DESCENDING_FIRST
    page = library.list_reviews(
        db,
        filters=filters,
        sort=sort,
        descending=descending != reverse,
        limit=limit or 1000,
        offset=offset,
    )
    if fmt == "json":
        _echo_json(page_dict(page))
    else:
        click.echo(render_page(page), nl=False)


@main.command()
@click.argument("review", metavar="REVIEW")
@_db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: a summary; json: the stored rapporteur/review@1 object.",
)
def show(review: str, db: Path | None, fmt: str) -> None:
    """Show one stored review: REVIEW is its id from `rapporteur list` (or a unique prefix)."""
    from . import library

    stored = library.get_review(review, db)
    if fmt == "json":
        from .output.json_out import dumps

        click.echo(dumps(dict(stored.data)), nl=False)
    else:
        from .output.library_out import render_review

        click.echo(render_review(stored.summary, stored.data), nl=False)


@main.command()
@click.argument("query", nargs=-1, required=True)
@_db_option
@_with(_review_filters)
@click.option(
    "--side",
    type=click.Choice(["committee", "delegation", "other"]),
    default=None,
    help="Who said it.",
)
@click.option(
    "--status",
    type=click.Choice(["answered", "partial", "unanswered"]),
    default=None,
    help="Only questions with this status (and the answers given to them).",
)
@click.option(
    "--kind",
    type=click.Choice(
        ["question", "answer", "paragraph", "figure", "commitment", "recommendation"]
    ),
    multiple=True,
    help="Search only these kinds of passage (repeatable). Default: all.",
)
@click.option(
    "--theme", default=None, help="Only questions and recommendations on this theme (its id)."
)
@click.option(
    "--follow-up",
    type=click.Choice(["yes", "no"]),
    default=None,
    help="Only recommendations in (yes) or not in (no) the follow-up procedure.",
)
@click.option(
    "--repeated",
    type=click.Choice(["yes", "no"]),
    default=None,
    help="Only recommendations repeated (yes) or not (no) from the previous cycle.",
)
@click.option(
    "--to-check",
    type=click.Choice(["yes", "no"]),
    default=None,
    help="Only questions whose status the tool is not sure of (yes: check before quoting) "
    "or is sure of (no).",
)
@click.option(
    "--checked",
    type=click.Choice(["yes", "no"]),
    default=None,
    help="Only questions whose status a person checked in the library (yes) or not (no).",
)
@_with(_page_options)
@_format_option
def search(
    query: tuple[str, ...],
    db: Path | None,
    committee: str | None,
    country: str | None,
    year: str | None,
    session: int | None,
    language: str | None,
    side: str | None,
    status: str | None,
    kind: tuple[str, ...],
    theme: str | None,
    follow_up: str | None,
    repeated: str | None,
    to_check: str | None,
    checked: str | None,
    limit: int | None,
    offset: int,
    fmt: str,
) -> None:
    """Search the library: every question, answer, paragraph, figure, commitment and
    recommendation of concluding observations.

    Words match their variants (remittance, remittances) with or without accents. Quote
    a phrase ("domestic workers"), combine with OR or NOT, or end a word with * (migra*).
    """
    from . import library
    from .output.library_out import render_search, search_dict

    filters = library.make_filters(
        committee=committee,
        country=country,
        year=year,
        session=session,
        side=side,
        status=status,
        kind=kind,
        theme=theme,
        follow_up=follow_up,
        repeated=repeated,
        to_check=to_check,
        checked=checked,
        language=language,
    )
    result = library.search(
        " ".join(query), db, filters=filters, limit=limit or 20, offset=offset, facets=fmt == "json"
    )
    if fmt == "json":
        _echo_json(search_dict(result))
    else:

        def mark(text: str) -> str:
            return click.style(text, bold=True, fg="yellow")

        click.echo(render_search(result, mark), nl=False)


@main.command("library")
@_db_option
@_with(_review_filters)
@_with(_sort_options("Order of the reviews (years, dates and counts: largest first)."))
@_with(_page_options)
@_format_option
def library_command(
    db: Path | None,
    committee: str | None,
    country: str | None,
    year: str | None,
    session: int | None,
    language: str | None,
    sort: str,
    reverse: bool,
    limit: int | None,
    offset: int,
    fmt: str,
) -> None:
    """List the reviews in the library, each with its documents (meeting summary, summary
    records, concluding observations) under it."""
    from . import library
    from .cycle_text import render_groups
    from .overview import groups_dict
    from .store import DESCENDING_FIRST

    filters = library.make_filters(
        committee=committee, country=country, year=year, session=session, language=language
    )
    page = library.list_groups(
        db,
        filters=filters,
        sort=sort,
        descending=(sort in DESCENDING_FIRST) != reverse,
        limit=limit or 1000,
        offset=offset,
    )
    if fmt == "json":
        _echo_json(groups_dict(page))
    else:
        click.echo(render_groups(page), nl=False)


@main.command("state")
@click.argument("name", nargs=-1, required=True, metavar="NAME")
@_db_option
@click.option(
    "--as-of",
    default=None,
    metavar="YYYY-MM-DD",
    help="Say which follow-up dates are past as of this day (default: today).",
)
@_format_option
def state_command(name: tuple[str, ...], db: Path | None, as_of: str | None, fmt: str) -> None:
    """One State's reviews over time per committee: the follow-up recommendations still open
    and their due dates (past ones marked), subjects raised in more than one cycle and the
    recommendations repeated from the previous cycle. NAME is the State's name or ISO code."""
    from datetime import date

    from . import library
    from .cycle_text import render_state
    from .errors import InvalidQuery
    from .overview import overview_dict, theme_labels

    today = None
    if as_of:
        try:
            today = date.fromisoformat(as_of)
        except ValueError:
            raise InvalidQuery(
                f"{as_of!r} is not a date.", hint="Write it as YYYY-MM-DD, e.g. 2026-04-11."
            ) from None
    view = library.state_overview(" ".join(name), db, labels=theme_labels(), today=today)
    if fmt == "json":
        _echo_json(overview_dict(view))
    else:
        click.echo(render_state(view), nl=False)


_LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


@main.command()
@_db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port."
)
@click.option(
    "--max-upload-bytes",
    type=click.IntRange(min=1),
    default=None,
    help="Largest upload accepted (default 10 MB, or $RAPPORTEUR_MAX_UPLOAD_BYTES).",
)
@click.option(
    "-j",
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Server processes (default 1, or $RAPPORTEUR_WORKERS); 2 or more use more cores.",
)
@click.option(
    "--read-only",
    is_flag=True,
    default=None,
    help="Refuse every upload and decision (or $RAPPORTEUR_READ_ONLY=1): the library can "
    "only be read.",
)
def serve(
    db: Path | None,
    host: str,
    port: int,
    max_upload_bytes: int | None,
    workers: int | None,
    read_only: bool | None,
) -> None:
    """Serve the library in a web browser, with a JSON API under /api/ (localhost only
    unless --host says otherwise). Off localhost, and wherever the library has accounts,
    only logged-in accounts (`rapporteur user add`) may add documents or check statuses."""
    from .web.app import serve as run_server

    if host not in _LOCAL_HOSTS:
        click.echo(
            f"Warning: listening on {host}: anyone who can reach this machine can read the "
            "library; adding documents and checking statuses need an account "
            "(`rapporteur user add NAME`).",
            err=True,
        )
    settings = from_env(
        max_upload_bytes=max_upload_bytes, workers=workers, read_only=read_only or None
    )
    run_server(db, settings, host=host, port=port)


# --------------------------------------------------------------------------- people's checks

main.add_command(cli_checks.decide)
main.add_command(cli_checks.decisions)
main.add_command(cli_users.user)
