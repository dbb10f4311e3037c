"""Elections at a board, a committee or a workplace recorded as their item's decision when the one who asked states
the outcome after the answer ("Vem justerar?" – "Jag gör det." – "Kim justerar."), as at an annual meeting; a
proposal still waiting for its yes, or a yes no one sums up, stays the item's summary alone. Hand-made meetings,
ten seconds per line."""

from __future__ import annotations

from tests.agenda_meeting import lines_transcript
from transcribe.agenda import align_agenda, parse_agenda_text
from transcribe.minutes.model import Minutes
from transcribe.minutes.protokoll import build_protokoll

BOARD = """Styrelsemöte
1. Mötets öppnande
2. Val av sekreterare och justerare
3. Godkännande av dagordningen
4. Ekonomi
5. Mötets avslutande
"""
NAMES = {"A": "Karin Öst", "B": "Jens Holm", "C": "Mira Lind", "D": "Tor Ek"}


def protokoll(election: list[tuple[str, str]], agenda: str = BOARD, title: str = "Styrelsemöte"):
    lines = [
        ("A", "Välkomna, klockan är sju. Jag förklarar mötet öppnat."),
        *election,
        ("A", "Dagordningen har ni fått. Kan den godkännas?"),
        ("D", "Ja."),
        ("A", "Då är dagordningen godkänd. Ekonomin, Tor."),
        ("D", "Vi har tjugotusen på kontot och inga skulder."),
        ("A", "Då lägger vi rapporten till handlingarna. Tack, mötet är avslutat."),
    ]
    tr = lines_transcript(lines, NAMES)
    ag = parse_agenda_text(agenda)
    return build_protokoll(Minutes(title=title), tr, ag, align_agenda(ag, tr))


def decisions(prot, number: str) -> list[str]:
    return [d.text for p in prot.paragraphs if p.number == number for d in p.decisions]


def test_the_askers_outcome_after_the_answer_is_the_election_items_decision() -> None:
    prot = protokoll(
        [
            ("A", "Punkt två. Vem skriver i kväll? Jens, du har datorn framme."),
            ("B", "Visst, jag tar det."),
            ("A", "Och någon som läser igenom det Jens skriver och sätter sitt namn under med mig?"),
            ("C", "Det gör jag. Jag är ändå hemma på fredag."),
            ("A", "Jens skriver och Mira justerar."),
        ]
    )
    assert decisions(prot, "2") == [
        "Styrelsen beslutade att välja Jens Holm till sekreterare och Mira Lind till justerare."
    ]
    assert len(decisions(prot, "2")[0]) < 100  # one decision for the one sentence that settles both


def test_a_name_with_then_or_with_the_time_of_the_justering_settles_it() -> None:
    for said in ("Mira, då.", "Mira justerar, på fredag.", "Mira justerar det med mig."):
        prot = protokoll(
            [
                ("A", "Punkt två. Jens skriver som vanligt. Vem justerar den här gången?"),
                ("C", "Jag kan, jag har inte gjort det på länge."),
                ("A", said),
            ]
        )
        assert decisions(prot, "2") == ["Styrelsen beslutade att välja Mira Lind till justerare."], said


def test_the_one_thanked_then_told_it_is_she_at_a_workplace() -> None:
    agenda = BOARD.replace("Styrelsemöte", "Arbetsplatsträff").replace("Val av sekreterare och", "Val av")
    prot = protokoll(
        [
            ("A", "Punkt två. Jens för anteckningarna. Vem läser igenom anteckningarna och skriver under med mig?"),
            ("C", "Jag kan komma förbi på fredag."),
            ("A", "Tack, Mira. Då är det du."),
        ],
        agenda,
        "Arbetsplatsträff",
    )
    assert decisions(prot, "2") == ["Mötet beslutade att välja Mira Lind till justerare."]


