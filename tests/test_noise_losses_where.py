"""The loss bench's fast placing: how hard the noise hit a lost decision's own turn and the turns it rests on, and
whether the noisy minutes still hold something read from them."""

from __future__ import annotations

from transcribe.bench.noise_losses import place
from transcribe.minutes.model import Decision, Evidence
from transcribe.transcript import Segment, Transcript, Word


def turns(*texts: str) -> Transcript:
    segs = []
    for i, text in enumerate(texts):
        words = [Word(start=i * 10 + k, end=i * 10 + k + 1, text=" " + t, probability=0.9)
                 for k, t in enumerate(text.split())]  # fmt: skip
        segs.append(Segment(id=i, start=i * 10.0, end=i * 10.0 + 9, text=text, speaker=f"S{i % 2}", words=words))
    return Transcript(segments=segs, duration=30.0)


def decision(*ids: int) -> Decision:
    return Decision(text="Mötet beslutade att köpa en grill.", evidence=[
        Evidence(segment_id=i, start=i * 10.0, end=i * 10.0 + 9, quote="") for i in ids])  # fmt: skip


def test_a_loss_is_placed_by_the_errors_in_its_own_turn_and_in_the_turns_it_rests_on() -> None:
    clean = turns("Jag tycker vi köper en grill.", "Ja.", "Då köper vi en grill.")
    noisy = turns("Jön tycker vi köper en gril.", "Ja.", "Då köper vi en grill.")
    assert place(clean, noisy, decision(0, 2), []) == "own turn clean, other turns hit, nothing read from them"
    noisy = turns("Jag tycker vi köper en grill.", "Ja.", "Då köper mig en gril.")
    read = [decision(2)]
    assert (
        place(clean, noisy, decision(0, 2), read)
        == "own turn 2-3 errors, other turns clean, read from them (worded off)"
    )
