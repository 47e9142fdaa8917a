"""A meeting summary printed to PDF from a browser reads like the page itself (issue 12).

The fictional samples are laid out as a UN meeting-summary web page (a nav bar, an h1 title,
h2 headings, one <p> per paragraph, a footer) and printed by headless Chromium on A5 paper in
a large font, so that most pages break inside a paragraph and many inside a sentence: once
without and once with the browser's running header and footer (the date and time of printing
and the page title on top, the URL and "n/m" below), which is what users get. The analysis of
each PDF must give what the clean text gives: committee, State, report, participants and
sides, head of delegation, the questions (count within two, texts for 95 %), their statuses
and answers. The test skips when Chromium is not installed (CI installs Debian's).
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from rapporteur.api import analyze_bytes
from rapporteur.errors import ParseError
from rapporteur.models import Review
from tests.conftest import EXAMPLES

SAMPLES = {
    "cmw-senegal": "fictional-cmw-review.txt",
    "cmw-ardenia": "cycle/fictional-cmw-ardenia-summary.txt",
    "cedaw-pressrelease": "fictional-cedaw-pressrelease.txt",
    "crc-moldova": "calibration/crc-review.txt",
}
MODES = ("plain", "header-footer")
NAV = ("Skip to main content", "Home", "Media", "Meeting Summaries")
FOOTER = ("Back to top", "Follow UN Geneva")
STYLE = """
@page { size: A5; margin: 12mm 12mm; }
body { font-family: serif; font-size: 13pt; line-height: 1.35; }
nav ul, footer ul { list-style: none; padding: 0; }
nav li, footer li { display: inline; margin-right: 1em; }
h1 { font-size: 18pt; } h2 { font-size: 14pt; } h3 { font-size: 13pt; }
"""
_END = re.compile(r"[.?!:;,)]$")


def page_html(text: str) -> str:
    """The sample as a UN meeting-summary page: its first paragraph of prose is the h1 title,
    a short line without final punctuation is a heading, every other block a paragraph."""
    blocks = [" ".join(b.split()) for b in re.split(r"\n\s*\n", text)]
    body: list[str] = []
    title = ""
    for block in blocks:
        if not block or block.casefold() == "skip to main content":
            continue
        esc = html.escape(block)
        if not title and len(block) > 20:
            title = block
            body.append(f"<h1>{esc}</h1>")
        elif len(block) < 80 and not _END.search(block):
            tag = "h3" if block.casefold() in {"report", "meeting summaries"} else "h2"
            body.append(f"<{tag}>{esc}</{tag}>")
        else:
            body.append(f"<p>{esc}</p>")
    nav = "".join(f'<li><a href="#">{html.escape(x)}</a></li>' for x in NAV)
    foot = "".join(f'<li><a href="#">{html.escape(x)}</a></li>' for x in FOOTER)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{STYLE}</style></head><body>"
        f"<nav><ul>{nav}</ul></nav><main>{''.join(body)}</main>"
        f"<footer><ul>{foot}</ul></footer></body></html>"
    )


def chromium_command(html_path: Path, pdf_path: Path, header_footer: bool) -> list[str]:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium
    cmd = [
        chromium,
        "--headless",
        "--disable-gpu",
        "--no-sandbox",
        "--no-first-run",
        "--disable-extensions",
        f"--user-data-dir={pdf_path.with_suffix('.profile')}",
        f"--print-to-pdf={pdf_path}",
    ]
    if not header_footer:
        cmd.append("--no-pdf-header-footer")
    return [*cmd, html_path.as_uri()]


def _start(commands: list[list[str]]) -> list[subprocess.Popen[bytes]]:
    return [
        subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for cmd in commands
    ]


def _wait(procs: list[subprocess.Popen[bytes]]) -> bool:
    """False when a Chromium process failed or hung."""
    ok = True
    for proc in procs:
        try:
            ok = proc.wait(timeout=120) == 0 and ok
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            ok = False
    return ok


def _require_chromium() -> None:
    if not (shutil.which("chromium") or shutil.which("chromium-browser")):
        pytest.skip("chromium is not installed (CI installs Debian's chromium)")


@dataclass(frozen=True)
class Printed:
    text: str
    clean: Review
    pdf: Review
    pdf_bytes: bytes


@pytest.fixture(scope="session")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Printed]:
    """Every sample printed in both modes, once per test session (the prints run at once)."""
    _require_chromium()
    root = tmp_path_factory.mktemp("printed-pdf")
    commands, paths = [], {}
    for name, rel in SAMPLES.items():
        html_path = root / f"{name}.html"
        html_path.write_text(page_html((EXAMPLES / rel).read_text(encoding="utf-8")), "utf-8")
        for mode in MODES:
            paths[(name, mode)] = pdf_path = root / f"{name}-{mode}.pdf"
            commands.append(chromium_command(html_path, pdf_path, mode == "header-footer"))
    procs = _start(commands)  # the clean texts are analysed while Chromium prints
    clean = {
        name: analyze_bytes((EXAMPLES / rel).read_bytes(), rel) for name, rel in SAMPLES.items()
    }
    if not _wait(procs) or not all(p.exists() and p.stat().st_size for p in paths.values()):
        pytest.skip("chromium could not print to PDF here")
    out: dict[tuple[str, str], Printed] = {}
    for (name, mode), pdf_path in paths.items():
        text = (EXAMPLES / SAMPLES[name]).read_text(encoding="utf-8")
        data = pdf_path.read_bytes()
        out[(name, mode)] = Printed(text, clean[name], analyze_bytes(data, pdf_path.name), data)
    return out


def _norm(text: str) -> str:
    return " ".join(text.split())


def measure(clean: Review, pdf: Review) -> dict[str, object]:
    """What the PDF's analysis shares with the clean text's."""
    cm, pm = clean.metadata, pdf.metadata
    assert cm is not None
    head = sorted(p.name for p in clean.participants if "head of delegation" in p.roles)
    pdf_head = sorted(p.name for p in pdf.participants if "head of delegation" in p.roles)
    clean_q = [_norm(q.text) for q in clean.questions]
    pdf_q = {_norm(q.text): q for q in pdf.questions}
    same = [q for q in clean.questions if _norm(q.text) in pdf_q]
    status_same = sum(pdf_q[_norm(q.text)].status == q.status for q in same)
    answers_same = sum(
        [_norm(a.text) for a in pdf_q[_norm(q.text)].answers] == [_norm(a.text) for a in q.answers]
        for q in same
    )
    return {
        "committee": pm is not None and pm.committee == cm.committee,
        "state": pm is not None and pm.state_party == cm.state_party,
        "report": pm is not None
        and (pm.report and pm.report.symbol) == (cm.report and cm.report.symbol),
        "participants": {(p.name, p.side) for p in pdf.participants}
        == {(p.name, p.side) for p in clean.participants},
        "head": pdf_head == head,
        "questions": (len(clean_q), len(pdf.questions)),
        "question_texts": len(same) / max(1, len(clean_q)),
        "statuses": status_same / max(1, len(same)),
        "answers": answers_same / max(1, len(same)),
        "figures": (len(clean.figures), len(pdf.figures)),
    }


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", list(SAMPLES))
def test_printed_pdf_reads_like_the_clean_text(
    printed: dict[tuple[str, str], Printed], name: str, mode: str
) -> None:
    got = printed[(name, mode)]
    m = measure(got.clean, got.pdf)
    assert got.pdf.document.format == "pdf"
    assert got.pdf.is_dialogue, got.pdf.warnings
    for key in ("committee", "state", "report", "participants", "head"):
        assert m[key], (key, m)
    clean_n, pdf_n = m["questions"]  # type: ignore[misc]
    assert abs(clean_n - pdf_n) <= 2, m
    assert m["question_texts"] >= 0.95, m  # type: ignore[operator]
    assert m["statuses"] >= 0.9, m  # type: ignore[operator]
    assert m["answers"] >= 0.9, m  # type: ignore[operator]
    clean_f, pdf_f = m["figures"]  # type: ignore[misc]
    assert abs(clean_f - pdf_f) <= 2, m


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", list(SAMPLES))
def test_printed_pdf_keeps_every_paragraph_whole(
    printed: dict[tuple[str, str], Printed], name: str, mode: str
) -> None:
    """Every paragraph and heading of the page comes out as one paragraph of the extracted
    text: no page break splits one, no heading is glued to the next, no running header or
    footer is left in the text (measured: all of them, in both modes)."""
    got = printed[(name, mode)]
    clean = [_norm(p) for p in re.split(r"\n\s*\n", got.text) if p.strip()]
    extracted = [_norm(p) for p in got.pdf.document.text.split("\n\n") if p.strip()]
    missing = [p for p in clean if p not in extracted]
    assert len(missing) <= len(clean) * 0.05, missing
    page_chrome = {*NAV, *FOOTER}
    extra = [p for p in extracted if p not in clean and p not in page_chrome]
    assert not extra, extra
    furniture = re.compile(r"file://|\d{1,2}:\d{2}|^\d+/\d+$")
    assert not [p for p in extracted if furniture.search(p)]


def test_printed_pdfs_break_pages_inside_sentences(
    printed: dict[tuple[str, str], Printed],
) -> None:
    """The layout does what the test needs: many pages, many of them ending mid-sentence."""
    import io

    from pypdf import PdfReader

    mid_sentence = pages = 0
    for name in ("cmw-senegal", "cmw-ardenia"):  # reading a page's text takes time
        got = printed[(name, "plain")]
        texts = [p.extract_text() or "" for p in PdfReader(io.BytesIO(got.pdf_bytes)).pages]
        pages += len(texts)
        mid_sentence += sum(not re.search(r"[.?!:]\W*$", t.strip()) for t in texts[:-1])
    assert pages >= 20 and mid_sentence >= 10, (pages, mid_sentence)


@pytest.fixture(scope="session")
def scanned_pdf(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The same page as a scan: a screenshot of it, printed to PDF (an image, no text)."""
    _require_chromium()
    root = tmp_path_factory.mktemp("scanned-pdf")
    html_path = root / "page.html"
    text = (EXAMPLES / SAMPLES["cmw-senegal"]).read_text(encoding="utf-8")
    html_path.write_text(page_html(text), "utf-8")
    shot, pdf_path = root / "page.png", root / "page.pdf"
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium
    flags = [chromium, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run"]
    profile = f"--user-data-dir={root / 'profile'}"
    shoot = [*flags, profile, f"--screenshot={shot}", "--window-size=800,1100"]
    ok = _wait(_start([[*shoot, html_path.as_uri()]]))
    if not ok or not shot.exists():
        pytest.skip("chromium could not take a screenshot here")
    print_ = [*flags, profile, "--no-pdf-header-footer", f"--print-to-pdf={pdf_path}"]
    ok = _wait(_start([[*print_, shot.as_uri()]]))
    if not ok or not pdf_path.exists():
        pytest.skip("chromium could not print to PDF here")
    return pdf_path.read_bytes()


def test_a_scanned_page_is_refused_with_the_clear_error(scanned_pdf: bytes) -> None:
    """The existing refusal of a PDF without a text layer (parse_pdf.pdf_to_text) holds for a
    browser's PDF of an image of the page."""
    import io

    from pypdf import PdfReader

    assert not "".join(
        p.extract_text() or "" for p in PdfReader(io.BytesIO(scanned_pdf)).pages
    ).strip()
    with pytest.raises(ParseError) as err:
        analyze_bytes(scanned_pdf, "scan.pdf")
    assert "without a text layer" in str(err.value)
    assert "OCR" in (err.value.hint or "")
