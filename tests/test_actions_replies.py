"""Tasks read from who is asked, who answers and what follows: one task per promise, the right owner, no false ones."""

from __future__ import annotations

import datetime as dt

from tests.spoken import minutes


def test_the_reply_that_says_how_is_the_same_task_with_its_day() -> None:
    got = minutes([("S1", "Karin, kan du kolla lokalen och bussen?"),
                   ("S2", "Ja. Jag ringer Folkets hus och bussbolaget på fredag.")]).actions  # fmt: skip
    assert [(a.owner, a.due) for a in got] == [("Karin Ek", dt.date(2026, 11, 27))]
    said_again = minutes([("S3", "Jag ringer elfirman och frågar vad det kostar."), ("S1", "Gör det."),
                          ("S3", "Ja. Jag ringer dem i morgon.")]).actions  # fmt: skip
    assert [(a.owner, a.due) for a in said_again] == [("Olof Nilsson", dt.date(2026, 11, 26))]
    more = minutes([("S1", "Karin, kan du kolla lokalen?"), ("S2", "Ja. Och jag mejlar kören om datumet också.")])
    assert len(more.actions) == 2  # an added task stays a task of its own


def test_a_task_asked_of_a_name_as_a_statement_question_or_of_two_names_together() -> None:
    got = minutes([("S1", "Okej. Olof, du gör affischen?"), ("S3", "Ja, till fredag.")]).actions
    assert [(a.owner, a.due) for a in got] == [("Olof Nilsson", dt.date(2026, 11, 27))]
    assert got[0].what.startswith("Göra affischen")
    pair = minutes([("S1", "Karin och Olof, kan ni skriva var sitt förslag till budgeten?"),
                    ("S2", "Ja. Till måndag."), ("S3", "Ja. Måndag.")]).actions  # fmt: skip
    assert sorted(a.owner for a in pair) == ["Karin Ek", "Olof Nilsson"]
    assert all(a.what.startswith("Skriva var sitt förslag") for a in pair)


def test_a_word_to_pass_on_to_someone_outside_the_room_is_a_task() -> None:
    got = minutes([("S1", "Då ligger hyran kvar på tvåhundra kronor."),
                   ("S2", "Bra. Jag ska säga det till hyresvärden, de frågade.")]).actions  # fmt: skip
    assert len(got) == 1 and got[0].owner == "Karin Ek"
    assert "hyresvärden" in got[0].what and "tvåhundra" in got[0].what  # what is to be told, with it
    assert not minutes([("S1", "Säg till om ni inte kan någon dag.")]).actions  # those in the room
    assert not minutes([("S1", "Säg till mig om någon behöver hjälp.")]).actions


def test_an_offer_taken_after_another_joined_it_or_by_its_own_verb() -> None:
    joined = minutes([("S2", "Jag kan åka och titta på lokalen. Med Olof."), ("S3", "Ja, vi kan åka på lördag."),
                      ("S1", "Gör det. Och skriv vad ni ser.")]).actions  # fmt: skip
    assert [a.owner for a in joined] == ["Karin Ek"] and joined[0].what.startswith("Åka och titta på lokalen")
    echoed = minutes([("S3", "Kören har en försäkring, sa de. Men jag kan fråga."), ("S1", "Fråga.")]).actions
    assert [a.owner for a in echoed] == ["Olof Nilsson"] and "försäkring" in echoed[0].what
    bare = minutes([("S2", "Jag kan ta honom. Jag visar runt och går igenom larmet med honom på måndag."),
                    ("S1", "Tack, Karin.")]).actions  # fmt: skip
    assert [(a.owner, a.due) for a in bare] == [("Karin Ek", dt.date(2026, 11, 30))]
    assert "larmet" in bare[0].what


def test_leave_asked_for_and_given_is_the_askers_task() -> None:
    got = minutes([("S2", "Får jag byta låset på förrådet? Det kostar nästan ingenting."),
                   ("S1", "Det behöver du inte fråga om, Karin."), ("S2", "Bra. Då gör jag det.")]).actions  # fmt: skip
    assert [a.owner for a in got] == ["Karin Ek"] and got[0].what.startswith("Byta låset på förrådet")


def test_a_task_turned_down_a_negation_or_a_word_about_now_is_no_task() -> None:
    joke = [("S3", "Då bestämmer vi att Karin bjuder på tårta nästa fredag."), ("S2", "Det räknas inte, Olof.")]
    assert not minutes(joke).actions
    assert not minutes([("S3", "Okej. Då bokar jag inte hallen i alla fall.")]).actions
    assert not minutes([("S2", "Ja, jag frågar bara. Det var inget mer.")]).actions
    assert not minutes([("S1", "Okej, jag skriver upp det.")]).actions
    assert not minutes([("S3", "Jag tar en av dina kvällar."), ("S2", "Tack. Det tar jag gärna emot.")]).actions[1:]
    assert not minutes([("S1", "Behöver du hjälp att bära?"), ("S2", "Gärna. Klockan tio?")]).actions
    assert not minutes([("S2", "Får jag följa med till Gävle?"), ("S3", "Gärna.")]).actions
    assert not minutes([("S1", "Olof, skriv att Karin var emot."), ("S3", "Jag skriver det.")]).actions


def test_a_noun_after_det_and_the_day_in_the_next_sentence() -> None:
    got = minutes([("S1", "Jag gör det nya schemat till fredag.")]).actions
    assert len(got) == 1 and got[0].what.startswith("Göra det nya schemat")
    later = minutes([("S2", "Jag gör en lista över vem som tar vilka kvällar. Ni får den på söndag.")]).actions
    assert [(a.owner, a.due) for a in later] == [("Karin Ek", dt.date(2026, 11, 29))]
    moved = minutes([("S3", "Och jag flyttar de trasiga stolarna till källaren i morgon.")]).actions
    assert len(moved) == 1 and "stolarna" in moved[0].what


def test_an_imperative_answered_with_its_own_verb_is_the_answerers_task() -> None:
    got = minutes([("S1", "Flytta den efter mötet, bara."), ("S3", "Ja, ja. Jag flyttar den.")]).actions
    assert [a.owner for a in got] == ["Olof Nilsson"] and got[0].what.startswith("Flytta den efter mötet")
    statement = minutes([("S1", "Då gör vi så. Våfflor på fredagar."), ("S2", "Jag gör en skylt till tisdag.")])
    assert [a.what for a in statement.actions] == ["Göra en skylt"]  # "Då gör vi så" is no imperative
