"""Approving a protokoll whose speakers still have no name: the reviewer is told before 'SPEAKER_01' is locked in.

The review page says which speakers have no name (a link to the speaker names), and the confirmation page without
JavaScript says it beside the items nobody has reviewed. Once every speaker is named, neither says it.
"""

from __future__ import annotations

from tests.test_web import add_meeting, app, as_user, fast_hashing, post  # noqa: F401, F811  (fixtures)

NAMELESS = "Talare utan namn står så i protokollet"


def test_nameless_speakers_are_named_before_approval(app) -> None:  # noqa: F811
    sara = as_user(app, "sara")
    mid = add_meeting("sara")
    post(sara, f"/meetings/{mid}/speakers", {"label": ["SPEAKER_00", "SPEAKER_01"], "name": ["Anna Lindqvist", ""]})
    page = sara.get(f"/meetings/{mid}").text
    assert NAMELESS in page and "SPEAKER_01" in page.split(NAMELESS, 1)[1].split("</a>", 1)[0]
    assert "SPEAKER_00" not in page.split(NAMELESS, 1)[1].split("</a>", 1)[0]
    confirm = sara.get(f"/meetings/{mid}/approve/confirm").text
    assert NAMELESS in confirm and "Godkänna protokollet ändå?" in confirm

    post(sara, f"/meetings/{mid}/speakers", {"label": ["SPEAKER_00", "SPEAKER_01"], "name": ["Anna Lindqvist", "Omar"]})
    assert NAMELESS not in sara.get(f"/meetings/{mid}").text
    assert NAMELESS not in sara.get(f"/meetings/{mid}/approve/confirm").text


def test_the_english_page_says_it_in_english(app) -> None:  # noqa: F811
    sara = as_user(app, "sara")
    mid = add_meeting("sara")
    sara.get("/lang/en?next=/meetings")
    page = sara.get(f"/meetings/{mid}").text
    assert "Speakers without a name appear so in the minutes: SPEAKER_00, SPEAKER_01" in page
    assert NAMELESS not in page
