"""Decisions the rules find on the true transcript kept when recognition errors hit them, by kind of damage.

Each test is a hand-made passage as a recogniser might return it; words listed as unsure get a low word
probability. A decision read through damaged words is flagged "Kontrollera mot ljudet"; the same passage with
the damage saying something else (an objection, a condition) stays out.
"""

from __future__ import annotations

from tests.spoken import minutes
from transcribe.bench.decision_misses import damage_kind
from transcribe.minutes.rules.cueframes import heard_ni
from transcribe.minutes.rules.cuerepair import repair_cue


def test_an_unsure_object_put_first_is_no_lost_da() -> None:
    turns = [
        ("S1", "Vi ställer ut modulerna på biblioteket i maj."),
        ("S2", "Jag är inte emot. Bara bron packas ordentligt."),
        ("S1", "Bron packar vi i lådan med skumgummi."),
    ]
    assert repair_cue(turns[2][1], {"bron"}) == (turns[2][1], [])  # whole as heard: the object put first
    got = minutes(turns, unsure=frozenset({"bron"})).decisions
    assert any("lådan med skumgummi" in d.text and "Bron" in d.text for d in got), [d.text for d in got]
    # a short word in front of the verb and "vi" is still a lost "då"
    assert repair_cue("Gul tar vi erbjudandet.", {"gul"})[0] == "Då tar vi erbjudandet."


SHOW_OF_HANDS = [
    ("S3", "Vad sägs om regntunnor? Från stuprännan på boden."),
    ("S4", "Mitt växthus har ingen stupränna."),
    ("S1", "Hur många vill ha tunnor?"),
    ("S2", "Jag."),
    ("S3", "Ja."),
]


def test_a_garbled_reply_lets_the_assent_before_it_count() -> None:
    turns = [*SHOW_OF_HANDS, ("S4", "Hitkan, han då. Men rör mitt växthus först."),
             ("S1", "Alla. Då köper vi fyra regntunnor.")]  # fmt: skip
    got = minutes(turns, unsure=frozenset({"hitkan", "han"})).decisions
    assert len(got) == 1 and "regntunnor" in got[0].text
    assert got[0].needs_review and "medhållet" in (got[0].review_reason or "")
    # heard surely, the reply says no assent: nothing settled by it
    assert not minutes(turns).decisions


def test_a_garbled_reply_saying_no_keeps_the_statement_out() -> None:
    turns = [*SHOW_OF_HANDS, ("S4", "Hitkan, inte alls. Jag vill inte ha några tunnor."),
             ("S1", "Alla. Då köper vi fyra regntunnor.")]  # fmt: skip
    assert not minutes(turns, unsure=frozenset({"hitkan"})).decisions


CALL = [
    ("S2", "Alla andra hamnar tar tvåhundrafemtio nu. Med el trehundra."),
    ("S1", "Några invändningar mot tvåhundrafemtio?"),
]


def test_an_answer_heard_as_nothing_leaves_the_others_to_pass_the_call() -> None:
    close = ("S1", "Tvåhundrafemtio per natt, trehundra med el.")
    turns = [*CALL, ("S3", "Mina."), ("S4", "Nej. Det är rimligt."), close]
    got = minutes(turns, unsure=frozenset({"mina"})).decisions
    assert len(got) == 1 and "Tvåhundrafemtio per natt" in got[0].text
    assert got[0].needs_review and "svaren hördes otydligt" in (got[0].review_reason or "")
    # heard surely, "Mina." answers nothing: the call is not passed
    assert not minutes(turns).decisions
    # an objection heard is an objection, whatever else was unsure
    objected = [*CALL, ("S3", "Mina."), ("S4", "Ja, jag. Det är för dyrt."), ("S1", "Tvåhundrafemtio, då.")]
    assert not minutes(objected, unsure=frozenset({"mina"})).decisions


def test_losses_are_sorted_by_the_kind_of_damage() -> None:
    said = "då beslutar vi att köpa en ny gräsklippare".split()
    loss = {"said": said, "turns": (1, 0, True)}
    assert damage_kind({**loss, "hit": ["beslutar"]}) == "cue verb"
    assert damage_kind({**loss, "hit": ["vi"]}) == "close garbled, the other turns heard as said"
    assert damage_kind({**loss, "hit": ["vi"], "turns": (1, 1, True)}) == "subject"
    assert damage_kind({**loss, "hit": ["gräsklippare"], "turns": (0, 0, False)}) == "object clause"
    assert damage_kind({**loss, "hit": said[:5]}) == "burst over the sentence"
    assert damage_kind({**loss, "hit": []}).startswith("elsewhere")


def test_the_chairs_short_closing_without_its_first_word() -> None:
    turns = [
        ("S2", "Kan vi inte fråga medlemmarna? Den som vill ha papper får papper."),
        ("S3", "Det går. Men då måste vi ha en lista."),
        ("S1", "Gör vi. Pappret blir kvar för dem som vill ha det, alla andra får utskicket på mejl från nyår."),
    ]
    said = minutes([*turns[:2], ("S1", "Så g" + turns[2][1][1:])]).decisions
    got = minutes(turns, unsure=frozenset({"gör"})).decisions
    assert said and [d.text for d in got] == [d.text for d in said]  # read as said: "Så gör vi."
    assert all(d.needs_review and "lades till" in (d.review_reason or "") for d in got)
    assert repair_cue("Gör vi?", {"gör"}) == ("Gör vi?", [])  # a question keeps its verb first


def test_the_groups_vi_lost_after_the_chairs_verb() -> None:
    turns = [
        ("S2", "Tisdagar vore bättre för intervallerna. Då är banan ledig."),
        ("S3", "Ja."),
        ("S1", "Då byter. Intervallerna går på tisdagar från och med juni, samma tid, sex."),
    ]
    said = minutes([*turns[:2], ("S1", turns[2][1].replace("byter.", "byter vi."))]).decisions
    got = minutes(turns, unsure=frozenset({"byter"})).decisions
    assert said and [d.text for d in got] == [d.text for d in said]
    assert got[0].needs_review and '"vi"' in (got[0].review_reason or "")
    assert heard_ni("Då går.", set()) is None  # a verb of motion alone is said as heard
    assert heard_ni("Då byter?", set()) is None
