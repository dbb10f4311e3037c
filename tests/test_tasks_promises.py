"""A first-person plan said where the talk asks for one: no task verb, object or deadline needed."""

from __future__ import annotations

from tests.spoken import MEETING, minutes


def test_a_plan_after_the_group_settled_is_the_speakers_task() -> None:
    said = [("S1", "Ska vi ha med psalmen också? Någon emot?"), ("S2", "Nej."),
            ("S1", "Då tar vi psalmen som sista sång."), ("S3", "Jag kopierar noterna i stor stil.")]  # fmt: skip
    got = minutes(said).actions
    assert [a.owner for a in got] == ["Olof Nilsson"] and got[0].what.startswith("Kopiera noterna")


def test_a_plan_after_anothers_promise_with_a_day_ahead() -> None:
    said = [("S1", "Vi behöver flytta containern till gården."),
            ("S2", "Jag ringer åkeriet i dag."), ("S3", "Och jag kör dit släpet på måndag.")]  # fmt: skip
    got = {a.owner: a for a in minutes(said).actions}
    assert "Olof Nilsson" in got and got["Olof Nilsson"].what.startswith("Köra dit släpet")
    assert got["Olof Nilsson"].due is not None


def test_working_something_out_and_coming_back_is_a_task() -> None:
    said = [("S1", "Vi säger sju i år."), ("S2", "Sju betyder att jag börjar fyra. Det kostar."),
            ("S1", "Jag räknar på vad tillägget blir och återkommer.")]  # fmt: skip
    got = minutes(said).actions
    assert [a.owner for a in got] == ["Anna Berg"] and got[0].what.startswith("Räkna på vad tillägget")


def test_descriptions_habits_and_votes_are_no_tasks() -> None:
    for line in ("Jag börjar halv tre på morgonen.", "Jag bor i Näsåker och kör hit varje natt.",
                 "Jag räcker upp för er skull.", "Jag brukar handla på fredagar.",
                 "Jag läser inte på skärm."):  # fmt: skip
        said = [("S1", "Då säger vi så. Någon emot?"), ("S2", "Nej, då gör vi så."), ("S3", line)]
        assert not minutes(said).actions, line


def test_a_plan_with_nothing_asking_for_it_is_no_task() -> None:
    said = [("S1", "Hur går det med skåpet?"), ("S2", "Jag sorterar skruvarna efter storlek.")]
    assert not minutes(said).actions


def test_how_a_task_just_given_is_done_adds_none() -> None:
    said = [("S1", "Sätt upp kameran på bryggan. Olof, du gör det i eftermiddag."),
            ("S3", "Okej. Jag lånar stativet av grannen.")]  # fmt: skip
    got = minutes(said).actions
    assert not any(a.what.startswith("Låna") for a in got)


def test_a_task_named_by_a_pronoun_after_an_order_in_the_same_turn_is_that_order() -> None:
    said = [("S1", "Sätt upp kameran på bryggan. Olof, du gör det i eftermiddag."), ("S3", "Okej.")]
    got = minutes(said).actions
    assert [(a.what, a.owner, a.due) for a in got] == [("Sätta upp kameran på bryggan", "Olof Nilsson", MEETING)]
    # no order before it: the pronoun stays as said
    vague = minutes([("S1", "Det är dags nu. Olof, du gör det i eftermiddag."), ("S3", "Okej.")]).actions
    assert [a.what for a in vague] == ["Göra det i eftermiddag"]


def test_who_helps_answered_takes_the_plan_said_before_the_question() -> None:
    said = [("S1", "Och den gamla soffan bär vi till grovsoprummet. Vem hjälper till?"),
            ("S3", "Det gör jag, när den nya har kommit.")]  # fmt: skip
    got = minutes(said).actions
    assert [(a.what, a.owner) for a in got] == [("Bära den gamla soffan till grovsoprummet", "Olof Nilsson")]
    assert not minutes([*said[:1], ("S3", "Jag kan inte, jag har ont i ryggen.")]).actions


def test_the_asked_verb_said_of_oneself_later_in_the_reply_takes_the_task() -> None:
    said = [("S1", "Karin, kan du sortera lådan före jul?"),
            ("S2", "Tandställningen rör jag inte. Men resten sorterar jag.")]  # fmt: skip
    got = minutes(said).actions
    assert [a.owner for a in got] == ["Karin Ek"] and got[0].what.startswith("Sortera lådan")
    refused = [("S1", "Karin, kan du sortera lådan före jul?"), ("S2", "Nej. Det sorterar jag inte.")]
    assert not minutes(refused).actions


def test_the_verb_first_and_the_participants_named_after_it() -> None:
    said = [("S1", "Då ställer Karin och Olof om programmen helgen efter.")]
    got = minutes(said).actions
    assert sorted(a.owner for a in got) == ["Karin Ek", "Olof Nilsson"]
    assert all(a.what.startswith("Ställa om programmen") for a in got)
    assert [a.owner for a in minutes([("S1", "Sen bokar Olof lokalen till mötet.")]).actions] == ["Olof Nilsson"]
    for line in ("Då kommer Olof hit i morgon.", "Då tycker Olof att vi ska vänta.", "Då står bussen på torget."):
        assert not minutes([("S1", line)]).actions, line


def test_a_request_said_by_a_pronoun_takes_the_reply_s_own_words() -> None:
    said = [("S1", "Det får bli i bodan. Karin, vill du ta hand om dem?"),
            ("S2", "Gärna. Jag ringer läraren och bokar en dag.")]  # fmt: skip
    assert [(a.what, a.owner) for a in minutes(said).actions] == [("Ringa läraren och boka en dag", "Karin Ek")]


def test_the_chair_s_formulas_a_birthday_and_a_choice_are_no_plans() -> None:
    for line in ("Jag förklarar mötet avslutat.", "Jag fyller sjuttiofem i november.", "Jag tar nyår."):
        said = [("S1", "Då säger vi så. Någon emot?"), ("S2", "Nej, då gör vi så."), ("S3", line)]
        assert not minutes(said).actions, line
