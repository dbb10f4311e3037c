"""Nothing stated as decided that was not, read from what the turns around it do: a plan withdrawn by the one who
proposed it ("glöm det"), a plan said in the negative and taken up again later, a proposal voted down, another body
deciding (its verb before it, or at a time to come), the summing-up's word that nothing is settled, the word handed
to a member, one decision read twice (rules/takenback.py, retracted.py, otherbody.py, mandate.py, floor.py,
repeats.py).

Hand-made exchanges, written apart from the dev meetings; beside each, the same words where the meeting did decide,
so that a rule dropping everything fails.
"""

from __future__ import annotations

from types import SimpleNamespace

from tests.test_rules_robust_cues import texts
from transcribe.minutes.model import Decision, Evidence
from transcribe.minutes.rules.repeats import without_repeats


def test_a_plan_its_speaker_withdraws_after_an_objection_with_forget_it_is_none() -> None:
    said = [
        ("S1", "En sak till om gården. Jag har funderat på att vi stänger grinden mot skogen på nätterna."),
        ("S2", "Men grinden är brandkårens väg in. De måste kunna komma in där."),
        ("S1", "Ja, just det. Det hade jag inte tänkt på. Nej, då låter vi grinden vara öppen. Glöm det jag sa."),
        ("S3", "Och cyklarna då?"),
    ]
    assert not any("grinden" in t for t in texts(said))
    kept = [
        *said[:2],
        ("S1", "Ja, just det. Det hade jag inte tänkt på. Nej, då låter vi grinden vara öppen."),
        said[3],
    ]
    assert any("grinden" in t for t in texts(kept))


def test_forget_it_said_on_its_own_after_the_plan_in_the_negative_withdraws_it() -> None:
    said = [
        ("S1", "Bra. Och så tänkte jag att vi kör kvällspass i juni, för att hinna med beställningarna till Borås."),
        ("S2", "Det behövs inte. Kunden ringde i morse. De har skjutit upp halva beställningen till augusti."),
        ("S1", "Jaså. Det hade jag inte hört. Då blir det inga kvällspass i juni. Glöm det."),
        ("S3", "Folk blir glada. Några ville ha övertiden."),
    ]
    assert not any("kvällspass" in t for t in texts(said))
    kept = [*said[:2], ("S1", "Jaså. Det hade jag inte hört. Då blir det inga kvällspass i juni."), said[3]]
    assert any("kvällspass" in t for t in texts(kept))


def test_a_plan_in_the_negative_taken_up_again_later_in_the_same_turn_is_put_off() -> None:
    said = [
        ("S1", "Sen utflykten. Jag tänkte att vi åker till Kolmården i maj."),
        ("S2", "Bussbolaget har inga bussar lediga i maj, jag frågade i går."),
        ("S1", "Är det så? Då blir det ingen utflykt i maj. Vi får ta den i september igen."),
        ("S3", "Jag kan fråga ett annat bolag."),
    ]
    assert not any("utflykt" in t for t in texts(said))
    kept = [*said[:2], ("S1", "Är det så? Då blir det ingen utflykt i maj."), said[3]]
    assert any("utflykt" in t for t in texts(kept))


def test_a_proposal_voted_down_is_no_decision_but_the_side_that_won_is() -> None:
    def vote(asked: str, pro: str, con: str) -> list[tuple[str, str]]:
        return [
            ("S1", "Grillen då. Ska vi köpa en ny gasolgrill till gården?"),
            ("S2", "Den gamla fungerar ju."),
            ("S3", "Den rostar sönder."),
            ("S1", f"Vi röstar. {asked} {pro} Och emot? {con} Då köper vi ingen ny grill i år."),
        ]

    assert not any("grill" in t for t in texts(vote("Vilka vill köpa en ny grill?", "Två.", "Tre.")))
    assert not any(
        "grill" in t for t in texts(vote("Vilka vill köpa en ny grill?", "Eva och Per.", "Ali, Kim och jag."))
    )
    assert any("grill" in t for t in texts(vote("Vilka vill behålla den gamla grillen?", "Tre.", "Två.")))


