"""Review logic without a browser: the summary follows the items, exports say draft or approved, the history
speaks Swedish, graded uncertainty, JSON saves with field errors, typed text kept, an expired login form."""

from __future__ import annotations

import datetime as dt
import io
import re

from tests.test_web import add_meeting, app, as_user, csrf_of, fast_hashing, post, sample_minutes, sample_transcript  # noqa: F401 (fixtures)
from transcribe import confidence
from transcribe.minutes.model import Conclusion, Decision, Evidence
from transcribe.minutes.render import Approval, docx_bytes, render_markdown
from transcribe.minutes.summary import describe, refresh, unreviewed
from transcribe.transcript import Segment, Transcript, Word
from transcribe.web import uncertainty
from transcribe.web.history import word_diff


def _ev(t: Transcript, i: int) -> list[Evidence]:
    s = t.segments[i]
    return [Evidence(segment_id=s.id, speaker=s.speaker, start=s.start, end=s.end, quote=s.text)]


def _no_decisions():
    t = sample_transcript()
    m = sample_minutes(t)
    m.decisions, m.conclusions = [], []
    m.description = describe(m)
    return t, refresh(m)


# --- summary -----------------------------------------------------------------------------------------------
def test_description_and_conclusions_follow_the_items() -> None:
    t, m = _no_decisions()
    assert "Mötet fattade inga beslut, fördelade en åtgärd och lämnade en fråga öppen." in m.description
    assert "Inget datum" not in " ".join(map(str, m.conclusions))
    m.decisions.append(Decision(id="d9", text="Mötet beslutade att köpa böcker.", evidence=_ev(t, 1), status="edited"))
    refresh(m)
    assert "fattade ett beslut" in m.description and "inga beslut" not in m.description
    texts = [c if isinstance(c, str) else c.text for c in m.conclusions]
    assert "Mötet enades om att köpa böcker." in texts
    m.decisions[0].status = "rejected"
    m.not_decided[0].status = "rejected"
    m.next_meeting.status = "rejected"
    refresh(m)
    assert "Mötet fattade inga beslut och fördelade en åtgärd." in m.description
    texts = [c if isinstance(c, str) else c.text for c in m.conclusions]
    assert "Mötet enades om att köpa böcker." not in texts
    assert "Inget datum för nästa möte bestämdes; rekommendation: boka ett." in texts
    again = m.model_copy(deep=True)
    assert refresh(again) == m  # idempotent: exports of unchanged minutes change nothing


def test_description_names_the_participants_as_renamed(app) -> None:  # noqa: F811
    from transcribe.web import store

    c = as_user(app, "sara")
    mid = add_meeting("sara")
    m = store.load_minutes(mid)
    m.participants[0].name = "Arlin Kvist"  # a misheard self-introduction
    m.description = describe(m)
    store.save_minutes(mid, m)
    post(c, f"/meetings/{mid}/speakers", {"label": ["SPEAKER_00", "SPEAKER_01"], "name": ["Anna Lindqvist", "Johan"]})
    m = store.load_minutes(mid)
    assert "samlade 2 deltagare: Anna Lindqvist och Johan." in m.description and "Arlin" not in m.description


def test_reviewers_own_text_and_conclusions_stay() -> None:
    t, m = _no_decisions()
    m.description = "Ett kort möte om läsning."
    m.conclusions = [Conclusion(id="c7", text="Gruppen är nöjd.", evidence=_ev(t, 1), status="accepted"), "Fri text."]
    m.decisions.append(Decision(id="d9", text="Mötet beslutade att köpa böcker.", evidence=_ev(t, 2)))
    refresh(m)
    assert m.description == "Ett kort möte om läsning."
    texts = [c if isinstance(c, str) else c.text for c in m.conclusions]
    assert "Gruppen är nöjd." in texts and "Fri text." in texts and "Mötet enades om att köpa böcker." in texts
    ids = [c.id for c in m.conclusions if isinstance(c, Conclusion)]
    assert len(set(ids)) == len(ids) and "c7" in ids  # no id clash


# --- exports ----------------------------------------------------------------------------------------------
def test_exports_say_draft_or_approved_and_never_contradict_items() -> None:
    from docx import Document

    t, m = _no_decisions()
    stale = m.model_copy(deep=True)
    stale.decisions.append(Decision(id="d9", text="Mötet beslutade att köpa böcker.", evidence=_ev(t, 1)))
    md = render_markdown(stale, t)  # stored before the summary was refreshed: the rendering recomputes it
    assert "inga beslut" not in md and "fattade ett beslut" in md
    assert f"**Protokollutkast** · ej godkänt · {len(unreviewed(stale))} punkter är ännu inte granskade" in md
    approval = Approval(2, "fia", dt.datetime(2025, 11, 21, 9, 30))
    final = render_markdown(stale, t, approval=approval)
    assert "**Protokoll** · version 2 · godkänt 2025-11-21 av fia" in final and "Protokollutkast" not in final
    doc = Document(io.BytesIO(docx_bytes(stale, approval=approval)))
    lines = [p.text for p in doc.paragraphs]
    assert lines[1] == "Protokoll · version 2 · godkänt 2025-11-21 av fia"
    assert not any("inga beslut" in line for line in lines)
    assert "Minutes draft" in render_markdown(stale, t, lang="en")


