"""A reviewer's work on a meeting held by an agenda, as the exported protokoll shows it.

The protokoll is rebuilt from the reviewed minutes at every download; what the reviewer decided about a
decision must hold there: a rejected one stays out of its §, also where the chair said it in set words
that the protokoll reads from the item again.
"""

from __future__ import annotations

import io
import re
from functools import partial
from types import SimpleNamespace

from docx import Document
from fastapi.testclient import TestClient

from tests.agenda_meeting import lines_transcript
from tests.test_web import post
from tests.webfixtures import add_agenda_meeting
from transcribe.minutes import extract_minutes
from transcribe.minutes.edit import ensure_ids

AGENDA = """Dagordning för styrelsemöte i Brf Rönnen

1. Mötets öppnande
2. Godkännande av dagordningen
3. Fönsterbytet
4. Cykelrummet
5. Hemsidan
6. Mötets avslutande
"""
LINES = [
    ("A", "Välkomna, jag förklarar mötet öppnat."),
    ("A", "Punkt två, godkännande av dagordningen. Kan den godkännas?"),
    ("B", "Ja, den kan godkännas."),
    ("A", "Då är dagordningen godkänd."),
    ("A", "Punkt tre, fönsterbytet. Vi har fått två offerter."),
    ("B", "Fönsterfabriken är billigast, och de kan börja i april."),
    ("A", "Kan styrelsen anta offerten? Ingen emot? Då beslutar styrelsen att anta offerten från Fönsterfabriken."),
    ("A", "Punkt fyra, cykelrummet. Det är fullt av gamla cyklar."),
    ("B", "Vi kan sätta lappar på dem och skänka bort dem som ingen hämtar."),
    ("A", "Då beslutar vi att rensa cykelrummet i maj."),
    ("A", "Hemsidan hoppar vi över i dag, Per som sköter den är sjuk."),
    ("A", "Då förklarar jag mötet avslutat."),
]


def add_board_meeting(lines: list[tuple[str, str]] = LINES) -> str:
    """The meeting as a finished job with its agenda leaves it in the meeting directory."""
    transcript = lines_transcript(lines, {"A": "Karin Ek", "B": "Lisa Berg"})
    minutes = extract_minutes(transcript, title="Styrelsemöte i Brf Rönnen")
    ensure_ids(minutes)
    return add_agenda_meeting(transcript, minutes, AGENDA, "Styrelsemöte i Brf Rönnen", "2026-11-12")


def section(md: str, heading: str) -> str:
    return md.split(f"## {heading}\n")[1].split("\n## ")[0]


def docx_text(body: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(body)).paragraphs)


def test_a_rejected_decision_stays_out_of_the_exported_protokoll(sara: TestClient) -> None:
    """The chair's "Då beslutar styrelsen att anta offerten …" rejected came back under its § as "Styrelsen
    beslutade att besluta att anta offerten …", read again from the item's set words."""
    from transcribe.web import store

    mid = add_board_meeting()
    md = sara.get(f"/meetings/{mid}/export/minutes.md").text
    assert "anta offerten från Fönsterfabriken" in section(md, "§ 3 Fönsterbytet")
    offer = next(d.id for d in store.load_minutes(mid).decisions if "offerten" in d.text)
    assert post(sara, f"/meetings/{mid}/items/{offer}", {"op": "reject"}).status_code == 303

    md = sara.get(f"/meetings/{mid}/export/minutes.md").text
    assert "Beslut" not in section(md, "§ 3 Fönsterbytet") and "anta offerten" not in md
    assert "rensa cykelrummet i maj" in section(md, "§ 4 Cykelrummet")
    text = docx_text(sara.get(f"/meetings/{mid}/export/minutes.docx").content)
    assert "anta offerten" not in text and "rensa cykelrummet i maj" in text
    page = sara.get(f"/meetings/{mid}").text
    paragraph_3 = page.split('data-number="3"')[1].split('data-number="4"')[0]
    assert 'class="decision"' not in paragraph_3


