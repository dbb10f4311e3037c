"""A decision whose "inte" the recogniser lost must be flagged, without flagging the ones said as meant."""

from __future__ import annotations

from tests.spoken import MEETING, transcript
from transcribe.minutes import Minutes, extract_minutes


def minutes(turns: list[tuple[str, str]]) -> Minutes:
    return extract_minutes(transcript(turns), meeting_date=MEETING, robust=True)


def _vakt(before: str) -> list[tuple[str, str]]:
    return [
        ("S2", "Byalaget har frågat om vi kan stå som vakt vid fyrverkeriet på nyår."),
        ("S3", "Jag är bortrest hela helgen."),
        # said: "... beslutar att inte ställa upp som vakt ..."; the recogniser lost "inte"
        ("S1", f"{before} Jag föreslår att föreningen beslutar att ställa upp som vakt på nyår. Är alla med på det?"),
        ("S2", "Ja."),
        ("S3", "Ja."),
        ("S1", "Då är det beslutat."),
    ]


def test_bare_no_just_before_the_proposal_flags_the_decision() -> None:
    got = minutes(_vakt("Nej. Vi har inte folk."))
    vakt = [d for d in got.decisions if "vakt" in d.text]
    assert vakt and all(d.needs_review for d in vakt)
    assert "Nej." in (vakt[0].review_reason or "")


def test_proposal_without_a_refusal_before_it_is_not_flagged() -> None:
    got = minutes(_vakt("Det blir roligt."))
    vakt = [d for d in got.decisions if "vakt" in d.text]
    assert vakt and not any(d.needs_review for d in vakt)


def test_an_acknowledging_no_before_a_proposal_is_no_refusal() -> None:
    # "Nej, det vet jag." agrees with what was just said; the proposal after it is meant as said
    got = minutes(_vakt("Nej, det vet jag."))
    vakt = [d for d in got.decisions if "vakt" in d.text]
    assert vakt and not any(d.needs_review for d in vakt)


def test_no_to_a_call_for_objections_is_assent() -> None:
    said = "Och till justerare föreslår jag Karin Ek och Olof Nilsson. Några andra förslag? Nej. Då är de valda."
    got = minutes([("S1", said)]).decisions
    assert [d.text for d in got] == ["Karin Ek och Olof Nilsson valdes till justerare."]
    assert not got[0].needs_review
