"""The chair's bare closing with its verb heard surely as a word the grammar puts out of the verb's place.

After a fronted "då" Swedish puts the finite verb (V2), so "Då <med> vi så." or "Då <patier> vi så." heard surely
still says "Då gör vi så.": the closing is read, flagged "Kontrollera mot ljudet". A verb heard there, a person
or a negation leaves the sentence as heard. Hand-made passages as a recogniser might return them.
"""

from __future__ import annotations

from tests.spoken import MEETING, transcript
from transcribe.minutes import Minutes, extract_minutes

PROPOSAL = [
    ("S2", "Jag föreslår att vi byter till en ny leverantör av kaffe från januari."),
    ("S3", "Ja, det låter bra, den gamla är för dyr."),
]


def minutes(close: str) -> Minutes:
    return extract_minutes(transcript([*PROPOSAL, ("S1", close)]), meeting_date=MEETING)  # heard surely


def test_a_word_that_can_be_no_verb_after_da_is_the_closing_verb_misheard() -> None:
    for close in ("Då med vi så.", "Då patier vi så.", "Då gör vi så."):
        got = minutes(close).decisions
        assert len(got) == 1 and "leverantör" in got[0].text, close
    got = minutes("Då med vi så.").decisions
    assert got[0].needs_review and "med" in (got[0].review_reason or "")


def test_a_verb_a_person_or_a_negation_in_the_slot_is_what_was_said() -> None:
    for close in ("Då går vi så.", "Då han vi så.", "Då inte vi så.", "Då med oss så."):
        assert not minutes(close).decisions, close


def test_the_closing_then_a_comma_and_the_matter_it_settles() -> None:
    got = minutes("Då med vi så, ny leverantör från januari.").decisions
    assert len(got) == 1 and got[0].needs_review
    assert "med" in (got[0].review_reason or "")


def test_an_object_form_where_the_group_stands_and_a_word_before_the_verb() -> None:
    for close in ("Så gör sig.", "Bra, då gör dig så.", "Att gör vi så."):
        got = minutes(close).decisions
        assert len(got) == 1 and got[0].needs_review, close
