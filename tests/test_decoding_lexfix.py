"""Word correction after decoding: non-words become the Swedish word or name meant, real words stay."""

from __future__ import annotations

from transcribe.lexfix import Corrector, correct_transcript
from transcribe.transcript import Segment, Transcript, Word


def test_a_misspelt_word_becomes_the_swedish_word() -> None:
    fix = Corrector()
    assert fix.word(" desember") == " december"
    assert fix.word(" budgetten.") == " budgeten."
    assert fix.changes == 2


def test_a_misheard_name_becomes_the_participant_as_written() -> None:
    fix = Corrector(["Gunilla Hedström", "BRF Lärkan"])
    assert fix.word(" Hedstrem,") == " Hedström,"
    assert fix.word(" lärkon") == " Lärkan"


def test_real_words_numbers_and_short_tokens_are_left_alone() -> None:
    fix = Corrector()
    for token in (" vinter", " inte", " 2027", " 14:30", " jo", " skola–arbetsliv"):
        assert fix.word(token) == token
    assert fix.changes == 0


def test_a_token_far_from_every_word_is_kept_as_heard() -> None:
    assert Corrector().word(" fundrkötterka") == " fundrkötterka"


def test_the_transcript_keeps_its_timing_and_probabilities() -> None:
    words = [Word(start=1.0, end=1.4, text=" Vi", probability=0.9),
             Word(start=1.4, end=1.9, text=" ses", probability=0.8),
             Word(start=1.9, end=2.0, text=" i", probability=0.9),
             Word(start=2.0, end=2.6, text=" desember.", probability=0.3)]  # fmt: skip
    seg = Segment(id=0, start=1.0, end=2.6, text="Vi ses i desember.", words=words, avg_logprob=-0.7)
    tr = Transcript(source="x.wav", language="sv", duration=3.0, model="base", segments=[seg])
    fixed, changed = correct_transcript(tr, ["Gunilla"])
    out = fixed.segments[0]
    assert changed == 1 and out.text == "Vi ses i december."
    assert [(w.start, w.end, w.probability) for w in out.words] == [(w.start, w.end, w.probability) for w in words]
    assert tr.segments[0].text == "Vi ses i desember."  # the original is not changed in place
