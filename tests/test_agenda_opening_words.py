"""The opening in everyday words: a chair who starts, leads "som vanligt" and asks who writes "i dag" opens an item
titled with the opening and the roles; a justerare asked as the one who checks the writer and who answers yes on a
condition ("Om jag får …, så."); a board election said in the perfect ends its item; the chair who "leder
förhandlingarna". Hand-made meetings, ten seconds per line."""

from __future__ import annotations

from tests.test_agenda_roles import roles_under
from tests.test_agenda_struck import CAMP, CLOSING, CLUB, OPENING, treated
from transcribe.agenda.phrases import CONCLUDES, KIND_CUES

OPENED = CLUB.replace("1. Mötets öppnande\n2. Val av justerare", "1. Inledning, sekreterare och justerare")


def test_starting_leading_and_asking_who_writes_opens_the_first_item() -> None:
    lines = [
        ("B", "Har ni hört att hallen ska målas om?"),
        ("A", "Okej, vi börjar, klockan är sju. Jag leder som vanligt. Vem skriver i dag?"),
        ("C", "Jag kan skriva."),
        *OPENING[3:],
        *CAMP,
        *CLOSING,
    ]
    assert treated(OPENED, lines)["1"] == 1


def test_the_one_who_checks_the_writer_answering_on_a_condition_is_justerare() -> None:
    lines = [
        ("A", "Välkomna allihop, jag förklarar mötet öppnat. Eva, du skriver?"),
        ("C", "Ja, det gör jag."),
        ("A", "Och vem kollar att hon inte skriver fel? Nils?"),
        ("D", "Om jag får läsa det i helgen, så."),
        ("A", "Nils, då."),
        *OPENING[3:],
        *CAMP,
        *CLOSING,
    ]
    got = roles_under(CLUB.replace("2. Val av justerare", "2. Val av sekreterare och justerare"), lines)
    assert got.get("justerare") == ["Nils Ek"]


def test_the_perfect_of_an_election_ends_its_item_and_a_borrowed_chair_leads_the_talks() -> None:
    assert CONCLUDES.search("då har årsmötet valt styrelsen enligt förslaget.")
    assert CONCLUDES.search("så har stämman beviljat ansvarsfrihet.")
    assert not CONCLUDES.search("har årsmötet valt styrelsen enligt förslaget?")
    assert KIND_CUES["chair"].search("vi har bett lisa att leda förhandlingarna i dag.")
    assert KIND_CUES["adjusters"].search("vi behöver två som går igenom protokollet med mig efteråt.")
