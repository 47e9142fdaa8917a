"""HTML page to plain text with one block (heading or paragraph) per line.

trafilatura finds the main content of a saved UN page and keeps headings apart (as Markdown
`#` lines, which we turn back into plain heading lines); selectolax is the fallback for pages
where trafilatura finds nothing, such as bare fragments without a page structure.
"""

from __future__ import annotations

import re

from ..errors import ParseError

_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_MD_LIST = re.compile(r"^\s*[-*+]\s+")
_BLOCK_TAGS = "h1,h2,h3,h4,h5,h6,p,li,blockquote,pre,td,dd,dt"


def _clean_markdown_line(line: str) -> str:
    line = _MD_HEADING.sub("", line)
    line = _MD_LIST.sub("", line)
    line = _MD_EMPHASIS.sub(r"\2", line)
    line = _MD_ESCAPE.sub(r"\1", line)
    return line.strip()


def _with_trafilatura(html: str) -> tuple[list[str], str | None, str | None]:
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        include_formatting=True,
        include_comments=False,
        include_tables=True,
        output_format="markdown",
        favor_recall=True,
        with_metadata=True,
    )
    if doc is None:
        return [], None, None
    body = getattr(doc, "text", None) or ""
    blocks = [_clean_markdown_line(b) for b in body.split("\n")]
    blocks = [b for b in blocks if b]
    title = getattr(doc, "title", None)
    date = getattr(doc, "date", None)
    if title and blocks and blocks[0] != title.strip():
        blocks.insert(0, title.strip())
    return blocks, title, date


def _with_selectolax(html: str) -> tuple[list[str], str | None]:
    from selectolax.parser import HTMLParser

    tree = HTMLParser(html)
    for node in tree.css("script, style, noscript, template, svg, nav, header, footer, form"):
        node.decompose()
    title_node = tree.css_first("title")
    title = title_node.text(strip=True) if title_node else None
    root = (
        tree.css_first("main")
        or tree.css_first("article")
        or tree.css_first("[role=main]")
        or tree.body
    )
    if root is None:
        return [], title
    blocks: list[str] = []
    for node in root.css(_BLOCK_TAGS):
        text = " ".join(node.text(separator=" ").split())
        if text and (not blocks or blocks[-1] != text):
            blocks.append(text)
    if not blocks:
        text = root.text(separator="\n")
        blocks = [" ".join(t.split()) for t in text.split("\n") if t.strip()]
    return blocks, title


def html_to_text(html: str, origin: str) -> tuple[str, str | None]:
    """Return (text, title); blocks are separated by one blank line."""
    try:
        blocks, title, date = _with_trafilatura(html)
        if len(" ".join(blocks)) < 200:
            fallback, title2 = _with_selectolax(html)
            if len(" ".join(fallback)) > len(" ".join(blocks)):
                blocks, title = fallback, title or title2
    except (ValueError, TypeError, AttributeError, RecursionError) as exc:
        raise ParseError(f"{origin} is HTML that could not be parsed ({exc}).") from exc
    if date:
        # Keep the page's date visible to the metadata stage as it appears on UN pages.
        blocks.insert(1 if blocks else 0, _format_date(date))
    return "\n\n".join(blocks) + "\n", title


def _format_date(iso: str) -> str:
    months = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", iso)
    if not m:
        return iso
    year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    return f"{day} {months[month - 1]} {year}"
