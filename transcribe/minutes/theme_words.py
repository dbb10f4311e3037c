"""Which words a meeting uses as nouns, read from the words around them.

A theme is what the meeting talks about: a thing named, not what is done with it ("höjer", "skriver")
nor how it is said ("sen", "förresten"). Swedish shows a noun by what stands before it: an article,
a determiner, a possessive, a number or a preposition ("en budget", "på taket", "våra medlemmar",
"med kommunen"); and a verb by its subject or auxiliary before it ("vi höjer", "ska skriva",
"att ringa") or by the subject right after it when the sentence starts with something else
("Då höjer vi ...", "Sen skriver jag ..."). A word heard more often as a noun than as a verb in the
meeting, and at least once, may head a theme; the definite plural and the abstract-noun endings
("medlemmarna", "renoveringen", "säkerheten") are nouns by their form alone.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from transcribe.sv.numbers import CARDINALS, ONES, TENS, is_compound, parse_number
from transcribe.sv.text import sentences, stopwords, tokens

# Closed classes of Swedish grammar (no topic words): what stands before a noun phrase's head. The
# articles, demonstratives, possessives and prepositions always do; the quantifiers and numbers may
# also stand alone as a pronoun before a verb ("ingen invänder", "två räcker"), so they count half.
_ARTICLES = frozenset("en ett denna detta dessa varje varenda".split())
_POSSESSIVES = frozenset(
    "min mitt mina din ditt dina sin sitt sina vår vårt våra er ert era hans hennes deras dess".split()
)
_PREPOSITIONS = frozenset(
    "på i med till om för av från åt under över efter kring mot genom utan hos vid inför enligt bland mellan"
    " bakom framför inom utanför ovanför per".split()
)
_PRONOUN_LIKE = "ingen inget inga någon något några många flera fler färre alla båda bägge samma annan annat andra"
_QUANTIFIERS = frozenset(f"{_PRONOUN_LIKE} hela mer mera".split()) | (frozenset(CARDINALS) - _ARTICLES)
BEFORE_NOUN = _ARTICLES | _POSSESSIVES | _PREPOSITIONS
# ... and what stands before a verb: its subject, an auxiliary, the infinitive mark, the negation,
# the relative "som" and the formal subject "det" ("som heter", "det räcker").
SUBJECTS = frozenset("jag du vi ni han hon man hen".split())
_AUXILIARIES = frozenset("ska skall kan kunde måste får fick vill ville bör borde skulle brukar att inte".split())
BEFORE_VERB = SUBJECTS | _AUXILIARIES | {"som", "det"}
# Endings only nouns have: definite plural, and the abstract nouns made from verbs and adjectives.
_VOWELS = frozenset("aeiouyåäö")
NOUN_ENDINGS = ("arna", "erna", "orna", "ningen", "ningar", "heten", "heter", "tionen", "tioner")


_NUMBER_PARTS = sorted(
    [*ONES[1:], "en", *TENS.values(), "hundra", "tusen", "miljoner", "miljon"], key=len, reverse=True
)
_SPOKEN_NUMBER = re.compile(f"(?:{'|'.join(_NUMBER_PARTS)})+")


def is_number(word: str) -> bool:
    """A spoken number of any size: "fyra", "sextiofem", "tusen", "tvåtusentrehundra"."""
    return parse_number(word) is not None or is_compound(word) or bool(_SPOKEN_NUMBER.fullmatch(word))


def _is_content(word: str, stop: frozenset[str]) -> bool:
    return word not in stop and len(word) > 2 and not word[0].isdigit()


@dataclass
class _Uses:
    """How the meeting used each word, counted in halves (a quantifier before it counts one half)."""

    noun: Counter[str] = field(default_factory=Counter)
    firm: Counter[str] = field(default_factory=Counter)  # by an article, possessive, preposition or ending
    verb: Counter[str] = field(default_factory=Counter)
    counted: Counter[str] = field(default_factory=Counter)  # said right after a number
    said: Counter[str] = field(default_factory=Counter)

    def add(self, words: list[str], stop: frozenset[str]) -> None:
        n = len(words)
        self.said.update(words)
        for i, w in enumerate(words):
            prev = words[i - 1] if i else ""
            nxt = words[i + 1] if i + 1 < n else ""
            after = words[i + 2] if i + 2 < n else ""
            if prev and prev not in _ARTICLES and is_number(prev):
                self.counted[w] += 1
            if w.endswith(NOUN_ENDINGS):
                self.noun[w] += 2
                self.firm[w] += 1
            # a subject after its verb ("Då höjer vi avgiften") is followed by the object, not a verb
            inverted = prev in SUBJECTS and i > 1 and _is_content(words[i - 2], stop)
            if (prev in BEFORE_VERB and not inverted) or (nxt in SUBJECTS and prev not in BEFORE_NOUN | _QUANTIFIERS):
                self.verb[w] += 1
            # The head of the phrase is the word after the determiner when no other content word follows
            # it: "en ny ugn" and "ett bröd kostar" tell no head from a modifier or a verb, so count nothing.
            if nxt and _is_content(nxt, stop) and not (after and _is_content(after, stop)):
                if w in BEFORE_NOUN:
                    self.noun[nxt] += 2
                    self.firm[nxt] += 1
                elif w in _QUANTIFIERS:
                    self.noun[nxt] += 1

    def adjective(self, word: str) -> bool:
        """Said also with the neuter -t and the plural -a ("hel", "helt", "hela"): an adjective, no noun."""
        return word[-1] not in _VOWELS and bool(self.said[word + "t"]) and bool(self.said[word + "a"])

    def nouns(self) -> frozenset[str]:
        return frozenset(
            w
            for w, c in self.noun.items()
            if self.firm[w]
            and c > 2 * self.verb[w]
            and not is_number(w)
            and 2 * self.counted[w] < self.said[w]
            and not self.adjective(w)
        )


def noun_words(texts: Iterable[str]) -> frozenset[str]:
    """The words used as nouns in these texts (lower case), more often than as verbs.

    A word named only after a quantifier or a number ("ingen invänder") is not taken: it needs an
    article, a possessive, a preposition or a noun ending at least once. Number words and the units
    they count ("fyrtio kronor", "tio minuter", "två mil": a word said after a number at least half
    the times it is said) are amounts, not topics, and left out.
    """
    stop = stopwords()
    uses = _Uses()
    for text in texts:
        for sentence in sentences(text):
            uses.add(tokens(sentence), stop)
    return uses.nouns()
