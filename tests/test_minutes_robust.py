"""The minutes rules on transcripts with recognition errors: one hand-made corrupted sentence per rule."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.spoken import minutes
from transcribe.minutes.fuzzy import Lexicon, phonetic_key, repair_sentence, similar
from transcribe.minutes.rules import RuleExtractor
from transcribe.transcript import Segment, SpeakerInfo, Transcript

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def test_misspelt_month_still_dates_the_next_meeting() -> None:
    turns = [("S1", "Nästa möte blir den tionde desember klockan nio.")]
    got = minutes(turns).next_meeting
    assert got is not None and got.when == dt.datetime(2026, 12, 10, 9, 0)
    assert got.needs_review and "desember" in (got.review_reason or "")  # the repair is shown for checking
    plain = minutes(turns, robust=False).next_meeting
    assert plain is None or plain.when != dt.datetime(2026, 12, 10, 9, 0)


def test_merged_ordinal_and_month_are_split() -> None:
    turns = [("S1", "Nästa möte blir den tiondedecember klockan nio.")]
    got = minutes(turns).next_meeting
    assert got is not None and got.when == dt.datetime(2026, 12, 10, 9, 0)
    assert repair_sentence("den tiondedecember")[0] == "den tionde december"


def test_decision_with_deleted_inte_is_flagged() -> None:
    # Said: "Då beslutar vi att inte ordna någon julfest i år." The recogniser lost "inte".
    turns = [
        ("S1", "Sen har vi julfesten."),
        ("S2", "Ingen har tid att ordna julfesten i år, och vi har inte fått någon lokal."),
        ("S1", "Då beslutar vi att ordna någon julfest i år."),
    ]
    got = minutes(turns)
    assert len(got.decisions) == 1
    d = got.decisions[0]
    assert d.needs_review and d.review_reason.startswith("Kontrollera mot ljudet") and d.confidence <= 0.5
    assert not minutes(turns, robust=False).decisions[0].needs_review  # the plain rules were confidently wrong


def test_decision_argued_against_nearby_is_flagged_without_polarity_words() -> None:
    turns = [
        ("S2", "Jag vill inte byta städfirma mitt i vintern, den nuvarande fungerar bra."),
        ("S3", "Jag håller med."),
        ("S1", "Då beslutar vi att byta städfirma nu."),
    ]
    d = minutes(turns).decisions[0]
    assert d.needs_review and "talar emot" in (d.review_reason or "")


def test_same_decision_with_and_without_negation_is_flagged() -> None:
    turns = [
        ("S1", "Styrelsen beslutar att inte höja medlemsavgiften."),
        ("S2", "Bra."),
        ("S1", "Så för protokollet: styrelsen beslutar att höja medlemsavgiften."),
    ]
    got = minutes(turns).decisions
    assert len(got) == 1 and got[0].needs_review and "utan nekande" in (got[0].review_reason or "")


def test_restated_decision_is_one_item_with_more_evidence() -> None:
    turns = [
        ("S1", "Vi beslutar att måla om staketet i maj."),
        ("S2", "Bra, då vet vi det."),
        ("S1", "Sammanfattningsvis beslutar vi alltså att måla om staketet i maj."),
    ]
    got = minutes(turns).decisions
    assert len(got) == 1 and len(got[0].evidence) == 2 and got[0].confidence > 0.9


def test_misheard_decision_verb_is_repaired_and_flagged() -> None:
    got = minutes([("S1", "Då beslutte vi att renovera tvättstugan under våren.")]).decisions
    assert len(got) == 1 and "renovera tvättstugan" in got[0].text and got[0].needs_review


def test_confirmation_with_an_unheard_verb_needs_a_real_proposal() -> None:
    proposal = ("S3", "Jag föreslår att vi köper in nya stolar till samlingssalen.")
    confirmed = minutes([proposal, ("S1", "Då plåt vi på det.")], unsure=frozenset({"plåt"})).decisions
    assert len(confirmed) == 1 and confirmed[0].needs_review and "stolar" in confirmed[0].text
    # the same words heard with confidence are not a confirmation, and without a proposal nothing is decided
    assert not minutes([proposal, ("S1", "Då plåt vi på det.")]).decisions
    assert not minutes(
        [("S2", "Det var kallt i går."), ("S1", "Då plåt vi på det.")], unsure=frozenset({"plåt"})
    ).decisions


def test_misheard_name_gets_the_right_owner() -> None:
    got = minutes([("S1", "Karrin skickar protokollet senast fredag, och Olof ringer hyresvärden.")])
    assert any(a.owner == "Karin Ek" and "protokollet" in a.what.lower() for a in got.actions)


def test_vocabulary_names_are_known_to_the_rules() -> None:
    lex = Lexicon.for_meeting([], ["Fatima Yilmaz", "Norrmetall"])
    assert repair_sentence("Jilmas tar det", lex)[0] == "Yilmaz tar det"
    assert phonetic_key("Yilmaz") == phonetic_key("Jilmas")
    assert similar("överrens", "överens") and not similar("beslut", "besök")


@pytest.mark.parametrize("sid", ["styrelse", "projekt", "ej-beslut", "natverk-2"])
def test_true_transcripts_are_not_repaired(sid: str) -> None:
    truth = json.loads((SAMPLES / sid / "truth.json").read_text(encoding="utf-8"))
    tr = Transcript(
        segments=[
            Segment(id=i, start=s["start"], end=s["end"], text=s["text"], speaker=s["speaker"])
            for i, s in enumerate(truth["segments"])
        ],
        speakers=[SpeakerInfo(label=p["id"], name=p["name"]) for p in truth["speakers"]],
    )
    ex = RuleExtractor(tr, dt.date.fromisoformat(truth["date"]))
    assert [r for u in ex.utts for r in u.repairs] == []
    robust, plain = ex.run(), RuleExtractor(tr, dt.date.fromisoformat(truth["date"]), robust=False).run()
    assert [d.text for d in robust.decisions] == [d.text for d in plain.decisions]
    assert [a.what for a in robust.actions] == [a.what for a in plain.actions]


def test_unsure_word_in_place_of_the_decision_verb() -> None:
    said = [("S1", "Då plåt vi att renovera tvättstugan under våren.")]
    got = minutes(said, unsure=frozenset({"plåt"})).decisions
    assert len(got) == 1 and "renovera tvättstugan" in got[0].text and got[0].needs_review
    assert not minutes(said).decisions  # heard with confidence, the sentence decides nothing
    assert not minutes(
        [("S1", "Då tycker vi att renovera tvättstugan är dyrt.")], unsure=frozenset({"tycker"})
    ).decisions


def test_det_heard_as_dit_in_a_confirmation() -> None:
    turns = [("S3", "Jag föreslår att vi byter leverantör av kaffe."), ("S2", "Ja."), ("S1", "Då är dit beslutat.")]
    got = minutes(turns).decisions
    assert len(got) == 1 and "leverantör" in got[0].text and got[0].needs_review


def test_dated_task_with_an_unheard_verb_is_an_action_to_check() -> None:
    said = [
        ("S2", "Jag en ett första utkast till verksamhetsplanen och skickar det senast fredag den fjärde december.")
    ]
    got = minutes(said, unsure=frozenset({"en"})).actions
    assert len(got) == 1 and got[0].owner == "Karin Ek" and got[0].needs_review
    assert got[0].due == dt.date(2026, 12, 4)
    assert not minutes([("S2", "Jag har ett första utkast sedan förra veckan.")], unsure=frozenset({"har"})).actions
