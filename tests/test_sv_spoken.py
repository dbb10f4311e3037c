"""Written Swedish in its spoken form: a transcript with digits compares equal to speech with number words."""

from __future__ import annotations

import pytest

from transcribe.sv.spoken import normalise


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Hej,  Anna!  Kom IN.", "hej anna kom in"),
        ("den 14 december", "den fjortonde december"),
        ("14:e december", "fjortonde december"),
        ("14 december", "fjortonde december"),
        ("1:a maj", "första maj"),
        ("tjugoförsta", "tjugoförsta"),
        ("21 december", "tjugoförsta december"),
        ("vi har 22 ärenden", "vi har tjugotvå ärenden"),
        ("år 2026", "år tjugohundratjugosex"),
        ("år 2000", "år tvåtusen"),
        ("80 000 kronor", "åttiotusen kronor"),
        ("kl. 14.30", "klockan fjorton trettio"),
        ("kl. 09:05", "klockan nio fem"),
        ("2 %", "två procent"),
        ("2,5 miljoner", "två komma fem miljoner"),
        ("0,05", "noll komma noll fem"),
        ("Bank-ID", "bankid"),
        ("t.ex. skolan och/eller kommunen", "till exempel skolan och eller kommunen"),
        ("", ""),
    ],
)
def test_normalise(raw: str, expected: str) -> None:
    assert normalise(raw) == expected
