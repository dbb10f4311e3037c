"""What the turns around an item's start do: an item fronted and taken first as the agenda is approved ("Så
sommarlägret tar vi först.") starts where the chair hands the floor on in the approving turn ("Då är den godkänd.
Ahmed, varsågod.") or at her next turn, "går vi direkt till …" moves on and rules on nothing, the agenda named by its
everyday name ("Listan."), a request to write with a time word after its verb ("Vill du skriva i kväll igen?"), and
an item electing several officials that begins where the first of them is asked for. Hand-made meetings, ten seconds
per line."""

from __future__ import annotations

from tests.test_agenda_struck import CAMP, CLOSING, CLUB, OPENING, treated

LEADERS = [
    ("A", "Ledarutbildningen. Förbundet har skickat datum för hösten."),
    ("B", "Två av våra ledare vill gå, det kostar tvåtusen var."),
    ("A", "Då skickar vi två ledare."),
]
ECONOMY = OPENING[5:]  # from "Då går vi till ekonomin." to the hall
REPORT = ("D", "Till sommarlägret har vi bokat lägergården vecka tjugosex, och tjugo barn har anmält sig.")


def test_an_item_fronted_and_taken_first_starts_where_the_approving_turn_hands_the_floor_on() -> None:
    lines = [
        *OPENING[:3],
        ("A", "Dagordningen. Ahmed måste gå tidigt, så sommarlägret tar vi först. Går det bra?"),
        ("B", "Ja."),
        ("A", "Då är den godkänd. Ahmed, varsågod."),
        REPORT,
        ("A", "Bra. Då går vi till ekonomin. Lars?"),
        *ECONOMY[1:],
        *LEADERS,
        ("A", "Finns det några övriga frågor?"),
        *CLOSING,
    ]
    got = treated(CLUB, lines)
    assert got["7"] == 5 and got["4"] == 7


def test_going_straight_to_the_item_taken_first_is_its_start() -> None:
    lines = [
        *OPENING[:3],
        ("A", "Dagordningen har ni fått. Några ändringar?"),
        ("D", "Jag måste gå tidigt. Kan vi ta sommarlägret innan ekonomin?"),
        ("A", "Då gör vi så. Sommarlägret tar vi först. Med den ändringen är dagordningen godkänd."),
        ("A", "Då går vi direkt till lägret. Ahmed."),
        REPORT,
        ("A", "Tack. Då går vi till ekonomin. Lars?"),
        *ECONOMY[1:],
        *LEADERS,
        ("A", "Finns det några övriga frågor?"),
        *CLOSING,
    ]
    got = treated(CLUB, lines)
    assert got["7"] == 6 and got["4"] == 8


def test_the_agenda_by_its_everyday_name_and_a_request_to_write_tonight_again() -> None:
    agenda = CLUB.replace("2. Val av justerare", "2. Protokollförare och justerare")
    lines = [
        OPENING[0],
        ("A", "Maja, du har datorn med dig. Vill du skriva i kväll igen?"),
        ("C", "Ja, det gör jag."),
        ("A", "Och Lars justerar."),
        ("A", "Listan. Jag har en ändring."),
        ("A", "Ledarutbildningen stryker vi, förbundet har inte hört av sig. Är vi överens om det?"),
        ("B", "Ja."),
        ("A", "Då går vi till ekonomin. Lars?"),
        *ECONOMY[1:],
        *CAMP,
        *CLOSING,
    ]
    got = treated(agenda, lines)
    assert got["2"] == 1 and got["3"] == 4 and "6" not in got


def test_an_item_electing_several_officials_begins_where_the_first_is_asked_for() -> None:
    agenda = """Årsmöte i idrottsföreningen
1. Årsmötet öppnas
2. Val av ordförande, sekreterare och två justerare för mötet
3. Verksamhetsberättelse
4. Övriga frågor
5. Årsmötet avslutas
"""
    lines = [
        ("A", "Välkomna allihop. Jag förklarar årsmötet öppnat."),
        ("A", "Styrelsens år ska granskas, och då ska inte jag sitta och leda det. Lars, valberedningen har ett namn."),
        ("B", "Ja. Vi vill att Maja Strand leder det här mötet."),
        ("A", "Är årsmötet med på Maja?"),
        ("C", "Ja."),
        ("A", "Då lämnar jag över till dig, Maja."),
        ("C", "Tack. Ahmed har lovat att anteckna."),
        ("C", "Och så behöver jag två justerare som läser igenom Ahmeds protokoll och skriver under med mig."),
        ("B", "Jag kan."),
        ("A", "Jag med."),
        ("C", "Då har vi Lars och Karin. Då går vi till verksamhetsberättelsen. Karin, vill du berätta?"),
        ("A", "Vi har haft fyrtio träningar och två läger under året, och medlemmarna har blivit fler."),
        ("C", "Tack. Då läggs den till handlingarna. Finns det några övriga frågor?"),
        ("B", "Nej."),
        ("C", "Då förklarar jag årsmötet avslutat."),
    ]
    assert treated(agenda, lines)["2"] == 1