def test_web_exports_carry_the_approval(app) -> None:  # noqa: F811
    c = as_user(app, "sara")
    mid = add_meeting("sara")
    assert "**Protokollutkast**" in c.get(f"/meetings/{mid}/export/minutes.md").text
    post(c, f"/meetings/{mid}/approve", {"confirmed": "1"})
    md = c.get(f"/meetings/{mid}/export/minutes.md").text
    assert re.search(r"\*\*Protokoll\*\* · version 1 · godkänt \d{4}-\d\d-\d\d av sara", md), md[:300]
    assert "version 1 · godkänt" in c.get(f"/meetings/{mid}/export/minutes.md?version=1").text
    html = c.get(f"/meetings/{mid}").text
    assert "<h2>Protokoll</h2>" in html and "Protokollutkast" not in html


def test_approving_without_javascript_asks_first(app) -> None:  # noqa: F811
    """A plain form post (no dialog ran) locks nothing; the page it leads to names what is unreviewed."""
    c = as_user(app, "sara")
    mid = add_meeting("sara")
    r = post(c, f"/meetings/{mid}/approve")
    assert r.status_code == 303 and r.headers["location"] == f"/meetings/{mid}/approve/confirm"
    assert "Godkänd" not in c.get(f"/meetings/{mid}").text and "version 1" not in c.get(f"/meetings/{mid}").text
    page = c.get(f"/meetings/{mid}/approve/confirm").text
    assert "Godkänna och låsa den här versionen?" in page and "har ingen granskat än" in page
    assert 'name="confirmed" value="1"' in page
    assert post(c, f"/meetings/{mid}/approve", {"confirmed": "1"}).status_code == 303
    assert "version 1 · godkänt" in c.get(f"/meetings/{mid}/export/minutes.md").text
    assert c.get(f"/meetings/{mid}/approve/confirm").status_code == 409  # locked now: nothing left to confirm


# --- saving and errors ---------------------------------------------------------------------------------------
def _json_post(c, url: str, data: dict):
    token = csrf_of(c.get("/meetings").text)
    return c.post(url, data=data, headers={"Accept": "application/json", "X-CSRF-Token": token})


def test_json_saves_and_field_errors(app) -> None:  # noqa: F811
    from transcribe.web import store

    c = as_user(app, "sara")
    mid = add_meeting("sara")
    r = _json_post(c, f"/meetings/{mid}/items", {"section": "actions", "what": "Boka lokal"})
    assert r.status_code == 422
    assert r.json() == {
        "ok": False,
        "error": "choose_segment",
        "field": "segment_id",
        "message": "Välj ett segment i transkriptionen som underlag för punkten.",
    }
    r = _json_post(c, f"/meetings/{mid}/items/a1", {"op": "edit", "what": "Ta fram ett förslag", "due": "snart"})
    assert r.status_code == 422 and r.json()["field"] == "due"
    assert store.load_minutes(mid).actions[0].due is None  # nothing half-applied
    r = _json_post(c, f"/meetings/{mid}/items", {"section": "decisions", "text": "Köp böcker.", "segment_id": "2"})
    assert r.status_code == 200 and r.json() == {"ok": True, "message": "Sparat"}
    m = store.load_minutes(mid)
    assert m.decisions[-1].text == "Köp böcker."
    r = _json_post(c, f"/meetings/{mid}/segments/1", {"text": "Vi beslutar att starta en läsgrupp."})
    assert r.json()["ok"] is True


def test_form_post_error_keeps_typed_text_beside_the_field(app) -> None:  # noqa: F811
    c = as_user(app, "sara")
    mid = add_meeting("sara")
    r = post(c, f"/meetings/{mid}/items", {"section": "actions", "what": "Boka <lokal>", "owner": "Johan"})
    assert r.status_code == 303 and "error=choose_segment" in r.headers["location"]
    html = c.get(r.headers["location"]).text
    assert 'value="Boka &lt;lokal&gt;"' in html and 'value="Johan"' in html
    assert re.search(r'<details class="add" id="add-actions" open>', html)
    assert 'aria-invalid="true" aria-describedby="err-add-actions-segment_id"' in html
    assert 'id="err-add-actions-segment_id">Välj ett segment' in html
    assert 'value="Boka &lt;lokal&gt;"' not in c.get(f"/meetings/{mid}").text  # shown once


