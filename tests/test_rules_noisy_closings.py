"""The chair's closing formulas with one recognition error in them, and look-alikes that must stay out.

Each test is a hand-made sentence as a recogniser might return it: "vi" heard as "ni", the fronted
"då" lost or heard as another word, the decision verb (and "att") lost from "Då beslutar styrelsen att
...", or the body heard as another word. Words listed as unsure get a low word probability. An item
read through such a repair is always flagged "Kontrollera mot ljudet".
"""

from __future__ import annotations

from tests.spoken import minutes
from transcribe.minutes.fuzzy import repair_sentence
from transcribe.minutes.rules.cuerepair import repair_cue

PROPOSAL = ("S2", "Jag föreslår att vi hyr in en trumpet till vårkonserten.")


def test_vi_heard_as_ni_after_the_chairs_da_verb() -> None:
    got = minutes([PROPOSAL, ("S1", "Då kör ni på det.")]).decisions
    assert len(got) == 1 and "trumpet" in got[0].text
    assert got[0].needs_review and '"ni"' in (got[0].review_reason or "")
    assert not minutes([PROPOSAL, ("S1", "Då kör ni på det.")], robust=False).decisions
    # a plan stated as fact, the same slip
    plan = minutes([("S1", "Då inför ni dubbelkontroll av narkotika dygnet runt från och med måndag.")]).decisions
    assert len(plan) == 1 and "dubbelkontroll" in plan[0].text and plan[0].needs_review


def test_ni_after_a_modal_verb_is_what_was_said() -> None:
    assert repair_sentence("Så får ni kommentera utkastet.")[1] == []
    assert repair_sentence("Då kan ni höra av er till mig.")[1] == []
    assert not minutes([PROPOSAL, ("S1", "Så får ni fundera på det till nästa gång.")]).decisions


def test_lost_da_before_the_chairs_closing() -> None:
    got = minutes([PROPOSAL, ("S1", "Bra, gör vi så.")]).decisions
    assert len(got) == 1 and "trumpet" in got[0].text and got[0].needs_review
    elected = minutes([("S1", "Väljer årsmötet Anna Berg till ordförande för ett år.")]).decisions
    assert len(elected) == 1 and "Anna Berg" in elected[0].text and elected[0].needs_review


def test_verb_first_condition_stays_out() -> None:
    # "If we put off the painting, it adds up": a condition, not a closing whose "då" was lost
    said = [("S1", "Skjuter vi upp målningen så går det ihop, men marginalen blir liten.")]
    assert repair_cue(said[0][1]) == (said[0][1], [])
    assert not minutes(said).decisions
    assert repair_cue("Gör vi ingenting går föreningen med underskott.")[1] == []
    assert repair_cue("Kör vi på det?")[1] == []  # a question keeps its verb first


def test_unsure_word_in_place_of_da() -> None:
    said = [("S2", "Något annat förslag?"), ("S3", "Nej."), ("S1", "Det väljer stämman Olof Nilsson.")]
    got = minutes(said, unsure=frozenset({"det"})).decisions
    assert len(got) == 1 and "Olof Nilsson" in got[0].text and got[0].needs_review
    # heard with confidence, "Det väljer stämman ..." is a fronted object and is read as heard
    assert repair_cue("Det väljer stämman Olof Nilsson.", set()) == ("Det väljer stämman Olof Nilsson.", [])


def test_lost_decision_verb_after_da_and_the_body() -> None:
    said = [("S1", "Då men styrelsen att boka bussen till den tjugonde mars.")]
    got = minutes(said).decisions
    assert len(got) == 1 and "boka bussen" in got[0].text
    assert got[0].needs_review and "beslutar" in (got[0].review_reason or "")
    att_misheard = minutes([("S1", "Då styrelsen men erbjuda skidklubben tvåtusen kronor för hjälpen.")]).decisions
    assert len(att_misheard) == 1 and "erbjuda skidklubben" in att_misheard[0].text and att_misheard[0].needs_review


def test_lost_verb_and_att_both_or_a_verb_heard_stays_out() -> None:
    # "Då <måste> vi hitta fler föräldrar": with the verb and "att" both gone, the verb may have been a modal
    assert not minutes([("S1", "Då en vi hitta fler föräldrar till hajken.")]).decisions
    assert not minutes([("S1", "Då styrelsen skicka motionen till distriktsårsmötet.")]).decisions
    # a verb heard where the decision verb would stand is what was said, however unsure
    heard = [("S1", "Ja, skönt. Då hinner vi att testa betalflödet ordentligt.")]
    assert not minutes(heard, unsure=frozenset({"hinner"})).decisions
    assert not minutes([("S1", "Då går vi tillbaka till punkt åtta, stambytet.")]).decisions


