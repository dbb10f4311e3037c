"""Decisions the meeting takes back in its next turns (rules/retracted.py), and the same decisions kept when the
room lets them stand.

Hand-made exchanges in settings of their own: a joke decision followed by a denial or a refusal to write it, a
rule restated from another body's papers, what stays as it was after a vote that failed.
"""

from __future__ import annotations

from tests.test_rules_robust_cues import texts


def test_a_joke_decision_denied_by_the_chair_is_none() -> None:
    said = [
        ("S2", "Kaffebryggaren har läckt i en månad nu."),
        ("S3", "Då bestämmer vi att Bertil bjuder på tårta varje fredag resten av året."),
        ("S4", "Bifall."),
        ("S1", "Det är inget beslut, Bertil. Men jag ringer om en ny bryggare i morgon."),
    ]
    assert texts(said) == []


def test_a_joke_decision_the_secretary_will_not_write_is_none() -> None:
    said = [
        ("S2", "Hyresvärden vill höja hyran efter nyår."),
        ("S3", "Då beslutar vi att hyresvärden får betala oss i stället."),
        ("S4", "Det skriver jag inte. Okej, nästa punkt."),
    ]
    assert texts(said) == []


def test_the_same_decision_taken_seriously_stands() -> None:
    said = [
        ("S2", "Kaffebryggaren har läckt i en månad nu."),
        ("S1", "Då bestämmer vi att vi köper en ny kaffebryggare före jul."),
        ("S3", "Bra."),
        ("S4", "Äntligen. Jag kan hämta den i morgon."),
    ]
    got = texts(said)
    assert len(got) == 1 and "kaffebryggare" in got[0]


def test_another_bodys_rule_restated_is_no_decision() -> None:
    said = [
        ("S2", "Får vi ta med kameror in i verkstaden?"),
        ("S3", "Nej, och det gäller alla besökare."),
        ("S1", "Nej. Vi tar inte in kameror i verkstaden. Det står i försäkringsbolagets regler."),
    ]
    assert not any("kameror" in t for t in texts(said))


def test_the_same_rule_of_our_own_is_a_decision() -> None:
    said = [
        ("S2", "Får vi ta med kameror in i verkstaden?"),
        ("S3", "Jag tycker inte det, folk vill inte bli fotade."),
        ("S4", "Nej, inga kameror."),
        ("S1", "Nej. Vi tar inte in kameror i verkstaden. Det får räcka med telefonen."),
    ]
    assert any("kameror" in t for t in texts(said))


def test_what_stays_after_a_failed_vote_is_no_decision() -> None:
    said = [
        ("S2", "Jag vill att vi stänger badplatsen klockan tio på kvällen."),
        ("S3", "Det är för tidigt, folk badar sent i juli."),
        ("S1", "Vi röstar. Räck upp handen den som vill stänga klockan tio."),
        ("S2", "Jag."),
        ("S1", "En. Och den som vill ha det som nu? Tre. Förslaget faller. Badplatsen är öppen hela natten som förut."),
    ]
    assert not any("badplatsen" in t.lower() for t in texts(said))


def test_a_claim_denied_with_its_own_verb_is_no_decision() -> None:
    said = [
        ("S2", "Jag vill att vi slutar med lotterierna. Vi är en idrottsklubb, och så lurar vi pensionärer på pengar."),
        ("S3", "Vi lurar inte pensionärer på pengar. Alla vet vad en lott kostar."),
        ("S2", "Ja, men du förstår vad jag menar."),
    ]
    assert not any("pensionärer" in t for t in texts(said))
