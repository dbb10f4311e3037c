"""Web review: a voice-profile proposal the reviewer confirms is enrolled with the approved meeting's voices,
the profile grows meeting by meeting, and the page says while it is still too weak to name anyone."""

from __future__ import annotations

import time

from tests import test_web
from tests.test_web import add_meeting, as_user, post
from transcribe.fsutil import atomic_write_text
from transcribe.speakers.profiles import MIN_ENROLMENT_S, ProfileDirectory, seconds_sv
from transcribe.transcript import Transcript
from transcribe.web import store, tasks

app = test_web.app
fast_hashing = test_web.fast_hashing
short_wav = test_web.short_wav


def _propose(mid: str, name: str) -> None:
    """The pipeline's voice-profile guess for SPEAKER_00 ("Johan?"), as recognise() writes it."""
    path = store.meeting_path(mid) / "transcript.json"
    t = Transcript.from_json(path.read_text(encoding="utf-8"))
    t.speakers[0].proposed_name, t.speakers[0].proposal_score = name, 0.74
    atomic_write_text(path, t.to_json())


def _confirm_approve_and_save(app, wav) -> str:  # noqa: ANN001 - the fixtures' app and recording
    sara, fia = as_user(app, "sara"), as_user(app, "fia")
    mid = add_meeting("sara", with_audio=wav)
    post(sara, f"/meetings/{mid}/share", {"name": "fia"})
    _propose(mid, "Johan")
    assert "Johan?" in sara.get(f"/meetings/{mid}").text
    assert post(sara, f"/meetings/{mid}/speakers/proposal", {"confirm": "SPEAKER_00"}).status_code == 303
    post(sara, f"/meetings/{mid}/approve", {"confirmed": "1"})
    assert "Spara röstprofiler" in fia.get(f"/meetings/{mid}").text  # a confirmed proposal is a person's name
    assert post(fia, f"/meetings/{mid}/profiles").status_code == 303
    deadline = time.monotonic() + 600  # the encoder runs off the request thread; a busy machine is slow
    while tasks.enrolment_result(mid) is None and time.monotonic() < deadline:
        time.sleep(0.2)
    assert tasks.enrolment_result(mid)[0] == "ok", tasks.enrolment_result(mid)
    return mid


def test_a_confirmed_proposal_is_enrolled_grows_and_says_it_is_still_weak(app, short_wav):
    fia = as_user(app, "fia")
    first = _confirm_approve_and_save(app, short_wav)
    johan = ProfileDirectory().get("Johan")
    assert johan is not None and johan.sources == [f"meeting:{first}"] and 0 < johan.seconds < MIN_ENROLMENT_S
    page = fia.get(f"/meetings/{first}").text
    assert f"Röstprofilen för Johan är svag: {seconds_sv(johan.seconds)} s tal" in page
    assert "5 s behövs för att namnge säkert" in page

    # The next meeting: confirmed again, the same profile holds both meetings' speech.
    second = _confirm_approve_and_save(app, short_wav)
    grown = ProfileDirectory().get("Johan")
    assert grown is not None and grown.sources == [f"meeting:{first}", f"meeting:{second}"]
    assert grown.seconds > johan.seconds and grown.n_samples > johan.n_samples
    assert f"{seconds_sv(grown.seconds)} s tal" in fia.get(f"/meetings/{second}").text
