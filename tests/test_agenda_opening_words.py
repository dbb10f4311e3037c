"""The opening in everyday words: a chair who starts, leads "som vanligt" and asks who writes "i dag" opens an item
titled with the opening and the roles; a justerare asked as the one who checks the writer and who answers yes on a
condition ("Om jag får …, så."); a board election said in the perfect ends its item; the chair who "leder
förhandlingarna". Hand-made meetings, ten seconds per line."""

from __future__ import annotations

from tests.test_agenda_roles import roles_under
from tests.test_agenda_struck import CAMP, CLOSING, CLUB, OPENING, treated
from transcribe.agenda.phrases import CONCLUDES, KIND_CUES
from transcribe.minutes.role_ties import ROLE_WORDS

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


def test_an_opening_heard_as_nothing_starts_at_the_leaders_first_turn() -> None:
    agenda = "Styrelsemöte\n1. Mötets öppnande\n2. Ekonomi\n3. Sommarlägret\n4. Mötets avslutande\n"
    lines = [
        ("B", "Har någon sett mina nycklar? De låg här i morse."),
        ("C", "De hänger på kroken vid dörren."),
        ("A", "Klockan är sju, kormon att i."),
        ("B", "Ja."),
        ("A", "Ekonomin. Lars, hur ser kassan ut?"),
        ("B", "Vi har sextiotusen på kontot och medlemsavgifterna har kommit in."),
        ("A", "Sommarlägret. Maja?"),
        ("C", "Vi har bokat lägergården vecka tjugosex och tjugo barn har anmält sig."),
        ("A", "Tack för i kväll, mötet är avslutat."),
    ]
    assert treated(agenda, lines)["1"] == 2


def test_one_who_reads_through_and_approves_afterwards_checks_the_minutes() -> None:
    assert ROLE_WORDS["justerare"].search("och nils läser igenom och godkänner efteråt, innan det skickas.")
    assert KIND_CUES["adjusters"].search("då behöver vi två som tur igenom protokollet med eva efteråt.")
    assert not KIND_CUES["adjusters"].search("förra protokollet gick vi igenom i mars.")
    assert KIND_CUES["adjusters"].search("och du kollar att hon inte skriver fel?")