def test_da_body_with_a_verb_of_its_own_stays_out() -> None:
    for heard in (
        "Då ska styrelsen ta ställning till budgeten i januari.",
        "Då föreslår styrelsen att anta budgeten.",
        "Då rekommenderar nämnden att anta planen.",
        "Om styrelsen beslutar att höja avgiften flyttar många.",
        "Då styrelsen inte boka bussen.",
    ):
        assert not minutes([("S1", heard)]).decisions, heard


def test_body_heard_as_another_word_between_verb_and_att() -> None:
    got = minutes([("S1", "Då beslutar ser att köpa en ny skrivare till kansliet.")]).decisions
    assert len(got) == 1 and "köpa en ny skrivare" in got[0].text and got[0].needs_review
    # a person deciding alone is not the meeting
    assert not minutes([("S1", "Då beslutar jag att köpa en ny skrivare till kansliet.")]).decisions


def test_approval_of_those_proposed_with_its_verb_misheard() -> None:
    said = [
        ("S1", "Till justerare föreslår jag Karin Ek och Olof Nilsson."),
        ("S1", "Några andra förslag?"),
        ("S2", "Nej."),
        ("S1", "Då kan de valda."),
    ]
    got = minutes(said, unsure=frozenset({"kan"})).decisions
    assert len(got) == 1 and "Karin Ek och Olof Nilsson" in got[0].text and got[0].needs_review
    # nobody proposed: "de" names no one, and nothing is decided
    assert not minutes([("S1", "Några andra förslag?"), ("S2", "Nej."), ("S1", "Då kan de valda.")]).decisions


def test_lost_har_before_the_body_and_its_supine() -> None:
    said = [("S1", "Då net vi bestämt att sommaröppet blir sju veckor med kortare tider.")]
    got = minutes(said, unsure=frozenset({"net"})).decisions
    assert len(got) == 1 and "sommaröppet" in got[0].text and got[0].needs_review
    # "Då har vi bestämt att ..." heard unsure is read as said, and not flagged for a repair
    clean = minutes([("S1", "Då har vi bestämt att sommaröppet blir sju veckor.")], unsure=frozenset({"har"}))
    assert len(clean.decisions) == 1 and "hördes inte" not in (clean.decisions[0].review_reason or "")
    # "when we have decided": a clause of time, nothing decided
    assert not minutes([("S1", "Så när vi bestämt att sommaröppet blir sju veckor ringer jag facket.")]).decisions


def test_fronted_det_before_we_is_the_thing_agreed_to() -> None:
    turns = [("S2", "Vi borde skicka blommor till Gun."), ("S1", "Ja, det gör vi.")]
    got = minutes(turns, unsure=frozenset({"det"})).decisions
    assert len(got) == 1 and "blommor" in got[0].text
    assert repair_cue("Ja, det gör vi.", {"det"}) == ("Ja, det gör vi.", [])


def test_unsure_name_in_place_of_the_verb_is_still_repaired() -> None:
    # "peter" looks like a present-tense verb but has no everyday infinitive: a slip for "beslutar"
    said = [("S1", "Då peter styrelsen att lägga den ekonomiska rapporten till handlingarna.")]
    got = minutes(said, unsure=frozenset({"peter"})).decisions
    assert len(got) == 1 and "ekonomiska rapporten" in got[0].text and got[0].needs_review


def test_answered_call_whose_closing_was_heard_unsure_all_through() -> None:
    call = [
        ("S1", "Till sekreterare för stämman föreslås Karin Ek. Kan stämman godkänna det?"),
        ("S2", "Ja."),
    ]
    got = minutes([*call, ("S1", "Net.")], unsure=frozenset({"net"})).decisions
    assert len(got) == 1 and "Karin Ek" in got[0].text and got[0].needs_review
    # a closing heard clearly as something else decides nothing here, nor does an objection answered "ja"
    assert not minutes([*call, ("S1", "Vänta lite.")]).decisions
    objection = [("S1", "Vi köper en ny gräsklippare. Någon emot?"), ("S2", "Ja."), ("S1", "Net.")]
    assert not minutes(objection, unsure=frozenset({"net"})).decisions


def test_we_with_a_lost_verb_is_left_alone() -> None:
    # "Så vi <får> täcka upp själva om någon är sjuk": after "vi" the lost word is as often a modal
    assert not minutes([("S1", "Så vi det täcka upp själva har någon är sjuk.")]).decisions
    assert not minutes([("S1", "Då vi nöj påa han på, hoppas en.")], unsure=frozenset({"nöj"})).decisions
