"""A word the recogniser bent into no word, read back from another saying of it in the meeting.

Hand-made passages as a recogniser might return them; words listed as unsure get a low word probability, the
others a high one. The matter's word said surely in one turn and misspelt, unsure, in the close is read as said
there, and the decision is flagged; a word of Swedish, a negation and a transcript without word probabilities
are left as heard.
"""

from __future__ import annotations

from tests.spoken import MEETING, transcript
from transcribe.minutes import Minutes, extract_minutes
from transcribe.minutes.rules.othersaying import misspelt, sure_words
from transcribe.minutes.rules.utterances import build_utts
from transcribe.transcript import Segment, Transcript

PEOPLE = {"S1": "Anna Berg", "S2": "Karin Ek", "S3": "Olof Nilsson"}
TALK = [
    ("S2", "Skolans aula är för kall på kvällarna, vi borde flytta styrelsemötena till biblioteket."),
    ("S3", "Biblioteket har ett ledigt rum på torsdagar från februari, jag har frågat."),
]


def minutes(turns: list[tuple[str, str]], unsure: set[str]) -> Minutes:
    return extract_minutes(transcript(turns, people=PEOPLE, unsure=frozenset(unsure)), meeting_date=MEETING)


def test_a_misspelt_word_of_the_matter_is_read_as_another_turn_said_it_and_flagged() -> None:
    close = ("S1", "Då beslutar vi att styrelsemötena flyttas till bibliotket från mars.")
    got = minutes([*TALK, close], {"bibliotket"}).decisions
    assert len(got) == 1 and "biblioteket" in got[0].text and "bibliotket" not in got[0].text
    assert got[0].needs_review and '"bibliotket" lästes som "biblioteket"' in (got[0].review_reason or "")


def test_a_letter_doubled_in_a_short_word_is_read_away() -> None:
    close = ("S1", "Då beslutar vi att styrelsemötena flyttas till biblioteket frånn mars.")
    got = minutes([*TALK, close], {"frånn"}).decisions
    assert len(got) == 1 and "från mars" in got[0].text


def test_a_rare_word_of_swedish_and_a_word_heard_surely_elsewhere_stay_as_heard() -> None:
    for said, unsure in (
        ("Då flyttar vi styrelsemötena till biblioteket, det kortar resan för alla.", {"kortar"}),  # Swedish
        ("Då flyttar vi styrelsemötena till bibliotket från mars.", set()),  # heard surely, said elsewhere too
    ):
        turns = [*TALK, ("S3", "Det kostar ingenting."), ("S1", said), ("S2", "Bibliotket, ja.")]
        got = minutes(turns, unsure).decisions
        assert len(got) == 1 and "lästes som" not in (got[0].review_reason or ""), said


def test_no_negation_is_read_into_a_sentence_and_no_word_without_probabilities() -> None:
    turns = [("S2", "Vi kan inte ta emot fler i höst."), ("S1", "Då tar vi intte emot fler i höst.")]
    utts = build_utts(transcript(turns, people=PEOPLE, unsure=frozenset({"intte"})))
    assert misspelt(utts[1], sure_words(utts), set(), {"intte"}) is None
    plain = Transcript(segments=[Segment(id=k, start=3.0 * k, end=3.0 * k + 2, text=t, speaker=s)
                                 for k, (s, t) in enumerate([*TALK, ("S1", "Då tar vi bibliotket.")])])  # fmt: skip
    assert sure_words(build_utts(plain)) == {}


def test_the_chairs_verb_heard_as_another_verb_is_read_as_the_question_put_before_the_same_words() -> None:
    turns = [("S2", "Marknadsgruppen fördelar borden i höst. Ska vi söka ett bord?"), ("S3", "Klart vi söker."),
             ("S1", "Då ser vi ett bord på höstmarknaden, och Olof skickar in ansökan.")]  # fmt: skip
    got = minutes(turns, {"ser"}).decisions
    assert len(got) == 1 and "söka ett bord" in got[0].text and got[0].needs_review
    assert not minutes([*turns[:2], ("S1", "Då ser vi om det finns ett bord kvar.")], {"ser"}).decisions
