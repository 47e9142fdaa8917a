"""Exports of one review: JSON, CSV tables, Markdown and HTML brief, Akoma Ntoso XML, and
the statuses people checked as training data (JSON Lines).

`export(target, fmt)` is what `rapporteur export` calls: `target` is a source (a path, an
http(s) URL or "-") analysed on the fly, or else the id of a review in the library. Every
format is rendered from the rapporteur/review@1 object, so a stored review and a fresh analysis
export identically. `write_tables()` writes the several CSV files of one export atomically:
everything goes to a temporary folder first, so a failure leaves no partial file behind.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ExportError, ReviewNotFound
from .settings import Settings

FORMATS = ("json", "csv", "md", "html", "akn", "training")
EXTENSIONS = {
    "json": ".json",
    "md": ".md",
    "html": ".html",
    "akn": ".akn.xml",
    "training": ".training.jsonl",
}
_SOURCE_SUFFIXES = (".txt", ".text", ".html", ".htm", ".pdf", ".docx", ".md")


@dataclass(frozen=True, slots=True, kw_only=True)
class Exported:
    """The rendered files of one export (one file except for csv), and the review they show."""

    format: str
    files: dict[str, str]
    data: dict[str, Any]

    @property
    def text(self) -> str:
        """The single file of a one-file format."""
        return next(iter(self.files.values()))


def is_source(target: str) -> bool:
    """A path, URL or stdin rather than a library review id."""
    if target == "-" or re.match(r"(?i)https?://", target):
        return True
    path = Path(target)
    if path.exists():
        return True
    # looks like a file name: let ingest report it missing rather than the library
    return "/" in target or os.sep in target or path.suffix.lower() in _SOURCE_SUFFIXES


def load(
    target: str,
    settings: Settings | None = None,
    *,
    db_path: str | Path | None = None,
    stdin: bytes | None = None,
) -> dict[str, Any]:
    """The rapporteur/review@1 object for a source or a library review id."""
    if is_source(target):
        from . import api
        from .output.json_out import to_dict

        return to_dict(api.analyze(target, settings, stdin=stdin))
    return _from_library(target, db_path)


def _from_library(review_id: str, db_path: str | Path | None) -> dict[str, Any]:
    """The stored JSON of a review: `library.get_review_json(id, db)` when the library has it,
    else `library.get_review(id, db).data`. A library file that does not exist is not created."""
    try:
        from . import library
    except ImportError as exc:
        raise ReviewNotFound(
            f"{review_id!r} is not a file or URL, and this installation has no review library "
            "to look it up in.",
            hint="Pass the path or URL of a review document.",
        ) from exc
    resolve = getattr(library, "resolve_db", None)
    where = resolve(db_path) if resolve else db_path
    if where is not None and str(where) != ":memory:" and not Path(where).exists():
        raise ReviewNotFound(
            f"{review_id!r} is not a file or URL, and there is no library at {where} to look it "
            "up in.",
            hint="Pass the path or URL of a review document, or the library with --db.",
        )
    try:
        getter = getattr(library, "get_review_json", None)
        if getter is not None:
            data = getter(review_id, db_path)
        else:
            data = library.get_review(review_id, db_path).data
    except ReviewNotFound as exc:
        raise ReviewNotFound(
            f"No file, URL or review in the library {where} is called {review_id!r}.",
            hint=exc.hint or "`rapporteur list` shows the ids of the stored reviews.",
        ) from exc
    if not isinstance(data, Mapping):
        raise ReviewNotFound(f"No review in the library {where} is called {review_id!r}.")
    return dict(data)


def render(
    data: dict[str, Any],
    fmt: str,
    *,
    validate: bool = False,
    schema: str | Path | None = None,
    language: str = "eng",
    brief_language: str | None = None,
) -> dict[str, str]:
    """File name -> text. With `validate`, JSON is checked against the packaged JSON Schema
    and Akoma Ntoso against the OASIS XSD (`schema`); an invalid export raises ExportError.
    `training` is empty text when no status of the review was checked by a person."""
    if fmt == "json":
        from .output import json_schema
        from .output.json_out import dumps

        if validate:
            _fail_on(json_schema.errors(data), "JSON Schema rapporteur/review@1")
        return {"review.json": dumps(data)}
    if fmt == "csv":
        from .output.csv_tables import tables

        return tables(data)
    if fmt == "md":
        from .output.brief import markdown

        return {"brief.md": markdown(data, brief_language)}
    if fmt == "html":
        from .output.brief import html

        return {"brief.html": html(data, brief_language)}
    if fmt == "akn":
        from .output import akn

        xml = akn.to_xml(data, language=language)
        if validate:
            _fail_on(akn.validate(xml, schema), "Akoma Ntoso 3.0 schema")
        return {"review.akn.xml": xml}
    if fmt == "training":
        from .output.training import jsonl

        return {"training.jsonl": jsonl(data)}
    raise ExportError(f"Unknown export format {fmt!r}; use one of {', '.join(FORMATS)}.")


def _fail_on(problems: list[str], what: str) -> None:
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise ExportError(
            f"The export does not validate against the {what}: {problems[0]}{more}.",
            hint="Nothing was written. This is a bug in rapporteur; please report it.",
        )


def export(
    target: str,
    fmt: str,
    settings: Settings | None = None,
    *,
    db_path: str | Path | None = None,
    stdin: bytes | None = None,
    validate: bool = False,
    schema: str | Path | None = None,
    brief_language: str | None = None,
) -> Exported:
    """Load a review (source or library id) and render it in one format; the brief (md,
    html) in `brief_language` ('en', 'fr', 'es'), by default the review's language."""
    data = load(target, settings, db_path=db_path, stdin=stdin)
    files = render(data, fmt, validate=validate, schema=schema, brief_language=brief_language)
    return Exported(format=fmt, files=files, data=data)


