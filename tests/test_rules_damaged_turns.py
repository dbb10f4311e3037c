"""The chair's settling sentence damaged inside its own turn: read from its grammar and the proposal it echoes.

Hand-made passages as a recogniser might return them; words listed as unsure get a low word probability. What
is read through a damaged word is flagged "Kontrollera mot ljudet" with what was read; the same sentence heard
surely, or damaged where another reading stands, gives no decision.
"""

from __future__ import annotations

from tests.spoken import minutes
from transcribe.minutes.rules.cueframes import frame_repair

MEMBERS = [
    ("S3", "Fler medlemmar är mer pengar."),
    ("S2", "Och mer spån. Och mer kast på klyvsågen."),
    ("S3", "Jag tycker inte vi ska ta in fler innan vi sett hur det blir med tisdagarna."),
]


def test_a_lost_verb_after_da_is_the_verb_the_proposal_said() -> None:
    turns = [*MEMBERS, ("S1", "Då vi inte in några nya medlemmar förrän till hösten. Kön får vänta.")]
    got = minutes(turns).decisions
    assert len(got) == 1 and got[0].text.startswith("Mötet beslutade att inte ta in några nya medlemmar förrän")
    assert got[0].needs_review and '"tar" hördes inte' in (got[0].review_reason or "")
    # the verb heard as a word that is no verb, unsure: the same reading
    turns[-1] = ("S1", "Då lov vi inte in några nya medlemmar förrän till hösten. Kön får vänta.")
    got = minutes(turns, unsure=frozenset({"lov"})).decisions
    assert len(got) == 1 and "inte ta in några nya medlemmar" in got[0].text and got[0].needs_review


def test_a_proposal_with_inte_lends_no_verb_to_a_sentence_without_one() -> None:
    turns = [*MEMBERS, ("S1", "Då vi in några nya medlemmar förrän till hösten. Kön får vänta.")]
    assert not minutes(turns).decisions  # the "inte" may have been lost: never a decision to take them in
    # a proposal that shares no verb with the words after "vi" lends nothing
    other = [*MEMBERS[:2], ("S3", "Vi borde vänta med det."), turns[-1]]
    assert not minutes(other).decisions


ECHO = [
    ("S1", "Så vi skriver att barn under tio får köra bara med en klubbmedlem bredvid?"),
    ("S2", "Ja."),
    ("S3", "Ja, skriv så."),
]


def test_the_chairs_echo_with_its_det_misheard() -> None:
    close = ("S1", "Då skriver vi på. Och det gäller från nästa söndag.")
    got = minutes([*ECHO, close], unsure=frozenset({"på"})).decisions
    assert len(got) == 1 and "klubbmedlem bredvid" in got[0].text
    assert got[0].needs_review and '"på" lästes som "det"' in (got[0].review_reason or "")
    assert not minutes([*ECHO, close]).decisions  # heard surely: "skriva på" is what was said
    # a verb the proposal never said is no echo
    assert not minutes([*ECHO, ("S1", "Då ringer vi på. Och det gäller från nästa söndag.")],
                       unsure=frozenset({"på"})).decisions  # fmt: skip


SCHOOL = [
    ("S2", "Skolan i Götene har frågat om vi kan visa fåglar för en klass i maj."),
    ("S3", "Jag gör det gärna. Jag har ringmärkning i maj ändå, de kan komma dit."),
]


def test_two_finite_verbs_before_vi_lost_the_front_word() -> None:
    close = ("S1", "Vill säger vi ja till skolan. Olof tar klassen vid ringmärkningen.")
    got = minutes([*SCHOOL, close], unsure=frozenset({"vill"})).decisions
    assert [d.text for d in got] == ["Mötet beslutade att säga ja till skolan."]
    assert got[0].needs_review and '"Vill" lästes som "då"' in (got[0].review_reason or "")
    # a modal cannot stand before another finite verb however surely it was heard; a plural noun can
    assert [d.text for d in minutes([*SCHOOL, close]).decisions] == ["Mötet beslutade att säga ja till skolan."]
    assert frame_repair("Pengar tar vi från kassan.", set()) is None
    asked = ("S1", "Vill säger vi ja till skolan?")
    assert not minutes([*SCHOOL, asked], unsure=frozenset({"vill"})).decisions


def test_a_front_word_lost_before_a_negated_statement_with_its_object() -> None:
    turns = [*MEMBERS, ("S1", "I tar vi inte in några nya medlemmar förrän till hösten.")]
    got = minutes(turns, unsure=frozenset({"i"})).decisions
    assert len(got) == 1 and "inte ta in några nya medlemmar" in got[0].text and got[0].needs_review
    # the thing refused put first ("Det gör vi inte."): no object after the negation, nothing read
    assert frame_repair("Det gör vi inte.", {"det"}) is None
