"""The room's assent heard with one word misheard (rules/assentwords.py, read by rules/roomassent.py).

Hand-made exchanges as a recogniser might return them: the short reply that settles a plan put to the room with
its yes or its judgement misheard (a word the recogniser was unsure of, or no Swedish word), or the "det" of the
judgement lost. Read as assent only where the plan was put before it, and flagged for the reader to check; a reply
of one damaged word alone, or a name in the reply, is not read.
"""

from __future__ import annotations

from tests.test_rules_robust_cues import minutes

PLAN = [
    ("S1", "Cykelställen vid entrén. De är fulla varje morgon."),
    ("S2", "Så från och med nu ställer vi arbetscyklarna på baksidan i stället."),
]
AFTER = [("S1", "Nästa sak är personalfesten i juni.")]


def test_a_judgement_with_its_last_word_misheard_is_read_and_flagged() -> None:
    got = minutes([*PLAN, ("S3", "Det är mänkar."), *AFTER], unsure=frozenset({"mänkar"})).decisions
    read = [d for d in got if "arbetscyklarna på baksidan" in d.text]
    assert read and read[0].needs_review and "hördes osäkert" in (read[0].review_reason or "")


def test_a_judgement_with_its_det_lost_is_read() -> None:
    got = minutes([*PLAN, ("S3", "Är rätt."), *AFTER]).decisions
    assert any("arbetscyklarna på baksidan" in d.text for d in got)


def test_a_yes_misheard_beside_a_sure_judgement_is_read() -> None:
    got = minutes([*PLAN, ("S3", "Hitkan, självklart."), *AFTER], unsure=frozenset({"hitkan"})).decisions
    assert any("arbetscyklarna på baksidan" in d.text and d.needs_review for d in got)


def test_a_lone_damaged_word_is_not_read_as_assent() -> None:
    got = minutes([*PLAN, ("S3", "Dritt."), *AFTER], unsure=frozenset({"dritt"})).decisions
    assert not any("arbetscyklarna" in d.text for d in got)


def test_a_name_in_the_reply_is_no_misheard_assent() -> None:
    got = minutes([*PLAN, ("S3", "Det är Kalle."), *AFTER], unsure=frozenset({"kalle"})).decisions
    assert not any("arbetscyklarna" in d.text for d in got)
