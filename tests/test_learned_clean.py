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
        ("S3", "Lördagen den tjugofjärde april passar bra."),
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
        ("S3", "Lördagen den tjugofjärde april passar bra."),
        ("S1", "Bra. Vårstädningen blir lördagen den tjugofjärde april klockan tio, med korv och kaffe efteråt."),
    ]
    got = [d for d in run(turns).out.decisions if "tjugofjärde april" in d.text]
    assert got and got[0].review_reason.startswith(REVIEW_PREFIX)
