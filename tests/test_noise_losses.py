"""The loss bench's single errors: found, put back one at a time, and classed by what the word was."""

from __future__ import annotations

from transcribe.bench.noise_losses import error_kind, ops, restore_op
from transcribe.transcript import Segment, Word


def heard(text: str, unsure: set[str] = frozenset()) -> Segment:
    toks = text.split()
    words = [Word(start=k, end=k + 1, text=" " + t, probability=0.3 if t.strip(".,?").lower() in unsure else 0.9)
             for k, t in enumerate(toks)]  # fmt: skip
    return Segment(id=0, start=0.0, end=float(len(toks)), text=text, speaker="S1", words=words)


def test_each_error_is_put_back_alone_and_classed() -> None:
    said = "Jag tycker vi köper en ny grill."
    seg = heard("Jön tycker vi en ny gril.", {"jön"})
    errors = ops(said, seg)
    assert [e[0] for e in errors] == ["replace", "delete", "replace"]
    kinds = [error_kind(said, seg, e) for e in errors]
    assert kinds == ["the proposer's 'jag'", "the verb", "content word"]
    back = restore_op(said, seg, errors[1])
    assert back.text == "Jön tycker vi köper en ny gril." and [w.probability for w in back.words][3] == 0.95


def test_a_reply_and_the_groups_words_are_their_own_kinds() -> None:
    assert error_kind("Ja.", heard("Det."), ops("Ja.", heard("Det."))[0]) == "the answering 'ja'"
    said = "Då köper vi grillen."
    seg = heard("Då köper grillen.")
    assert error_kind(said, seg, ops(said, seg)[0]) == "'vi'"
    seg = heard("Då köper vi grillen")  # only the full stop lost: no word error at all
    assert ops(said, seg) == []
