"""Who an answer names: the organisation, person or thing a contribution proposes.

Rules, not a model: the entity that "ska/borde/kan ... leda", known organisations in any
of their forms, names of the meeting's people; a bare "Kommunen." opening the turn counts
most, mentions after "men" or after "utanför/stöd från/enskild" count least.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from transcribe.sv.text import match_stem, topic_stopwords, topic_tokens

# Organisations an answer to "who" typically names; every form maps to the label shown.
ORGANISATIONS: dict[str, tuple[str, ...]] = {
    "regionen": ("region", "regionen", "regionens", "regioner", "regionerna", "landstinget"),
    "kommunen": ("kommun", "kommunen", "kommunens", "kommuner", "kommunerna", "kommunernas"),
    "skolan": ("skola", "skolan", "skolans", "skolor", "skolorna", "skolornas"),
    "näringslivet": ("näringsliv", "näringslivet", "näringslivets"),
    "företagen": ("företag", "företagen", "företagens", "arbetsgivarna", "arbetsgivare"),
    "staten": ("stat", "staten", "statens"),
    "länsstyrelsen": ("länsstyrelse", "länsstyrelsen", "länsstyrelsens"),
    "arbetsförmedlingen": ("arbetsförmedling", "arbetsförmedlingen", "arbetsförmedlingens"),
    "universitetet": ("universitet", "universitetet", "högskola", "högskolan"),
    "nätverket": ("nätverk", "nätverket", "nätverkets"),
    "projektet": ("projekt", "projektet", "projektets"),
    "styrgruppen": ("styrgrupp", "styrgruppen", "styrgruppens"),
    "föreningen": ("förening", "föreningen", "föreningar", "föreningarna"),
    "facket": ("facket", "fackförbundet", "facken"),
}
ORG_FORM = {form: label for label, forms in ORGANISATIONS.items() for form in forms}
# Verbs that make the word before them the proposed "who" ("skolan ska leda det").
_LEAD_VERBS = frozenset(
    "leda leder ledde ta tar sköta sköter ansvara ansvarar hålla håller äga äger driva driver "
    "samordna samordnar ha har stå står".split()
)
_MODALS = frozenset("ska skall borde bör kan skulle måste får vill".split())
_PRONOUNS = frozenset("jag du han hon vi ni de det den man någon alla ingen dom dem som".split())
# Words right before a mention that make it a side remark, not the answer.
_DEMOTE = {"inte": 1.5, "utanför": 1.5, "från": 1.2, "enskild": 1.5, "enskilda": 1.5, "utan": 1.2,
           "med": 0.8, "om": 0.6, "än": 1.0}  # fmt: skip


@dataclass
class _Mention:
    key: str  # canonical: organisation label, a name, or a stem
    surface: str
    score: float


def query_verbs(query: str) -> set[str]:
    """The query's own content words ("leda") join the lead verbs, so "vem ska samordna" works too."""
    return set(topic_tokens(query))


def extract_key_term(text: str, names: Sequence[str] = (), extra_verbs: set[str] | frozenset[str] = frozenset()
                     ) -> tuple[str | None, str | None]:  # fmt: skip
    """(canonical key, surface form) of the entity a contribution proposes, or (None, None)."""
    verbs = _LEAD_VERBS | set(extra_verbs) | {match_stem(v) for v in extra_verbs}
    first_names = {n.split()[0].lower(): n.split()[0] for n in names if n and n.split()}
    raw = re.findall(r"[\wåäöÅÄÖéÉ-]+|[.!?,;:]", text)
    words = [w for w in raw if w not in ".!?,;:"]
    n = max(1, len(words))
    mentions: list[_Mention] = []
    pos = 0
    sentence_start = True
    sentence_no = 0
    after_men = False
    fragment_open = True  # still inside the turn's first clause
    prev_org = False
    for i, w in enumerate(raw):
        if w in ".!?":
            sentence_start, sentence_no = True, sentence_no + 1
            fragment_open = False
            continue
        if w in ",;:":
            fragment_open = False
            continue
        lw = w.lower()
        if lw == "men":
            after_men = True
        key, surface, base = None, w, 0.0
        if lw in ORG_FORM:
            key, surface, base = ORG_FORM[lw], ORG_FORM[lw], 1.0
        elif lw in first_names:
            key, surface, base = first_names[lw], first_names[lw], 1.0
        elif w[:1].isupper() and not sentence_start and not prev_org and lw not in topic_stopwords():
            key, surface, base = w, w, 0.8  # a name or an organisation said with a capital
        else:
            nxt = [x.lower() for x in raw[i + 1 : i + 4] if x not in ".!?,;:"]
            if (lw not in topic_stopwords() and lw not in _PRONOUNS and len(lw) > 3
                    and nxt and nxt[0] in _MODALS and any(v in verbs for v in nxt[1:3])):  # fmt: skip
                key, surface, base = match_stem(lw), lw, 0.6  # "rektorerna ska leda det"
        if key is not None:
            score = base + 0.3 * (1 - pos / n)
            nxt = [x.lower() for x in raw[i + 1 : i + 4] if x not in ".!?,;:"]
            if nxt and (nxt[0] in verbs or (nxt[0] in _MODALS and any(v in verbs for v in nxt[1:3]))):
                score += 1.5
            if len(nxt) >= 2 and nxt[0] in ("vore", "är") and nxt[1] in ("bäst", "bra", "naturligt", "rätt"):
                score += 1.0
            if pos == 0 and fragment_open:
                score += 2.0  # "Kommunen." / "Kommunen, helt klart." opens the turn
            if sentence_no == 0 or (sentence_no == 1 and pos < 6):
                score += 0.3
            if after_men:
                score -= 0.8
            before = [x.lower() for x in words[max(0, pos - 2) : pos]]
            score -= max((_DEMOTE.get(b, 0.0) for b in before), default=0.0)
            mentions.append(_Mention(key, surface, score))
        prev_org = lw in ORG_FORM
        sentence_start = False
        pos += 1
    if not mentions:
        return None, None
    best: dict[str, _Mention] = {}
    counts = Counter(m.key for m in mentions)
    for m in mentions:
        if m.key not in best or m.score > best[m.key].score:
            best[m.key] = m
    key = max(best, key=lambda k: best[k].score + 0.2 * (counts[k] - 1))
    return key, best[key].surface


def organisation_or_stem(label: str) -> str:
    """A group label in comparable form: "Kommunen" and "kommun" are the same organisation."""
    low = label.strip().lower()
    return ORG_FORM.get(low, match_stem(low))
