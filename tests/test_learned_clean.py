"""The learned scorer on sentences heard clearly: what it may add, what it must leave, what it reads.

A scorer that is sure of every sentence (zero weights, a large bias) isolates the rules around it:
whatever reaches the minutes got there by passing the guards, not by the model's judgement.
"""

from __future__ import annotations

import numpy as np

from tests.spoken import MEETING, PEOPLE, transcript
from transcribe.minutes.model import REVIEW_PREFIX
from transcribe.minutes.rules import RuleExtractor
from transcribe.minutes.rules.learned import LEARNED_WHY
from transcribe.minutes.scorer import STRUCT, DecisionScorer, Features

SURE = DecisionScorer(np.zeros(Features().n_features), 10.0, 0.7, 0.0, 0.7)


def run(turns: list[tuple[str, str]], scorer: DecisionScorer | None = SURE) -> RuleExtractor:
    ex = RuleExtractor(transcript(turns), MEETING, vocabulary=list(PEOPLE.values()), scorer=scorer)
    ex.run()
    return ex


def added(turns: list[tuple[str, str]]) -> list[str]:
    return [d.text for d in run(turns).out.decisions if d.review_reason == LEARNED_WHY]


def test_a_new_phrasing_heard_clearly_is_added_and_flagged() -> None:
    turns = [
        ("S2", "Förra året kom bara hälften till städdagen."),
        ("S3", "Det var synd."),  # nobody proposed the day: no rule reads the chair's plan as a close
        ("S1", "Bra. Vårstädningen blir lördagen den tjugofjärde april klockan tio, med korv och kaffe efteråt."),
    ]
    assert not run(turns, scorer=None).out.decisions  # the rules alone miss it
    got = [d for d in run(turns).out.decisions if "tjugofjärde april" in d.text]
    assert len(got) == 1 and got[0].needs_review and got[0].review_reason == LEARNED_WHY


def test_a_need_put_to_the_room_is_not_added() -> None:
    assert not added([("S1", "Vi behöver också två som läser igenom protokollet efteråt. Vem kan?")])


def test_an_announced_item_without_a_verb_is_not_added() -> None:
    assert not added([("S1", "Bra. Den andra motionen, från Karin, om grillning på balkongerna.")])


def test_a_participant_named_as_the_doer_is_a_task_not_a_decision() -> None:
    assert not added([("S1", "Tack. Då är det klart: Karin skriver brevet och Olof granskar det.")])


def test_a_bare_confirmation_heard_clearly_confirms_nothing_new() -> None:
    turns = [
        ("S2", "Kan vi inte försöka laga gräsklipparen först?"),
        ("S1", "Då är vi klara med den frågan."),
    ]
    assert not added(turns)


def test_structural_facts_of_a_settled_item() -> None:
    ex = run(
        [
            ("S2", "Jag har fått en offert från Malmö Rör på sjutusen kronor."),
            ("S3", "Det låter rimligt."),
            ("S1", "Då tar vi offerten från Malmö Rör. Nästa punkt är vattnet."),
        ],
        scorer=None,
    )
    texts, rows = ex.sentence_facts()
    facts = dict(zip(STRUCT, rows[2], strict=True))
    assert "offerten" in texts[2]
    assert facts["closing_formula"] == 1 and facts["settles_discussion"] == 1 and facts["prev_agreement"] == 1
    assert facts["item_closed_after"] == 1
    assert dict(zip(STRUCT, rows[0], strict=True))["closing_formula"] == 0


def test_an_added_decision_says_check_it_against_the_audio() -> None:
    turns = [
        ("S2", "Förra året kom bara hälften till städdagen."),
        ("S3", "Det var synd."),  # nobody proposed the day: no rule reads the chair's plan as a close
        ("S1", "Bra. Vårstädningen blir lördagen den tjugofjärde april klockan tio, med korv och kaffe efteråt."),
    ]
    got = [d for d in run(turns).out.decisions if "tjugofjärde april" in d.text]
    assert got and got[0].review_reason.startswith(REVIEW_PREFIX)


