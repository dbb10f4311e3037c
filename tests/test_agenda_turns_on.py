"""Where an item starts is where the talk turns to its matter: a word two items share read by what the turn goes on
to ask, an item struck by a pronoun in the sentence that names it, an item put off to the next meeting named by its
short name, a formal title put as a question, the two who go through what the writer writes, and an item moved after
another taken up in the turn that settles that one."""

from __future__ import annotations

from tests.agenda_meeting import chaired_transcript as spoken
from transcribe.agenda import align_agenda, parse_agenda_text
from transcribe.agenda.phrases import KIND_CUES


def starts(agenda: str, lines: list[str | tuple[str, str]]) -> dict[str, float | None]:
    al = align_agenda(parse_agenda_text(agenda), spoken(lines))
    return {i.number: (i.start if i.treated else None) for i in al.items}


SHARED = """Personalmöte
1. Inledning
2. Val av protokollförare och justerare
3. Protokollet från förra mötet
4. Städningen
5. Övriga frågor
6. Avslutning
"""


def test_a_word_two_items_share_opens_the_one_the_turn_goes_on_to_ask_for() -> None:
    got = starts(
        SHARED,
        [
            "Då börjar vi. Välkomna allihop.",
            "Protokollet. Sara, kan du skriva ner det viktigaste i dag?",
            ("Ja, det kan jag.", "S"),
            "Och Pelle, du läser igenom det innan jag skickar ut det?",
            ("Det gör jag.", "P"),
            "Och förra mötets protokoll, har alla läst det? Då lägger vi det till handlingarna.",
            "Städningen. Firman kommer på tisdagar från och med nästa vecka.",
            ("Bra, då slipper vi göra det själva.", "P"),
            "Övriga frågor. Något? Nej. Tack för i dag.",
        ],
    )
    assert got["2"] == 10.0
    assert got["3"] == 50.0
    assert got["4"] == 60.0


STRUCK = """Föreningsmöte
1. Mötets öppnande
2. Val av justerare
3. Ekonomin
4. Sommarfesten
5. Lokalfrågan
6. Övriga frågor
7. Mötets avslutande
"""


def test_an_item_struck_by_a_pronoun_in_the_sentence_naming_it_leaves_the_item_taken_first_alone() -> None:
    got = starts(
        STRUCK,
        [
            "Välkomna, jag förklarar mötet öppnat. Pelle, kan du justera?",
            ("Ja.", "P"),
            "Innan vi går vidare. Sara måste gå halv åtta, så vi tar sommarfesten först. "
            "Och lokalfrågan, den är inte färdig, så den punkten stryker vi. Sara, varsågod.",
            ("Vi har bokat dansbanan den tjugonde juni och behöver fem som hjälper till.", "S"),
            ("Jag kan hjälpa till.", "P"),
            "Tack, Sara. Då ekonomin. Vi har trettiotusen på kontot.",
            ("Det är bra.", "P"),
            "Övriga frågor. Ingenting? Då avslutar jag mötet.",
        ],
    )
    assert got["4"] is not None and abs(got["4"] - 20.0) <= 10.0
    assert got["5"] is None
    assert got["3"] == 50.0


PUT_OFF = """Arbetsplatsträff
1. Inledning
2. Schemat
3. Utbildningsdagen
4. Övriga frågor
5. Avslutning
"""


def test_an_item_put_off_is_not_started_where_the_next_meeting_named_by_its_short_name_takes_it_up() -> None:
    got = starts(
        PUT_OFF,
        [
            "Välkomna. Utbildningsdagen hoppar vi över i dag, Eva är sjuk.",
            "Schemat. Vi behöver en till på helgerna i juni.",
            ("Jag tar två helger.", "P"),
            "Bra. Övriga frågor? Inget.",
            "Nästa APT blir tisdagen den femte maj, klockan två. Då tar vi utbildningsdagen. Tack för i dag.",
        ],
    )
    assert got["3"] is None
    assert got["2"] == 10.0


QUORUM = """Årsmöte
1. Mötets öppnande
2. Val av mötesordförande
3. Frågan om mötet är rätt utlyst
4. Verksamhetsberättelsen
5. Övriga frågor
6. Avslutning
"""


