"""The sentences a close settles (rules/settledsentence.py): one decision in the close's own words, not the
proposal before it, and not each of its sentences apart."""

from __future__ import annotations

from tests.test_rules_robust_cues import minutes


def test_an_announced_close_settles_the_sentences_after_it_not_the_worry_before() -> None:
    said = [
        ("S1", "Resan till Tåkern. Bussen eller egna bilar?"),
        ("S2", "Bussen kostar sextusen. Det blir dyrt om vi är få."),
        ("S3", "Jag vill ha buss. Då kan alla prata på vägen."),
        ("S2", "Jag säger inte nej. Men om vi blir åtta personer så sitter vi i en tom buss för sextusen."),
        ("S1", "Då gör vi så här. Vi hyr bussen om minst femton anmäler sig före första maj. "
               "Blir vi färre tar vi egna bilar."),
        ("S3", "Bra. Jag lägger ut anmälan i kväll."),
    ]  # fmt: skip
    got = minutes(said).decisions
    assert len(got) == 1
    assert "hyr" in got[0].text.lower() or "hyra" in got[0].text.lower()
    assert "egna bilar" in got[0].text and "tom buss" not in got[0].text


def test_the_alternative_put_as_a_condition_is_part_of_the_decision_before_it() -> None:
    said = [
        ("S1", "Var håller vi sommarfesten?"),
        ("S2", "Barnen vill vara ute. Alla röstade för gården."),
        ("S3", "Då är det väl gården. Men vi behöver en plan om det regnar."),
        ("S1", "Då säger vi gården, lördag den femte juni klockan tre. Regnar det håller vi festen i matsalen."),
        ("S2", "Jag bokar matsalen ändå, för säkerhets skull."),
    ]
    got = minutes(said).decisions
    assert len(got) == 1 and "gården" in got[0].text.lower() and "matsalen" in got[0].text


def test_a_close_that_states_the_matter_is_one_decision_with_the_passage_it_closes() -> None:
    said = [
        ("S1", "Marknaden i augusti. De betalar femtusen för en timme."),
        ("S2", "Det är lite pengar."),
        ("S1", "Men Pelle? Lisa?"),
        ("S3", "Ja, jag är med. Femtusen är snålt men vi kör."),
        ("S1", "Ja. Vi kör på det. Vi spelar på marknaden. Jag mejlar dem i kväll."),
        ("S2", "Fråga om vi får låna deras högtalare."),
    ]
    got = minutes(said).decisions
    assert [d for d in got if "snålt" in d.text] == []
    assert len(got) == 1 and "marknaden" in got[0].text
    assert {e.segment_id for e in got[0].evidence} >= {4}


def test_a_members_reply_between_the_call_and_its_close_is_no_decision_of_its_own() -> None:
    said = [
        ("S2", "Scouterna har frågat om de kan låna vårt stora tält i sommar."),
        ("S3", "Det står bara i förrådet. Vi har inte använt det på tre år."),
        ("S1", "Vi lånar ut det stora tältet till scouterna, det lilla behåller vi, och Per hjälper dem att sätta "
               "upp det. Några invändningar?"),
        ("S3", "Nej. Men vi skriver ett papper om att det är ett lån."),
        ("S1", "Det gör vi. Anna skriver det."),
        ("S4", "Jag kör dit tältet på lördag."),
    ]  # fmt: skip
    got = minutes(said).decisions
    assert len(got) == 1 and "tältet" in got[0].text and "papper" not in got[0].text


def test_two_matters_settled_in_one_turn_stay_two() -> None:
    said = [
        ("S2", "Bageriet vill att vi hämtar bröd varje dag, inte bara på måndagar."),
        ("S3", "Jag har bil. Jag kör gärna."),
        ("S4", "Klart vi tackar ja. Det är ju mat."),
        ("S1", "Ja, vi tackar ja till bageriet, och Sven kör första veckan. "
               "Och vi öppnar på torsdagar också, från nästa vecka, med Sven och Ali."),
    ]  # fmt: skip
    assert len(minutes(said).decisions) == 2
