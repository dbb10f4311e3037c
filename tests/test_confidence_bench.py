"""The flag-quality bench: items labelled right or wrong, lost negations found, deletions heard as recognised."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from transcribe.bench import flags
from transcribe.bench.core import truth_transcript
from transcribe.bench.noise import load_meetings
from transcribe.errormodel import ErrorModel
from transcribe.minutes.model import Action, Decision, Evidence, Minutes
from transcribe.transcript import Segment, SpeakerInfo, Transcript, Word

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _ev(seg: int) -> list[Evidence]:
    return [Evidence(segment_id=seg, start=seg * 10.0, end=seg * 10.0 + 5.0, quote="")]


TRUTH = {
    "truth": {
        "decisions": [{"text": "Styrelsen beslutade att inte höja årsavgiften", "start": 0.0, "end": 5.0}],
        "actions": [{"what": "Skicka kallelsen till alla medlemmar", "owner": "Karin Berg", "due": "2026-12-04",
                     "start": 10.0, "end": 15.0}],
        "next_meeting": None,
    }
}  # fmt: skip


def test_an_inverted_decision_and_a_wrong_owner_are_wrong() -> None:
    t = Transcript(segments=[], speakers=[SpeakerInfo(label="SPEAKER_00", name="Karin Berg")])
    right = Minutes(
        decisions=[Decision(text="Mötet beslutade att inte höja årsavgiften.", evidence=_ev(0))],
        actions=[Action(what="Skicka kallelsen till alla medlemmar", owner="Karin Berg", evidence=_ev(1),
                        due="2026-12-04")],
    )  # fmt: skip
    assert [(k, w) for k, _, w, _ in flags.labels(TRUTH, right, t, set())] == [("decision", False), ("action", False)]
    inverted = Minutes(
        decisions=[Decision(text="Mötet beslutade att höja årsavgiften.", evidence=_ev(0), needs_review=True)],
        actions=[Action(what="Skicka kallelsen till alla medlemmar", owner="Johan Ek", evidence=_ev(1),
                        due="2026-12-04")],
    )  # fmt: skip
    got = flags.labels(TRUTH, inverted, t, {0})
    assert got == [("decision", True, True, True), ("action", False, True, False)]
    tally = flags.Tally()
    for _, flagged, wrong, lost in got:
        tally.add(flagged, wrong, lost)
    s = tally.summary()
    assert (s["share_flagged"], s["precision"], s["recall"], s["lost_negation_flagged_share"]) == (0.5, 1.0, 0.5, 1.0)


def test_a_lost_negation_is_found_in_a_recognised_transcript() -> None:
    truth = {"segments": [{"text": "Hej allihop.", "start": 0, "turn": 0},
                          {"text": "Vi har inte bestämt att bygga om skolan.", "start": 5, "turn": 1}]}  # fmt: skip
    said = "Vi har bestämt att bygga om skolan."
    heard = Transcript(segments=[Segment(id=0, start=0, end=2, text="Hej allihop."),
                                 Segment(id=1, start=5, end=8, text=said)])  # fmt: skip
    assert flags.lost_negation_segments(truth, heard) == {1}
    heard.segments[1].text = "Vi har inte bestämt att bygga om skolan."
    assert flags.lost_negation_segments(truth, heard) == set()


def test_words_beside_a_deletion_are_heard_less_surely() -> None:
    def seg(text: str) -> Segment:
        words = [Word(start=i, end=i + 0.5, text=" " + w, probability=0.9) for i, w in enumerate(text.split())]
        return Segment(id=0, start=0, end=9, text=text, words=words)

    clean = Transcript(segments=[seg("Vi har inte bestämt att bygga om skolan.")])
    noisy = Transcript(segments=[seg("Vi har bestämt att bygga om skolan.")])
    low = [10, 0, 0, 0, 0, 0, 0, 0, 0, 0]  # every such word below p 0.1
    out = flags.mark_deletions(clean, noisy, low, ErrorModel.load(), random.Random(1))
    probs = [w.probability for w in out.segments[0].words]
    assert probs[1] < 0.1 and probs[2] < 0.1  # "har" and "bestämt", beside the lost "inte"
    assert all(p == 0.9 for i, p in enumerate(probs) if i not in (1, 2))
    assert out.segments[0].avg_logprob < noisy.segments[0].words[0].probability  # the passage got less sure too
    again = flags.mark_deletions(clean, noisy, low, ErrorModel.load(), random.Random(1))
    assert [w.probability for w in again.segments[0].words] == probs


def test_measure_on_one_meeting_is_more_selective_than_any_unsure_word(tmp_path: Path) -> None:
    shutil.copytree(SAMPLES / "styrelse", tmp_path / "styrelse", ignore=shutil.ignore_patterns("*.ogg"))
    meetings = load_meetings(tmp_path)
    beside = [10, 5, 5, 3, 3, 3, 3, 3, 3, 3]
    part = flags.measure(meetings, ErrorModel.load(), seeds=(1,), neighbours=beside)
    assert list(part["noise"]) == ["0", "0.1", "0.2", "0.3"]
    clean = part["noise"]["0"]
    assert clean["product"]["all"]["items"] > 0 and clean["product"]["all"]["wrong"] == 0
    for rate in ("0.1", "0.2", "0.3"):
        naive, product = part["noise"][rate]["any_unsure_word"]["all"], part["noise"][rate]["product"]["all"]
        assert product["share_flagged"] <= naive["share_flagged"]
    assert truth_transcript(meetings[0]).segments  # the meeting really was read
