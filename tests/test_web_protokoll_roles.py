"""The elected roles above the review page's protokoll: each role named once, in the page's language."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from transcribe.minutes.protokoll import Paragraph, Protokoll
from transcribe.minutes.roles import RoleElection
from transcribe.web import agenda  # noqa: F401  (registers protokoll_of with the templates)
from transcribe.web.i18n import translate
from transcribe.web.render import templates


def roles_line(lang: str) -> str:
    prot = Protokoll(
        paragraphs=[Paragraph(number="1", title="Mötets öppnande")],
        roles=[RoleElection(role="ordförande", name="Jörn Ärlig"), RoleElection(role="justerare", name="Eva Ek")],
    )
    html = templates.env.get_template("_protokoll.html").render(
        meeting=SimpleNamespace(id="m1"), protokoll_of=lambda _id: prot, t=lambda key, **kw: translate(lang, key, **kw)
    )
    line = next(p for p in re.findall(r"<p class=\"small\">(.*?)</p>", html, flags=re.S) if "Jörn" in p)
    return " ".join(re.sub(r"<[^>]+>", " ", line).split())


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("sv", "Ordförande: Jörn Ärlig · Sekreterare: – · Justerare: Eva Ek"),
        ("en", "Chair: Jörn Ärlig · Secretary: – · Minutes checkers: Eva Ek"),
    ],
)
def test_each_role_is_named_once_in_the_page_language(lang: str, expected: str) -> None:
    assert roles_line(lang) == expected
