"""A word the recogniser was unsure of refuses a decision only where the word matters.

About two right words in five are heard below probability 0.5 under the noise curve's error model, so a
refusal on any unsure word loses decisions that were heard right. An unsure answer word before "vi
beslutar", an unsure "vi" opening what a settling sentence settled, or a matter word misheard in the turn
that raised it leave the decision; an unsure word where "om" or a lost "jag" may have stood still refuses.
"""

from __future__ import annotations

from tests.spoken import MEETING, transcript
from transcribe.minutes import Minutes, extract_minutes
from transcribe.minutes.rules import build_utts
from transcribe.transcript import Transcript


def minutes(said: Transcript) -> Minutes:
    return extract_minutes(said, meeting_date=MEETING, robust=True)


def test_an_unsure_answer_word_before_vi_beslutar_keeps_the_decision() -> None:
    turns = [("S2", "Ska vi hyra ut stugan i år?"), ("S1", "Nej, vi beslutar att inte hyra ut stugan i år.")]
    got = minutes(transcript(turns, unsure=frozenset({"nej"}))).decisions
    assert len(got) == 1 and "inte hyra ut stugan" in got[0].text
    # where "om" may have stood, heard as another word, the sentence is still no decision of this meeting
    heard = [("S2", "Den nämnden beslutar att stänga skolan i höst.")]
    assert not minutes(transcript(heard, unsure=frozenset({"den"}))).decisions


def test_an_unsure_vi_opening_what_was_settled_is_read() -> None:
    turns = [
        ("S2", "Bolaget vill dra ledningen över betesmarken."),
        ("S3", "Vi borde förhandla om ersättning i stället för att överklaga."),
        ("S1", "Så blir det. Vi förhandlar med bolaget om ersättning."),
    ]
    got = minutes(transcript(turns, unsure=frozenset({"vi"}))).decisions
    assert any("förhandla med bolaget om ersättning" in d.text for d in got), [d.text for d in got]
    # a short word where a lost "jag" may stand ("<En> meddelar ...") is no statement of the group
    lost_jag = [*turns[:2], ("S1", "Så blir det. En meddelar fastigheten i morgon.")]
    got = minutes(transcript(lost_jag, unsure=frozenset({"en"}))).decisions
    assert not any("meddelar fastigheten" in d.text for d in got), [d.text for d in got]


def test_a_word_unsure_in_one_sentence_is_sure_in_the_next() -> None:
    turns = [
        ("S2", "Bolaget vill dra ledningen över betesmarken."),
        ("S3", "Vi borde förhandla om ersättning i stället för att överklaga."),
        ("S1", "Jag tar en kopp kaffe först. Så blir det. En förhandling med bolaget om ersättning i vår."),
    ]
    said = transcript(turns)
    seg = said.segments[2]
    words = [w.model_copy(update={"probability": 0.3}) if w.text.strip() == "en" else w for w in seg.words]
    said.segments[2] = seg.model_copy(update={"words": words})  # only the "en" of the first sentence is unsure
    got = minutes(said).decisions
    assert any("förhandling med bolaget" in d.text for d in got), [d.text for d in got]
    by_text = {u.text: u for u in build_utts(said)}
    assert by_text["Jag tar en kopp kaffe först."].uncertain("en")
    assert not by_text["En förhandling med bolaget om ersättning i vår."].uncertain("en")


def test_the_matter_misheard_where_it_was_raised_is_still_raised() -> None:
    turns = [
        ("S2", "Vi borde köpa båtmotorrer till kanotuthyrningen."),
        ("S3", "Det har vi inte råd med."),
        ("S1", "Nej. Vi köper inga båtmotorer."),
    ]
    got = minutes(transcript(turns, unsure=frozenset({"båtmotorrer"}))).decisions
    assert len(got) == 1 and "inte köpa några båtmotorer" in got[0].text, [d.text for d in got]
    other = [("S2", "Vi borde köpa flytvästar till kanotuthyrningen."), *turns[1:]]
    assert not minutes(transcript(other)).decisions  # a matter nobody raised is not settled


def test_an_unsure_ni_where_the_group_states_its_plan_is_read_as_vi() -> None:
    turns = [
        ("S2", "Ska vi stryka den andra testomgången? Den tar mycket tid."),
        ("S3", "Nej, den behövs för eleverna som var sjuka."),
        ("S1", "Ni stryker inte den andra testomgången."),
    ]
    got = minutes(transcript(turns, unsure=frozenset({"ni"}))).decisions
    assert len(got) == 1 and "inte stryka den andra testomgången" in got[0].text and got[0].needs_review
    assert not minutes(transcript(turns)).decisions  # "ni" heard surely: said to the others, no decision
