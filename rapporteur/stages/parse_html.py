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


_DROP = "script, style, noscript, template, svg, nav, header, footer, form, aside, iframe, button"
_MAIN = ("main", "article", "[role=main]", "#main-content", "#content", ".main-content")
_DATE_META = (
    "meta[property='article:published_time']",
    "meta[name='date']",
    "meta[name='dcterms.date']",
    "meta[itemprop='datePublished']",
)


def _with_selectolax(html: str) -> tuple[list[str], str | None, str | None, bool]:
    """Blocks of the page's main container in document order; (blocks, title, date, found)."""
    from selectolax.parser import HTMLParser

    tree = HTMLParser(html)
    title_node = tree.css_first("title")
    title = title_node.text(strip=True) if title_node else None
    date = None
    for selector in _DATE_META:
        node = tree.css_first(selector)
        if node is not None and node.attributes.get("content"):
            date = node.attributes["content"]
            break
    if date is None:
        node = tree.css_first("time[datetime]")
        date = node.attributes.get("datetime") if node is not None else None
    for node in tree.css(_DROP):
        node.decompose()
    root = None
    for selector in _MAIN:
        root = tree.css_first(selector)
        if root is not None:
            break
    found = root is not None
    root = root or tree.body
    if root is None:
        return [], title, date, False
    blocks: list[str] = []
    tags = set(_BLOCK_TAGS.split(","))
    for node in root.traverse(include_text=False):  # document order, unlike css()
        if node.tag not in tags:
            continue
        # Skip containers whose block children are visited on their own.
        if node.tag in {"li", "td", "dd", "blockquote"} and node.css_first("p, h1, h2, h3, h4"):
            continue
        text = " ".join(node.text(separator=" ").split())
        if text and (not blocks or blocks[-1] != text):
            blocks.append(text)
    if not blocks:
        text = root.text(separator="\n")
        blocks = [" ".join(t.split()) for t in text.split("\n") if t.strip()]
    return blocks, title, date, found


def html_to_text(html: str, origin: str) -> tuple[str, str | None]:
    """Return (text, title); blocks are separated by one blank line.

    A page with a main-content container (<main>, <article>, role=main) is read in document
    order with selectolax; a page without one goes to trafilatura's boilerplate removal.
    """
    try:
        blocks, title, date, found = _with_selectolax(html)
        if not found or len(" ".join(blocks)) < 200:
            extracted, t_title, _ = _with_trafilatura(html)
            if len(" ".join(extracted)) > len(" ".join(blocks)) * 0.5 or not blocks:
                blocks, title = extracted or blocks, t_title or title
    except (ValueError, TypeError, AttributeError, RecursionError) as exc:
        raise ParseError(f"{origin} is HTML that could not be parsed ({exc}).") from exc
    if title:
        title = re.sub(r"\s*[|–—-]\s*(OHCHR|UN Geneva|United Nations|UN Web TV)\s*$", "", title)
    if title and (not blocks or blocks[0] != title) and title not in blocks[:3]:
        blocks.insert(0, title)
    if date:
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
