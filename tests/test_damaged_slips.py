"""A word slipped in between the head of a proposal and its "att", read away.

Hand-made passages as a recogniser might return them; words listed as unsure get a low word probability. "Jag tycker
<X> att vi ..." with X a word heard unsure that no speaker would put there (not "inte", "nog", "också" ...) read as
the proposal it was, flagged; when the rest needs a negation it lacks
("något anbud"), the slipped word was the "inte", and is read so.
"""

from __future__ import annotations

from tests.spoken import MEETING, transcript
from transcribe.minutes import Minutes, extract_minutes

PEOPLE = {"S1": "Anna Berg", "S2": "Karin Ek", "S3": "Olof Nilsson", "S4": "Johan Lind"}
TENDER = [("S2", "Regionen vill ha anbud på skolskjutsarna till måndag."), ("S4", "Priset är för lågt.")]


def minutes(turns: list[tuple[str, str]], **kw: object) -> Minutes:
    return extract_minutes(transcript(turns, people=PEOPLE, **kw), meeting_date=MEETING)  # type: ignore[arg-type]


def test_a_slipped_word_where_the_inte_stood_is_read_as_inte_and_the_close_restates_it() -> None:
    turns = [*TENDER, ("S3", "Jag tycker olle att vi ska lägga något anbud den här gången."),
             ("S2", "Jag håller med."), ("S1", "Då lämnar vi inget anbud.")]  # fmt: skip
    got = minutes(turns, unsure=frozenset({"olle"})).decisions
    assert len(got) == 1 and "inte lämna något anbud" in got[0].text and got[0].needs_review


def test_a_stance_word_a_name_set_off_or_a_word_heard_surely_is_read_as_said() -> None:
    for said, unsure in (
        ("Jag tycker olle att vi stänger kiosken på söndagar.", set()),  # heard surely
        ("Jag tycker, Olle, att vi stänger kiosken på söndagar.", {"olle"}),  # someone addressed
        ("Jag tycker verkligen att vi stänger kiosken på söndagar.", {"verkligen"}),  # a stance word
        ("Jag föreslår tar att i att, så att alla slipper ringa.", {"tar"}),  # a burst: no clause after "att"
    ):
        got = minutes([*TENDER, ("S3", said), ("S2", "Ja."), ("S1", "Då gör vi så.")], unsure=frozenset(unsure))
        assert not any("lästes bort" in (d.review_reason or "") for d in got.decisions), said
