"""Swedish number words both ways: what the minutes read from speech and what a comparison spells out."""

from __future__ import annotations

import pytest

from transcribe.sv import numbers


@pytest.mark.parametrize(("n", "card", "ordinal"), [
    (1, "ett", "första"), (2, "två", "andra"), (7, "sju", "sjunde"), (12, "tolv", "tolfte"),
    (20, "tjugo", "tjugonde"), (23, "tjugotre", "tjugotredje"), (31, "trettioett", "trettioförsta"),
    (100, "hundra", "hundrade"), (345, "trehundrafyrtiofem", "trehundrafyrtiofemte"),
    (1000, "tusen", "tusende"), (12_500, "tolvtusenfemhundra", "tolvtusenfemhundrade"),
])  # fmt: skip
def test_numbers_spelled_out(n: int, card: str, ordinal: str) -> None:
    assert numbers.cardinal(n) == card
    assert numbers.ordinal(n) == ordinal


def test_large_negative_years_and_decimals() -> None:
    assert numbers.cardinal(2_000_000) == "två miljoner"
    assert numbers.cardinal(1_000_021) == "en miljon tjugoett"
    assert numbers.cardinal(-3) == "minus tre"
    assert numbers.year(2026) == "tjugohundratjugosex"
    assert numbers.year(1990) == "nittonhundranittio"
    assert numbers.decimals("05") == "noll fem"
    assert numbers.decimals("25") == "tjugofem"


@pytest.mark.parametrize(("word", "value"), [
    ("fjorton", 14), ("en", 1), ("aderton", 18), ("tjugofem", 25), ("tjugo fem", 25), ("tjugo  fem", 25),
    ("femtionio", 59), ("tionde", 10), ("förste", 1), ("andre", 2), ("tjugoförsta", 21), ("trettioförsta", 31),
    ("tjugonde", 20), ("14", 14),
])  # fmt: skip
def test_spoken_numbers_read_back(word: str, value: int) -> None:
    assert numbers.parse_number(word) == value


@pytest.mark.parametrize("word", ["sextio", "trettioandra", "hej", "", None])
def test_outside_the_spoken_range_is_not_a_number(word: str | None) -> None:
    """Cardinals stop at 59 (minutes of an hour), ordinals at 31 (days of a month)."""
    assert numbers.parse_number(word) is None


def test_both_directions_agree_on_days_and_minutes() -> None:
    for n in range(1, 32):
        assert numbers.parse_number(numbers.ordinal(n)) == n
    for n in range(1, 60):
        assert numbers.parse_number(numbers.cardinal(n)) == n


@pytest.mark.parametrize(("word", "expected"), [
    ("tjugosjätte", True), ("hundratjugo", True), ("femtionde", True), ("tusen", True),
    ("fem", False), ("skolan", False), ("tjugoår", False),
])  # fmt: skip
def test_compound_number_words(word: str, expected: bool) -> None:
    assert numbers.is_compound(word) is expected


@pytest.mark.parametrize(("n", "neuter", "expected"), [
    (0, False, "inga åtgärder"), (1, False, "en åtgärd"), (1, True, "ett beslut"), (4, False, "fyra åtgärder"),
    (5, True, "fem beslut"), (6, True, "6 beslut"), (12, False, "12 åtgärder"),
])  # fmt: skip
def test_counts_in_running_text(n: int, neuter: bool, expected: str) -> None:
    singular, plural = ("beslut", "beslut") if neuter else ("åtgärd", "åtgärder")
    assert numbers.count(n, singular, plural, neuter=neuter) == expected