# the chair puts the matter to the room, two answer in a word, the chair restates it, a task follows
CALLED = [
    ("S2", "Vi kan öppna stallbacken en halvtimme tidigare."),
    ("S1", "Säger vi kvart i ett?"),
    ("S2", "Ja."),
    ("S3", "Ja, kör."),
    ("S1", "Kvart i ett då."),
    ("S2", "Jag ändrar tiden på hemsidan i eftermiddag."),
]


def test_the_facts_of_a_call_answered_and_a_task_taken() -> None:
    ex = run(CALLED, scorer=None)
    texts, rows = ex.sentence_facts()
    at = {t: dict(zip(STRUCT, r, strict=True)) for t, r in zip(texts, rows, strict=True)}
    closing = at["kvart i ett då."]
    assert closing["call_answered"] == 1 and closing["short_replies_before"] > 0 and closing["task_after"] == 1
    assert closing["closer_opening"] == 0 and closing["no_finite_verb"] == 1
    assert closing["amount_or_time"] == 1
    first = at["vi kan öppna stallbacken en halvtimme tidigare."]
    assert first["call_answered"] == 0 and first["task_after"] == 0 and first["no_finite_verb"] == 0


def test_a_restatement_after_the_room_answered_the_call_is_added_as_said() -> None:
    assert not run(CALLED, scorer=None).out.decisions  # the rules alone miss it
    got = [d for d in run(CALLED).out.decisions if d.review_reason == LEARNED_WHY]
    assert [d.text for d in got] == ["Mötet beslutade: Kvart i ett då."]


def test_a_bare_closing_takes_the_statement_before_the_answers() -> None:
    turns = [
        ("S2", "Bilkontrollen görs direkt vid passbytet, innan man tar kaffe."),
        ("S3", "Mm."),
        ("S2", "Ja, okej."),
        ("S1", "Då är det så från måndag."),
    ]
    ex = run(turns, scorer=None)
    assert not ex.out.decisions  # the rules alone miss it
    ex.apply_scores(np.array([0.0, 0.0, 0.0, 1.0]), 0.5, 0.0, 0.5)  # the model sure of the closing only
    (got,) = ex.out.decisions
    assert "bilkontrollen görs direkt vid passbytet" in got.text.lower() and got.review_reason == LEARNED_WHY
    assert [e.quote for e in got.evidence][-1] == "Då är det så från måndag."  # the matter and the closing


def test_one_persons_view_is_not_the_meetings_decision() -> None:
    assert not added([("S2", "Tisdagar passar mig bäst."), ("S1", "Jag tycker också björk.")])


def test_the_chair_leaving_a_matter_is_not_a_decision() -> None:
    turns = [("S2", "Vi har pratat om gräsklipparen länge nu."), ("S1", "Då är vi klara med gräsklipparfrågan.")]
    assert not added(turns)


def test_the_facts_of_how_a_sentence_was_heard_and_its_matter_said_again() -> None:
    turns = [
        ("S2", "Vi kan öppna stallbacken en halvtimme tidigare."),
        ("S1", "Då vi ses öppna stallbacken halv tolv."),
        ("S3", "Bra."),
        ("S1", "Nästa punkt är kaffet."),
        ("S2", "Kaffet räcker till jul."),
        ("S3", "Jag sätter upp en lapp om stallbacken."),
    ]
    ex = RuleExtractor(transcript(turns, frozenset({"ses"})), MEETING, vocabulary=list(PEOPLE.values()), scorer=None)
    ex.run()
    texts, rows = ex.sentence_facts()
    at = {t: dict(zip(STRUCT, r, strict=True)) for t, r in zip(texts, rows, strict=True)}
    heard = next(f for t, f in at.items() if t.startswith("då vi ses"))  # as heard, the cue read as meant
    assert heard["opening_unsure"] == 1 and heard["mean_word_prob"] < 0.95 and heard["restated_after"] > 0
    clear = at["kaffet räcker till jul."]
    assert clear["opening_unsure"] == 0 and clear["mean_word_prob"] == 0.95 and clear["restated_after"] == 0
    assert clear["neighbours_unsure"] == 0 and at["bra."]["neighbours_unsure"] == 0.5
    assert 0 < heard["meeting_unsure"] == clear["meeting_unsure"] < 1
