"""A local model's answer for the minutes is cut where its JSON object is complete: what the minutes read from
the answer is the same as from the whole answer, so stopping there loses nothing and saves the generation after."""

from __future__ import annotations

import json

import pytest

from transcribe.minutes.llm_schema import answer_complete, first_json_object

ANSWER = json.dumps(
    {"beslut": [{"text": "Mötet beslutade att höja avgiften {ny}.", "segment_ids": [0, 2]}], "atgarder": [],
     "ej_beslutat": [], "nasta_mote": {"date": "2026-12-14", "time": "14:30", "segment_ids": [6]}},
    ensure_ascii=False,
)  # fmt: skip
ANSWERS = [
    ANSWER + "\nSvar: " + ANSWER.replace("höja", "sänka"),  # a base model going on with the pattern
    "Här är svaret:\n```json\n" + ANSWER + "\n```\nHoppas det hjälper! {}",  # prose and fences around it
    '{"beslut": [{"text": "trasig"' + " {" + ANSWER + "}",  # an object that never parses, then the answer
    "{inte json} " + ANSWER,  # a closed object that does not parse, then the answer
    '{"beslut": "\\"}" , "x": ' + ANSWER + "}",  # braces and escaped quotes inside strings
    "Inget svar alls, bara text.",
]


@pytest.mark.parametrize("answer", ANSWERS)
def test_stopping_where_the_answer_is_complete_reads_the_same(answer: str) -> None:
    whole = first_json_object(answer)
    for n in range(len(answer) + 1):  # wherever generation would stop, the minutes read what the whole gives
        if answer_complete(answer[:n]):
            assert first_json_object(answer[:n]) == whole


@pytest.mark.parametrize("answer", ANSWERS[:2])
def test_generation_stops_right_after_the_answer(answer: str) -> None:
    end = answer.index(ANSWER) + len(ANSWER)
    assert not any(answer_complete(answer[:n]) for n in range(end)) and answer_complete(answer[:end])
