"""The leader's close after a word that ends the talk, the course set in place of one taken back, and a plan said in
passing that a member's errand settles.

Each exchange is hand-made in a setting of its own (a trailer hired out by a garden association, a riding school's
lame horse, a tenants' summer party, a choir's Christmas coffee), written apart from the dev meetings; beside each,
the same words where the turns around them decide nothing: the next matter opened after "Bra.", an answer to a
question, a report, a plan nobody takes up or that its member holds back.
"""

from __future__ import annotations

from tests.spoken import MEETING, transcript
from tests.test_rules_robust_cues import texts
from transcribe.minutes import extract_minutes

_TRAILER = [
    ("S1", "Släpvagnen. Vi hyr ut den till medlemmarna för hundra kronor dygnet i dag."),
    ("S2", "Det täcker inte ens däcken. Jag tycker tvåhundra."),
    ("S3", "Hundrafemtio, kanske. Hundrafemtio kronor."),
    ("S4", "Hundrafemtio är rimligt."),
]


def test_a_sum_said_without_a_verb_after_okej_is_the_leaders_close() -> None:
    said = [*_TRAILER, ("S1", "Okej. Hundrafemtio kronor dygnet från och med juni, då. Jag sätter upp en lapp.")]
    got = texts(said)
    assert len(got) == 1 and "Hundrafemtio kronor dygnet från och med juni" in got[0]


def test_the_outcome_named_after_bra_is_the_close() -> None:
    said = [*_TRAILER, ("S1", "Bra. Då blir det hyra per dygn tills vi har fått nya däck, hundrafemtio kronor.")]
    got = texts(said)
    assert len(got) == 1 and got[0].startswith("Det blir hyra per dygn tills vi har fått nya däck")


def test_the_next_matter_opened_after_bra_is_no_close() -> None:
    said = [*_TRAILER, ("S1", "Bra. Vattnet i stugorna då. Flera har frågat när det sätts på.")]
    assert not any("Vattnet" in t for t in texts(said))


def test_an_answer_to_a_question_is_no_close() -> None:
    said = [*_TRAILER, ("S1", "Okej, högst tre dygn i sträck, för hundrafemtio kronor dygnet.")]
    assert any("tre dygn i sträck" in t for t in texts(said))
    asked = [*_TRAILER, ("S4", "Och hur länge får man ha den?"), said[-1]]
    assert not any("tre dygn i sträck" in t for t in texts(asked))


_HORSE = [
    ("S1", "Bamse haltar igen. Vad gör vi med honom?"),
    ("S2", "Vila honom. Två veckor i hagen, inga lektioner."),
    ("S3", "Håller med. Veterinären sa samma sak i höstas."),
]


def test_a_plan_with_the_matter_as_its_subject_after_okej_is_the_close() -> None:
    said = [*_HORSE, ("S1", "Okej. Bamse går i hagen två veckor utan lektioner, och sen tittar veterinären på honom.")]
    got = texts(said)
    assert len(got) == 1 and "Bamse går i hagen två veckor" in got[0]


def test_a_report_on_the_matter_is_no_close() -> None:
    said = [*_HORSE, ("S1", "Okej. Bamse har haltat på vänster fram sedan i höstas.")]
    assert not any("Bamse" in t for t in texts(said))


_PARTY = [
    ("S1", "Sommarfesten. Vi har ingen plats bokad än. Vad tycker ni?"),
    ("S2", "Jag tycker vi har sommarfesten på restaurangen vid torget i år."),
    ("S3", "Den kostar fyrahundra per person. Det är för mycket för många här."),
    ("S4", "Och halva huset är pensionärer."),
]


def test_the_leaders_course_answering_a_take_back_is_the_decision() -> None:
    said = [
        *_PARTY,
        ("S2", "Okej. Jag drar tillbaka det."),
        ("S1", "Vi grillar på gården som vanligt då, sista lördagen i juni. Alla i huset är välkomna."),
    ]
    got = texts(said)
    assert any("grilla på gården" in t and "sista lördagen i juni" in t for t in got)


