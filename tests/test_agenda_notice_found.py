"""The notice item settled by the chair's finding in the word order after "Då" ("Då har stämman kallats som
stadgarna säger.", "Då har mötet utlysts i tid."): a formal outcome that ends the item; its question is none. Hand-made
sentences."""

from __future__ import annotations

import pytest

from transcribe.agenda.formal import formal_match
from transcribe.agenda.phrases import CONCLUDES


@pytest.mark.parametrize("said", ["då har stämman kallats som stadgarna säger.", "då har mötet utlysts i tid."])
def test_the_chairs_finding_on_the_notice_settles_it(said: str) -> None:
    assert formal_match(said)
    assert CONCLUDES.search(said)


def test_the_question_on_the_notice_settles_nothing() -> None:
    assert not formal_match("har mötet kallats i rätt tid?")
