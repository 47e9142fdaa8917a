"""The packaged JSON Schema of rapporteur/review@1 (`rapporteur/data/review.schema.json`)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

import jsonschema  # type: ignore[import-untyped]

SCHEMA_FILE = "review.schema.json"


@lru_cache(maxsize=1)
def load() -> dict[str, Any]:
    """The schema document (draft 2020-12)."""
    text = resources.files("rapporteur").joinpath("data", SCHEMA_FILE).read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def validator() -> jsonschema.protocols.Validator:
    cls = jsonschema.Draft202012Validator
    return cls(load(), format_checker=cls.FORMAT_CHECKER)


def errors(data: Any) -> list[str]:
    """Every way `data` breaks the schema, as 'path: message'; empty when it is valid."""
    found = sorted(validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    return [f"{e.json_path}: {e.message}" for e in found]
