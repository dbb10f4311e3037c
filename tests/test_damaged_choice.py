"""A choice put to the room with its "eller" misheard or lost, read back from the question's grammar.

Hand-made questions as a recogniser might return them; words listed as unsure get a low word probability. Between
"ja" and "nej" closing a question only "eller" stands, and a question opening with its verb ends on "eller inte",
never on "inte" after its adverbial; the word heard there (or none) is read as "eller", the "inte" kept as said.
"""

from __future__ import annotations

from tests.spoken import MEETING, transcript
from transcribe.minutes import extract_minutes
from transcribe.minutes.rules.damagedchoice import choice_repair
from transcribe.minutes.rules.utterances import build_utts

PEOPLE = {"S1": "Anna Berg", "S2": "Karin Ek", "S3": "Olof Nilsson"}


def _read(text: str, unsure: frozenset[str] = frozenset()) -> str:
    u = build_utts(transcript([("S1", text)], unsure=unsure))[-1]
    found = choice_repair(u)
    return found[0] if found else u.text


def test_the_word_between_ja_and_nej_closing_a_question_is_read_as_eller() -> None:
    assert _read("Får laget åka på turneringen, ja lov nej?", frozenset({"lov"})).endswith("ja eller nej?")


def test_inte_closing_a_question_that_opens_with_its_verb_gets_its_eller_back() -> None:
    assert _read("Ska vi ha kiosken öppen på kvällen vi inte?").endswith("på kvällen eller inte?")
    assert _read("Ska vi ha kiosken öppen på kvällen inte?").endswith("på kvällen eller inte?")


def test_ordinary_negated_questions_tags_and_statements_stay_as_heard() -> None:
    for said in (
        "Kommer han inte?",  # the subject right after the verb
        "Kan vi ta det på måndag, eller kan vi inte?",  # a tag with its own verb
        "Får jag ta med det inte?",  # an object pronoun before "inte"
        "Ska vi ha kiosken öppen eller inte?",  # whole as heard
        "Vi har kiosken öppen på kvällen, inte på morgonen.",  # no question
    ):
        assert _read(said) == said, said


def test_a_choice_whose_eller_was_misheard_is_still_settled_by_the_side_picked() -> None:
    turns = [
        ("S1", "Ska vi ha kiosken öppen under matchen vi inte?"),
        ("S2", "Öppen. Men bara en i kassan, vi turas om."),
        ("S1", "Okej."),
    ]
    got = extract_minutes(transcript(turns, unsure=frozenset({"vi"}), people=PEOPLE), meeting_date=MEETING)
    assert any("öppen" in d.text.lower() and d.needs_review for d in got.decisions)