# ---------------------------------------------------------------- writing several files


def table_paths(output: Path, names: list[str]) -> tuple[Path, dict[str, Path]]:
    """Where the CSV tables go: (folder, name -> path).

    `-o out/` or an existing folder or a name without a trailing separator character
    (`-o out/kgz`) is a folder (created); a name ending in '-', '_' or '.' is a prefix
    (`-o out/kgz-` writes out/kgz-questions.csv, ...).
    """
    raw = str(output)
    if raw.endswith(("-", "_", ".")) and not output.is_dir():
        folder = output.parent
        return folder, {n: folder / f"{output.name}{n}" for n in names}
    return output, {n: output / n for n in names}


def write_tables(files: dict[str, str], output: Path) -> list[Path]:
    """Write every file or none: to a temporary folder first, then moved into place."""
    folder, targets = table_paths(output, list(files))
    pid = os.getpid()
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"Cannot write the CSV tables to {folder}: it is a file, not a folder.")
    parent = folder if folder.is_dir() else folder.parent
    if not parent.is_dir():
        raise ExportError(f"Cannot write {output}: the folder {parent} does not exist.")
    staging = parent / f".rapporteur-export-{pid}.tmp"
    try:
        staging.mkdir()
        for name, text in files.items():
            (staging / name).write_bytes(text.encode("utf-8"))
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise ExportError(f"Cannot write {output}: {exc.strerror or exc}.") from exc

    if not folder.exists():
        try:
            os.rename(staging, folder)  # one atomic step: the folder appears complete
            return [targets[n] for n in files]
        except OSError as exc:
            shutil.rmtree(staging, ignore_errors=True)
            raise ExportError(f"Cannot create {folder}: {exc.strerror or exc}.") from exc

    moved: list[Path] = []
    try:
        for name in files:
            target = targets[name]
            existed = target.exists()
            os.replace(staging / name, target)
            if not existed:
                moved.append(target)
    except OSError as exc:
        for path in moved:  # take back what this export added; earlier files stay as they were
            path.unlink(missing_ok=True)
        raise ExportError(f"Cannot write {output}: {exc.strerror or exc}.") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [targets[n] for n in files]


def default_name(data: dict[str, Any], fmt: str) -> str:
    """A file name for an export written into a folder: 'cmw-kgz-2.html'; concluding
    observations by their symbol ('cmw-c-ard-co-2.html'), which tells the cycles apart."""
    doc = data.get("document") or {}
    if doc.get("kind") == "concluding_observations" and doc.get("symbol"):
        stem = re.sub(r"[^a-z0-9]+", "-", str(doc["symbol"]).lower()).strip("-")
        if stem:
            return stem + EXTENSIONS.get(fmt, f".{fmt}")
    review = data.get("review") or {}
    parts = [
        str(review.get("committee") or ""),
        str((review.get("state_party") or {}).get("iso3") or ""),
        *(str(n) for n in (review.get("report") or {}).get("numbers") or []),
    ]
    stem = re.sub(r"[^a-z0-9]+", "-", "-".join(p for p in parts if p).lower()).strip("-")
    return (stem or "review") + EXTENSIONS.get(fmt, f".{fmt}")
