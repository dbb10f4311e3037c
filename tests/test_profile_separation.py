"""The profile bench's separation and enrolment figures: what they count on hand-made labels."""

from __future__ import annotations

import functools

from tests.test_profiles import Conversation
from tests.voices import towards, unit
from transcribe.bench.profile_separation import (
    by_condition,
    by_enrolment,
    calibration,
    calibration_by_enrolment,
    corpus_facts,
)
from transcribe.bench.profiles_real import Labelled, figures
from transcribe.diarize.base import Diarization, Turn
from transcribe.speakers.profiles import THIN_ENROLMENT_S, Profile


def test_same_person_pairs_above_every_other_persons_score_are_counted() -> None:
    pairs = [(0.9, 5.0, True), (0.8, 3.0, True), (0.7, 1.0, True), (0.6, 2.5, False), (0.5, 0.0, False)]
    out = calibration(pairs)
    assert out["normalised"]["same_above_every_different"] == 2  # 5.0 and 3.0 lie above 2.5; 1.0 does not
    assert out["cosine"]["same_above_every_different"] == 3
    assert out["normalised"]["d_prime"] > 0
    swapped = calibration([(c, z, not same) for c, z, same in pairs])
    assert swapped["normalised"]["same_above_every_different"] == 0 and swapped["normalised"]["d_prime"] < 0
    # one same-person pair (1.0) of three lies under one of the two others' (2.5): 5 of 6 orderings right
    assert out["normalised"]["auc"] == round(5 / 6, 4) and 0 < out["normalised"]["eer"] < 0.5
    assert swapped["normalised"]["auc"] == round(1 / 6, 4) and out["cosine"]["auc"] == 1.0 and out["cosine"]["eer"] == 0


def test_separation_is_told_apart_for_thin_enrolments() -> None:
    thick, few = THIN_ENROLMENT_S + 3, THIN_ENROLMENT_S - 3
    apart = [(0.9, 5.0, True, thick), (0.5, 1.0, False, thick)]  # a long enrolment: the person's own score on top
    overlapping = [(0.7, 1.5, True, few), (0.8, 2.5, False, few), (0.6, 0.5, False, few)]  # a few seconds
    pairs = apart + overlapping
    out = calibration_by_enrolment(pairs)
    long, short = out[f"enrolled_{THIN_ENROLMENT_S:g}s_or_more"], out[f"enrolled_under_{THIN_ENROLMENT_S:g}s"]
    assert long["normalised"]["auc"] == 1.0 and long["normalised"]["eer"] == 0
    assert short["normalised"]["auc"] == 0.5 and short["normalised"]["same_above_every_different"] == 0


def test_readers_enrolled_from_a_few_seconds_are_counted_apart() -> None:
    anna, cilla = unit(1), unit(3)
    conv_ = Conversation([(0, 10, "anna"), (10, 20, "cilla")])
    hyp = Diarization(
        turns=[Turn(0, 10, "SPEAKER_00"), Turn(10, 20, "SPEAKER_01")],
        embeddings={"SPEAKER_00": anna, "SPEAKER_01": towards(cilla, unit(7), 0.2)},
    )  # Anna heard well, Cilla unrecognisable
    profiles = [Profile(name="anna", embeddings=[anna.tolist()], seconds=8.0),
                Profile(name="cilla", embeddings=[cilla.tolist()], seconds=THIN_ENROLMENT_S - 3)]  # fmt: skip
    centroids = functools.partial(figures, method="centroid")  # hand-made vectors: raw thresholds alone
    split = by_enrolment(centroids, [Labelled(conv_, hyp, {})], profiles)
    full, few = split[f"enrolled_{THIN_ENROLMENT_S:g}s_or_more"], split[f"enrolled_under_{THIN_ENROLMENT_S:g}s"]
    assert (full["enrolled_present"], full["named_correctly"]) == (1, 1)
    assert (few["enrolled_present"], few["named_correctly"]) == (1, 0)
    facts = corpus_facts(profiles)
    assert facts[f"enrolled_under_{THIN_ENROLMENT_S:g}s"] == ["cilla"] and facts["enrolment_s"]["max"] == 8.0


class Recording(Conversation):
    """A benchmark conversation with its id, whose last part names the recording condition."""

    def __init__(self, cid: str, turns: list[tuple[float, float, str]]) -> None:
        super().__init__(turns)
        self.id = cid


def test_each_recording_condition_is_counted_apart() -> None:
    anna, cilla = unit(1), unit(3)
    profiles = [Profile(name=n, embeddings=[v.tolist()], seconds=8.0) for n, v in (("anna", anna), ("cilla", cilla))]
    turns = [Turn(0, 10, "SPEAKER_00"), Turn(10, 20, "SPEAKER_01")]
    clean = Labelled(Recording("dev-00-2spk-clean", [(0, 10, "anna"), (10, 20, "cilla")]),
                     Diarization(turns=turns, embeddings={"SPEAKER_00": anna, "SPEAKER_01": cilla}), {})  # fmt: skip
    # over the telephone Bo, a stranger, sounds like the enrolled Cilla, and Anna is not recognised
    heard = {"SPEAKER_00": unit(7), "SPEAKER_01": towards(cilla, unit(9), 0.95)}
    phone = Labelled(Recording("dev-01-2spk-telephone", [(0, 10, "anna"), (10, 20, "bo")]),
                     Diarization(turns=turns, embeddings=heard), {})  # fmt: skip
    centroids = functools.partial(figures, method="centroid")  # hand-made vectors: raw thresholds alone
    split = by_condition(centroids, [clean, phone], profiles)
    assert sorted(split) == ["clean", "telephone"]
    assert (split["clean"]["enrolled_present"], split["clean"]["named_correctly"]) == (2, 2)
    assert split["clean"]["wrong_confident_names"] == 0 and split["clean"]["stranger_labels"] == 0
    assert (split["telephone"]["enrolled_present"], split["telephone"]["named_correctly"]) == (1, 0)
    assert (split["telephone"]["wrong_confident_names"], split["telephone"]["strangers_named"]) == (1, 1)
