"""A first-person task whose verb the recogniser heard as "att" or an ordinal: no verb can stand there."""

from __future__ import annotations

from tests.spoken import minutes


def test_att_where_the_verb_stands_answering_a_need_is_the_speakers_task() -> None:
    turns = [("S1", "Och kylskåpet surrar. Någon måste titta på det före helgen."), ("S2", "Jag att elektrikern.")]
    got = minutes(turns).actions  # "att" heard surely
    assert len(got) == 1 and got[0].owner == "Karin Ek" and "elektrikern" in got[0].what and got[0].needs_review
    # a view with "att" is no task
    assert not minutes([turns[0], ("S2", "Jag att vi väntar till våren.")]).actions


def test_an_ordinal_where_the_verb_stands_with_a_day_is_the_speakers_task() -> None:
    turns = [("S1", "Fotografen hörde av sig igen i går."), ("S3", "Jag tredje honom tillbaka i eftermiddag.")]
    got = minutes(turns).actions  # "tredje" heard surely
    assert len(got) == 1 and got[0].owner == "Olof Nilsson" and "honom" in got[0].what and got[0].needs_review
