"""A task whose "jag" was heard as a word that cannot open a Swedish statement on its own ("med", "att"), or whose
request had its verb heard unsure."""

from __future__ import annotations

from tests.spoken import minutes


def test_a_preposition_before_the_verb_stood_for_jag() -> None:
    said = [("S1", "Då är det bestämt, vi byter leverantör."), ("S3", "Med ringer nya leverantören på fredag.")]
    got = minutes(said).actions
    assert [a.owner for a in got] == ["Olof Nilsson"] and got[0].what.startswith("Ringa nya leverantören")
    assert got[0].needs_review


def test_a_question_or_an_ordinary_phrase_keeps_its_words() -> None:
    asked = [("S1", "Då är det bestämt."), ("S3", "Med gör du det på fredag?")]
    assert not minutes(asked).actions
    phrase = [("S1", "Då är det bestämt."), ("S3", "Med tanke på vädret tar vi det på fredag.")]
    assert "Olof Nilsson" not in [a.owner for a in minutes(phrase).actions]


def test_a_request_by_name_with_its_verb_heard_unsure_answered_yes() -> None:
    said = [("S1", "Karin, kan du ser ett brev till hyresgästerna om stambytet?"), ("S2", "Ja, på fredag.")]
    got = minutes(said, frozenset({"ser"})).actions
    assert [a.owner for a in got] == ["Karin Ek"] and "brev till hyresgästerna" in got[0].what
    assert got[0].needs_review and '"ser"' in (got[0].review_reason or "")
    # heard surely, "kan du se …?" asks to look, no task
    assert not minutes([("S1", "Karin, kan du se filmen från i går?"), ("S2", "Ja, på fredag.")]).actions
