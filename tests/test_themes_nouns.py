"""Themes name what the meeting talks about: nouns that recur across speakers, never the verbs said about them."""

from __future__ import annotations

from transcribe.minutes.theme_words import noun_words
from transcribe.minutes.themes import extract_themes
from transcribe.transcript import Segment, SpeakerInfo, Transcript

TURNS = [
    ("A", "Vi höjer avgiften för medlemmarna i föreningen från januari, det kostar oss annars för mycket."),
    ("B", "Höjer vi avgiften så måste vi skriva till medlemmarna om varför vi höjer den i föreningen."),
    ("A", "Jag skriver brevet till medlemmarna i morgon, och vi höjer avgiften med femtio kronor."),
    ("C", "Då höjer vi avgiften men ringer först till kassören om budgeten för föreningen."),
    ("B", "Jag ringer kassören i kväll om budgeten och frågar om avgiften och om kassan räcker."),
    ("C", "Vi pratar med kassören om budgeten, och räcker inte kassan så höjer vi avgiften igen."),
    ("A", "Taket på stugan läcker, vi behöver byta taket på stugan innan vintern kommer."),
    ("B", "Jag ringer snickaren om taket på stugan, han lägger om taket på stugan billigt."),
    ("C", "Snickaren kostar pengar, men vi byter taket på stugan och tar det från kassan."),
    ("A", "Då byter vi taket på stugan och ringer snickaren om ett pris på taket."),
    ("B", "Jag frågar snickaren om priset för taket på stugan, och skriver till kassören."),
    ("C", "Vi väntar med stugan tills snickaren har tittat på taket och ringt kassören."),
    ("A", "Sen pratar vi om festen för medlemmarna i stugan, vi bjuder på mat och musik på festen."),
    ("B", "Festen i stugan blir bra, jag skriver inbjudan till festen och skickar den till medlemmarna."),
    ("C", "Jag köper mat till festen och frågar om musiken för festen i stugan."),
    ("A", "Vi bjuder medlemmarna på festen i stugan och skriver om festen i brevet."),
]


def _meeting() -> Transcript:
    segs = [
        Segment(id=i, start=i * 10.0, end=i * 10.0 + 9.0, text=text, speaker=who) for i, (who, text) in enumerate(TURNS)
    ]
    return Transcript(
        source="test",
        duration=len(TURNS) * 10.0,
        model="test",
        segments=segs,
        speakers=[SpeakerInfo(label=x, name=None) for x in "ABC"],
    )


def test_nouns_read_from_the_words_before_them() -> None:
    nouns = noun_words(text for _, text in TURNS)
    for noun in ("avgiften", "medlemmarna", "taket", "stugan", "festen", "budgeten", "kassören"):
        assert noun in nouns, noun
    # verbs said after their subject, an auxiliary, or with the subject after them; adverbs; units
    for word in ("höjer", "skriver", "ringer", "räcker", "byter", "kostar", "sen", "först", "kronor"):
        assert word not in nouns, word


def test_no_verb_heads_a_theme() -> None:
    themes = extract_themes(_meeting())
    words = [k.lower() for t in themes for k in t.keywords]
    assert themes and words
    assert not {"höjer", "skriver", "ringer", "räcker", "byter", "pratar", "frågar", "kostar"} & set(words), words
    assert {"avgiften", "taket", "festen"} <= set(words), words
    for t in themes:
        assert "höjer" not in t.heading.lower() and "ringer" not in t.heading.lower(), t.heading
