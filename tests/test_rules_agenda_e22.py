"""What a meeting's own mechanics settle is no decision of a matter (rules: counted.py, outsidemeeting.py): a part
count followed by a call for the room's hands, the chat before the meeting is opened or after it is closed, an item
moved by its number; and the proposal named as the one that stands after the whole count is the plan.

Hand-made exchanges in settings of their own."""

from __future__ import annotations

from tests.test_rules_robust_cues import texts

_ROTA = [
    ("S1", "Två förslag till jourlistan. Förslag A är att alla går varannan helg, förslag B att de med barn slipper."),
    ("S2", "A. Det är rättvist."),
    ("S3", "B. Jag har tre barn under sex."),
]


def test_a_part_count_followed_by_a_call_for_hands_is_no_plan() -> None:
    said = [
        *_ROTA,
        (
            "S1",
            "De som är på kurs har svarat per sms. Fyra för A och två för B. Och här i rummet, räck upp handen för A.",
        ),
        ("S2", "Här."),
    ]
    assert not any("räck upp" in t.lower() for t in texts(said))


def test_the_proposal_named_as_standing_after_the_whole_count_is_the_plan() -> None:
    said = [
        *_ROTA,
        ("S1", "Fyra för A och två för B per sms. Och här i rummet, räck upp handen för A."),
        ("S2", "Här."),
        ("S4", "Och jag."),
        ("S1", "B?"),
        ("S3", "Här."),
        ("S1", "Då blir det sex för A och tre för B. Förslag A gäller, varannan helg för alla från maj."),
    ]
    got = texts(said)
    assert len(got) == 1 and "varannan helg" in got[0] and "sex mot tre" in got[0]


def test_what_the_chat_before_the_opening_or_after_the_close_settles_is_no_decision() -> None:
    said = [
        ("S2", "Det står en kartong med plommon i trappan. Ingen vet vems."),
        ("S1", "Vi tar plommonen till kaffet. Nå, klockan är sju, så jag förklarar mötet öppnat."),
        ("S1", "Första frågan är städdagen. Förslaget är lördagen den tionde maj."),
        ("S2", "Det passar mig."),
        ("S3", "Mig med."),
        ("S1", "Då bestämmer vi att städdagen blir lördagen den tionde maj. Jag förklarar mötet avslutat."),
        ("S3", "Vi delar på plommonen som blev över, då."),
    ]
    got = texts(said)
    assert not any("plommon" in t for t in got)
    assert any("städdagen" in t.lower() for t in got)


def test_an_item_moved_by_its_number_is_no_decision() -> None:
    said = [
        ("S2", "Kan vi ta lokalerna före valen? Jag väntar på ett samtal."),
        ("S1", "Det går bra. Vi tar sjuan, motionen om lokalerna, före valen. Sara, det är din motion."),
        ("S3", "Ja. Vi vill hyra en större lokal."),
    ]
    assert not any("sjuan" in t for t in texts(said))


def test_the_ones_named_among_those_who_offered_themselves_are_chosen() -> None:
    said = [
        ("S1", "Regionen har två platser på brandutbildningen i maj. Vem vill gå?"),
        ("S2", "Jag kan gå. Jag missade den förra gången."),
        ("S3", "Jag också, gärna."),
        ("S1", "Bra, då går Karin och Olof i maj, och de visar oss andra sen."),
    ]
    got = texts(said)
    assert any(t.startswith("Karin och Olof går i maj") for t in got)


def test_two_named_for_a_task_nobody_offered_for_is_no_choice_among_volunteers() -> None:
    said = [
        ("S1", "Tunnlarna måste ställas om innan de nya programmen kommer."),
        ("S2", "Om jag får Olof med mig på lördagen."),
        ("S3", "Det går bra."),
        ("S1", "Då ställer Karin och Olof om tunnlarna på lördag."),
    ]
    assert not any(t.startswith("Karin och Olof") for t in texts(said))


def test_the_call_for_someone_to_fill_a_role_is_no_matter_settled() -> None:
    said = [
        (
            "S1",
            "Först ska vi ha någon som leder stämman. Valberedningen föreslår Olof, han kan det bättre än jag.",
        ),
        ("S1", "Är ni med på det?"),
        ("S2", "Ja."),
    ]
    assert not any("någon som leder" in t for t in texts(said))