def test_expired_login_form_is_renewed(app) -> None:  # noqa: F811
    from fastapi.testclient import TestClient

    c = TestClient(app)
    c.get("/login")
    r = c.post("/login", data={"name": "sara", "password": "x", "csrf_token": "stale"})
    assert r.status_code == 403 and "Sidan hade legat öppen för länge" in r.text
    assert 'value="sara"' in r.text and 'name="csrf-token"' in r.text
    r = c.post(
        "/login",
        data={"name": "sara", "password": "correct horse battery", "csrf_token": csrf_of(r.text)},
        follow_redirects=False,
    )
    assert r.status_code == 303


# --- history -------------------------------------------------------------------------------------------------
def test_history_in_swedish_with_who_and_diff(app) -> None:  # noqa: F811
    c = as_user(app, "sara")
    mid = add_meeting("sara")
    post(c, f"/meetings/{mid}/items/d1", {"op": "accept"})
    post(c, f"/meetings/{mid}/items", {"section": "actions", "what": "Boka lokal", "segment_id": "2"})
    post(c, f"/meetings/{mid}/items/a1", {"op": "edit", "what": "Ta fram ett nytt förslag"})
    post(c, f"/meetings/{mid}/segments/1", {"text": "Vi beslutar att starta en läsgrupp."})
    html = c.get(f"/meetings/{mid}/history").text
    assert "Godkände beslut" in html and "Starta en arbetsgrupp för läsfrämjande." in html
    assert "Lade till åtgärd" in html and "Boka lokal" in html
    assert "Ändrade åtgärd" in html and "<ins>nytt</ins>" in html
    assert "Ändrade texten i segment 1" in html and "<del>arbetsgrupp för läsfrämjande.</del>" in html
    assert "accept d1" not in html and "add actions" not in html and "<td>sara</td>" in html
    english = c.get(f"/meetings/{mid}/history?lang=en").text
    assert "Accepted decision" in english and "Added action" in english
    assert word_diff("a b c", "a x c") == [("=", "a"), ("-", "b"), ("+", "x"), ("=", "c")]


# --- uncertainty ------------------------------------------------------------------------------------------------
def _meeting_with(probabilities: list[float]) -> Transcript:
    words = [Word(start=i * 0.3, end=i * 0.3 + 0.2, text=f" w{i}", probability=p) for i, p in enumerate(probabilities)]
    return Transcript(segments=[Segment(id=0, start=0.0, end=30.0, text=" ".join(w.text for w in words), words=words)])


def test_uncertainty_is_graded_against_the_meetings_own_level() -> None:
    poor = _meeting_with([0.35, 0.42, 0.38, 0.45, 0.40, 0.37, 0.05, 0.41, 0.44, 0.39] * 5)
    level = confidence.level(poor)
    grades = [g for _, g, _ in uncertainty.graded_words(poor.segments[0], level)]
    assert sum(g >= 2 for g in grades) == 5  # only the clearly worse word in each run of ten
    assert sum(g >= 1 for g in grades) == 50  # every word is below the fixed cut: behind the toggle
    assert max(grades) == 3
    good = _meeting_with([0.95, 0.9, 0.92, 0.45, 0.97, 0.3, 0.93, 0.96, 0.94, 0.91])
    grades = [g for _, g, _ in uncertainty.graded_words(good.segments[0], confidence.level(good))]
    assert [i for i, g in enumerate(grades) if g >= 2] == [3, 5]
    sure = _meeting_with([0.9] * 10)
    assert uncertainty.graded_words(sure.segments[0], confidence.level(sure)) == []


def test_a_renamed_speaker_is_named_in_the_items_text_too() -> None:
    """'min rapport' said by an unnamed speaker reads 'SPEAKER_01s rapport' until the speaker is named."""
    from transcribe.minutes.edit import rename_speakers

    t = sample_transcript()
    m = sample_minutes(t)
    m.actions[0].what = "Skicka SPEAKER_01s rapport till SPEAKER_00."
    m.decisions[0].text = "Mötet beslutade att SPEAKER_01 leder läsgruppen."
    rename_speakers(t, m, {"SPEAKER_01": "Johan"})
    assert m.actions[0].what == "Skicka Johans rapport till SPEAKER_00."
    assert m.decisions[0].text == "Mötet beslutade att Johan leder läsgruppen."
    rename_speakers(t, m, {"SPEAKER_01": "Johan Ek"})  # a second rename follows the first
    assert m.actions[0].what == "Skicka Johan Eks rapport till SPEAKER_00."