def test_a_proposal_before_its_yes_and_a_yes_no_one_sums_up_make_no_decision() -> None:
    proposed = protokoll(
        [
            ("A", "Punkt två. Jens skriver som vanligt. Och justerare blir Mira, hon har inte gjort det på länge."),
            ("C", "Okej då, jag justerar."),
        ]
    )
    assert not decisions(proposed, "2")
    assert sorted(r.name for r in proposed.roles if r.role == "justerare") == ["Mira Lind"]
    thanked = protokoll(
        [
            ("A", "Punkt två. Vem skriver i kväll?"),
            ("B", "Jag tar det."),
            ("A", "Tack, Jens. Och vem justerar?"),
            ("C", "Jag justerar."),
        ]
    )
    assert not decisions(thanked, "2")
    assert next(p for p in thanked.paragraphs if p.number == "2").summary.startswith("Till sekreterare valdes")


def test_a_member_saying_the_outcome_before_the_one_asked_answers_decides_nothing() -> None:
    prot = protokoll(
        [
            ("A", "Punkt två. Jens skriver. Vem justerar i kväll? Mira kanske?"),
            ("D", "Mira justerar."),
            ("C", "Ja, det gör jag."),
        ]
    )
    assert not decisions(prot, "2")


def test_a_public_bodys_justerare_is_noted_not_decided() -> None:
    agenda = BOARD.replace("Styrelsemöte", "Sammanträde med kultur- och fritidsnämnden")
    prot = protokoll(
        [
            ("A", "Punkt två. Jens skriver som vanligt. Vem justerar den här gången?"),
            ("C", "Jag kan, jag har inte gjort det på länge."),
            ("A", "Mira justerar, på fredag."),
        ],
        agenda,
        "Kultur- och fritidsnämnden",
    )
    assert prot.body == "Nämnden"
    assert sorted(r.name for r in prot.roles if r.role == "justerare") == ["Mira Lind"]
    assert not decisions(prot, "2")


def test_the_outcome_said_first_in_the_turn_that_opens_the_next_item_is_the_elections() -> None:
    prot = protokoll(
        [
            ("A", "Punkt två. Jens skriver som vanligt. Och vem läser igenom och skriver under med mig?"),
            ("C", "Jag kan ta det."),
            ("B", "Bra, då slipper jag."),
        ]
    )
    assert not decisions(prot, "2")  # the one elected is named by no one: no outcome said
    said = protokoll(
        [
            ("A", "Punkt två. Jens skriver som vanligt. Och vem läser igenom och skriver under med mig?"),
            ("C", "Jag kan ta det."),
            ("B", "Bra, då slipper jag."),
            ("A", "Mira granskar, då. Dagordningen har ni fått, och den är kort i kväll."),
        ]
    )
    assert decisions(said, "2") == ["Styrelsen beslutade att välja Mira Lind till justerare."]


ANNUAL = """Årsmöte
1. Årsmötets öppnande
2. Val av mötesordförande
3. Fastställande av dagordningen
4. Avslutning
"""


def test_the_chairs_seat_handed_to_the_one_elected_states_the_election() -> None:
    for handed in (("Tor, varsågod.",), ("Välkommen, Tor.", "Ordet är ditt.")):
        tr = lines_transcript(
            [
                ("A", "Välkomna till årsmötet. Jag förklarar årsmötet öppnat."),
                ("A", "Valberedningen föreslår Tor Ek som ordförande för mötet. Kan årsmötet tänka sig det?"),
                ("C", "Ja."),
                ("B", "Ja, absolut."),
                ("A", " ".join(handed)),
                ("D", "Tack. Dagordningen ligger på borden. Kan den fastställas?"),
                ("C", "Ja."),
                ("D", "Då är den fastställd. Årsmötet är avslutat."),
            ],
            NAMES,
        )
        ag = parse_agenda_text(ANNUAL)
        prot = build_protokoll(Minutes(title="Årsmöte"), tr, ag, align_agenda(ag, tr))
        assert decisions(prot, "2") == ["Stämman beslutade att välja Tor Ek till mötesordförande."], handed
