"""The chair's call for agreement heard damaged (rules/formulas.py), and a full stop lost before a request
(utterances.lost_stop).

Hand-made turns as the recogniser returns them at a word error rate of 0.1-0.3: the chair's call for agreement
with a word or two misheard or lost. The matter was heard; the decision is found from the formula
read as meant and flagged "Kontrollera mot ljudet". A formula needs the structure it has when said whole (a
proposal, others' agreement, a matter heard), and look-alikes that say something else stay as heard.
"""

from __future__ import annotations

from tests.spoken import minutes
from transcribe.minutes.rules.formulas import formula_repair
from transcribe.minutes.rules.utterances import lost_stop

STATED = ("S1", "Så vattnet sätts på den tjugofjärde, och blir det minusgrader så skjuter vi det en vecka.")


def test_damaged_call_for_agreement_still_settles_the_matter() -> None:
    for call, unsure in [
        ("Alla har på på?", {"har", "på"}),
        ("Är alla mer på det?", {"mer"}),
        ("Tummen upp rån alla?", {"rån"}),
        ("Eva, dett du leva med det?", {"dett"}),
    ]:
        said = [STATED, ("S1", call), ("S2", "Ja."), ("S3", "Ja, det är bra.")]
        whole = minutes([STATED, ("S1", "Är alla med på det?"), ("S2", "Ja."), ("S3", "Ja, det är bra.")]).decisions
        got = minutes(said, unsure=frozenset(unsure)).decisions
        assert len(whole) == 1 and "vattnet" in whole[0].text.lower()
        assert len(got) == 1 and "vattnet" in got[0].text.lower(), call
        assert got[0].needs_review and "Kontrollera mot ljudet" in (got[0].review_reason or ""), call


def test_damaged_call_over_a_matter_heard_unsure_decides_nothing() -> None:
    said = [STATED, ("S1", "Alla har på på?"), ("S2", "Ja."), ("S3", "Ja, det är bra.")]
    matter = {"vattnet", "sätts", "tjugofjärde", "minusgrader", "skjuter", "vecka"}
    assert not minutes(said, unsure=frozenset({"har", "på", *matter})).decisions
    # said whole, the call settles it however unsure the matter was heard
    whole = [STATED, ("S1", "Är alla med på det?"), ("S2", "Ja."), ("S3", "Ja, det är bra.")]
    assert len(minutes(whole, unsure=frozenset(matter)).decisions) == 1


def test_damaged_call_without_agreement_decides_nothing() -> None:
    said = [STATED, ("S1", "Alla har på på?"), ("S2", "Nej, vänta, det går inte.")]
    assert not minutes(said, unsure=frozenset({"har", "på"})).decisions


def test_formula_look_alikes_stay_as_heard() -> None:
    assert formula_repair("Är alla här?", {"här"}) is None  # a short formula: a word of the language, not a slip
    assert formula_repair("Kan du hämta det?", {"hämta"}) is None  # a request
    assert formula_repair("Alla har på sig?", {"har", "sig"}) is None
    assert formula_repair("Alla med på?", set()) is None  # the call's last word is never put back
    assert formula_repair("Det är beslutet.", {"beslutet"}) is None  # a statement is no call
    assert formula_repair("Är ingen med på det?", {"ingen"}) is None  # a negation is never read away
    assert formula_repair("Kan han leva med det?", {"han"}) is None  # asked of another
    assert formula_repair("Alla har på på?", set()) is None  # heard surely: what was said
    assert formula_repair("Är alla med på det?", set()) is None  # whole: nothing to repair
    assert formula_repair("Är alla tillfrågade?", {"tillfrågade"}) is None  # a longer word is the matter


def test_full_stop_lost_before_a_request() -> None:
    heard = "Då tar vi inte emot några nya reptiler från första april, kan du ringa de tre ägarna?"
    assert [shown for _, shown in lost_stop(heard)] == [
        "Då tar vi inte emot några nya reptiler från första april.",
        "Kan du ringa de tre ägarna?",
    ]
    said = [("S1", "Jag tycker vi slutar ta emot reptiler."), ("S2", "Ja, inga nya."), ("S1", heard)]
    got = minutes(said).decisions
    assert len(got) == 1 and "reptiler" in got[0].text and "inte" in got[0].text
    # a condition, a first clause said to the one asked and a question stay one sentence
    for whole in [
        "Om vi köper den, kan du hämta den?",
        "Bosse, du har ju en penna, kan du skriva?",
        "Har vi pengar till det i år, kan du kolla?",
    ]:
        assert lost_stop(whole) == [(whole, whole)]
