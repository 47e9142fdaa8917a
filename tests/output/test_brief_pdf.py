"""The HTML brief, printed to PDF by headless chromium, shows every section on A4 pages."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pypdf
import pytest

from rapporteur.output import brief
from tests.output.samples import SAMPLES, sample_data

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists() and not shutil.which("chromium"), reason="chromium is not installed"
    ),
]
A4 = (595.28, 841.89)  # points


def _print_to_pdf(html: str, tmp: Path) -> Path:
    page = tmp / "brief.html"
    page.write_text(html, encoding="utf-8")
    out = tmp / "brief.pdf"
    exe = str(CHROMIUM) if CHROMIUM.exists() else str(shutil.which("chromium"))
    cmd = [
        exe,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--no-pdf-header-footer",
        f"--user-data-dir={tmp / 'profile'}",
        f"--print-to-pdf={out}",
        page.as_uri(),
    ]
    try:
        subprocess.run(cmd, capture_output=True, timeout=90, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail("chromium did not print the brief within 90 seconds")
    assert out.exists() and out.stat().st_size > 0, "chromium wrote no PDF"
    return out


def _text(pdf: Path) -> tuple[str, list[tuple[float, float]]]:
    reader = pypdf.PdfReader(pdf)
    text = "\n".join(p.extract_text() or "" for p in reader.pages)
    sizes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]
    return re.sub(r"\s+", " ", text), sizes


@pytest.mark.parametrize("name", ["fixture", "fictional-cmw", "fictional-cedaw", "corpus"])
def test_brief_pdf_renders_every_section(name: str, tmp_path: Path) -> None:
    if not SAMPLES[name].exists():
        pytest.skip(f"{SAMPLES[name]} is not present")
    data: dict[str, Any] = sample_data(name)
    text, sizes = _text(_print_to_pdf(brief.html(data), tmp_path))
    assert brief.TITLE in text
    for heading in brief.SECTION_HEADINGS:
        assert heading in text, f"{heading!r} missing from the printed brief"
    assert all(abs(w - A4[0]) < 2 and abs(h - A4[1]) < 2 for w, h in sizes), sizes
    unanswered = [q for q in data["questions"] if q["status"] == "unanswered"]
    if unanswered:
        # the last unanswered question is printed in full (pages are not cut short)
        words = re.sub(r"\s+", " ", unanswered[-1]["text"]).split()[:6]
        assert " ".join(words) in text


@pytest.mark.parametrize("name", ["cmw-co2", "crc-co5"])
def test_brief_pdf_of_concluding_observations(name: str, tmp_path: Path) -> None:
    from tests.output.samples import concluding_data

    data = concluding_data(name)
    text, sizes = _text(_print_to_pdf(brief.html(data), tmp_path))
    for heading in brief.CONCLUDING_HEADINGS:
        assert heading in text, f"{heading!r} missing from the printed brief"
    assert all(abs(w - A4[0]) < 2 and abs(h - A4[1]) < 2 for w, h in sizes), sizes
    last = data["recommendations"][-1]["action"]
    assert " ".join(last.split()[:6]) in text  # the last recommendation is printed in full
