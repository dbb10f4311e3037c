"""An item the meeting tables (puts off to a later meeting) is 'Bordlagd' in the protokoll, apart from one struck."""

from __future__ import annotations

import re
from types import SimpleNamespace

from transcribe.agenda import align_agenda, parse_agenda_text
from transcribe.minutes.model import Minutes
from transcribe.minutes.protokoll import Protokoll, build_protokoll
from transcribe.minutes.protokoll_render import render_protokoll_markdown
from transcribe.transcript import Segment, SpeakerInfo, Transcript
from transcribe.web import agenda  # noqa: F401  (registers protokoll_of with the templates)
from transcribe.web.i18n import translate
from transcribe.web.render import templates

AGENDA = """Dagordning styrelsemöte i Roddklubben
1. Mötets öppnande
2. Ekonomi
3. Regattan i augusti
4. Hemsidan
5. Klubbstugans tak
6. Mötets avslutande
"""
NAMES = {"A": "Karin Ek", "B": "Mats Berg", "C": "Lina Ny"}


def protokoll() -> Protokoll:
    lines = [
        ("A", "Välkomna, mötet är öppnat. Hemsidan hoppar vi över i dag, och taket bordläggs till nästa möte."),
        ("A", "Punkt två, ekonomin. Mats?"),
        ("B", "Vi har fyrtiotusen kronor i kassan och alla fakturor är betalda."),
        ("A", "Punkt tre, regattan i augusti."),
        ("C", "Vi vet inte hur många funktionärer vi får, så det är svårt att planera regattan."),
        ("B", "Då borde vi vänta tills vi vet mer om funktionärerna."),
        ("A", "Okej, då bordlägger vi den till nästa möte."),
        ("A", "Punkt sex. Tack allihop, jag förklarar mötet avslutat."),
    ]
    segs = [Segment(id=i, start=i * 10.0, end=i * 10 + 8.0, text=t, speaker=s) for i, (s, t) in enumerate(lines)]
    tr = Transcript(
        segments=segs, duration=len(lines) * 10.0, speakers=[SpeakerInfo(label=k, name=v) for k, v in NAMES.items()]
    )
    ag = parse_agenda_text(AGENDA)
    return build_protokoll(Minutes(title="Styrelsemöte i Roddklubben"), tr, ag, align_agenda(ag, tr))


def test_an_item_put_off_to_the_next_meeting_is_tabled_and_one_struck_is_not_treated() -> None:
    prot = protokoll()
    assert prot.paragraph("5").status == "bordlagd"
    assert prot.paragraph("4").status == "ej behandlad"
    md = render_protokoll_markdown(prot)
    roof = md.split("## § 5 Klubbstugans tak")[1].split("##")[0]
    assert roof.strip().startswith("Bordlagd. Karin Ek: ”") and "bordläggs till nästa möte" in roof
    assert md.split("## § 4 Hemsidan")[1].split("##")[0].strip().startswith("Ej behandlad.")
    assert Protokoll.from_json(prot.to_json()).paragraph("5").status == "bordlagd"


def test_an_item_discussed_and_then_tabled_says_so_with_its_decision() -> None:
    prot = protokoll()
    regatta = prot.paragraph("3")
    assert regatta.status == "bordlagd"
    assert [d.text for d in regatta.decisions] == ["Styrelsen beslutade att bordlägga regattan i augusti."]
    block = render_protokoll_markdown(prot).split("## § 3 Regattan i augusti")[1].split("##")[0]
    assert block.strip().startswith("Bordlagd.") and "Punkten började" in block
    assert prot.paragraph("2").status == "behandlad"


def test_the_review_page_shows_tabled_items_in_the_page_language() -> None:
    prot = protokoll()
    for lang, word in (("sv", "Bordlagd"), ("en", "Tabled")):
        html = templates.env.get_template("_protokoll.html").render(
            meeting=SimpleNamespace(id="m1"),
            protokoll_of=lambda _id: prot,
            t=lambda k, _lang=lang, **kw: translate(_lang, k, **kw),
        )
        items = re.findall(r'<li class="para[^"]*" data-number="(\w+)" data-status="([^"]+)">(.*?)</li>', html, re.S)
        status = {n: (s, " ".join(re.sub(r"<[^>]+>", " ", body).split())) for n, s, body in items}
        assert status["5"][0] == "bordlagd" and word in status["5"][1]
        assert status["3"][0] == "bordlagd" and word in status["3"][1]
        assert word not in status["4"][1] and status["4"][0] == "ej behandlad"


def test_tabling_another_item_leaves_the_agenda_approval_treated_and_a_later_month_tables() -> None:
    board = """Dagordning
1. Mötets öppnande
2. Godkännande av dagordningen
3. Ekonomi
4. Nomineringen
5. Friskvården
6. Mötets avslutande
"""
    lines = [
        ("A", "Välkomna, mötet är öppnat."),
        ("A", "Punkt två, dagordningen. Jag föreslår att punkt fyra om nomineringen bordläggs."),
        ("B", "Ja, det är bra."),
        ("A", "Då beslutar vi att godkänna dagordningen med ändringen att punkt fyra bordläggs."),
        ("A", "Punkt tre, ekonomin. Mats?"),
        ("B", "Vi har fyrtiotusen kronor i kassan och alla fakturor är betalda."),
        ("A", "Friskvården får vänta till februari, reglerna är inte klara."),
        ("A", "Punkt sex. Tack allihop, jag förklarar mötet avslutat."),
    ]
    segs = [Segment(id=i, start=i * 10.0, end=i * 10 + 8.0, text=t, speaker=s) for i, (s, t) in enumerate(lines)]
    tr = Transcript(segments=segs, duration=80.0, speakers=[SpeakerInfo(label=k, name=v) for k, v in NAMES.items()])
    ag = parse_agenda_text(board)
    prot = build_protokoll(Minutes(title="Styrelsemöte"), tr, ag, align_agenda(ag, tr))
    assert prot.paragraph("2").status == "behandlad"
    assert prot.paragraph("4").status == "bordlagd"
    assert prot.paragraph("5").status == "bordlagd" and "vänta till februari" in prot.paragraph("5").summary
