"""rapporteur/data/review.schema.json describes every field json_out emits and accepts
every sample."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import jsonschema

from rapporteur.models import SECTION_KINDS
from rapporteur.output import json_schema
from tests.output.samples import contradiction_data, minimal_data

DESIGN = Path(__file__).resolve().parents[3] / "shared" / "DESIGN.md"


def test_schema_is_valid_draft_2020_12() -> None:
    schema = json_schema.load()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_schema_accepts_every_sample(sample: tuple[str, dict[str, Any]]) -> None:
    name, data = sample
    assert json_schema.errors(data) == [], name


def test_schema_accepts_minimal_and_hand_built_reviews() -> None:
    assert json_schema.errors(minimal_data()) == []
    assert json_schema.errors(contradiction_data()) == []


def _undescribed(value: Any, schema: dict[str, Any], root: dict[str, Any], path: str) -> list[str]:
    """Keys present in `value` that the schema does not name (following $ref/oneOf/items)."""
    if "$ref" in schema:
        target = root
        for part in schema["$ref"].lstrip("#/").split("/"):
            target = target[part]
        return _undescribed(value, target, root, path)
    for key in ("oneOf", "anyOf"):
        if key in schema and "properties" not in schema:
            options = [s for s in schema[key] if "properties" in s or "$ref" in s or "items" in s]
            if isinstance(value, dict | list) and options:
                return min((_undescribed(value, s, root, path) for s in options), key=len)
    missing: list[str] = []
    if isinstance(value, dict) and "properties" in schema:
        for k, v in value.items():
            if k not in schema["properties"]:
                missing.append(f"{path}.{k}")
            else:
                missing += _undescribed(v, schema["properties"][k], root, f"{path}.{k}")
    elif isinstance(value, list) and "items" in schema:
        for item in value[:50]:
            missing += _undescribed(item, schema["items"], root, f"{path}[]")
    return sorted(set(missing))


def test_schema_describes_every_emitted_field(sample: tuple[str, dict[str, Any]]) -> None:
    _, data = sample
    schema = json_schema.load()
    missing = _undescribed(data, schema, schema, "$")
    assert not missing, (
        f"json_out emits fields that rapporteur/data/review.schema.json does not describe: {missing}"
    )


def test_schema_rejects_broken_values() -> None:
    data = contradiction_data()
    bad = copy.deepcopy(data)
    bad["questions"][0]["status"] = "maybe"
    assert any("maybe" in e for e in json_schema.errors(bad))
    bad = copy.deepcopy(data)
    del bad["questions"][0]["asker"]
    assert json_schema.errors(bad)
    bad = copy.deepcopy(data)
    bad["figures"][0]["value"] = None  # neither a value nor a range
    assert json_schema.errors(bad)
    bad = copy.deepcopy(data)
    bad["schema"] = "rapporteur/review@2"
    assert json_schema.errors(bad)
    bad = copy.deepcopy(data)
    bad["review"]["state_party"] = {"name": "Kyrgyzstan", "iso3": "kg"}
    assert json_schema.errors(bad)


def test_schema_requires_the_design_contract() -> None:
    """The top-level required keys are the ones DESIGN.md lists (when ../shared is here)."""
    schema = json_schema.load()
    assert set(schema["required"]) == {
        "schema",
        "review",
        "participants",
        "sections",
        "turns",
        "questions",
        "figures",
        "inconsistencies",
        "commitments",
        "recommendations",
    }
    if DESIGN.exists():
        contract = DESIGN.read_text(encoding="utf-8").split("## The JSON contract")[1]
        # Fields listed as "further" become required as the capability that fills them lands.
        contract = contract.split("Further fields")[0]
        top = set(re.findall(r"^- `(\w+)`", contract, flags=re.MULTILINE))
        assert top <= set(schema["required"])


def test_schema_field_check_notices_an_undescribed_field() -> None:
    data = contradiction_data()
    data["questions"][0]["certainty"] = 0.5
    data["brand_new"] = True
    schema = json_schema.load()
    assert _undescribed(data, schema, schema, "$") == ["$.brand_new", "$.questions[].certainty"]


def test_schema_section_kinds_follow_the_models_table() -> None:
    """The schema file is static JSON: its enum must list exactly rapporteur.models' kinds."""
    schema = json_schema.load()
    assert tuple(schema["$defs"]["section_kind"]["enum"]) == SECTION_KINDS
