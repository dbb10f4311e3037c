"""The chair's short closings and "Då <verb> vi" statements with their small words misheard (rules/cueframes.py).

Hand-made sentences as the recogniser returns them at a word error rate of 0.1-0.3: "Då gör vi så." with two
of its words misheard or lost, "Då" heard as a word that cannot open a statement before "<verb> vi", "vi" heard
with a letter added. A decision read through such a repair is flagged "Kontrollera mot ljudet"; sentences that
are Swedish as heard stay as heard.
"""

from __future__ import annotations

from tests.spoken import minutes
from transcribe.minutes.rules.cueframes import heard_ni
from transcribe.minutes.rules.cuerepair import repair_cue

PROPOSAL = ("S1", "Jag föreslår att vi byter låset till båthallen i vår.")
AGREED = ("S2", "Ja, det låter bra.")


def test_closing_with_two_words_misheard_confirms_the_proposal() -> None:
    for closing, unsure in [
        ("Då mest ni så.", {"mest", "ni"}),
        ("I gör i så.", {"i"}),
        ("Då vi men.", {"men"}),
        ("Säger så.", set()),
    ]:
        said = [PROPOSAL, AGREED, ("S3", closing)]
        got = minutes(said, unsure=frozenset(unsure)).decisions
        assert len(got) == 1 and "låset till båthallen" in got[0].text, closing
        assert got[0].needs_review and "Kontrollera mot ljudet" in (got[0].review_reason or ""), closing
        assert not minutes(said, robust=False, unsure=frozenset(unsure)).decisions, closing


def test_closing_look_alikes_stay_as_heard() -> None:
    # a verb of its own, a person, a negation, a start, a bare "vi", an order to one member
    assert repair_cue("Då går vi.", {"går"})[1] == []
    assert repair_cue("Då tar vi det.", {"tar"})[1] == []
    assert repair_cue("Då gör jag det.", {"jag"})[1] == []
    assert repair_cue("Då gör vi inte det.", {"inte"})[1] == []
    assert repair_cue("Då kör vi.")[1] == []
    assert repair_cue("Då vi.")[1] == []
    assert repair_cue("Gör så.")[1] == []
    assert repair_cue("Kör på det.", {"på"})[1] == []  # a reply as heard: "på" never stands for "vi"
    assert repair_cue("Då det vi se.", {"det", "se"})[1] == []  # "Då får vi se": a pronoun is no misheard verb
    # a word heard surely is what was said
    assert repair_cue("Då mest ni så.")[1] == []


def test_da_heard_as_a_word_that_cannot_open_the_statement() -> None:
    said = [PROPOSAL, AGREED, ("S3", "Mot byter vi låset till båthallen i vår, och Eva för en lista.")]
    got = minutes(said).decisions
    assert len(got) == 1 and "låset till båthallen" in got[0].text and got[0].needs_review
    assert repair_cue("Om byter vi koden varje månad.")[0].startswith("Då byter vi")
    # a condition and a question as said stay as heard
    assert repair_cue("Om vi byter koden så blir det bra.")[1] == []
    assert repair_cue("I morgon tar vi det.")[1] == []
    assert repair_cue("Kan vi köpa den?")[1] == []


def test_vi_heard_with_a_letter_added_after_the_verb() -> None:
    fixed, repairs = heard_ni("Då bygger via inget garage.", set()) or ("", [])
    assert fixed == "Då bygger vi inget garage." and repairs
    assert heard_ni("Då stryker ni den andra omgången.", set()) is None  # "ni" heard surely is "ni"
    assert heard_ni("Då kan via oss.", set()) is None


def test_lost_front_word_before_a_bare_time_is_no_decision() -> None:
    # "Det ändrar vi inte i kväll" with "Det" and "inte" lost: the lost word was the object, not "då"
    said = [("S1", "Kan vi ändra avgiften?"), ("S2", "Ändrar vi i kväll."), ("S3", "Okej.")]
    assert not minutes(said).decisions
    assert repair_cue("Bra, gör vi så.")[0] == "Bra, då gör vi så."


def test_old_decision_with_a_time_before_att_is_not_repaired() -> None:
    # "beslutade i fjol att": "att" is heard after the time, the unsure "i" is no lost "att"
    said = [("S1", "Styrelsen beslutade i fjol att ståndhyran är tvåhundra tills vidare.")]
    assert repair_cue(said[0][1], {"i"})[1] == []
    assert not minutes(said, unsure=frozenset({"i"})).decisions
    # an infinitive after the unsure word: it was the decision's own "att"
    fixed, repairs = repair_cue("Då beslutar styrelsen nu föreslå årsmötet att höja avgiften.", {"nu"})
    assert fixed.startswith("Då beslutar styrelsen att föreslå årsmötet") and repairs