def test_a_formal_title_put_as_a_question_is_not_started_by_a_call_for_questions() -> None:
    got = starts(
        QUORUM,
        [
            "Välkomna, jag förklarar årsmötet öppnat. Styrelsen föreslår Sara som ordförande för mötet. Går det bra?",
            ("Ja.", "P"),
            ("Tack. Jag ska vara kort.", "S"),
            (
                "Kallelsen gick ut med brev i mars, och den låg på hemsidan. Har någon något att säga om det? Nej. "
                "Då är mötet rätt utlyst.",
                "S",
            ),
            ("Verksamhetsberättelsen. Karin, du har den.", "S"),
            "Vi har haft fyra möten och två fester.",
            ("Tack. Frågor? Nej. Då läggs den till handlingarna.", "S"),
            ("Övriga frågor. Inget? Tack för i dag.", "S"),
        ],
    )
    assert got["3"] == 30.0
    assert got["4"] == 40.0


def test_the_two_who_go_through_what_the_writer_writes_are_the_justerare() -> None:
    cue = KIND_CUES["adjusters"]
    assert cue.search("vi behöver två som går igenom det anna skriver och som räknar rösterna.")
    assert cue.search("någon som går igenom vad hon har skrivit efteråt?")
    assert not cue.search("vi behöver två som går igenom budgeten med kassören.")


MOVED = """Årsmöte
1. Mötets öppnande
2. Verksamhetsberättelse
3. Ansvarsfrihet för styrelsen
4. Årsavgiften
5. Sommarresan
6. Övriga frågor
7. Avslutning
"""


def test_an_item_moved_after_another_starts_where_the_turn_settling_that_one_goes_on_to_it() -> None:
    got = starts(
        MOVED,
        [
            "Välkomna, jag förklarar årsmötet öppnat.",
            "Innan vi tar verksamhetsberättelsen vill jag ändra en sak. Gästerna från Oslo åker klockan tre. "
            "Så den punkten, sommarresan, tar vi direkt efter ansvarsfriheten, före avgiften. Går det bra?",
            ("Ja.", "P"),
            "Verksamhetsberättelsen. Sara, du har den.",
            ("Vi har haft sex möten och en utflykt till Gotland.", "S"),
            "Tack. Och ansvarsfrihet för styrelsen, kan mötet bevilja det?",
            ("Ja.", "P"),
            "Det är beviljat. Och nu, som sagt, sommarresan, innan gästerna åker.",
            ("Vi föreslår Bornholm i augusti, med buss.", "S"),
            ("Låter bra.", "P"),
            "Årsavgiften. Styrelsen föreslår oförändrad avgift, tvåhundra kronor.",
            ("Bra.", "P"),
            "Övriga frågor? Inget. Tack för i dag, årsmötet är avslutat.",
        ],
    )
    assert got["5"] is not None and abs(got["5"] - 70.0) <= 10.0
    assert got["4"] == 100.0


KASSAR = """Församlingsråd
1. Öppnande
2. Julens gudstjänster
3. Diakoni: matkassar
4. Ekonomisk rapport
5. Övriga frågor
6. Avslutning
"""


def test_a_word_saying_one_items_title_is_no_everyday_word_for_anothers_topic() -> None:
    got = starts(
        KASSAR,
        [
            "Välkomna, jag förklarar sammanträdet öppnat.",
            "Julen. Vi har julotta klockan sju som vanligt.",
            ("Bra, då kommer fler.", "P"),
            "Ekonomin, som vi sa. Pelle, du har siffrorna.",
            ("Vi har fyrtiotusen kvar på kontot, och kollekterna har gått upp.", "P"),
            "Tack. Matkassarna. Sara skulle ha tagit den här punkten, men hon är sjuk. Den får vänta till nästa möte.",
            ("Hälsa henne.", "P"),
            "Övriga frågor. Inget? Då avslutar jag sammanträdet.",
        ],
    )
    assert got["4"] == 30.0
    assert got["3"] is None


PUT_BY = """Medlemsmöte
1. Mötets öppnande
2. Val av justerare
3. Fastställande av dagordningen
4. Lokalhyran
5. Stadgeändring
6. Övriga frågor
7. Mötets avslutande
"""


def test_an_item_put_off_in_the_plain_word_order_and_told_again_at_the_end_is_kept_out() -> None:
    got = starts(
        PUT_BY,
        [
            "Välkomna, jag förklarar mötet öppnat. Pelle, kan du justera?",
            ("Ja.", "P"),
            "Dagordningen. Stadgeändringen är inte klar.",
            ("Nej, vi tar den på höstens möte.", "S"),
            "Då är dagordningen fastställd. Lokalhyran. Värden höjer med fem procent från januari.",
            ("Det får vi betala.", "P"),
            "Övriga frågor? Inget.",
            "Stadgeändringen har vi skjutit till hösten, så då är vi framme vid avslutningen. Tack för i kväll.",
        ],
    )
    assert got["5"] is None
    assert got["4"] is not None and abs(got["4"] - 40.0) <= 10.0