def test_a_decision_moved_to_another_paragraph_is_exported_there(sara: TestClient) -> None:
    """The reviewer puts a decision said under the wrong item under its own § ("Under §" on its card): the
    review page and the Word and Markdown exports show it there, and nowhere else."""
    from transcribe.web import store

    mid = add_board_meeting()
    bikes = next(d.id for d in store.load_minutes(mid).decisions if "cykelrummet" in d.text)
    card = sara.get(f"/meetings/{mid}").text.split(f'id="item-{bikes}"')[1].split("</article>")[0]
    assert "Där det sades (§ 4 Cykelrummet)</option>" in card and '<option value="3">§ 3 Fönsterbytet' in card

    assert post(sara, f"/meetings/{mid}/items/{bikes}", {"op": "edit", "filed_under": "3"}).status_code == 303
    md = sara.get(f"/meetings/{mid}/export/minutes.md").text
    assert "rensa cykelrummet i maj" in section(md, "§ 3 Fönsterbytet")
    assert "Beslut" not in section(md, "§ 4 Cykelrummet") and md.count("rensa cykelrummet") == 1
    doc = Document(io.BytesIO(sara.get(f"/meetings/{mid}/export/minutes.docx").content))
    texts = [p.text for p in doc.paragraphs]
    under_3 = texts[texts.index("§ 3 Fönsterbytet") : texts.index("§ 4 Cykelrummet")]
    assert any(t.startswith("Beslut: ") and "rensa cykelrummet i maj" in t for t in under_3)
    card = sara.get(f"/meetings/{mid}").text.split(f'id="item-{bikes}"')[1].split("</article>")[0]
    assert '<option value="3" selected>§ 3 Fönsterbytet' in card
    history = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", sara.get(f"/meetings/{mid}/history").text))
    assert "i maj. · Karin Ek · under § 3" in history  # the move, said as one, in the meeting's history

    # put back where it was said
    assert post(sara, f"/meetings/{mid}/items/{bikes}", {"op": "edit", "filed_under": ""}).status_code == 303
    md = sara.get(f"/meetings/{mid}/export/minutes.md").text
    assert "rensa cykelrummet i maj" in section(md, "§ 4 Cykelrummet")


