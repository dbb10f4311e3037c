"""Cue phrases one recognition error away, and the Swedish meeting phrasings the rules read.

Each test is a hand-made sentence as a recogniser might return it: a lost, extra or misheard word
inside the cue phrase. Words listed as unsure get a low word probability, as Whisper gives them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests.spoken import MEETING, minutes, transcript
from transcribe.minutes import extract_minutes
from transcribe.minutes.rules.cuerepair import plausible_slip, repair_cue
from transcribe.minutes.rules.utterances import split_clauses


def texts(turns: list[tuple[str, str]], **kw: Any) -> list[str]:
    """The decisions' texts, as a reader of the draft sees them (`kw` as tests.spoken.minutes takes them)."""
    return [d.text for d in minutes(turns, **kw).decisions]


# ----------------------------------------------------------------------------- one word away from a cue


def test_lost_decision_verb_is_put_back_and_flagged() -> None:
    said = [("S1", "Då nämnden att lägga redovisningen av delegationsbesluten till handlingarna.")]
    got = minutes(said).decisions
    assert len(got) == 1 and "redovisningen" in got[0].text
    assert got[0].needs_review and "beslutar" in (got[0].review_reason or "")
    assert not minutes(said, robust=False).decisions  # the plain rules saw nothing


def test_misheard_att_after_the_decision_verb() -> None:
    said = [("S1", "Styrelsen beslutar surveys renovera tvättstugan under våren.")]
    got = minutes(said, unsure=frozenset({"surveys"})).decisions
    assert len(got) == 1 and "renovera tvättstugan" in got[0].text and got[0].needs_review
    assert not minutes(said, robust=False, unsure=frozenset({"surveys"})).decisions  # the plain rules miss it


def test_misheard_verb_before_the_body() -> None:
    said = [("S1", "Då färg nämnden att avslå ansökan om bygglov för flerbostadshuset.")]
    got = minutes(said, unsure=frozenset({"färg"})).decisions
    assert len(got) == 1 and "avslå ansökan" in got[0].text and got[0].needs_review


def test_unrelated_unsure_word_is_not_made_a_bare_confirmation() -> None:
    turns = [("S3", "Jag föreslår att vi köper nya stolar."), ("S2", "Tungt."), ("S1", "Det är ohållbart.")]
    assert not minutes(turns, unsure=frozenset({"ohållbart"})).decisions
    assert repair_cue("Det är bra.", {"bra"}) == ("Det är bra.", [])  # an everyday word is what was said
    assert not plausible_slip("bra", "beslutat") and plausible_slip("färg", "beslutar")


def test_proposal_verb_is_never_read_as_a_decision() -> None:
    said = [("S1", "Vi föreslår att förslaget skickas ut på samråd under januari.")]
    assert not minutes(said, unsure=frozenset({"föreslår"})).decisions


def test_no_repair_next_to_a_negation() -> None:
    # "Styrelsen har inte beslutat att ..." with the verb unsure: a negation is near, so nothing is rebuilt
    said = [("S1", "Styrelsen inte hud att höja avgiften i år.")]
    assert not minutes(said, unsure=frozenset({"hud"})).decisions
    assert repair_cue("Vi bestämmer ingenting om det i dag.")[1] == []


def test_another_bodys_decision_is_not_the_meetings() -> None:
    said = [("S1", "Hembygdsföreningen beslutade att stänga gården i vinter.")]
    assert not minutes(said).decisions
    # the meeting's own compound body, named in the title, decides
    own = [("S1", "Styrgruppen beslutar att projektet rapporterar ekonomin varje månad.")]
    assert len(minutes(own, title="Styrgruppen för Digitalt först").decisions) == 1
    # and in the chair's formula any body is the meeting
    assert len(minutes([("S1", "Då beslutar kyrkorådet att söka bidrag för taket.")]).decisions) == 1


# ----------------------------------------------------------------------------- phrasings of real meetings


def test_infinitives_under_one_decision_verb_are_one_decision() -> None:
    assert len(split_clauses("utlysa tjänsten och att erbjuda föreningen att dela den")) == 1
    assert len(split_clauses("höja avgiften, och att fasadmålningen skjuts upp")) == 2


def test_wish_restated_as_fact_is_a_decision() -> None:
    turns = [
        ("S2", "Jag vill inte att vi lämnar anbud på parkeringshuset, vi har inte folk."),
        ("S1", "Jag håller med. Vi lämnar inte något anbud på parkeringshuset."),
    ]
    got = minutes(turns).decisions
    assert len(got) == 1 and "inte lämna" in got[0].text and "anbud" in got[0].text


def test_instruction_to_a_named_participant_is_their_task() -> None:
    got = minutes([("S1", "Karin, ta fram en kalkyl med två alternativ till nästa möte.")]).actions
    assert [(a.owner, a.what.split()[:2]) for a in got] == [("Karin Ek", ["Ta", "fram"])]


