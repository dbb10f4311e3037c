"""The review page's protokoll as the facilitator sees it in Chromium: each item numbered once, by its §
(no list number beside "§ 5" that drifts away from it at 5a/5b), the sub-items set in under their item;
and the meeting list, where a failure stays in its own column."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from transcribe.minutes.protokoll import Paragraph, Protokoll
from transcribe.web import agenda  # noqa: F401  (registers protokoll_of with the templates)
from transcribe.web.i18n import translate
from transcribe.web.render import HERE, templates

pytestmark = pytest.mark.browser


def review_fragment() -> str:
    prot = Protokoll(
        paragraphs=[
            Paragraph(number="4", title="Verksamhetschefen informerar", start=52.0),
            Paragraph(number="5", title="Arbetsmiljö", status="ej behandlad"),
            Paragraph(number="5a", title="Hot och våld i väntrummet", level=1, start=70.0),
            Paragraph(number="5b", title="Sommarschemat", level=1, start=90.0),
        ],
        other=Paragraph(number="", title="Övrigt", status="övrigt", summary="Kaffe."),
    )
    html = templates.env.get_template("_protokoll.html").render(
        meeting=SimpleNamespace(id="m1"), protokoll_of=lambda _id: prot, t=lambda key, **kw: translate("sv", key, **kw)
    )
    css = "".join((HERE / "static" / name).read_text(encoding="utf-8") for name in ("app.css", "review.css"))
    return f'<!doctype html><html lang="sv"><head><style>{css}</style></head><body><main>{html}</main></body></html>'


def test_items_are_numbered_once_by_their_paragraph(browser) -> None:
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    page.set_content(review_fragment())
    items = page.locator("li.para")
    assert items.count() == 5
    markers = items.evaluate_all("els => els.map(e => getComputedStyle(e).listStyleType)")
    assert set(markers) == {"none"}, markers
    headings = [re.sub(r"\s+\d\d:\d\d:\d\d$", "", h.strip()) for h in items.locator("h4").all_inner_texts()]
    assert headings[:4] == ["§ 4 Verksamhetschefen informerar", "§ 5 Arbetsmiljö", "§ 5a Hot och våld i väntrummet",
                            "§ 5b Sommarschemat"]  # fmt: skip
    left = items.locator("h4").evaluate_all("els => els.map(e => e.getBoundingClientRect().left)")
    assert left[2] > left[1] and left[3] == left[2] and left[4] == left[1]  # 5a/5b set in under § 5
    page.close()


def test_a_long_failure_stays_in_its_column(browser) -> None:
    """A failure naming a long model path wraps inside the status column instead of running under the buttons."""
    css = "".join((HERE / "static" / name).read_text(encoding="utf-8") for name in ("app.css",))
    error = "Misslyckades: internt fel: /srv/protokoll/data/meetings/a830587a5ac8d0f1e2/input.wav är trasig"
    card = (
        '<ul class="meeting-list"><li class="meeting-card"><div class="meeting-main"><h2 class="meeting-title">Möte'
        f'</h2></div><div class="meeting-status"><span class="status status-failed">{error}</span></div>'
        '<div class="meeting-actions"><a class="button" href="#">Försök igen</a></div></li></ul>'
    )
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    page.set_content(f"<!doctype html><html><head><style>{css}</style></head><body><main>{card}</main></body></html>")
    status = page.locator(".status").bounding_box()
    column = page.locator(".meeting-status").bounding_box()
    actions = page.locator(".meeting-actions a").bounding_box()
    assert status["x"] + status["width"] <= column["x"] + column["width"] + 1
    assert status["x"] + status["width"] <= actions["x"]
    page.close()
