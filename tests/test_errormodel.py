"""The recognition error model: learned from an aligned pair, applied at a chosen rate, same result per seed."""

from __future__ import annotations

import random

from transcribe.bench.metrics import wer
from transcribe.errormodel import ErrorModel, corrupt_texts, corrupt_transcript, learn_pair, misspell, word_class
from transcribe.transcript import Segment, SpeakerInfo, Transcript, Word

TEXTS = [
    "Då beslutar vi att inte höja avgiften i år.",
    "Nästa möte blir torsdagen den tionde december klockan nio.",
    "Karin skickar protokollet till alla senast fredag den fjärde december.",
    "Vi har inte råd med en ny bil, så vi väntar med det till våren.",
] * 10


def _hyp(words: list[tuple[str, float]]) -> Transcript:
    ws = [Word(start=i * 0.5, end=i * 0.5 + 0.4, text=" " + w, probability=p) for i, (w, p) in enumerate(words)]
    return Transcript(
        segments=[
            Segment(id=0, start=0.0, end=len(ws) * 0.5, text=" ".join(w for w, _ in words), words=ws, avg_logprob=-0.6)
        ]
    )


def test_learn_counts_substitutions_deletions_and_lost_negations() -> None:
    model = ErrorModel()
    ref = "vi har inte bestämt något om bilen i dag"
    hyp = _hyp(
        [
            ("vi", 0.9),
            ("har", 0.8),
            ("bestämt", 0.4),
            ("något", 0.9),
            ("om", 0.9),
            ("bilden", 0.3),
            ("i", 0.9),
            ("dag", 0.9),
            ("då", 0.2),
        ]
    )
    learn_pair(model, ref, hyp, max_local_wer=1.0)
    assert (model.subs, model.dels, model.ins) == (1, 1, 1)
    assert model.classes["negation"] == {"n": 1, "sub": 0, "del": 1}  # the "inte" was lost
    assert model.confusions["bilen"] == {"bilden": 1}
    assert sum(model.prob_wrong) == 2 and sum(model.prob_right) == 7


def test_word_classes() -> None:
    names = frozenset({"karin"})
    assert [word_class(w, names) for w in ("inte", "tionde", "december", "Karin", "beslutar", "bil")] == [
        "negation",
        "number",
        "date",
        "name",
        "cue",
        "other",
    ]


def test_committed_model_is_learned_from_dev_meetings() -> None:
    model = ErrorModel.load()
    assert model.sources and not any(s.startswith("heldout") for s in model.sources)
    assert model.subs > model.dels > 0 and model.kept_ref > 100


def test_same_seed_same_noise_other_seed_other_noise() -> None:
    model = ErrorModel.load()
    a = corrupt_texts(TEXTS, model, 0.2, seed=7)
    b = corrupt_texts(TEXTS, model, 0.2, seed=7)
    c = corrupt_texts(TEXTS, model, 0.2, seed=8)
    assert [x.words for x in a] == [x.words for x in b]
    assert [x.words for x in a] != [x.words for x in c]


def test_rate_is_reached() -> None:
    model = ErrorModel.load()
    ref = " ".join(TEXTS)
    for rate in (0.1, 0.3):
        got = [
            wer(ref, " ".join(" ".join(w for w, _ in c.words) for c in corrupt_texts(TEXTS, model, rate, s)))
            for s in (1, 2, 3)
        ]
        assert abs(sum(got) / len(got) - rate) < 0.06, (rate, got)


def test_lost_negations_are_reported_and_transcript_keeps_timing() -> None:
    model = ErrorModel.load()
    tr = Transcript(
        segments=[Segment(id=i, start=i * 5.0, end=i * 5.0 + 4.0, text=t, speaker="S1") for i, t in enumerate(TEXTS)],
        speakers=[SpeakerInfo(label="S1", name="Karin Ek")],
    )
    noisy, corr = corrupt_transcript(tr, model, 0.5, seed=3, names=["Karin Ek"])
    assert any(c.lost_negations for c in corr)
    for seg, old in zip(noisy.segments, tr.segments, strict=True):
        assert (seg.start, seg.end, seg.speaker) == (old.start, old.end, old.speaker)
        assert all(old.start <= w.start <= w.end <= old.end + 1e-6 and 0 < w.probability < 1 for w in seg.words)


def test_misspell_changes_the_word_a_little() -> None:
    rng = random.Random(1)
    for word in ("december", "beslutar", "fjortonde"):
        slip = misspell(word, rng)
        assert slip != word and abs(len(slip) - len(word)) <= 2
