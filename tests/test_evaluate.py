"""The evaluation metrics on hand-made cases whose answers are known, and the bench report's shape."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pyannote.core import Annotation, Segment

from transcribe.bench import core as bench
from transcribe.bench import matching, meetings, metrics

# --------------------------------------------------------------------------- WER and cpWER


def test_numbers_are_normalised_the_same_on_both_sides() -> None:
    assert metrics.wer("Nästa möte blir den fjortonde december", "Nästa möte blir den 14 december.") == 0.0
    assert metrics.wer("fjortonde december", "14:e december") == 0.0
    assert metrics.wer("skjuts upp till tjugohundratjugoåtta", "skjuts upp till 2028") == 0.0


def test_perfect_hypothesis_has_zero_wer() -> None:
    text = "Vi beslutar att starta en arbetsgrupp."
    assert metrics.wer(text, text) == 0.0
    assert metrics.wer(text, "vi beslutar att starta en arbetsgrupp") == 0.0


def test_wer_counts_by_hand() -> None:
    e = metrics.word_errors("a b c d", "a x c")  # one substitution, one deletion
    assert (e.substitutions, e.deletions, e.insertions, e.ref_words) == (1, 1, 0, 4)
    assert metrics.wer("a b c d", "a x c") == pytest.approx(0.5)
    assert metrics.wer("a b", "") == 1.0
    assert metrics.wer("", "") == 0.0


def test_cpwer_finds_the_speaker_permutation() -> None:
    ref = {"anna": "hej och välkomna alla", "bo": "tack så mycket"}
    hyp = {"SPEAKER_01": "hej och välkomna", "SPEAKER_00": "tack så mycket"}  # labels swapped, one word lost
    plain = metrics.wer("hej och välkomna alla tack så mycket", "hej och välkomna tack så mycket")
    assert plain == pytest.approx(1 / 7)
    details = metrics.cpwer_details(ref, hyp)
    assert details.mapping == {"anna": "SPEAKER_01", "bo": "SPEAKER_00"}
    assert metrics.cpwer(ref, hyp) == pytest.approx(plain)


def test_cpwer_of_a_merged_speaker() -> None:
    ref = {"anna": "a b c", "bo": "d e"}
    hyp = {"SPEAKER_00": "a b c d e"}  # the diariser heard one person
    # anna -> SPEAKER_00 costs 2 insertions (d e); bo is unmatched: 2 deletions. 4 / 5 words.
    assert metrics.cpwer(ref, hyp) == pytest.approx(4 / 5)
    assert metrics.wer("a b c d e", "a b c d e") == 0.0


def test_cpwer_counts_an_extra_hypothesis_speaker_as_insertions() -> None:
    assert metrics.cpwer({"anna": "a b c"}, {"S0": "a b c", "S1": "x y"}) == pytest.approx(2 / 3)


# --------------------------------------------------------------------------- DER / JER


def _ann(*turns: tuple[float, float, str]) -> Annotation:
    ann = Annotation(uri="m")
    for i, (a, b, who) in enumerate(turns):
        ann[Segment(a, b), i] = who
    return ann


def test_perfect_diarization_has_zero_der(tmp_path: Path) -> None:
    rttm = tmp_path / "truth.rttm"
    rttm.write_text("SPEAKER m 1 0.000 5.000 <NA> <NA> anna <NA> <NA>\n"
                    "SPEAKER m 1 5.500 4.500 <NA> <NA> bo <NA> <NA>\n")  # fmt: skip
    hyp = _ann((0, 5, "SPEAKER_00"), (5.5, 10, "SPEAKER_01"))
    s = metrics.diarization_scores(rttm, hyp)
    assert s.der == 0.0 and s.jer == 0.0
    assert (s.true_speakers, s.found_speakers, s.speaker_count_error) == (2, 2, 0)


def test_der_of_a_merged_speaker() -> None:
    ref = _ann((0, 5, "anna"), (5, 10, "bo"))
    hyp = _ann((0, 10, "S0"))
    # Collar 0: 5 s of bo's 10 s total are confused -> DER 0.5; JER: anna 0.5, bo 1.0 -> 0.75.
    assert metrics.der(ref, hyp, collar=0.0) == pytest.approx(0.5)
    assert metrics.jer(ref, hyp, collar=0.0) == pytest.approx(0.75)
    s = metrics.diarization_scores(ref, hyp, collar=0.0)
    assert s.speaker_count_error == -1
    total = metrics.total_diarization([s, metrics.diarization_scores(ref, ref, collar=0.0)])
    assert total["der"] == pytest.approx(5 / 20)


# --------------------------------------------------------------------------- minutes


@dataclass
class Ev:
    start: float
    end: float


@dataclass
class Dec:
    text: str
    evidence: list[Ev] = field(default_factory=list)


@dataclass
class Act:
    what: str
    owner: str | None = None
    due: dt.date | None = None
    evidence: list[Ev] = field(default_factory=list)


@dataclass
class Next:
    when: dt.datetime | dt.date | None


@dataclass
class Mins:
    decisions: list[Dec]
    actions: list[Act]
    next_meeting: Next | None


TRUTH = {
    "decisions": [
        {"text": "Styrelsen beslutar att höja årsavgiften med två procent från den 1 januari 2027.",
         "start": 10.0, "end": 20.0},
        {"text": "Fasadmålningen skjuts upp till 2028.", "start": 10.0, "end": 20.0},
        {"text": "Tvättstugan renoveras under våren 2027.", "start": 40.0, "end": 50.0},
    ],
    "not_decided": [{"text": "Förslaget att höja årsavgiften med fem procent avslogs.", "start": 5.0, "end": 9.0}],
    "actions": [
        {"what": "Ta in tre offerter på renovering av tvättstugan", "owner": "Karin Ek", "due": "2026-12-04",
         "start": 50.0, "end": 55.0},
        {"what": "Mejla medlemmarna om avgiftshöjningen", "owner": "Ahmed Hassan", "due": "2026-12-01",
         "start": 60.0, "end": 65.0},
    ],
    "next_meeting": "2027-01-14T18:00",
}  # fmt: skip


def test_missed_decision_lowers_recall_by_one_item() -> None:
    found = [
        Dec("Då beslutar styrelsen att höja årsavgiften med två procent från den första januari", [Ev(12, 18)]),
        Dec("Vi beslutar att renovera tvättstugan under våren tjugohundratjugosju", [Ev(41, 49)]),
    ]
    r = matching.decision_scores(TRUTH, found)
    assert (r.tp, r.n_truth, r.n_predicted) == (2, 3, 2)
    assert r.recall == pytest.approx(2 / 3)
    assert r.precision == 1.0
    assert {(p.truth, p.predicted) for p in r.pairs} == {(0, 0), (2, 1)}


def test_matching_is_one_to_one() -> None:
    same = "Styrelsen beslutar att höja årsavgiften med två procent"
    r = matching.match_items([same], [same, same])
    assert (r.tp, r.precision, r.recall) == (1, 0.5, 1.0)


def test_unrelated_text_does_not_match_even_in_the_right_turn() -> None:
    r = matching.match_items(["Tvättstugan renoveras under våren"], ["Tack för i dag allihop"], truth_spans=[(0, 10)],
                       predicted_evidence=[[(1, 9)]])  # fmt: skip
    assert r.tp == 0


def test_evidence_in_the_right_turn_lifts_a_paraphrase() -> None:
    truth, pred = "Daniel får arbeta hemifrån en dag i veckan på fredagar", "Fredagar blir det, en dag hemma"
    score = matching.similarity(truth, pred)
    assert matching.MIN_DICE <= score < matching.MATCH_THRESHOLD
    assert matching.match_items([truth], [pred]).tp == 0
    assert matching.match_items([truth], [pred], truth_spans=[(0, 10)], predicted_evidence=[[(2, 8)]]).tp == 1


def test_decision_matching_a_not_decided_item_is_a_false_decision() -> None:
    found = [
        Dec("Styrelsen beslutar att höja årsavgiften med två procent från första januari", [Ev(12, 18)]),
        Dec("Vi höjer årsavgiften med fem procent", [Ev(5, 8)]),  # the meeting rejected this
        Dec("Kaffet var gott", [Ev(70, 71)]),
    ]
    f = matching.false_decisions(TRUTH, found)
    assert f.count == 2
    assert f.not_decided_texts == ["Vi höjer årsavgiften med fem procent"]


def test_action_owner_and_due() -> None:
    found = [
        Act("Karin tar in tre offerter på renoveringen av tvättstugan", "Karin", dt.date(2026, 12, 4), [Ev(51, 54)]),
        Act("Mejla alla medlemmar om avgiftshöjningen", "SPEAKER_02", dt.date(2026, 12, 2), [Ev(60, 64)]),
    ]
    a = matching.action_scores(TRUTH, found, label_names={"SPEAKER_02": "Karin Ek"})
    assert a.match.tp == 2
    assert a.owner_accuracy == pytest.approx(0.5)  # SPEAKER_02 is Karin, not Ahmed
    assert a.due_accuracy == pytest.approx(0.5)
    assert matching.action_scores(TRUTH, []).owner_accuracy is None  # nothing matched: no owner to judge


@pytest.mark.parametrize(("truth", "pred", "other"), [
    ("Ahmed Hassan", "Ahmed Hassan", True), ("Ahmed Hassan", "ahmed", True), ("Ahmed Hassan", "Ahmed Berg", False),
    ("Ahmed Hassan", "Karin", False), ("Ahmed Hassan", None, False),
])  # fmt: skip
def test_same_person(truth: str, pred: str | None, other: bool) -> None:
    assert matching.same_person(truth, pred) is other


def test_next_meeting_exact() -> None:
    assert matching.next_meeting_exact("2027-01-14T18:00", Next(dt.datetime(2027, 1, 14, 18, 0)))["exact"]
    day_only = matching.next_meeting_exact("2027-01-14T18:00", Next(dt.date(2027, 1, 14)))
    assert not day_only["exact"] and day_only["date_match"]
    assert matching.next_meeting_exact(None, None)["exact"]
    assert not matching.next_meeting_exact("2027-01-14T18:00", None)["exact"]


def test_score_minutes_shape() -> None:
    mins = Mins([Dec("Tvättstugan renoveras under våren 2027", [Ev(40, 50)])], [],
                Next(dt.datetime(2027, 1, 14, 18)))  # fmt: skip
    s = matching.score_minutes(TRUTH, mins)
    assert s["decisions"]["recall"] == pytest.approx(1 / 3)
    assert s["actions"]["recall"] == 0.0 and s["actions"]["precision"] == 1.0
    assert s["next_meeting"]["exact"] and s["false_decisions"]["count"] == 0


# --------------------------------------------------------------------------- bench plumbing (no models)


def test_truth_transcript_names_speakers() -> None:
    truth = {"audio": "meeting.ogg", "duration": 10.0, "title": "Möte", "date": "2026-11-25",
             "speakers": [{"id": "anna", "name": "Anna Ek"}, {"id": "bo", "name": "Bo Berg"}],
             "segments": [{"turn": 1, "speaker": "bo", "start": 4.0, "end": 6.0, "text": "Tack."},
                          {"turn": 0, "speaker": "anna", "start": 0.5, "end": 3.0, "text": "Hej Bo."}]}  # fmt: skip
    t = bench.truth_transcript(truth)
    assert [s.speaker for s in t.segments] == ["anna", "bo"]
    assert t.speaker_name("anna") == "Anna Ek"
    assert t.text == "Hej Bo. Tack."


def test_sections_are_pluggable_and_the_report_is_written(tmp_path: Path) -> None:
    sections = {"demo": lambda args: {"value": 1, "quick": args.quick}}
    report, path = bench.run_bench(bench.BenchArgs(quick=True, out=tmp_path), sections=sections)
    assert path.parent == tmp_path and path.name.endswith(".json")
    data = json.loads(path.read_text())
    assert data["demo"] == {"value": 1, "quick": True}
    assert {"schema", "date", "git", "host", "options"} <= set(data)
    assert set(bench.SECTIONS) >= {"meetings", "memory_vs_length"}


def test_totals_micro_average() -> None:
    def row(subs: int, ref: int, audio: float, transcribe_s: float) -> dict:
        return {"id": "x", "audio_s": audio, "peak_rss_mb": 500.0,
                "asr": {"substitutions": subs, "deletions": 0, "insertions": 0, "ref_words": ref, "cp_errors": subs,
                        "repaired_segments": 1, "wer": subs / ref, "cpwer": subs / ref},
                "diarization": None, "minutes": {"end_to_end": None, "from_truth": None},
                "timing": {"seconds": {"decode": 1.0, "transcribe": transcribe_s, "total": 1.0 + transcribe_s},
                           "rtf_asr_only": transcribe_s / audio, "asr_load_s": 1.0}}  # fmt: skip

    t = meetings.totals([row(1, 10, 100.0, 10.0), row(9, 90, 300.0, 60.0)])
    assert t["wer"] == pytest.approx(0.1)
    assert t["rtf"]["transcribe"] == pytest.approx(70 / 400)
    assert t["rtf"]["diarize"] is None
    assert t["repaired_segments"] == 2
