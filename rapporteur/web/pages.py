"""Rendering pages: the Jinja2 environment (autoescaping on) and `render`.

Its own module so that the app and the view modules all import it, and none of them
imports another to reach it. Forms carry their anti-forgery token as a placeholder that
`render` fills in for the visitor at hand (`guard.fill_tokens`), so that a cached page can
be served to anyone.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape

from .. import __version__
from . import charts, guard

HERE = Path(__file__).resolve().parent


def highlight(snippet: str, marks: Sequence[Sequence[int]]) -> Markup:
    """Snippet text with <mark> around matched terms; everything else escaped."""
    out: list[str] = []
    pos = 0
    for start, end in marks:
        out.append(str(escape(snippet[pos:start])))
        out.append(f"<mark>{escape(snippet[start:end])}</mark>")
        pos = end
    out.append(str(escape(snippet[pos:])))
    return Markup("".join(out))


def url_with(base: str, params: dict[str, Any], **changes: Any) -> str:
    """`base` with the query `params`, some changed; None or "" drops a parameter."""
    merged = {**params, **changes}
    pairs: list[tuple[str, str]] = []
    for key, value in merged.items():
        if value is None or value == "" or value == []:
            continue
        for one in value if isinstance(value, list | tuple) else [value]:
            pairs.append((key, str(one)))
    return base + ("?" + urlencode(pairs) if pairs else "")


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=True,  # everything from a document is text, never markup
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        highlight=highlight,
        url_with=url_with,
        bar_chart=charts.bar_chart,
        stacked_bar=charts.stacked_bar,
        version=__version__,
        current_visitor=guard.current,
        csrf_token=guard.PLACEHOLDER,
    )
    return env


TEMPLATES = _environment()


def render(name: str, status_code: int = 200, /, **context: Any) -> HTMLResponse:
    html = TEMPLATES.get_template(name).render(**context)
    return HTMLResponse(guard.fill_tokens(html), status_code=status_code)
