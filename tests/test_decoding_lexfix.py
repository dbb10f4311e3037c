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
             Word(start=2.0, end=2.6, text=" desember.", probability=0.6)]  # fmt: skip
    seg = Segment(id=0, start=1.0, end=2.6, text="Vi ses i desember.", words=words, avg_logprob=-0.7)
    tr = Transcript(source="x.wav", language="sv", duration=3.0, model="base", segments=[seg])
    fixed, changed = correct_transcript(tr, ["Gunilla"])
    out = fixed.segments[0]
    assert changed == 1 and out.text == "Vi ses i december."
    assert [(w.start, w.end, w.probability) for w in out.words] == [(w.start, w.end, w.probability) for w in words]
    assert tr.segments[0].text == "Vi ses i desember."  # the original is not changed in place


def _said(*heard: tuple[str, float]) -> Transcript:
    words = [Word(start=i * 0.5, end=i * 0.5 + 0.4, text=t, probability=p) for i, (t, p) in enumerate(heard)]
    seg = Segment(id=0, start=0.0, end=len(words) * 0.5, text="".join(w.text for w in words).strip(), words=words)
    return Transcript(source="x.wav", language="sv", duration=9.0, model="base", segments=[seg])


def test_an_unsure_non_word_nothing_corrects_is_left_out() -> None:
    fixed, changed = correct_transcript(_said((" Vi", 0.9), (" fundrkötterka", 0.2), (" ses", 0.8)))
    assert fixed.segments[0].text == "Vi ses" and changed == 1
    assert [w.text for w in fixed.segments[0].words] == [" Vi", " ses"]


def test_a_confident_non_word_a_name_and_an_unsure_real_word_stay() -> None:
    heard = ((" fasadmålningen", 0.95), (" Hedström", 0.1), (" fundrkötterka", 0.9), (" kanske", 0.1))
    fixed, changed = correct_transcript(_said(*heard), ["Gunilla Hedström"])
    assert fixed.segments[0].text == "fasadmålningen Hedström fundrkötterka kanske" and changed == 0


def test_a_passage_of_unsure_non_words_only_is_gone_and_the_others_renumbered() -> None:
    tr = _said((" Vi", 0.9), (" ses", 0.9))
    junk = _said((" fundrkötterka", 0.1), (" plörmskvatt", 0.2)).segments[0].model_copy(update={"id": 1})
    tail = tr.segments[0].model_copy(update={"id": 2, "start": 5.0, "end": 6.0})
    fixed, changed = correct_transcript(tr.model_copy(update={"segments": [tr.segments[0], junk, tail]}))
    assert [s.id for s in fixed.segments] == [0, 1] and changed == 2
    assert all(s.text == "Vi ses" for s in fixed.segments)


def test_a_rare_word_or_non_word_heard_unsure_is_left_out_a_common_one_and_a_number_stay() -> None:
    heard = ((" Vi", 0.9), (" gräsklippare", 0.3), (" plörmskvatt", 0.2), (" inte", 0.1), (" 2027", 0.1), (" ses", 0.8))
    fixed, changed = correct_transcript(_said(*heard))
    assert fixed.segments[0].text == "Vi inte 2027 ses" and changed == 2


def test_a_rare_word_heard_with_some_confidence_stays() -> None:
    fixed, changed = correct_transcript(_said((" Vi", 0.9), (" gräsklippare", 0.7), (" desember", 0.7)))
    assert fixed.segments[0].text == "Vi gräsklippare december" and changed == 1


def test_a_word_below_everyday_frequency_heard_at_even_odds_is_left_out_an_everyday_one_stays() -> None:
    heard = ((" Vi", 0.9), (" budgeten", 0.55), (" gräsklippare", 0.5), (" nu", 0.3), (" köper", 0.5))
    fixed, changed = correct_transcript(_said(*heard))
    assert fixed.segments[0].text == "Vi nu köper" and changed == 2


def test_the_words_a_date_or_count_is_read_from_stay_however_unsure() -> None:
    heard = ((" Vi", 0.9), (" ses", 0.9), (" torsdagen", 0.2), (" den", 0.9), (" sjuttonde", 0.1), (" desember", 0.3),
             (" klockan", 0.9), (" fjorton", 0.3), (" gräsklippare", 0.3))  # fmt: skip
    fixed, changed = correct_transcript(_said(*heard))
    assert fixed.segments[0].text == "Vi ses torsdagen den sjuttonde december klockan fjorton"
    assert changed == 2  # "desember" corrected, "gräsklippare" left out
