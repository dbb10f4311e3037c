"""Word/passage flags and minutes-item confidence: what a person must check against the audio."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest

from transcribe.confidence import word_flags
from transcribe.confidence.items import score_minutes
from transcribe.minutes import extract_minutes
from transcribe.minutes.model import REVIEW_PREFIX, Decision, Evidence, Minutes, check_reason
from transcribe.transcript import Segment, SpeakerInfo, Transcript, Word

from .conftest import have, speak


def seg(i: int, text: str, probs: dict[int, float] | None = None, speaker: str = "SPEAKER_00",
        gaps: dict[int, float] | None = None, **kw: object) -> Segment:  # fmt: skip
    """A segment whose words all have p=0.95 except those given by index; `gaps` adds silence before a word."""
    t = start = i * 8.0
    words = []
    for j, w in enumerate(text.split()):
        t += (gaps or {}).get(j, 0.0)
        words.append(Word(start=t, end=t + 0.3, text=" " + w, probability=(probs or {}).get(j, 0.95), speaker=speaker))
        t += 0.35
    return Segment(id=i, start=start, end=t, text=text, words=words, speaker=speaker, **kw)


def meeting(*segments: Segment) -> Transcript:
    return Transcript(segments=list(segments), speakers=[
        SpeakerInfo(label="SPEAKER_00", name="Maria Holm", name_source="user"),
        SpeakerInfo(label="SPEAKER_01", name="Johan Berg", name_source="user"),
    ])  # fmt: skip


def scored(t: Transcript) -> Minutes:
    return score_minutes(extract_minutes(t, meeting_date=dt.date(2026, 3, 2)), t)


BUILD = "Vi har bestämt att bygga om skolan."


def test_word_flags_words_and_passages() -> None:
    t = meeting(seg(0, "Det här hördes bra."), seg(1, "Här var det brus hela tiden.", {0: 0.2, 1: 0.3, 2: 0.1, 3: 0.4}),
                seg(2, "Här loopade det.", repaired=True))  # fmt: skip
    flags = word_flags(t)
    assert [(w.segment_id, w.text) for w in flags.words] == [(1, "Här"), (1, "var"), (1, "det"), (1, "brus")]
    assert flags.words[2].probability == 0.1
    assert {p.segment_id: p.reason.split(" (")[0] for p in flags.passages} == {
        1: "passagen hördes osäkert",
        2: "transkriptionen reparerades här",
    }
    assert flags.segment_ids() == {1, 2}
    assert word_flags(t, threshold=0.05).words == []


def test_clear_decision_is_not_flagged_and_keeps_extraction_confidence() -> None:
    d = scored(meeting(seg(0, BUILD))).decisions
    assert len(d) == 1 and not d[0].needs_review
    assert 0.8 < d[0].confidence <= 0.9  # the extractor's 0.9 x word probabilities 0.95


def test_low_negation_in_a_decision_is_always_flagged() -> None:
    d = scored(meeting(seg(0, "Vi beslutar att inte bygga om skolan.", {3: 0.31}))).decisions
    assert d and "inte" in d[0].text
    assert d[0].needs_review
    assert d[0].review_reason == REVIEW_PREFIX + 'ordet "inte" hördes osäkert (p=0.31)'
    # the same negation heard clearly: no flag
    assert not scored(meeting(seg(0, "Vi beslutar att inte bygga om skolan."))).decisions[0].needs_review


def test_a_lost_negation_next_to_the_decision_verb_is_flagged() -> None:
    """ "vi har [inte] bestämt": the word before the verb was heard badly, so a negation may be gone."""
    d = scored(meeting(seg(0, BUILD, {1: 0.41}))).decisions[0]
    assert d.needs_review and 'ordet "har" före "bestämt" hördes osäkert (p=0.41)' in d.review_reason
    d = scored(meeting(seg(0, "Vi beslutar att bygga om skolan.", {2: 0.5}))).decisions[0]  # "beslutar att [inte]"
    assert d.needs_review and '"att" efter "beslutar"' in d.review_reason
    d = scored(meeting(seg(0, BUILD, {2: 0.3}))).decisions[0]
    assert d.needs_review and 'beslutsordet "bestämt"' in d.review_reason
    d = scored(meeting(seg(0, BUILD, gaps={2: 0.6}))).decisions[0]  # silence where "inte" was
    assert d.needs_review and 'utan ord vid "bestämt"' in d.review_reason
    # low words far from the decision's own words do not count against it
    far = seg(0, "Bra, det var det om budgeten och lokalerna i vår. " + BUILD, {0: 0.2, 1: 0.2})
    assert not scored(meeting(far)).decisions[0].needs_review
    other_sentence = seg(0, "Vi såg bilder. " + BUILD, {2: 0.2})  # "bilder." ends the sentence before
    assert not scored(meeting(other_sentence)).decisions[0].needs_review
    assert scored(meeting(seg(0, BUILD, gaps={2: 0.3}))).decisions[0].needs_review


def test_numbers_dates_and_names_count() -> None:
    t = meeting(seg(0, "Kan du kontakta kommunen, Johan?"),
                seg(1, "Ja, jag kontaktar kommunen senast på fredag.", {6: 0.3}, speaker="SPEAKER_01"))  # fmt: skip
    a = scored(t).actions
    assert a and a[0].owner == "Johan Berg" and a[0].needs_review
    assert a[0].review_reason == REVIEW_PREFIX + 'datumet "fredag" hördes osäkert (p=0.30)'
    d = scored(meeting(seg(0, "Vi beslutar att köpa in tolv nya datorer.", {5: 0.2}))).decisions[0]
    assert d.needs_review and 'talet "tolv"' in d.review_reason


def test_passage_attribution_and_extractor_flags() -> None:
    clear = [seg(i, "Det här hördes bra i dag.") for i in (1, 2)]  # the rest of the meeting is heard well
    d = scored(meeting(seg(0, BUILD, {i: 0.45 for i in range(7)}), *clear)).decisions[0]
    assert d.needs_review and "passagen hördes osäkert (medel p=0.45)" in d.review_reason
    assert d.confidence < 0.45
    d = scored(meeting(seg(0, BUILD, overlap=True))).decisions[0]
    assert d.needs_review and "flera talar samtidigt" in d.review_reason.lower()
    assert d.confidence < 0.7  # attribution lowers it
    d = scored(meeting(seg(0, BUILD, repaired=True))).decisions[0]
    assert d.needs_review and "reparerades" in d.review_reason
    # words attributed to someone else than their segment lower attribution certainty
    mixed = seg(0, BUILD)
    for w in mixed.words[:4]:
        w.speaker = "SPEAKER_01"
    assert scored(meeting(mixed)).decisions[0].confidence < 0.5


def test_score_minutes_is_a_copy_and_respects_people() -> None:
    t = meeting(seg(0, BUILD, {1: 0.3}))
    ev = [Evidence(segment_id=0, start=0.0, end=3.0, quote=BUILD)]
    m = Minutes(decisions=[
        Decision(id="d1", text="Mötet beslutade att bygga om skolan.", evidence=ev, confidence=0.9),
        Decision(id="d2", text="Mötet beslutade att bygga om skolan.", evidence=ev, confidence=0.9, status="accepted"),
        Decision(id="d3", text="Mötet beslutade att bygga om skolan.", evidence=ev, confidence=0.9, needs_review=True,
                 review_reason="Osäker igenkänning"),
    ])  # fmt: skip
    out = score_minutes(m, t)
    assert not m.decisions[0].needs_review  # input untouched
    assert out.decisions[0].needs_review and out.decisions[0].review_reason.startswith(REVIEW_PREFIX)
    assert not out.decisions[1].needs_review and out.decisions[1].confidence == 0.9  # a person accepted it
    assert out.decisions[2].review_reason.endswith("(Osäker igenkänning)")


def test_evidence_found_by_time_after_renumbering() -> None:
    t = meeting(seg(0, "Hej."), seg(1, BUILD, {1: 0.3}))
    m = extract_minutes(t)
    t.segments = t.segments[1:]
    t.renumber()  # segment 1 is now segment 0; the evidence still says 1
    assert score_minutes(m, t).decisions[0].needs_review


# ----------------------------------------------------------------------------- real speech, real ASR


@pytest.mark.slow
def test_masked_negation_never_becomes_a_confident_decision(tmp_path: Path) -> None:
    """'Vi har inte bestämt ...' with "inte" drowned in noise must not come out as a confident decision."""
    if not (have("espeak-ng") and have("sox")):
        pytest.fail("espeak-ng and sox are required (./setup.sh installs them)")
    from transcribe import asr
    from transcribe.audio import Audio

    # At 130 words a minute Whisper base hears every word here, 'inte' at p 0.23; at 140 it lost 'bygga om' and
    # heard 'inte' at p 0.06, a word another CPU's arithmetic may tip over (120: 0.20, 'bygga' lost).
    # A window decoded again at a higher temperature samples, from a generator the worker's earlier tests have
    # moved on, so the clean recording is spoken at the next pace when one pass does not hear "inte", or hears
    # nothing after "bestämt att" (one clean-clone run heard the sentence end there: no decision to flag).
    for speed in (130, 120, 140, 125, 135):
        said = speak("Vi har inte bestämt att bygga om skolan.", tmp_path / f"{speed}.wav", speed=speed)
        clean = Audio.from_wav(said)
        heard = asr.transcribe(clean)
        words = [w for s in heard.segments for w in s.words]
        said_words = [w.text.strip().lower().strip(".,") for w in words]
        inte = next((w for w, t in zip(words, said_words, strict=True) if t == "inte"), None)
        if inte is not None and "bestämt" in said_words and said_words[-1] not in ("bestämt", "att"):
            break
    assert inte is not None, f"'inte' heard at no pace: {heard.text!r}"
    x = clean.float32().copy()
    a, b = int(inte.start * clean.sample_rate), int(inte.end * clean.sample_rate)
    speech = x[np.abs(x) > 0.01]
    x[a:b] = np.random.default_rng(0).normal(0.0, float(np.sqrt(np.mean(speech**2))), b - a)
    masked = asr.transcribe(Audio.from_array(x, tmp_path / "masked"))
    minutes = score_minutes(extract_minutes(masked), masked)
    confident = [d.text for d in minutes.decisions if not d.needs_review]
    assert confident == [], f"heard {masked.text!r}"
    # what Whisper made of the masked span is marked for checking in the transcript
    flags = word_flags(masked)
    in_span = [w for s in masked.segments for w in s.words if w.end > inte.start and w.start < inte.end]
    flagged = {(f.start, f.end) for f in flags.words}
    assert not in_span or any((w.start, w.end) in flagged for w in in_span), masked.segments

    # Base Whisper garbles the masked passage so that no decision is extracted at all. A recogniser
    # that silently drops the masked word instead leaves the clean transcript minus "inte": the real
    # timestamps and probabilities around it must still flag the decision that now appears.
    dropped = heard.model_copy(deep=True)
    for s in dropped.segments:
        s.words = [w for w in s.words if (w.start, w.end) != (inte.start, inte.end)]
        s.text = "".join(w.text for w in s.words)
    decisions = score_minutes(extract_minutes(dropped), dropped).decisions
    assert decisions and "bestämt" not in decisions[0].text.lower() and "inte" not in decisions[0].text
    assert all(d.needs_review for d in decisions), [(d.text, d.review_reason) for d in decisions]


def test_the_flag_text_is_said_once() -> None:
    """Renderers show the flag ("⚠ Kontrollera mot ljudet") and then only the reason."""
    assert check_reason(REVIEW_PREFIX + 'ordet "inte" hördes osäkert') == 'ordet "inte" hördes osäkert'
    assert check_reason("Kontrollera mot ljudet – datumet hördes otydligt") == "datumet hördes otydligt"
    assert check_reason("låg säkerhet (0.40)") == "låg säkerhet (0.40)"
    assert check_reason(None) == ""
