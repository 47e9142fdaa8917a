"""Contract tests: the public API is locked and every CLI command and option is documented."""

from __future__ import annotations

import click

import rapporteur
from rapporteur.cli import main
from tests.conftest import ROOT

DOCS = "\n".join(
    p.read_text(encoding="utf-8")
    for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
)


def test_docs_public_api_is_locked() -> None:
    assert rapporteur.__all__ == [
        "RapporteurError",
        "Review",
        "Settings",
        "__version__",
        "analyze",
        "analyze_bytes",
        "analyze_text",
    ]
    for name in rapporteur.__all__:
        assert hasattr(rapporteur, name)


def test_docs_every_command_is_documented() -> None:
    for name in main.commands:
        assert f"rapporteur {name}" in DOCS, f"`rapporteur {name}` is not in README.md or docs/"


def test_docs_every_option_is_documented() -> None:
    missing = []
    for name, command in main.commands.items():
        for param in command.params:
            if not isinstance(param, click.Option):
                continue
            if not any(opt in DOCS for opt in param.opts):
                missing.append(f"rapporteur {name} {param.opts[0]}")
    assert missing == []


def test_docs_exit_codes_match_the_error_tree() -> None:
    from rapporteur import errors

    codes = {
        cls.exit_code
        for cls in vars(errors).values()
        if isinstance(cls, type) and issubclass(cls, errors.RapporteurError)
    }
    for code in codes:
        assert f"| {code} |" in DOCS, f"exit code {code} is not in the README's table"
