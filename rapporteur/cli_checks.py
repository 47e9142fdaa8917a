"""`rapporteur decide` and `rapporteur decisions`: people check the statuses from the shell.

Registered on the `rapporteur` group by cli.py; each command calls `rapporteur.checks`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from .cli_options import db_option, echo_json, format_option
from .store import STATUSES


def _question_line(q: Any) -> str:
    d = q.get("decision") or {}
    machine = (q.get("machine") or {}).get("status")
    said = f"; the tool says {machine}" if machine and machine != q.get("status") else ""
    return f"{q['id']} is now {q['status']} (checked by {d.get('by')}{said})."


@click.command()
@click.argument("review", metavar="REVIEW")
@click.argument("question", metavar="QUESTION")
@click.option(
    "--status",
    type=click.Choice(STATUSES),
    required=True,
    help="What the delegation did with the question, as you read the record.",
)
@click.option(
    "--evidence",
    "lines",
    type=click.IntRange(min=1),
    multiple=True,
    metavar="LINE",
    help="Line of a passage that answers it (repeat for several); the tool's passage on "
    "that line, else the whole paragraph. Without it the tool's passages stay.",
)
@click.option(
    "--clear-evidence", is_flag=True, help="No passage answers it: remove the tool's passages."
)
@click.option("--note", default=None, help="A short note for the audit trail.")
@click.option("--by", "author", required=True, help="Your name, for the audit trail.")
@click.option(
    "--expect",
    type=click.IntRange(min=0),
    default=None,
    metavar="DECISION",
    help="Refuse to save if the question's current decision is not this one (0: none yet), "
    "so that you never overwrite a decision you have not seen.",
)
@db_option
@format_option
def decide(
    review: str,
    question: str,
    status: str,
    lines: tuple[int, ...],
    clear_evidence: bool,
    note: str | None,
    author: str,
    expect: int | None,
    db: Path | None,
    fmt: str,
) -> None:
    """Record your decision on the status of QUESTION (its id in the JSON, e.g. q017-3fa2c1)
    of the stored REVIEW. Every decision is kept, with the tool's verdict beside it;
    re-analysing the review keeps it."""
    from . import checks

    if lines and clear_evidence:
        raise click.UsageError("Give --evidence or --clear-evidence, not both.")
    evidence: list[int] | None = [] if clear_evidence else (list(lines) or None)
    q = checks.decide(
        review,
        question,
        status,
        author=author,
        evidence=evidence,
        note=note,
        expected=expect,
        db=db,
    )
    if fmt == "json":
        echo_json(dict(q))
    else:
        click.echo(_question_line(q))


@click.command()
@click.argument("review", metavar="REVIEW")
@db_option
@format_option
def decisions(review: str, db: Path | None, fmt: str) -> None:
    """The audit trail of REVIEW: every decision people made on its statuses, newest first,
    how many questions are checked, and the next one to check."""
    from . import checks

    data, found = checks.trail(review, db)
    questions = data.get("questions") or []
    done = checks.progress(data)
    rows = [checks.decision_dict(d, questions) for d in found]
    if fmt == "json":
        echo_json(
            {
                "checked": done.checked,
                "questions": done.total,
                "next_unchecked": done.next_unchecked,
                "disagreements": done.disagreements,
                "decisions": rows,
            }
        )
        return
    click.echo(f"{done.text}.")
    if done.disagreements:
        click.echo(f"The tool now disagrees with {done.disagreements} of those decisions.")
    if done.next_unchecked:
        click.echo(f"Next to check: {done.next_unchecked}")
    for r in rows:
        where = r["applies_to"] or f"no question now (was {r['question']})"
        state = "" if r["standing"] else " [replaced]" if r["applies_to"] else " [unmatched]"
        note = f' — "{r["note"]}"' if r["note"] else ""
        click.echo(
            f"#{r['id']} {r['at']} {r['by']}: {where} -> {r['status']} "
            f"(the tool said {r['machine_status']}){state}{note}"
        )