def test_the_summing_up_saying_nothing_is_settled_leaves_no_decision() -> None:
    said = [
        ("S1", "Välkomna. Det här är ett öppet möte om vårfesten."),
        ("S2", "Tack. Jag har med mig kakor."),
        ("S3", "Och jag har listan från i fjol."),
        ("S1", "Bra. Först datumet. Andra lördagen i maj brukar passa."),
        ("S2", "Det passar mig."),
        ("S3", "Mig också."),
        ("S1", "Sen lokalen. Den stora salen eller klubbrummet?"),
        ("S2", "Den stora salen, vi blir för många annars."),
        ("S1", "Vi kör på den stora salen, då."),
        ("S3", "Bra."),
        ("S1", "Då sammanfattar jag. Inget av det här är klubbat, det vill jag vara tydlig med. Vi tar det med oss."),
    ]
    assert not any("salen" in t for t in texts(said))
    assert any("salen" in t for t in texts([*said[:-1], ("S1", "Då sammanfattar jag. Vi tar det med oss.")]))


def test_another_body_deciding_after_its_verb_or_at_a_time_to_come_is_told_not_decided() -> None:
    for told in (
        "Kommunen har beslutat att badet stänger i juli.",
        "Men när badet stänger beslutar fritidsnämnden, på sitt möte i maj.",
        "Fritidsnämnden bestämmer om det i maj.",
    ):
        said = [("S1", "Sen badet."), ("S2", told), ("S1", "Det är klubbat i fritidsnämnden. Då blir det så.")]
        assert not any("bad" in t.lower() or "nämnden" in t.lower() for t in texts(said)), told


def test_the_word_handed_to_a_member_is_no_permission() -> None:
    said = [
        ("S3", "Jag glömde nycklarna. I bilen."),
        ("S1", "Okej. Vi börjar. Maja, du får börja med kassan, för det är det alla frågar om."),
        ("S2", "Ja. Vi har trettio tusen på kontot och två fakturor som inte är betalda."),
    ]
    assert not any("kassan" in t for t in texts(said))


def test_a_decision_read_twice_from_the_same_close_is_listed_once() -> None:
    def decision(text: str, segments: list[int]) -> Decision:
        return Decision(text=text, evidence=[Evidence(segment_id=s, start=s, end=s + 1, quote=text) for s in segments])

    said = {1: [1, 2], 2: [2], 3: [5]}  # the sentences each was read from
    whole = decision("Då blir det inget byte. Vi stannar hos vår vanliga rosteri i Borås.", [1, 2])
    part = decision("Mötet beslutade att stanna hos vår vanliga rosteri i Borås.", [2])
    later = decision("Mötet beslutade att stanna hos vår vanliga rosteri i Borås.", [5])
    by_text = {id(whole): said[1], id(part): said[2], id(later): said[3]}
    kept = without_repeats([whole, part, later], lambda d: [SimpleNamespace(idx=i) for i in by_text[id(d)]])
    assert kept == [whole, later]


def test_the_leaders_opening_is_no_plan_but_the_close_after_it_is() -> None:
    said = [
        ("S2", "Jag tog sista biten av kakan. Jag kom in klockan tre i natt efter matchen, jag hade förtjänat den."),
        ("S3", "Var det mycket folk?"),
        ("S2", "Fullt. Och bussen var sen, jag fick gå sista biten. Men det tar vi sen."),
        ("S1", "Ja, det tar vi. Okej, vi kör igång, så Anna hinner till sitt tåg klockan tre. Först bilarna. Per?"),
        ("S4", "Den blå bilen läcker olja igen. Verkstaden lagade den i mars."),
        ("S1", "Då säger vi så här. Den blå bilen står tills den är lagad. Invändningar?"),
        ("S3", "Inga invändningar."),
        ("S1", "Då är det så."),
    ]
    got = texts(said)
    assert not any("igång" in t or "tåg" in t for t in got)
    assert any("blå bilen" in t for t in got)


def test_a_plan_given_up_by_its_speaker_after_news_that_stops_it_leaves_no_decision_on_the_matter() -> None:
    said = [
        (
            "S1",
            "Bra. Sen lokalen. Det blir trångt hemma hos oss. Jag tänkte att vi flyttar till församlingshemmet i höst.",
        ),
        ("S2", "Bra, det gör vi."),
        ("S3", "Men vänta. Kyrkan har bestämt att församlingshemmet renoveras hela hösten. Det stod i bladet."),
        ("S1", "Då går det ju inte. Då stryker vi församlingshemmet. Var ska vi vara då?"),
        ("S4", "Caféet vid torget har ett bakrum som står tomt på kvällarna."),
    ]
    assert not any("församlingshemmet" in t for t in texts(said))
    kept = [*said[:3], ("S1", "Då stryker vi församlingshemmet. Var ska vi vara då?"), said[4]]
    assert any("församlingshemmet" in t for t in texts(kept))