def test_the_words_that_struck_an_item_are_on_the_review_page() -> None:
    """The review page says why an item was not treated, as the export does, under the "Ej behandlad" label."""
    from transcribe.minutes.protokoll import Paragraph, Protokoll
    from transcribe.web import agenda  # noqa: F401  (registers protokoll_of with the templates)
    from transcribe.web.i18n import translate
    from transcribe.web.render import templates

    struck = "Ej behandlad. Karin Ek: ”Hemsidan hoppar vi över i dag, Per som sköter den är sjuk.”"
    prot = Protokoll(
        paragraphs=[
            Paragraph(number="5", title="Hemsidan", status="ej behandlad", summary=struck),
            Paragraph(number="6", title="Arvoden", status="bordlagd", summary="Bordlagd."),
            Paragraph(number="7", title="Städdagen", status="ej behandlad", summary="Ej behandlad."),
        ]
    )
    html = templates.env.get_template("_protokoll.html").render(
        meeting=SimpleNamespace(id="m1"), protokoll_of=lambda _id: prot, t=lambda key, **kw: translate("sv", key, **kw)
    )
    items = [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", "<li" + li)).strip() for li in html.split("<li")[1:]]
    assert items[0] == "§ 5 Hemsidan Ej behandlad " + struck.removeprefix("Ej behandlad. ")
    assert items[1] == "§ 6 Arvoden Bordlagd" and items[2] == "§ 7 Städdagen Ej behandlad"


def test_a_decision_read_from_the_items_course_is_accepted_or_rejected_from_its_paragraph(sara: TestClient) -> None:
    """The chair asks "Kan den godkännas?", a member says yes and the chair moves on: the protokoll reads the
    agenda approved from the item's course; no decision card holds it, so the § offers to accept or reject it."""
    from transcribe.web import store

    lines = [*LINES[:3], ("A", "Tack. Då tar vi nästa punkt."), *LINES[4:]]
    approved = "Styrelsen beslutade att godkänna dagordningen."
    for op, shown in (("reject", False), ("accept", True)):
        mid = add_board_meeting(lines)
        page = sara.get(f"/meetings/{mid}").text
        paragraph_2 = page.split('data-number="2"')[1].split('data-number="3"')[0]
        assert approved in paragraph_2 and 'action="/meetings/' + mid + '/protokoll-decisions"' in paragraph_2
        unreviewed = page.split('class="unreviewed"')[1].split("</details>")[0]
        link = re.search(r'href="#(item-para-\w+)" data-unreviewed>Beslut: § 2 ' + re.escape(approved), unreviewed)
        assert link is not None and f'id="{link.group(1)}"' in paragraph_2  # listed as not reviewed, with its place
        segments = re.search(r'name="segments" value="([\d,]+)"', paragraph_2).group(1)
        fields = {"op": op, "text": approved, "segments": segments, "filed_under": "2"}
        assert post(sara, f"/meetings/{mid}/protokoll-decisions", fields).status_code == 303

        md = sara.get(f"/meetings/{mid}/export/minutes.md").text
        assert (approved in section(md, "§ 2 Godkännande av dagordningen")) is shown and md.count(approved) == shown
        decisions = store.load_minutes(mid).decisions
        assert [(d.status, d.filed_under) for d in decisions if d.text == approved] == [(op + "ed", "2")]
        page = sara.get(f"/meetings/{mid}").text
        assert "protokoll-decisions" not in page.split('data-number="2"')[1].split('data-number="3"')[0]
        assert f"§ 2 {approved}" not in page


def test_why_a_paragraphs_decision_is_flagged_reads_in_english() -> None:
    """The flags the protokoll puts on the decisions it reads from an item, in the English interface."""
    from transcribe.minutes.model import check_reason
    from transcribe.web.reasons import reason_in

    title = "Beslutet är formulerat efter punktens rubrik och mötets bifall; kontrollera ordalydelsen"
    assert reason_in(check_reason(title), "en") == (
        "the decision is worded from the item's title and the meeting's assent; check the wording"
    )
    closing = "Ordförandens avslutning på punkten, läst som beslut utan beslutsord; kontrollera"
    assert (
        reason_in(closing, "en")
        == "the chair's closing of the item, read as a decision without a deciding word; check it"
    )
    assert reason_in("Beslutet uttrycktes utan beslutsord", "en") == "the decision was said without a deciding word"
    assert reason_in(title, "sv") == title


def counted(text: str, pattern: str) -> int:
    found = re.search(pattern, text)
    assert found is not None, pattern
    return int(found.group(1))


def unreviewed_counts(sara: TestClient, mid: str) -> tuple[int, ...]:
    """How many items nobody has reviewed: the page's summary and its list, the approval's question, and the
    exported draft's status line in Markdown and Word."""
    page = sara.get(f"/meetings/{mid}").text
    return (
        counted(page, r"(\d+) punkter är inte granskade"),
        page.split('class="unreviewed"')[1].split("</details>")[0].count("data-unreviewed"),
        counted(sara.get(f"/meetings/{mid}/approve/confirm").text, r"(\d+) punkter har ingen granskat än"),
        counted(
            sara.get(f"/meetings/{mid}/export/minutes.md").text,
            r"\*\*Protokollutkast\*\* · ej godkänt · (\d+) punkter är ännu inte granskade",
        ),
        counted(
            docx_text(sara.get(f"/meetings/{mid}/export/minutes.docx").content), r"(\d+) punkter är ännu inte granskade"
        ),
    )


def test_the_page_the_approval_and_the_export_count_the_same_unreviewed_items(sara: TestClient) -> None:
    """A decision the protokoll read from an item's course waits for the reviewer on the page; the exported draft
    said one item fewer ("2 att granska" against "3"), as it counted the minutes' own items only."""
    lines = [*LINES[:3], ("A", "Tack. Då tar vi nästa punkt."), *LINES[4:]]  # the agenda approved by the floor's yes
    mid = add_board_meeting(lines)
    before = unreviewed_counts(sara, mid)
    assert len(set(before)) == 1, before
    paragraph_2 = sara.get(f"/meetings/{mid}").text.split('data-number="2"')[1].split('data-number="3"')[0]
    segments = re.search(r'name="segments" value="([\d,]+)"', paragraph_2).group(1)
    fields = {"op": "accept", "text": "Styrelsen beslutade att godkänna dagordningen.", "segments": segments}
    assert post(sara, f"/meetings/{mid}/protokoll-decisions", {**fields, "filed_under": "2"}).status_code == 303
    after = unreviewed_counts(sara, mid)
    assert after == tuple(n - 1 for n in before), (before, after)  # one fewer everywhere


def test_a_doubtful_role_is_flagged_on_the_page_as_in_the_export() -> None:
    """The exported protokoll said "Sekreterare: Jonas Persson ⚠ Kontrollera mot ljudet" while the review page
    named him without a word of doubt; the page now flags him too, with the passage to listen to."""
    from transcribe.minutes.model import Evidence
    from transcribe.minutes.protokoll import Paragraph, Protokoll
    from transcribe.minutes.protokoll_render import render_protokoll_markdown
    from transcribe.minutes.roles import RoleElection
    from transcribe.web import agenda  # noqa: F401  (registers the template's globals)
    from transcribe.web.i18n import translate
    from transcribe.web.render import templates

    heard = Evidence(segment_id=3, speaker="SPEAKER_02", start=18.4, end=19.5, quote="Då gör johan har.")
    prot = Protokoll(
        paragraphs=[Paragraph(number="1", title="Mötets öppnande")],
        roles=[
            RoleElection(role="ordförande", name="Gunilla Berg"),
            RoleElection(role="sekreterare", name="Jonas Persson", needs_review=True, evidence=[heard]),
        ],
    )
    assert "**Sekreterare:** Jonas Persson ⚠ Kontrollera mot ljudet" in render_protokoll_markdown(prot)
    for lang, check in (("sv", "Kontrollera mot ljudet"), ("en", "Check against the audio")):
        html = templates.env.get_template("_protokoll.html").render(
            meeting=SimpleNamespace(id="m1"), protokoll_of=lambda _id: prot, t=partial(translate, lang)
        )
        line = html.split('<p class="small">')[1].split("</p>")[0]
        shown = " ".join(re.sub(r"<[^>]+>", " ", line).split())
        assert f"Jonas Persson ⚠ {check} 00:00:18" in shown, shown
        assert "Gunilla Berg ⚠" not in shown and 'data-seek="18.4"' in line
