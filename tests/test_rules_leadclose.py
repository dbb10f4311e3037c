"""Closes in the settler's own turn with the matter said there (rules/leadclose.py).

Hand-made exchanges in settings of their own: a short close and the course after it (a reason between left
out), a member's promise undone and replaced, the leader's plain plan with the task it gives or after weighing
the others by name, a figure echoed with "får det bli", an invitation answered; and the same words where nothing
was settled.
"""

from __future__ import annotations

from tests.spoken import MEETING, transcript
from tests.test_rules_robust_cues import texts
from transcribe.minutes import extract_minutes

_PEOPLE = {"S1": "Anna Berg", "S2": "Erik Ek", "S3": "Olof Nilsson", "S4": "Cia Lund"}


def _texts(turns: list[tuple[str, str]]) -> list[str]:
    return [d.text for d in extract_minutes(transcript(turns, people=_PEOPLE), meeting_date=MEETING).decisions]


def test_a_short_close_then_the_course() -> None:
    said = [
        ("S2", "Orkestern från Tranås vill ha tiotusen för kvällen."),
        ("S3", "Tiotusen? Då har vi ingenting kvar till lokalen."),
        ("S1", "Då backar vi. Ingen orkester i år. Vi spelar skivor i stället, det räcker gott."),
    ]
    got = texts(said)
    assert len(got) == 1 and "Ingen orkester i år" in got[0] and "skivor" in got[0]


def test_a_short_close_with_nothing_said_after_it() -> None:
    said = [("S2", "Orkestern från Tranås vill ha tiotusen."), ("S3", "Det är för mycket."), ("S1", "Då backar vi.")]
    assert not texts(said)


def test_a_members_promise_undone_and_replaced() -> None:
    said = [
        ("S2", "Jag har lovat kören att de får låna salen gratis varje torsdag."),
        ("S3", "Varje torsdag? Då kan vi inte hyra ut salen alls."),
        (
            "S1",
            "Det där är inte ditt att lova, Erik. Salen är föreningens. Kören får låna salen första torsdagen "
            "i månaden.",
        ),
    ]
    got = texts(said)
    assert len(got) == 1 and "första torsdagen" in got[0] and "föreningens" not in got[0]


def test_the_leaders_plain_plan_with_the_task_it_gives() -> None:
    said = [
        ("S1", "Taket på förrådet."),
        ("S2", "Det läcker igen vid skorstenen."),
        ("S3", "Och plåten har rostat på norra sidan."),
        ("S1", "Vi gör om taket, med ny plåt den här gången. Erik, du tar in offerter."),
    ]
    got = _texts(said)
    assert len(got) == 1 and "göra om taket" in got[0]
    undiscussed = [("S1", "Taket på förrådet."), ("S1", "Vi gör om taket, med ny plåt. Erik, du tar in offerter.")]
    assert not _texts(undiscussed)


def test_the_leaders_plain_plan_after_weighing_the_others_by_name() -> None:
    said = [
        ("S1", "Bussen till lägret."),
        ("S2", "Jag vill hyra en buss med chaufför."),
        ("S3", "Jag vill att föräldrarna kör."),
        ("S4", "Buss är säkrast."),
        ("S1", "Okej. Erik och Cia vill ha buss. Olof vill att föräldrarna kör. Vi hyr en buss."),
    ]
    got = _texts(said)
    assert len(got) == 1 and "hyra en buss" in got[0]


def test_a_figure_echoed_with_far_det_bli_settles_the_plan_put_before() -> None:
    said = [
        ("S1", "Vi säger så här: högst tjugo deltagare per kurs, och anmälan stänger en vecka innan."),
        ("S2", "Tjugo klarar jag."),
        ("S3", "Och min syster kan hjälpa till om det blir fler."),
        ("S1", "Nej, vi tar inte in extra folk. Tjugo får det bli."),
    ]
    got = texts(said)
    assert any("högst tjugo deltagare" in t.lower() for t in got)


def test_an_invitation_answered() -> None:
    said = [
        ("S1", "Marknaden i Ystad har frågat om vi vill ha ett stånd i juli."),
        ("S2", "Jag kan stå där en dag i juli."),
        ("S3", "Vi har ett tält, så ett stånd går bra."),
        ("S1", "Okej, så vi säger ja till Ystad med ett stånd en dag."),
    ]
    got = texts(said)
    assert len(got) == 1 and "säga ja till Ystad" in got[0]
