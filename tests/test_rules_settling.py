"""How a decision is settled across turns, and what only looks like one, on hand-made clean sentences.

Rules alone (no learned model): a proposal put to the meeting by a bare call and answered, a question
nobody answers, a decision reported from earlier, another body's decision, the chair closing the meeting.
"""

from __future__ import annotations

from tests.spoken import MEETING, PEOPLE, transcript
from transcribe.minutes.rules import RuleExtractor


def decisions(turns: list[tuple[str, str]], unsure: frozenset[str] = frozenset()) -> list[str]:
    ex = RuleExtractor(transcript(turns, unsure), MEETING, vocabulary=list(PEOPLE.values()), scorer=None)
    return [d.text for d in ex.run().decisions]


def test_conditional_proposal_put_by_a_bare_call_is_what_the_reply_decides() -> None:
    got = decisions(
        [
            ("S2", "Men jag tycker kommunen borde betala, det är deras krav."),
            ("S3", "De betalade ju hälften förra gången."),
            ("S1", "Om kommunen betalar hälften, så köper vi utrustningen. Säger vi det?"),
            ("S2", "Ja, det säger vi."),
        ]
    )
    assert len(got) == 1
    assert "köper" in got[0] and "hälften" in got[0]
    assert "borde" not in got[0]  # the reply's own older opinion is not what was decided


def test_implicit_agreement_after_a_proposal_becomes_a_decision() -> None:
    got = decisions(
        [
            ("S2", "Jag föreslår att vi flyttar städdagen till den tjugofjärde april."),
            ("S3", "Ja, det låter bra."),
            ("S1", "Då gör vi så."),
        ]
    )
    assert len(got) == 1 and "städdagen" in got[0]


def test_unanswered_call_to_decide_is_no_decision() -> None:
    got = decisions(
        [
            ("S1", "Ska vi bestämma att föreningen köper en ny gräsklippare?"),
            ("S2", "Vad kostar en sådan egentligen?"),
            ("S3", "Det vet jag inte, jag kollar det till nästa möte."),
        ]
    )
    assert got == []


def test_decisions_reported_from_earlier_or_by_others_are_not_this_meetings() -> None:
    got = decisions(
        [
            (
                "S1",
                "Först lite om vad som har hänt. Förra stämman beslutade att byta trumman vid bäcken, "
                "och det är gjort.",
            ),  # fmt: skip
            ("S1", "Och så har Trafikverket beslutat att sänka driftbidraget med en tredjedel från nästa år."),
            ("S2", "Det är inget vi kan påverka."),
        ]
    )
    assert got == []


def test_closing_the_meeting_is_no_decision() -> None:
    got = decisions([("S1", "Tack allihop. Då avslutar vi här, och jag låser upp entrén om fem minuter.")])
    assert got == []


def test_chair_closes_in_the_next_turn_the_call_another_member_answered() -> None:
    got = decisions(
        [
            ("S1", "Till sekreterare föreslås Karin Ek, och till justerare Olof Nilsson. Kan mötet godkänna det?"),
            ("S2", "Ja."),
            ("S1", "Klubbat. Nästa fråga."),
            ("S1", "Först, kan mötet fastställa resultaträkningen?"),
            ("S3", "Ja."),
            ("S1", "Det är fastställt."),
        ]
    )
    assert len(got) == 2
    assert "Karin Ek" in got[0]
    assert got[1] == "Resultaträkningen fastställdes."


def test_a_bare_bifall_answered_and_closed_in_the_chairs_turn_decides_the_statement_before() -> None:
    got = decisions([("S1", "Och styrelsen föreslår att överskottet förs över i ny räkning. Bifall? Ja. Klubbat.")])
    assert len(got) == 1 and "överskottet" in got[0].lower()


def test_a_call_after_the_speakers_own_task_is_on_the_decision_before_it() -> None:
    got = decisions(
        [
            (
                "S1",
                "Då bestämmer vi att vi inte flyttar läkemedelsrummet före sommaren. "
                "Jag meddelar fastigheten att vi tar det i september i stället. Är alla med på det?",
            ),  # fmt: skip
            ("S2", "Ja."),
        ]
    )
    assert len(got) == 1 and "läkemedelsrummet" in got[0]


def test_a_statement_with_a_tag_question_answered_yes_is_a_decision() -> None:
    turns = [
        ("S1", "Så vi landar i att nattjobbet får en tidsgräns på en timme. Eller?"),
        ("S2", "Ja."),
        ("S3", "Ja, det låter rimligt."),
    ]
    got = decisions(turns)
    assert len(got) == 1 and "tidsgräns" in got[0]
    assert decisions([("S1", "Nattjobbet får kanske en tidsgräns. Eller?"), ("S2", "Nej, vänta.")]) == []


def test_a_vote_carried_decides_the_proposal() -> None:
    turns = [
        ("S2", "Jag föreslår att vi höjer priset på årskortet till trehundra kronor."),
        ("S1", "Vi röstar om det. Vem är för? Fyra. Emot? Två."),
        ("S1", "Förslaget går igenom."),
    ]
    got = decisions(turns)
    assert len(got) == 1 and "trehundra kronor" in got[0]


def test_the_chairs_summary_put_as_a_question_and_agreed_is_a_decision() -> None:
    turns = [
        ("S1", "Så vi landar i mejl, överallt, om inte kunden vill något annat?"),
        ("S2", "Ja, det är bra."),
        ("S3", "Okej. Det får bli så."),
    ]
    got = decisions(turns)
    assert len(got) == 1 and "mejl" in got[0]
    assert decisions([("S1", "Så vi landar i mejl, överallt?"), ("S2", "Nej, vänta, det vill jag tänka på.")]) == []