def test_a_place_set_instead_after_the_question_a_take_back_left_is_the_decision() -> None:
    said = [
        ("S1", "Sommarfesten. Jag tänkte lördagen den tjugoförsta juni, på restaurangen vid torget."),
        ("S2", "Den tjugoförsta passar mig."),
        ("S3", "Restaurangen är stängd hela juni. De bygger om köket."),
        ("S1", "Ja, då går det ju inte. Då får vi ta tillbaka det där. Var kan vi vara då?"),
        ("S2", "På gården? Vi har ju bänkarna."),
        ("S4", "Och grillen står redan där."),
        ("S1", "Då har vi festen på gården i stället, och vi behåller den tjugoförsta."),
    ]
    got = texts(said)
    assert any("festen på gården" in t for t in got)


def test_no_take_back_before_leaves_the_usual_course_alone() -> None:
    said = [*_PARTY, ("S1", "Vi grillar på gården som vanligt då, sista lördagen i juni.")]
    assert not any("grilla på gården" in t for t in texts(said))


def test_a_plan_said_in_passing_is_settled_by_the_errand_a_member_offers() -> None:
    said = [
        ("S2", "Notorna till våren har kommit."),
        ("S1", "Bra. Förresten, julfikat med grannkören i december, det ställer vi in, för deras lokal är uthyrd."),
        ("S1", "Nästa sak, tvättstugan."),
        ("S3", "Ska jag säga till grannkören det? Jag ser deras ordförande i morgon."),
        ("S1", "Gör det."),
    ]
    got = texts(said)
    assert any("ställa in julfikat med grannkören i december" in t for t in got)


def test_a_plan_said_in_passing_that_the_member_holds_back_is_none() -> None:
    said = [
        ("S2", "Notorna till våren har kommit."),
        ("S1", "Bra. Förresten, julfikat med grannkören i december, det ställer vi in, för deras lokal är uthyrd."),
        ("S3", "Vänta, de har redan bakat lussekatter till oss."),
    ]
    assert not any("julfikat" in t for t in texts(said))


def test_a_plan_whose_errand_the_member_asked_takes_is_a_decision() -> None:
    said = [
        ("S2", "Skyltarna vid entrén är från tvåtusentio. Det står fel öppettider på dem."),
        ("S1", "Släng dem. Vi beställer nya skyltar från kommunens tryckeri. Olof, kan du beställa?"),
        ("S3", "Japp."),
    ]
    got = texts(said)
    assert any("beställa nya skyltar från kommunens tryckeri" in t for t in got)
    refused = [*said[:2], ("S3", "Nej, det hinner jag inte före jul.")]
    assert not any("skyltar" in t for t in texts(refused))


def _after_a_pause(turns: list[tuple[str, str]], pause_before: int) -> list[str]:
    """The decisions when the turn at `pause_before` starts after a silence of three seconds."""
    said = transcript(turns)
    for seg in said.segments[pause_before:]:
        seg.start, seg.end = seg.start + 3.0, seg.end + 3.0
    return [d.text for d in extract_minutes(said, meeting_date=MEETING, robust=True).decisions]


def test_the_leaders_rule_closed_after_a_pause_nobody_filled_is_a_decision() -> None:
    said = [
        ("S2", "Tvättmaskinen är lagad nu."),
        ("S1", "Tack, Karin. Sist. Hundarna. Det har kommit klagomål från två gäster i veckan. Från i morgon har alla "
               "hundar koppel inne i huset, och ingen hund går in i matsalen. Alltid."),
        ("S1", "Bra. Då är det så."),
        ("S3", "Jag gör en skylt till dörren."),
    ]  # fmt: skip
    assert any("alla hundar koppel" in t for t in _after_a_pause(said, 2))
    moved_on = [*said[:2], ("S1", "Nästa möte blir den tredje."), said[3]]
    assert not any("koppel" in t for t in _after_a_pause(moved_on, 2))


def test_an_earlier_course_recalled_and_withdrawn_by_the_group_is_a_decision_not_to() -> None:
    said = [
        ("S2", "Noterna till våren har kommit, de ligger i skåpet."),
        ("S1", "Bra. En sak till från mig. Det vi sa förra gången, att vi skulle sjunga på sjukhemmet varje månad. "
               "Det drar vi tillbaka. Kantorn har slutat, och ingen annan kan spela."),
        ("S3", "Synd. De tyckte så mycket om det."),
    ]  # fmt: skip
    got = texts(said)
    assert any("inte sjunga på sjukhemmet varje månad" in t for t in got)
    kept = [
        said[0],
        ("S1", "Det vi sa förra gången, att vi skulle sjunga på sjukhemmet varje månad. Det står fast."),
        said[2],
    ]
    assert not any("inte sjunga" in t for t in texts(kept))
