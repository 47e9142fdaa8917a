"""The accuracy gate: the shared scorer on the real corpus document (skipped without ../shared).

Groups are added here as the stages that fill them land; every bar of a group listed here must
pass. The same document wrapped in a realistic web page must give the same questions.
"""

from __future__ import annotations

import html
import json
import subprocess
import sys
from pathlib import Path

from rapporteur.api import analyze, analyze_bytes
from rapporteur.output.json_out import dumps, to_dict
from tests.conftest import SHARED

GATED_GROUPS = "metadata,questions,figures"  # dialogue: bars not met yet (issue 3)


def _score(path: Path, groups: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score.py"), str(path), "--only", groups],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_eval_gate_corpus_passes_every_bar(corpus_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text(dumps(to_dict(analyze(corpus_path))), encoding="utf-8")
    result = _score(out, GATED_GROUPS)
    assert result.returncode == 0, result.stdout + result.stderr


def _wrap_in_page(text: str) -> str:
    """A page like the UN's: navigation, scripts, a footer, headings as <h2>."""
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    title, rest = paragraphs[1], paragraphs[2:]
    body = []
    for p in rest:
        short = len(p) < 60 and not p.endswith(".")
        tag = "h2" if short else "p"
        body.append(f"<{tag}>{html.escape(p)}</{tag}>")
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)} | OHCHR</title><script>window.x = '<p>x</p>';</script>"
        "<style>body{font-family:sans-serif}</style></head><body>"
        "<a class='skip' href='#main'>Skip to main content</a><header><nav><ul><li>Home</li>"
        "<li>About us</li><li>Human rights bodies</li><li>Meeting Summaries</li></ul></nav></header>"
        f"<main id='main'><article><h1>{html.escape(title)}</h1>{''.join(body)}</article></main>"
        "<footer><ul><li>Contact us</li><li>Privacy notice</li><li>Terms of use</li></ul></footer>"
        "<script src='/analytics.js'></script></body></html>"
    )


def test_eval_gate_html_page_gives_the_same_questions(corpus_path: Path) -> None:
    text = corpus_path.read_text(encoding="utf-8")
    from_text = analyze(corpus_path)
    from_html = analyze_bytes(_wrap_in_page(text).encode(), "page.html")

    def norm(s: str) -> str:
        return " ".join(s.split())

    assert [(norm(q.text), q.asker, q.kind) for q in from_html.questions] == [
        (norm(q.text), q.asker, q.kind) for q in from_text.questions
    ]
    meta = from_html.metadata
    assert meta is not None and meta.committee == "CMW"
    assert meta.state_party is not None and meta.state_party.iso3 == "KGZ"
    data = to_dict(from_html)
    for q in data["questions"]:
        assert q["text"] in from_html.document.line_text(q["line"])
    json.dumps(data)
