"""Correct decisions with talk around them that is no refusal are not flagged "ett 'inte' kan ha fallit bort";
the same decisions after a refusal still are."""

from __future__ import annotations

from tests.spoken import MEETING, transcript
from transcribe.minutes import Decision, extract_minutes

LOST = 'ett "inte" kan ha fallit bort'


def decisions(turns: list[tuple[str, str]]) -> list[Decision]:
    return extract_minutes(transcript(turns), meeting_date=MEETING, robust=True).decisions


def about(found: list[Decision], word: str) -> Decision:
    hits = [d for d in found if word in d.text.lower()]
    assert hits, [d.text for d in found]
    return hits[0]


def test_none_to_a_call_for_questions_is_no_refusal() -> None:
    report = ("S2", "Vi har haft sex styrelsemöten och en städdag i maj, och medlemmarna blev fler.")
    close = "Då lägger årsmötet verksamhetsberättelsen till handlingarna."
    for call, none in [("Några frågor på berättelsen?", "Nej."), ("Frågor på det?", "Inga."),
                       ("Finns det något mer om berättelsen?", "Nej.")]:  # fmt: skip
        got = about(decisions([report, ("S1", f"{call} {none} {close}")]), "handlingarna")
        assert not got.needs_review, (call, got.review_reason)
    # a "no" to a question proposing the very thing is a refusal: the decision may have lost its "inte"
    got = about(decisions([report, ("S1", f"Ska vi lägga den till handlingarna? Nej. {close}")]), "handlingarna")
    assert got.needs_review and "Nej." in (got.review_reason or "")


def test_the_board_not_voting_on_its_own_discharge_is_no_refusal() -> None:
    def discharge(said: str) -> Decision:
        asked = f"Ansvarsfriheten. {said} Beviljar årsmötet styrelsen ansvarsfrihet för förra året?"
        closed = "Då har styrelsen beviljats ansvarsfrihet för förra året."
        turns = [("S1", asked), ("S2", "Ja."), ("S3", "Ja."), ("S1", closed)]
        return about(decisions(turns), "ansvarsfrihet")

    assert LOST not in (discharge("Styrelsens ledamöter röstar inte.").review_reason or "")
    assert LOST not in (discharge("Ledamöterna i styrelsen har inte deltagit i beslutet.").review_reason or "")
    assert LOST in (discharge("Revisorerna tillstyrker inte ansvarsfrihet för styrelsen.").review_reason or "")


def test_a_negation_in_a_clause_giving_the_reason_is_no_refusal() -> None:
    def vacation(said: str) -> Decision:
        turns = [("S2", said), ("S1", "Då beslutar vi att semesterönskemålen lämnas senast den femtonde februari.")]
        return about(decisions(turns), "semesterönskemålen")

    assert not vacation("Önskemålen om semester måste vara inne tidigt, annars hinner vi inte planera.").needs_review
    assert not vacation("Vi samlar in semesterönskemålen tidigt så att ingen blir utan sommarledighet.").needs_review
    assert vacation("Vi hinner inte samla in semesterönskemålen före mars.").needs_review


def test_the_chair_saying_nobody_objects_is_the_answer_heard() -> None:
    def tips(said: str) -> Decision:
        proposal = "Jag föreslår att vi delar dricksen efter hur många timmar man har jobbat."
        closed = f"{said} Då delar vi dricksen per timme från nästa vecka."
        return about(decisions([("S2", proposal), ("S3", "Det är rättvist."), ("S1", closed)]), "dricksen")

    unheard = "svaret på frågan om invändningar hördes inte"
    assert unheard not in (tips("Ingen säger emot.").review_reason or "")
    assert unheard not in (tips("Jag hör inga invändningar.").review_reason or "")
    # the call itself, its question mark lost and no answer heard, still asks for a listen
    assert unheard in (tips("Några invändningar.").review_reason or "")
