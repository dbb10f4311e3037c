"""Tasks read from the reply of the one asked: who was asked, who answers, and in which words."""

from __future__ import annotations

import datetime as dt

from tests.spoken import MEETING, PEOPLE, transcript
from transcribe.minutes import Minutes, extract_minutes


def minutes(turns: list[tuple[str, str]], people: dict[str, str] = PEOPLE) -> Minutes:
    return extract_minutes(transcript(turns, people=people), meeting_date=MEETING, robust=True)


def test_a_request_to_no_one_by_name_is_put_to_the_one_who_spoke_last() -> None:
    turns = [("S3", "Taket över förrådet läcker igen."), ("S1", "Kan du titta på det innan helgen?")]
    got = minutes([*turns, ("S3", "Jag klättrar upp på lördag och tittar.")]).actions
    assert [(a.owner, a.due) for a in got] == [("Olof Nilsson", dt.date(2026, 11, 28))]
    assert got[0].what.startswith("Titta på det")
    other = minutes([*turns, ("S2", "Jag klättrar upp på lördag och tittar.")]).actions
    assert not [a for a in other if a.what.startswith("Titta")]  # another answered: not asked of her


def test_the_one_asked_says_with_their_own_verb_what_they_do_with_the_thing() -> None:
    got = minutes([("S1", "Karin, kan du skicka protokollet till styrelsen?"), ("S2", "Jag mejlar det i morgon.")])
    assert [(a.owner, a.what, a.due) for a in got.actions] == [
        ("Karin Ek", "Mejla protokollet till styrelsen", dt.date(2026, 11, 26))
    ]
    met = minutes([("S1", "Karin, kan du fråga läraren vad hon vill?"), ("S2", "Jag träffar henne i morgon.")])
    assert [a.what for a in met.actions] == ["Fråga läraren vad hon vill"]  # how she does it, not what


def test_a_time_alone_in_reply_takes_the_request_on() -> None:
    got = minutes([("S1", "Olof, kan du skicka länken till alla åtta?"), ("S3", "I kväll. Med en förklaring.")])
    assert [(a.owner, a.due) for a in got.actions] == [("Olof Nilsson", MEETING)]


def test_a_go_ahead_by_name_and_the_imperative_after_it_are_one_task() -> None:
    people = {**PEOPLE, "S3": "Per-Olof Lindgren"}
    got = minutes([("S2", "Vem ordnar?"), ("S3", "Jag ordnar. Jag har gjort det i trettio år."),
                   ("S1", "Gör det, Per-Olof. Skriv ihop ett förslag med datum och skicka till oss."),
                   ("S3", "Ni får det till nästa möte.")], people).actions  # fmt: skip
    mine = [a for a in got if a.owner == "Per-Olof Lindgren"]
    assert "Skriva ihop ett förslag med datum och skicka till oss" in [a.what for a in mine]


def test_a_thing_to_make_said_to_one_by_name_and_promised_by_a_day() -> None:
    got = minutes([("S1", "Gör en affisch, Olof. Men inga bilder på mig."), ("S3", "Den är klar till fredag.")])
    friday = dt.date(2026, 11, 27)
    assert [(a.owner, a.what, a.due) for a in got.actions] == [("Olof Nilsson", "Göra en affisch", friday)]
    said_no = minutes([("S1", "Gör en affisch, Olof."), ("S3", "Den blir inte klar till fredag.")])
    assert all(a.due != friday for a in said_no.actions)


def test_a_pronoun_task_carries_what_was_said_before_the_request() -> None:
    got = minutes([("S1", "Elfirman får byta lamporna i trappan. Olof, du ringer dem i kväll?"),
                   ("S3", "Jag ringer direkt efter mötet.")]).actions  # fmt: skip
    assert len(got) == 1 and got[0].owner == "Olof Nilsson"
    assert got[0].what.startswith("Ringa dem") and "Elfirman" in got[0].what


def test_a_word_to_pass_on_is_what_the_meeting_said_they_may_do() -> None:
    got = minutes([("S3", "Familjen Holm vill ha en bredare plats."),
                   ("S1", "Då får de stå i kön som alla andra. Men det kan vi titta på i höst."),
                   ("S3", "Jag säger det till dem.")]).actions  # fmt: skip
    assert len(got) == 1 and got[0].owner == "Olof Nilsson" and "stå i kön" in got[0].what
    told = minutes([("S1", "Nyckeln ligger i Hans bil."), ("S2", "Jag säger åt honom att lägga den i skåpet.")])
    assert [(a.owner, a.what) for a in told.actions] == [("Karin Ek", "Säga åt honom att lägga den i skåpet")]


def test_an_answer_to_give_someone_outside_the_room_is_a_task_with_the_answer() -> None:
    got = minutes([("S1", "Det är för stort för ett styrelsemöte. Det får Gunnar lämna som en motion till stämman."),
                   ("S3", "Jag svarar honom det. I morgon.")]).actions  # fmt: skip
    assert [(a.owner, a.due) for a in got] == [("Olof Nilsson", dt.date(2026, 11, 26))]
    assert got[0].what.startswith("Svara honom") and "motion" in got[0].what
    assert not minutes([("S1", "Vad tycker du, Olof?"), ("S3", "Jag svarar dig sen.")]).actions  # in the room


def test_a_pronoun_task_with_its_day_after_the_turn_that_named_the_thing() -> None:
    turns = [("S1", "Då köper vi fyra regntunnor till odlingen.")]
    got = minutes([*turns, ("S3", "Jag hämtar dem på lördag.")]).actions
    assert [(a.owner, a.due) for a in got] == [("Olof Nilsson", dt.date(2026, 11, 28))]
    assert got[0].what.startswith("Hämta dem") and "regntunnor" in got[0].what
    later = minutes([("S1", "Då stickar vi mössor till härbärget och lämnar dem före jul."),
                     ("S2", "Jag kör in dem. Jag ska till stan den tjugonde december ändå.")]).actions  # fmt: skip
    assert [(a.owner, a.due) for a in later] == [("Karin Ek", dt.date(2026, 12, 20))]
    assert not minutes([*turns, ("S3", "Jag hämtar dem.")]).actions  # no day: it may be a plan
    assert not minutes([*turns, ("S3", "Jag ser dem på lördag.")]).actions  # no deed
