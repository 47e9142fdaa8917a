"""HTML pages: main content only, headings kept apart from paragraphs."""

from __future__ import annotations

from rapporteur.settings import Settings
from rapporteur.stages.ingest import document_from_bytes

PAGE = """<!DOCTYPE html><html><head><title>Review | UN</title>
<script>var injected = "<p>Should not appear</p>";</script><style>p {color: red}</style></head>
<body><a href="#main">Skip to main content</a>
<nav><ul><li>Home</li><li>Meeting Summaries</li><li>Contact</li></ul></nav>
<main id="main"><h1>Committee against Torture Reviews the Report of Norway</h1>
<p>The Committee against Torture today concluded its consideration of the eighth periodic
report of Norway.</p>
<h2>Questions by Committee Experts</h2>
<p>ERIKA SOLBERG-VIK, Committee Expert and Country Rapporteur, asked how solitary confinement
was regulated?</p>
<h2>Responses by the Delegation</h2>
<p>The delegation said solitary confinement was limited to 14 days.</p></main>
<footer><p>Privacy policy</p></footer><script>console.log("x")</script></body></html>"""


def test_parse_html_keeps_headings_and_paragraphs_apart() -> None:
    doc = document_from_bytes(PAGE.encode(), "page.html", Settings())
    lines = [x for x in doc.text.split("\n") if x]
    assert doc.format == "html"
    assert "Questions by Committee Experts" in lines
    assert "Responses by the Delegation" in lines
    assert not any("Should not appear" in x or "console.log" in x for x in lines)
    assert not any(x == "Privacy policy" for x in lines)
    joined = " ".join(lines)
    assert "asked how solitary confinement was regulated?" in joined


def test_parse_html_fragment_without_page_structure_falls_back() -> None:
    html = "<p>The Committee on Enforced Disappearances today considered the report of Peru.</p>"
    doc = document_from_bytes(html.encode(), "fragment.html", Settings())
    assert "Enforced Disappearances" in doc.text


def test_parse_html_div_soup_page_gives_the_same_questions_as_its_text() -> None:
    """A page without <main>/<article> goes through trafilatura's boilerplate removal."""
    import html as html_lib

    from rapporteur.api import analyze, analyze_bytes
    from tests.conftest import EXAMPLES

    path = EXAMPLES / "fictional-cmw-review.txt"
    paras = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    body = "".join(
        f'<div class="field"><{"h3" if len(p) < 60 and not p.endswith(".") else "p"}>'
        f"{html_lib.escape(p)}</{'h3' if len(p) < 60 and not p.endswith('.') else 'p'}></div>"
        for p in paras[2:]
    )
    page = (
        f"<html><head><title>{html_lib.escape(paras[1])}</title></head><body>"
        '<div id="header"><div class="menu"><a>Home</a> <a>About</a> <a>Media</a></div></div>'
        '<div class="wrapper"><div class="sidebar"><ul><li>Related</li></ul></div>'
        f'<div class="region-content"><h1>{html_lib.escape(paras[1])}</h1>{body}</div></div>'
        '<div id="footer">Copyright</div></body></html>'
    )
    from_text = analyze(path)
    from_page = analyze_bytes(page.encode(), "page.html")

    def key(review):  # type: ignore[no-untyped-def]
        return [(" ".join(q.text.split()), q.asker, q.kind) for q in review.questions]

    assert key(from_page) == key(from_text)
    assert from_page.metadata is not None and from_page.metadata.committee == "CMW"
