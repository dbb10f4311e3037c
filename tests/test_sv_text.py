"""Swedish words: tokens, stems, stopwords and the overlap scores the minutes and series rely on."""

from __future__ import annotations

import pytest

from transcribe.sv import text


def test_sentences_and_tokens() -> None:
    assert text.sentences("Vi bestämde det. Nästa möte? ja") == ["Vi bestämde det.", "Nästa möte?", "ja"]
    assert text.sentences("utan skiljetecken blir det en mening") == ["utan skiljetecken blir det en mening"]
    assert text.tokens("NTI:s lokaler, kl 14:30 och Bank-ID") == ["nti:s", "lokaler", "kl", "14:30", "och", "bank-id"]
    assert text.word_tokens("NTI:s lokaler") == ["nti", "s", "lokaler"]


@pytest.mark.parametrize(
    "said",
    [
        "Vi ses kl. 18.30 i aulan",
        "Vi köper t.ex. stolar och bl.a. bord",
        "Det kostar ca. tio tusen, dvs. mer än i fjol",
        "Den s.k. budgeten gäller fr.o.m. januari",
        "Jenny tar ett samtal med E.S. när hon är tillbaka",
        "Vi ringer A. Berg i morgon",
        "Pärmar, papper o.s.v. och sen pennor",
    ],
)
def test_an_abbreviation_does_not_end_the_sentence(said: str) -> None:
    assert text.sentences(f"{said}. Sedan går vi hem.") == [f"{said}.", "Sedan går vi hem."]


@pytest.mark.parametrize(
    "said, after",
    [
        ("Alla som vill ha alternativ A.", "Fyra."),  # a capital letter closing the sentence, not an initial
        ("Vi ligger efter i trapphus B.", "Det är stambytet."),
        ("En flicka i sjuan, E.S.", "Hon har kommit nio gånger."),  # initials closing a clause
        ("Pärmar, papper o.s.v.", "Sedan gick vi."),
        ("Vi sitter i sal I.", "Normalt har vi den."),  # "I" is a word, never an initial
    ],
)
def test_letters_and_list_ends_close_a_sentence_before_an_everyday_word(said: str, after: str) -> None:
    assert text.sentences(f"{said} {after}") == [said, after]


def test_without_capitals_only_fixed_abbreviations_hold() -> None:
    assert text.sentences("en flicka i sjuan, e.s. hon har kommit. vi ses kl. 18.30 då.") == [
        "en flicka i sjuan, e.s.",
        "hon har kommit.",
        "vi ses kl. 18.30 då.",
    ]
    assert text.sentences("Ja! Nej? Kanske.") == ["Ja!", "Nej?", "Kanske."]


def test_stems_meet_across_forms() -> None:
    assert text.stem("Skolorna") == text.stem("skolor") == "skol"
    assert text.stem("skolan") == "skolan"  # Snowball keeps the definite form ...
    assert text.match_stem("skolan") == text.match_stem("skolorna") == "skol"  # ... match stems do not
    assert text.related("sammanställ", "sammanställning")
    assert not text.related("skol", "skolgård")  # too short to mean the same word


def test_content_words_drop_fillers_and_digits() -> None:
    assert text.content_words("Ja alltså vi bokar 3 bussar till studiebesöket") == ["bokar", "bussar",
                                                                                    "studiebesöket"]  # fmt: skip


def test_topic_words_drop_dates_and_meeting_talk() -> None:
    words = text.topic_tokens("Mötet på tisdagen den tjugosjätte december handlar om praktikplatser")
    assert words == ["handlar", "praktikplatser"]


@pytest.mark.parametrize(("a", "b", "dice", "contained"), [
    ({"a", "b"}, {"a", "b"}, 1.0, 1.0), ({"a", "b"}, {"b", "c"}, 0.5, 0.5), ({"a"}, {"a", "b", "c"}, 0.5, 1.0),
    (set(), set(), 1.0, 0.0), ({"a"}, set(), 0.0, 0.0),
])  # fmt: skip
def test_similarity_scores(a: set[str], b: set[str], dice: float, contained: float) -> None:
    assert text.dice(a, b) == pytest.approx(dice)
    assert text.containment(a, b) == pytest.approx(contained)


def test_prefix_rule_across_meetings() -> None:
    a = text.topic_stems("sammanställning av praktikplatser")
    b = text.topic_stems("vi sammanställer praktikplatserna")
    assert text.shared_stems(a, b) == set(a)
    assert text.shared_stems(a, text.topic_stems("bussresa till Umeå")) == set()


def test_stem_index_ranks_the_document_on_topic_first() -> None:
    docs = [text.topic_stems(t) for t in ("bussen till Umeå är bokad", "praktikplatser hos företagen",
                                          "lunch och fika")]  # fmt: skip
    scores = text.StemIndex(docs).scores(text.topic_stems("Hur går det med praktikplatserna?"))
    assert scores.index(max(scores)) == 1 and scores[1] > 0.5 and scores[0] == scores[2] == 0.0
