"""Akoma Ntoso 3.0 documents (OASIS LegalDocML) from a rapporteur/review@1 object: a dialogue
is a `debate` (`akn_debate`), concluding observations a `doc` (`akn_concluding`); what both
share, from namespaces and eIds to FRBR identification and references, is in `akn_common`.
This module is the writer's one entry point: `to_xml` picks the kind.

`validate()` checks a document against the OASIS XSD. The XSD is not shipped with rapporteur
(see docs/exports.md for where to get it); it is looked up in `schema`, then
$RAPPORTEUR_AKN_SCHEMA, then `../shared/schemas/akomantoso30/akomantoso30.xsd`.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from ..errors import ExportError
from . import recommendations as co
from .akn_common import AKN_NS, NSMAP, RAP_NS, slug
from .akn_concluding import build_concluding
from .akn_debate import build_debate

__all__ = [
    "AKN_NS",
    "RAP_NS",
    "SCHEMA_ENV",
    "ExportError",
    "build",
    "build_concluding",
    "build_debate",
    "find_schema",
    "slug",
    "to_xml",
    "validate",
]

SCHEMA_ENV = "RAPPORTEUR_AKN_SCHEMA"
SCHEMA_NAME = "akomantoso30.xsd"
SCHEMA_URL = "https://docs.oasis-open.org/legaldocml/akn-core/v1.0/cs01/part2-specs/schemas/"


def build(data: dict[str, Any], language: str = "eng") -> etree._Element:
    """The <akomaNtoso> element for one review (a debate; concluding observations a doc)."""
    if co.is_concluding_observations(data):
        return build_concluding(data, language)
    return build_debate(data, language)


def to_xml(data: dict[str, Any], language: str = "eng") -> str:
    """The Akoma Ntoso document as UTF-8 XML text (deterministic)."""
    root = build(data, language)
    etree.cleanup_namespaces(root, top_nsmap=NSMAP)
    raw: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return raw.decode("utf-8")


def find_schema(schema: str | os.PathLike[str] | None = None) -> Path:
    """The OASIS XSD: `schema`, else $RAPPORTEUR_AKN_SCHEMA, else ../shared/schemas/…"""
    candidates: list[Path] = []
    if schema:
        candidates.append(Path(schema))
    elif os.environ.get(SCHEMA_ENV):
        candidates.append(Path(os.environ[SCHEMA_ENV]))
    else:
        here = Path(__file__).resolve()
        candidates += [
            Path(__file__).resolve().parent.parent / "data" / SCHEMA_NAME,
            Path.cwd().parent / "shared" / "schemas" / "akomantoso30" / SCHEMA_NAME,
            Path.cwd() / "schemas" / "akomantoso30" / SCHEMA_NAME,
            here.parents[3] / "shared" / "schemas" / "akomantoso30" / SCHEMA_NAME,
        ]
    for c in candidates:
        path = c / SCHEMA_NAME if c.is_dir() else c
        if path.is_file():
            return path
    raise ExportError(
        "The Akoma Ntoso 3.0 schema (akomantoso30.xsd) was not found.",
        hint=f"Download akomantoso30.xsd and xml.xsd from {SCHEMA_URL} into one folder and "
        f"pass --schema PATH or set {SCHEMA_ENV} (see docs/exports.md).",
    )


@lru_cache(maxsize=4)
def _load_schema(path: str) -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    try:
        return etree.XMLSchema(etree.parse(path, parser))
    except (OSError, etree.XMLSyntaxError, etree.XMLSchemaParseError) as exc:
        raise ExportError(
            f"Cannot load the Akoma Ntoso schema {path}: {exc}.",
            hint="xml.xsd must be in the same folder as akomantoso30.xsd.",
        ) from exc


def validate(xml: str | bytes, schema: str | os.PathLike[str] | None = None) -> list[str]:
    """Schema errors of a document ('line N: message'), empty when it is valid."""
    xsd = _load_schema(str(find_schema(schema)))
    raw = xml.encode("utf-8") if isinstance(xml, str) else xml
    doc = etree.fromstring(raw, etree.XMLParser(no_network=True, resolve_entities=False))
    if xsd.validate(doc):
        return []
    return [f"line {e.line}: {e.message}" for e in xsd.error_log]
