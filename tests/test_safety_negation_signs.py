"""A decision whose "inte" was lost is flagged by what is left around it: a word that needs a negation, the
turn keeping things as they are, a call for objections whose answer was not heard, a proposal to skip it."""

from __future__ import annotations

from tests.spoken import MEETING, transcript
from transcribe.minutes import Decision, extract_minutes


def decisions(turns: list[tuple[str, str]], unsure: frozenset[str] = frozenset()) -> list[Decision]:
    return extract_minutes(transcript(turns, unsure=unsure), meeting_date=MEETING, robust=True).decisions


def about(found: list[Decision], word: str) -> Decision:
    hits = [d for d in found if word in d.text.lower()]
    assert hits, [d.text for d in found]
    return hits[0]


def test_forran_without_a_negation_is_flagged() -> None:
    # said "beslutar att inte ta emot fler uppdrag ... förrän fakturorna är betalda"; "inte" lost
    said = "Jag föreslår att vi beslutar att ta emot fler uppdrag från Lindbergs förrän fakturorna är betalda."
    got = about(decisions([("S1", said), ("S2", "Ja."), ("S3", "Ja."), ("S1", "Då är det beslutat.")]), "uppdrag")
    assert got.needs_review and "förrän" in (got.review_reason or "")
    kept = "Jag föreslår att vi beslutar att ta emot fler uppdrag från Lindbergs när fakturorna är betalda."
    got = about(decisions([("S1", kept), ("S2", "Ja."), ("S3", "Ja."), ("S1", "Då är det beslutat.")]), "uppdrag")
    assert not got.needs_review


def test_a_change_the_same_turn_keeps_as_it_is_is_flagged() -> None:
    # said "vi höjer inte gränsen för poolen. Den ligger kvar på tvåhundra."
    said = "Så, beslut: vi höjer gränsen för poolen. Den ligger kvar på tvåhundra. Okej?"
    got = about(decisions([("S1", said), ("S2", "Okej. Det får bli så.")]), "gränsen")
    assert got.needs_review and "ligger kvar" in (got.review_reason or "")
    said = "Så, beslut: vi höjer gränsen för poolen. Den blir trehundra. Okej?"
    assert not about(decisions([("S1", said), ("S2", "Okej. Det får bli så.")]), "gränsen").needs_review


def test_a_call_for_objections_whose_answer_was_not_heard() -> None:
    # said "Någon som har invändningar? Nej. Bra."; heard "... Dritt. Bra."
    said = "Då finner jag att stämman är behörigen kallad. Någon som har invändningar? {}. Bra."
    got = about(decisions([("S1", said.format("Dritt"))]), "kallad")
    assert got.needs_review and "invändningar" in (got.review_reason or "")
    assert not about(decisions([("S1", said.format("Nej"))]), "kallad").needs_review
    # said "Några invändningar? Nej. Då beslutar ..."; "Nej" and the question mark lost
    said = "Några invändningar{} Då beslutar styrgruppen att projektet rapporterar ekonomin varje månad."
    assert about(decisions([("S1", said.format("."))]), "ekonomin").needs_review
    assert not about(decisions([("S1", said.format("? Nej."))]), "ekonomin").needs_review


def test_a_call_for_objections_misheard() -> None:
    # said "Ingen invänder? Då gör vi så."; heard "Inken invänder?"
    turns = [("S1", "Jag föreslår att byalaget skriver ett protestbrev till tekniska nämnden."),
             ("S1", "{} invänder? Då gör vi så.")]  # fmt: skip
    misheard = [turns[0], ("S1", turns[1][1].format("Inken"))]
    assert about(decisions(misheard, unsure=frozenset({"inken"})), "protestbrev").needs_review
    heard = [turns[0], ("S1", turns[1][1].format("Ingen"))]
    assert not about(decisions(heard), "protestbrev").needs_review


def test_a_proposal_to_skip_what_the_decision_states() -> None:
    # said "Då blir det så, inget digitalt möte, bara på plats"; heard "en digitalt möte"
    turns = [("S1", "Jag tycker vi hoppar över det digitala den här gången, och spelar in en film i stället."),
             ("S2", "Bra. Då blir det så, {} digitalt möte, bara på plats, och en film.")]  # fmt: skip
    got = about(decisions([turns[0], ("S2", turns[1][1].format("en"))]), "digitalt")
    assert got.needs_review and "avstå" in (got.review_reason or "")
    said = [turns[0], ("S2", turns[1][1].format("inget"))]
    assert all(not d.needs_review for d in decisions(said))


def test_a_vote_whose_yes_or_no_was_lost() -> None:
    # said "röstar nej till kommunstyrelsens förslag"; heard "röstar det till"
    said = "Då har gruppen beslutat: vi lägger en egen budget, och röstar {} till kommunstyrelsens förslag."
    got = about(decisions([("S1", said.format("det"))]), "budget")
    assert got.needs_review and "röstar det till" in (got.review_reason or "")
    assert not about(decisions([("S1", said.format("ja"))]), "budget").needs_review