def test_yes_to_a_request_takes_the_task_asked_for() -> None:
    turns = [
        ("S1", "Olof, kan du be leverantören om en skriftlig tidplan?"),
        ("S3", "Ja, jag mejlar dem i dag och återkommer senast fredag den fjärde december."),
    ]
    got = minutes(turns).actions
    assert len(got) == 1 and got[0].owner == "Olof Nilsson" and "tidplan" in got[0].what
    assert got[0].due == dt.date(2026, 12, 4)  # the date after "senast", not "i dag"


def test_verb_first_commitment() -> None:
    got = minutes([("S3", "Då gör jag den första månadsrapporten till nästa styrgruppsmöte.")]).actions
    assert len(got) == 1 and got[0].owner == "Olof Nilsson" and "månadsrapporten" in got[0].what


def test_next_meeting_named_after_the_body_or_the_weekday() -> None:
    council = minutes([("S1", "Nästa föräldraråd blir onsdagen den tionde februari klockan arton.")]).next_meeting
    assert council is not None and council.when == dt.datetime(2027, 2, 10, 18, 0)
    weekday = minutes([("S1", "Vi ses nästa måndag som vanligt, den trettionde november klockan åtta.")]).next_meeting
    assert weekday is not None and weekday.when == dt.datetime(2026, 11, 30, 8, 0)


def test_decision_frame_with_two_damaged_words() -> None:
    said = [("S1", "En beslutar mängd att godkänna den ekonomiska uppföljningen per oktober.")]
    got = minutes(said, unsure=frozenset({"en", "mängd"})).decisions
    assert len(got) == 1 and "godkänna den ekonomiska uppföljningen" in got[0].text and got[0].needs_review
    assert not minutes(said).decisions  # heard with confidence, those words were said: no decision


def test_dated_task_whose_jag_was_misheard() -> None:
    said = [("S2", "Det skickar protokollet till Olof senast fredag den fjärde december.")]
    got = minutes(said, unsure=frozenset({"det"})).actions
    assert [(a.owner, a.due, a.needs_review) for a in got] == [("Karin Ek", dt.date(2026, 12, 4), True)]
    assert not minutes(said).actions  # "Det skickar ..." heard with confidence is no one's promise


def test_next_meeting_hour_unheard_takes_this_meetings_hour() -> None:
    tr = transcript(
        [("S1", "Nästa möte blir torsdagen den tionde december klockan sämre.")], unsure=frozenset({"sämre"})
    )
    tr.metadata["time"] = "18:30"
    got = extract_minutes(tr, meeting_date=MEETING).next_meeting
    assert got is not None and got.when == dt.datetime(2026, 12, 10, 18, 30)
    assert got.needs_review and "klockslaget" in (got.review_reason or "")


def test_next_meeting_named_without_its_nasta() -> None:
    said = [("S1", "Föräldraråd blir onsdagen den tionde februari klockan arton.")]
    got = minutes(said).next_meeting
    assert got is not None and got.when == dt.datetime(2027, 2, 10, 18, 0) and got.needs_review
    assert minutes(said, robust=False).next_meeting is None


def test_condition_whose_om_was_lost_is_no_decision() -> None:
    # Said: "Om nämnden beslutar att stänga skolan så flyttar familjerna." The "Om" was misheard or lost.
    assert not minutes([("S2", "Nämnden beslutar att stänga skolan så flyttar barnfamiljerna härifrån.")]).decisions
    heard = [("S2", "Den nämnden beslutar att stänga skolan i höst.")]
    assert not minutes(heard, unsure=frozenset({"den"})).decisions  # the unsure word may have been "om"
    assert len(minutes([("S1", "Då beslutar nämnden att stänga skolan i höst.")]).decisions) == 1


def test_a_lost_verb_is_put_back_only_in_the_chairs_formula() -> None:
    # "Vi <föreslår> att införa meröppet": the lost verb is unknown, so nothing is decided
    assert not minutes([("S2", "Vi att införa meröppet på filialen under våren.")]).decisions
    # a reported decision with its time word misheard is not made the chair's "Då beslutade nämnden"
    said = [("S2", "Året beslutade nämnden att alla skolor ska utredas.")]
    assert not minutes(said, unsure=frozenset({"året"})).decisions


def test_arrangement_stated_as_fact_is_a_decision_to_check() -> None:
    said = [("S1", "Från och med december gör vi så att Karin sköter schemat för meröppet.")]
    got = minutes(said).decisions
    assert len(got) == 1 and "Karin sköter schemat" in got[0].text and got[0].needs_review
    assert not minutes([("S1", "Om vi gör så att Karin sköter schemat, blir det bättre?")]).decisions


def test_taking_a_proposal_along_is_the_speakers_task_in_the_third_person() -> None:
    got = minutes([("S3", "Men jag tar med mig förslaget till nämnden.")]).actions
    assert [(a.owner, a.what) for a in got] == [("Olof Nilsson", "Ta med sig förslaget till nämnden")]


def test_a_question_opening_with_its_verb_gets_no_lost_word() -> None:
    """ "Är det beslutat?" asks; no "då" was lost before it, so it is not made into "Då är det beslutat"."""
    for question in ("Är det beslutat?", "Är det bestämt då?"):
        assert repair_cue(question) == (question, [])
    fixed, repairs = repair_cue("Är det beslutat.")
    assert fixed.lower().startswith("då är det beslutat") and repairs
