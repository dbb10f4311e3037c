"""Answer a question over one meeting or a series, and count who answered what.

The pipeline is deliberately simple and inspectable:

1. Speaker turns: consecutive segments of one speaker are one contribution.
2. Where the question was asked: a sentence sharing the query's content stems
   (and its question word). Its speaker is the asker; their turns are excluded.
3. Retrieval: normalised BM25 on stems between the query and each turn, a boost
   for the turns in the answer round right after the question (the first most),
   a boost for turns that name an answer entity, plus embedding similarity when a
   local sentence-embedding model is installed.
4. Key term per answer by rules (the entity that "ska/borde/kan ... leda", known
   organisations, names; a bare "Kommunen." opening the turn counts most;
   mentions after "men" or after "utanför/stöd från/enskild" count least).
5. Grouping: agglomerative clustering on [key term one-hot | TF-IDF of content
   stems], labelled by the most frequent key term.

Counts and shares are computed here, by code, over the grouped contributions; an
optional local LLM may only rename a group.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
from pydantic import BaseModel, Field

from transcribe.series.answers import extract_key_term, query_verbs
from transcribe.series.meeting import MeetingRecord
from transcribe.sv.text import (
    StemIndex,
    match_stem,
    sentences,
    shared_stems,
    topic_stems,
    topic_tokens,
    word_tokens,
)
from transcribe.transcript import Transcript

_QWORDS = frozenset("vem vilka vad hur när var varför vilken vilket".split())

W_LEX, W_FIRST, W_ROUND, W_KEY, W_EMB = 0.5, 0.5, 0.4, 0.3, 0.3
MIN_SCORE_IN_ROUND = 0.55  # a turn in the answer round needs a key term or a bit of topic overlap
MIN_LEX_OUTSIDE = 0.5  # elsewhere: clearly on the question's topic AND naming someone
ROUND_MAX_TURNS = 10
ROUND_MAX_SECONDS = 300.0
SHORT_ASKER_TURN = 12  # words: "Och du, Peter?" keeps the round open, a summary closes it
CLUSTER_THRESHOLD = 0.5  # cosine distance, average linkage


# --------------------------------------------------------------------------- records


class AnswerPassage(BaseModel):
    meeting: int
    meeting_title: str
    meeting_path: str
    turn: int
    segment_ids: list[int]
    speaker: str | None = None
    speaker_name: str
    start: float
    end: float
    quote: str
    key_term: str | None = None
    score: float


class AnswerGroup(BaseModel):
    label: str
    key_term: str | None = None
    count: int
    share: float = Field(ge=0.0, le=1.0)
    share_percent: int  # largest-remainder rounding: the groups' percentages add up to exactly 100
    speakers: dict[str, int] = Field(default_factory=dict)
    passages: list[AnswerPassage] = Field(default_factory=list)


class QuestionAsked(BaseModel):
    meeting: int
    turn: int
    speaker_name: str
    start: float
    quote: str


class AskResult(BaseModel):
    question: str
    scope: str
    meetings: list[str] = Field(default_factory=list)
    asked: list[QuestionAsked] = Field(default_factory=list)
    n_contributions: int = 0
    groups: list[AnswerGroup] = Field(default_factory=list)
    method: dict[str, str] = Field(default_factory=dict)
    notes: list[str] = Field(default_factory=list)


# --------------------------------------------------------------------------- turns


@dataclass
class Turn:
    meeting: int
    index: int
    speaker: str | None
    speaker_name: str
    segment_ids: list[int]
    start: float
    end: float
    text: str
    stems: list[str] = field(default_factory=list)


def build_turns(transcript: Transcript, meeting: int = 1) -> list[Turn]:
    """Merge consecutive segments of the same speaker into one contribution."""
    turns: list[Turn] = []
    for seg in transcript.segments:
        text = seg.text.strip()
        if not text:
            continue
        if turns and turns[-1].speaker == seg.speaker and seg.speaker is not None:
            t = turns[-1]
            t.segment_ids.append(seg.id)
            t.end = max(t.end, seg.end)
            t.text = f"{t.text} {text}"
            continue
        turns.append(Turn(meeting, len(turns), seg.speaker, transcript.speaker_name(seg.speaker) or "okänd",
                          [seg.id], seg.start, seg.end, text))  # fmt: skip
    for t in turns:
        t.stems = topic_stems(t.text)
    return turns


# --------------------------------------------------------------------------- the question


def _qword(text: str) -> str | None:
    return next((w for w in word_tokens(text) if w in _QWORDS), None)


def find_question_turns(turns: Sequence[Turn], query: str, min_cover: float = 0.6) -> list[int]:
    """Turns that pose the query: a question sentence covering most of its content stems."""
    qstems = set(topic_stems(query))
    qword = _qword(query)
    found = []
    for t in turns:
        for sent in sentences(t.text):
            is_question = sent.endswith("?") or (qword is not None and word_tokens(sent)[:1] == [qword])
            if not is_question or not qstems:
                continue
            sstems = topic_stems(sent)
            cover = sum(1 for q in qstems if any(q == s or (len(q) >= 4 and s.startswith(q)) for s in sstems))
            if cover / len(qstems) >= min_cover and (qword is None or qword in word_tokens(sent)):
                found.append(t.index)
                break
    return found


def answer_round(turns: Sequence[Turn], q: int) -> list[int]:
    """Turn indices after question turn q until the asker takes the floor again with more than a nudge."""
    asker = turns[q].speaker
    out: list[int] = []
    for t in turns[q + 1 : q + 1 + ROUND_MAX_TURNS]:
        if t.start - turns[q].end > ROUND_MAX_SECONDS:
            break
        if t.speaker == asker and asker is not None:
            if len(word_tokens(t.text)) > SHORT_ASKER_TURN:
                break
            continue
        out.append(t.index)
    return out


# --------------------------------------------------------------------------- grouping and counting


def cluster_answers(key_terms: Sequence[str | None], texts: Sequence[str], threshold: float = CLUSTER_THRESHOLD
                    ) -> list[int]:  # fmt: skip
    """Cluster ids per answer: agglomerative on [key term one-hot (0.9) | TF-IDF content stems (0.44)]."""
    n = len(texts)
    if n == 0:
        return []
    if n == 1:
        return [0]
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    keys = sorted({k for k in key_terms if k})
    onehot = np.zeros((n, len(keys)))
    for i, k in enumerate(key_terms):
        if k:
            onehot[i, keys.index(k)] = 1.0
    docs = [" ".join(topic_stems(t)) or "_" for t in texts]
    ctx = TfidfVectorizer(token_pattern=r"\S+", sublinear_tf=True).fit_transform(docs).toarray()
    norms = np.linalg.norm(ctx, axis=1, keepdims=True)
    ctx = np.divide(ctx, norms, out=np.zeros_like(ctx), where=norms > 0)
    has_key = onehot.sum(axis=1, keepdims=True) > 0
    x = np.hstack([onehot * 0.9, ctx * np.where(has_key, 0.44, 1.0)])
    x[np.linalg.norm(x, axis=1) == 0, -1] = 1e-6  # cosine needs non-zero rows
    model = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average", distance_threshold=threshold)
    return [int(c) for c in model.fit_predict(x)]


def percentages(counts: Sequence[int]) -> list[int]:
    """Whole percentages that sum to exactly 100 (largest remainder)."""
    total = sum(counts)
    if total == 0:
        return [0 for _ in counts]
    raw = [100 * c / total for c in counts]
    floors = [int(r) for r in raw]
    left = 100 - sum(floors)
    order = sorted(range(len(counts)), key=lambda i: (raw[i] - floors[i], counts[i]), reverse=True)
    for i in order[:left]:
        floors[i] += 1
    return floors


def _group_label(passages: Sequence[AnswerPassage]) -> tuple[str, str | None]:
    terms = Counter(p.key_term for p in passages if p.key_term)
    if terms:
        term = max(terms, key=lambda k: (terms[k], -min(i for i, p in enumerate(passages) if p.key_term == k)))
        return term, term
    words = Counter(w for p in passages for w in topic_tokens(p.quote))
    return (f"övrigt: {words.most_common(1)[0][0]}" if words else "övrigt"), None


def make_groups(passages: list[AnswerPassage], top: int | None = None) -> list[AnswerGroup]:
    """Cluster, merge clusters that got the same label, count; past `top` groups the rest become "övriga svar"."""
    ids = cluster_answers([p.key_term for p in passages], [p.quote for p in passages])
    clusters: dict[int, list[AnswerPassage]] = {}
    for cid, p in zip(ids, passages, strict=True):
        clusters.setdefault(cid, []).append(p)
    by_label: dict[str, tuple[str | None, list[AnswerPassage]]] = {}
    for members in clusters.values():
        label, key = _group_label(members)
        prev = by_label.get(label)
        by_label[label] = (key, (prev[1] if prev else []) + members)
    groups = sorted(by_label.items(), key=lambda kv: (-len(kv[1][1]), kv[0]))
    if top is not None and top > 0 and len(groups) > top:
        rest = [p for _, (_, ps) in groups[top:] for p in ps]  # counted, not dropped
        groups = groups[:top] + [("övriga svar", (None, rest))]
    counts = [len(ps) for _, (_, ps) in groups]
    total = sum(counts)
    pct = percentages(counts)
    out = []
    for (label, (key, ps)), c, pc in zip(groups, counts, pct, strict=True):
        ps = sorted(ps, key=lambda p: (p.meeting, p.start))
        out.append(AnswerGroup(label=label, key_term=key, count=c, share=c / total if total else 0.0,
                               share_percent=pc, speakers=dict(Counter(p.speaker_name for p in ps)),
                               passages=ps))  # fmt: skip
    return out


# --------------------------------------------------------------------------- the whole question


Embedder = Callable[[list[str]], np.ndarray]
Relabeler = Callable[[str, list[AnswerGroup]], list[str | None]]


def ask(
    question: str,
    meetings: Sequence[MeetingRecord],
    scope: str = "",
    top: int | None = 5,
    embedder: Embedder | None = None,
    embedder_name: str = "",
    relabeler: Relabeler | None = None,
    relabeler_name: str = "",
) -> AskResult:
    """Find the contributions that answer `question` in `meetings` (series order) and count them by group."""
    question = question.strip()
    all_turns: list[Turn] = []
    per_meeting: list[list[Turn]] = []
    for m_no, rec in enumerate(meetings, start=1):
        turns = build_turns(rec.transcript, m_no)
        per_meeting.append(turns)
        all_turns.extend(turns)
    names = sorted({t.speaker_name for t in all_turns if t.speaker_name})
    qstems = topic_stems(question)
    index = StemIndex([t.stems for t in all_turns])
    lex_scores = index.scores(qstems) if qstems else [0.0] * len(all_turns)
    emb_scores = _embedding_scores(question, all_turns, embedder)
    verbs = query_verbs(question)

    result = AskResult(question=question, scope=scope, meetings=[str(r.path) for r in meetings])
    answers: list[AnswerPassage] = []
    offset = 0
    for m_no, (rec, turns) in enumerate(zip(meetings, per_meeting, strict=True), start=1):
        q_turns = find_question_turns(turns, question)
        askers = {turns[q].speaker for q in q_turns if turns[q].speaker is not None}
        round_rank: dict[int, int] = {}
        for q in q_turns:
            t = turns[q]
            result.asked.append(QuestionAsked(meeting=m_no, turn=q, speaker_name=t.speaker_name, start=t.start,
                                              quote=_question_sentence(t.text, question)))  # fmt: skip
            for rank, idx in enumerate(answer_round(turns, q)):
                round_rank[idx] = min(rank, round_rank.get(idx, rank))
        for t in turns:
            if t.index in q_turns or (t.speaker in askers and t.speaker is not None):
                continue
            lex = lex_scores[offset + t.index]
            emb = emb_scores[offset + t.index] if emb_scores is not None else 0.0
            key, surface = extract_key_term(t.text, names, verbs)
            in_round = t.index in round_rank
            score = W_LEX * lex + W_EMB * emb + (W_KEY if key else 0.0)
            if in_round:
                score += W_FIRST if round_rank[t.index] == 0 else W_ROUND
            if in_round:
                keep = score >= MIN_SCORE_IN_ROUND and (key is not None or lex >= 0.15)
            else:
                keep = key is not None and lex >= MIN_LEX_OUTSIDE
            if keep:
                answers.append(AnswerPassage(
                    meeting=m_no, meeting_title=rec.title, meeting_path=str(rec.path), turn=t.index,
                    segment_ids=t.segment_ids, speaker=t.speaker, speaker_name=t.speaker_name, start=t.start,
                    end=t.end, quote=t.text, key_term=surface, score=round(score, 3),
                ))  # fmt: skip
        offset += len(turns)
    if not result.asked:
        result.notes.append("Frågan hittades inte som ställd fråga i något möte; svaren bygger enbart på likhet.")
    result.n_contributions = len(answers)
    result.groups = make_groups(answers, top=top)
    result.method = {"retrieval": "BM25 på svenska ordstammar + svarsrunda efter frågan + nyckelterm",
                     "grouping": "agglomerativ klustring (nyckelterm + TF-IDF på ordstammar)",
                     "counting": "kod: antal inlägg per grupp", "embedding": embedder_name or "ingen",
                     "relabel": relabeler_name or "ingen"}  # fmt: skip
    if relabeler is not None and result.groups:
        _apply_labels(result, relabeler)
    return result


def _apply_labels(result: AskResult, relabeler: Relabeler) -> None:
    """Let a model rename groups; a label that is odd or drops the group's key term is ignored.

    Counts, shares and passages are never touched.
    """
    try:
        labels = relabeler(result.question, result.groups)
    except Exception as exc:  # a broken local model must not lose the counted answer
        result.notes.append(f"Ny etikettering misslyckades ({exc.__class__.__name__}); kodens etiketter används.")
        return
    rejected = 0
    for group, label in zip(result.groups, labels, strict=False):
        label = (label or "").strip()
        if not label or len(label) > 60 or "\n" in label:
            continue
        if group.key_term and not shared_stems([match_stem(group.key_term)], topic_stems(label)):
            rejected += 1  # a "nicer" name must still name what the code grouped on
            continue
        group.label = label
    if rejected:
        result.notes.append(f"{rejected} föreslagna etiketter saknade gruppens nyckelterm och användes inte.")


def _question_sentence(text: str, question: str) -> str:
    qstems = set(topic_stems(question))
    for sent in sentences(text):
        if sent.endswith("?") and qstems & set(topic_stems(sent)):
            return sent
    return text


def _embedding_scores(question: str, turns: Sequence[Turn], embedder: Embedder | None) -> list[float] | None:
    if embedder is None or not turns:
        return None
    vecs = embedder([question] + [t.text for t in turns])
    vecs = vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)
    sims = vecs[1:] @ vecs[0]
    return [max(0.0, float(s)) for s in sims]


# --------------------------------------------------------------------------- output


def _clock(seconds: float) -> str:
    s = int(round(seconds))
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m:02d}:{sec:02d}"


def to_markdown(result: AskResult) -> str:
    lines = [f"# Fråga: {result.question}", ""]
    if result.scope:
        n = len(result.meetings)
        lines.append(f"Underlag: {result.scope} ({n} möte{'n' if n != 1 else ''})")
    for a in result.asked:
        lines.append(f"- Ställd i möte {a.meeting} av {a.speaker_name} ({_clock(a.start)}): ”{a.quote}”")
    lines += ["", f"**{result.n_contributions} inlägg svarar på frågan.** Antal och andelar är räknade av koden.", ""]
    if not result.groups:
        lines.append("Inga svar hittades.")
    else:
        lines += ["| Svar | Antal | Andel | Vem |", "|---|---:|---:|---|"]
        for g in result.groups:
            who = ", ".join(f"{n} ({c})" if c > 1 else n for n, c in g.speakers.items())
            lines.append(f"| {g.label} | {g.count} | {g.share_percent} % | {who} |")
        for g in result.groups:
            lines += ["", f"## {g.label} – {g.count} inlägg ({g.share_percent} %)", ""]
            for p in g.passages:
                lines.append(f"- Möte {p.meeting}, {p.speaker_name}, {_clock(p.start)}: ”{p.quote}”")
    for note in result.notes:
        lines += ["", f"_{note}_"]
    return "\n".join(lines) + "\n"
