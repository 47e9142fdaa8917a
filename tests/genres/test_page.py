"""The page around a record: its own UN symbol, told apart from symbols it quotes."""

from __future__ import annotations

import pytest

from rapporteur.genres.page import document_symbol
from rapporteur.output.json_out import to_dict
from tests.conftest import make_review


@pytest.mark.parametrize(
    "symbol", ["CMW/C/SR.545", "CRC/C/KEN/CO/6", "E/C.12/KEN/CO/2-5", "CEDAW/C/SR.2001"]
)
def test_page_document_symbol_on_its_own_line(symbol: str) -> None:
    text = f"United Nations\n\n  {symbol}  \n\nDistr.: General\n12 May 2023\n\nOriginal: English\n"
    assert document_symbol(text) == symbol


def test_page_document_symbol_in_the_un_header_cell() -> None:
    text = "United Nations\tCMW/C/ARD/CO/1\n\tInternational Convention on ...\n"
    assert document_symbol(text) == "CMW/C/ARD/CO/1"
    assert document_symbol("United Nations      CCPR/C/SR.3901\n") == "CCPR/C/SR.3901"


def test_page_document_symbol_ignores_quoted_and_late_symbols() -> None:
    assert document_symbol("The Committee considered the report (CMW/C/KGZ/2) today.\n") is None
    assert document_symbol("HRC/CMW/23/03\n") is None  # a press release code
    assert document_symbol("\n" * 40 + "CMW/C/SR.545\n") is None  # not at the top


def test_page_document_symbol_in_the_json() -> None:
    review = make_review(
        "CMW/C/SR.545",
        "Committee on Migrant Workers considers the report of Freedonia",
        "The Committee on Migrant Workers today considered the second periodic report of "
        "Freedonia.",
    )
    assert to_dict(review)["document"]["symbol"] == "CMW/C/SR.545"
    plain = make_review("The Committee on Migrant Workers today considered the report (CMW/C/X/2).")
    assert to_dict(plain)["document"]["symbol"] is None
