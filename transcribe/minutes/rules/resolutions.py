"""Resolutions by their clause structure rather than by a fixed phrase.

A decision is the meeting (or its body) committing itself to something. Three structures
say so without the words "beslutar"/"bestämmer":

* a formal act of the chair in the present, active or passive: "Då godkänner vi dagordningen",
  "Då läggs protokollet till handlingarna", "Då fastställer styrelsen budgeten";
* a commission: "Styrelsen ger Ahmed i uppdrag att ...", "Vi uppdrar åt Lisa att ...";
* a confirmation followed in the same turn by the chair restating what was agreed:
  "Då säger vi så. Vi skriver inte under avtalet förrän vi har sett siffrorna.";
* the chair's call answered within the chair's own turn: "Kan resultaträkningen fastställas? Ja.
  Klubbat.", "Någon emot? Nej. Då har vi inte standup på fredagar längre.";
* the chair's summing-up ("Då sammanfattar jag. Luciafirandet blir på eftermiddagen, vi köper två
  nya sandlådor ..."): each item restating a decision found earlier adds its evidence; an item whose
  earlier passage was heard uncertainly (so its own cue may have been lost) becomes a decision to check.

Each is refused when negated around the verb, asked, conditional, tentative or reported.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.phrasing import (
    decision_sentence,
    first_person,
    strip_tail,
    to_infinitive,
)
from transcribe.minutes.rules.safety import PREFIX, polarity_conflict, shared_topic
from transcribe.minutes.rules.state import RuleState
from transcribe.minutes.rules.utterances import (
    Utt,
    evidence_list,
    merge_evidence,
    personal_commitment,
    similar,
    stems,
)
from transcribe.sv.text import capitalise, content_words

_LEAD = r"(?:(?:ja|okej|bra|tack|och|men)\b[\s,]*)*"
_BODY = rf"(?P<body>vi|{cues.BODY_NOUN})"
# The chair's formal acts and the past tense the minutes use for them.
ACT_PAST = {
    "godkänner": "godkändes",
    "godkänns": "godkändes",
    "fastställer": "fastställdes",
    "fastställs": "fastställdes",
    "antar": "antogs",
    "antas": "antogs",
    "lägger": "lades till handlingarna",
    "läggs": "lades till handlingarna",
}
_ACTIVE = "godkänner|fastställer|antar|lägger"
_PASSIVE = "godkänns|fastställs|antas|läggs"
FORMAL_ACT = re.compile(
    rf"(?:^|[,;:]\s*(?:och\s+)?|\boch\s+){_LEAD}(?:då|så|därmed|härmed|nu)\s+(?:"
    rf"(?P<va>{_ACTIVE})\s+{_BODY}|(?P<vp>{_PASSIVE}))\s+"
    r"(?:(?:alltså|därmed|härmed|också)\s+)?(?P<np>[^,.;!?]+?)(?P<files>\s+till\s+handlingarna)?\s*(?:[,.;!?]|$)"
)
_PRONOUN = re.compile(r"^(?:de|dem|den|det|detta|dessa)$")
_THEIR_TASK = re.compile(r"\b(?:hon|han|hen)\s+(?:får|ska|kan|måste)\b")
# A document a chair puts to the meeting and files: "förra protokollet", "kassarapporten", "verksamhetsberättelsen"
_DOCUMENT = re.compile(
    r"(?:\b(?:förra|föregående|senaste)\s+)?\b[a-zåäö]*(?:protokoll|rapport|berättelse|redovisning|anteckningar|"
    r"bokslut)(?:et|en|erna|arna|na)\b",
    re.IGNORECASE,
)
_SUMMING_UP = re.compile(r"\b(?:sammanfattar\s+jag|jag\s+sammanfattar|för\s+att\s+sammanfatta|sammanfattningsvis)\b")
_ITEM_SPLIT = re.compile(r",\s*(?:och\s+)?|\s+och\s+(?=\S+\s+(?:\S+\s+)?[a-zåäö]+(?:ar|er|ör|as|s)\b)")
# Robust mode: "<Då> läggs <de> <till> handlingarna" with one word lost or misheard.
FORMAL_ACT_TOLERANT = re.compile(
    rf"^{_LEAD}(?:(?:då|så)\s+)?(?P<v>läggs|lägger)(?:\s+{_BODY})?\s+(?P<np>(?:[\w-]+\s+){{0,3}}?)"
    r"[\w-]+\s+handlingarna\s*[.!]?$"
)
# "Då är dagordningen <lost>." after "Kan den godkännas?": the approval the call asked for.
_BARE_APPROVAL = re.compile(
    rf"^{_LEAD}(?:då|så|därmed)\s+(?:är|blir)\s+(?P<np>(?!(?:det|vi|jag|du|ni|han|hon|de|den|alla|allt)\b)"
    r"(?:[\w-]+\s+){0,2}[\w-]+)\s*[.!]?$"
)
_APPROVAL_VERB = {
    r"godkänn\w*": "godkändes",
    r"fastställ\w*": "fastställdes",
    r"anta(?:s|r|gen|get|gna)?": "antogs",
    r"välj(?:a|as|er)": "valdes",
}
_PARTICIPLE_PAST = {
    **dict.fromkeys(("godkänd", "godkänt", "godkända"), "godkändes"),
    **dict.fromkeys(("antagen", "antaget", "antagna"), "antogs"),
    **dict.fromkeys(("fastställd", "fastställt", "fastställda"), "fastställdes"),
    **dict.fromkeys(("vald", "valt", "valda"), "valdes"),
}
# "Styrelsen ger Ahmed i uppdrag att ...", "vi uppdrar åt Lisa att ...", "Lisa får i uppdrag att ...".
# Also the chair's "Då ger vi Jenny uppdraget att ...", "Nora, vi ger dig mandat att ...".
COMMISSION = re.compile(
    rf"\b(?:{_BODY}{cues.ADV}\s+(?:ger|uppdrar\s+åt)|(?:då|så)\s+(?:ger|uppdrar\s+åt)\s+(?P<body2>vi|{cues.BODY_NOUN}))"
    r"\s+(?P<who>[\w -]{2,40}?)\s+(?:(?P<what>i\s+uppdrag|uppdraget|mandat(?:et)?)\s+)?att\s+(?P<rest>.+)"
)
_NOT_OURS = re.compile(r"\b(?:om|ifall|när|innan)\s*$")
# A call the chair answers in the same breath: "Kan X fastställas?", "Någon emot?", "Beviljar årsmötet ...?"
_CALL_PASSIVE = re.compile(
    r"^(?:och\s+)?(?:kan|får|ska)\s+(?P<np>(?!vi\b|ni\b|jag\b|du\b)[^?]+?)\s+(?P<v>[a-zåäö]{3,}as)(?P<rest>\s+[^?]*)?\?$"
)
_CALL_BODY = re.compile(rf"^(?:och\s+)?(?P<v>[a-zåäö]{{3,}}ar)\s+{_BODY}\s+(?P<rest>[^?]+)\?$")
# "Först, kan stämman fastställa resultaträkningen?": the active call, the object named or "det"
_CALL_ACTIVE = re.compile(
    rf"^(?:[\w-]+,\s*)?(?:och\s+)?(?:kan|ska)\s+{_BODY}\s+(?P<v>godkänna|fastställa|anta|bevilja)\s+(?P<np>[^?]+?)\?$"
)
_ACTIVE_PAST = {"godkänna": "godkändes", "fastställa": "fastställdes", "anta": "antogs", "bevilja": "beviljades"}
_NO_OBJECTION = re.compile(r"\b(?:någon|några)\s+(?:som\s+är\s+)?(?:emot|invänder|invändningar)\b|\binvändningar\b")
_BARE_ANSWER = re.compile(r"^\s*(?P<a>ja|nej|ingen|inga)\s*[.!]?\s*$")
_DA_CLAUSE = re.compile(
    r"^(?:(?:ja|bra|okej)\b[\s,]*)?då\s+(?P<v>[a-zåäö]{2,}(?:ar|er|ör|år|r))\s+vi\s+(?P<neg>inte\s+)?(?P<rest>\S.*)"
)
# Past passive of the verbs a chair asks in the passive; others take -ades ("beviljas" -> "beviljades").
_PAST_PASSIVE = {"läggas": "lades", "godkännas": "godkändes", "fastställas": "fastställdes", "antas": "antogs",
                 "väljas": "valdes", "avslås": "avslogs", "höjas": "höjdes", "sänkas": "sänktes", "ges": "gavs",
                 "tas": "togs", "göras": "gjordes", "sättas": "sattes", "föras": "fördes"}  # fmt: skip


# "Då har vi ett beslut på det.", "Då har vi det.": the close names nothing, the call does
_HAVE_DECISION = re.compile(r"^(?:då\s+)?har\s+vi\s+(?:ett\s+beslut(?:\s+på\s+(?:det|den\s+punkten))?|det)\s*[.!]?$")
# "Har någon invändningar mot att klasslärarna får ...?", "Är någon emot att vi stänger ...?": the matter named
_AGAINST_THAT = re.compile(r"\b(?:invändningar\s+mot|emot|invänder\s+mot)\s+att\s+(?P<x>[^?]{8,})\?*$")
_PROPOSED = re.compile(
    r"(?:till\s+(?P<role>[\w-]+)\s+)?föreslår\s+(?:jag|vi|styrelsen|valberedningen)\s+(?P<x>[^.?!]+)", re.IGNORECASE
)


class ResolutionRules(RuleState):
    """Resolutions recognised by structure; they record into the shared state."""

    def _refused(self, u: Utt, head: str) -> bool:
        """Negated, asked, conditional, tentative or reported: no resolution."""
        return bool(
            u.is_question
            or cues.NEG.search(head)
            or _NOT_OURS.search(head)
            or cues.TENTATIVE.search(head)
            or cues.REPORTED.search(u.low)
        )

    def _formal_act(self, u: Utt) -> bool:
        """'Då godkänner vi dagordningen med det tillägget' -> 'Dagordningen med det tillägget godkändes.'"""
        made = False
        for m in FORMAL_ACT.finditer(u.low):
            verb = m.group("va") or m.group("vp")
            if verb in ("lägger", "läggs") and not m.group("files"):
                continue  # "då lägger vi till det under övrigt": an edit, not an act
            if m.group("body") and not self._body_is_own(m.group("body")):
                continue
            if self._refused(u, u.low[: m.end("np")]):
                continue
            np = u.text[m.start("np") : m.end("np")].strip()
            if re.match(r"(?:att|så|nog|ju|väl)\b", np.lower()):
                continue  # "Då antar vi att alla har läst": assumes, does not adopt
            if _PRONOUN.match(np.lower()):
                np = self._antecedent(u) or ""
            if len(content_words(np)) < 1:
                continue
            self._add_decision(f"{capitalise(np)} {ACT_PAST[verb]}.", u, [u], 0.85)
            made = True
        return made

    def _formal_act_heard(self, u: Utt) -> bool:
        """Robust mode: a formal act or an approval with one word lost or misheard, read as meant and flagged."""
        if not self.robust or u.is_question or cues.NEG.search(u.low):
            return False
        why = f"{PREFIX}beslutsformuleringen hördes ofullständigt"
        m = FORMAL_ACT_TOLERANT.match(u.low)
        if m and not (m.group("body") and not self._body_is_own(m.group("body"))):
            np = u.text[m.start("np") : m.end("np")].strip()
            if not np or _PRONOUN.match(np.lower()) or (len(np.split()) == 1 and u.uncertain(np)):
                np = self._antecedent(u) or ("" if not np or _PRONOUN.match(np.lower()) else np)
            if content_words(np):
                self._add_decision(f"{capitalise(np)} lades till handlingarna.", u, [u], 0.5, why)
                return True
        m = cues.APPROVAL_TOLERANT.match(u.low)
        if m and m.group("slot") not in ("är", "blir"):
            np, role = u.text[m.start("np") : m.end("np")], ""
            if m.group("np") in ("de", "dem", "han", "hon", "hen"):  # "Då <kan> de valda.": the ones just proposed
                np, role = self._proposed_names(u) or ("", "")
            if np and not _PRONOUN.match(np.lower()):
                self._add_decision(f"{capitalise(np)} {_PARTICIPLE_PAST[m.group('part')]}{role}.", u, [u], 0.5, why)
                return True
        m = _BARE_APPROVAL.match(u.low)
        if m:
            for v in self._window(u, back=3):
                verb = next((past for st, past in _APPROVAL_VERB.items() if re.search(rf"\b{st}\b", v.low)), None)
                if verb:
                    np = u.text[m.start("np") : m.end("np")]
                    self._add_decision(f"{capitalise(np)} {verb}.", u, [v, u], 0.5, why)
                    return True
        return False

    def _antecedent(self, u: Utt) -> str | None:
        """What 'de'/'den' stands for: the chair's short announcement of the item ('Föregående minnesanteckningar.')."""
        for v in self._window(u, back=4):
            if v.speaker != u.speaker or v.is_question:
                continue
            text = re.sub(r"^(?:punkt\s+\w+|sedan|sen|då|nu)[\s,.:]+", "", v.text.strip(), flags=re.IGNORECASE)
            text = re.sub(r",\s*\w+\s*\?$", "", text).strip(" .?!")
            if not content_words(text) or re.fullmatch(r"(?:tack|bra|okej|ja|nej|toppen)[\s,!]*\w*", text.lower()):
                continue  # "Tack.": no item announced
            if 1 <= len(text.split()) <= 4 and not re.search(r"\b(?:är|har|finns|ska|kan|vi|jag|du)\b", text.lower()):
                return text
        for v in self._window(u, back=4):  # "Ni har fått förra protokollet på mejlen." - "Då lägger vi det ..."
            m = _DOCUMENT.search(v.text)
            if m and not v.is_question:
                return m.group(0)
        return None

    def _body_is_own(self, body: str) -> bool:
        return body == "vi" or body in cues.PLAIN_BODIES or self._own_compound(body)

    def _own_compound(self, body: str) -> bool:
        """'styrgruppen' is this meeting when the title says 'Styrgruppen för ...'; a title naming only the
        place ('Sunderby sjukhus') does not make 'sjukhusledningen' this meeting; a genitive title
        ('Kyrkorådets sammanträde') names its body too."""
        return any((body.startswith(w) and len(w) >= len(body) - 3) or w == body + "s" for w in self.own_words)

    def _commission(self, u: Utt) -> bool:
        """'Styrelsen ger Ahmed i uppdrag att ta kontakt med förvaltaren' -> a decision naming who does it."""
        m = COMMISSION.search(u.low)
        if not m or not self._body_is_own(body := m.group("body") or m.group("body2")):
            return False
        if self._refused(u, u.low[: m.start("rest")]):
            return False
        if not re.search(r"uppdra[gr]|mandat", u.low[m.start() : m.start("rest")]):
            return False
        who = u.text[m.start("who") : m.end("who")].strip()
        if who.lower() in ("dig", "er") and (called := re.match(r"^([A-ZÅÄÖ][\w-]+),", u.text)) is not None:
            who = called.group(1)  # "Nora, vi ger dig mandat att ..."
        rest = strip_tail(u.text[m.start("rest") :])
        if len(content_words(rest)) < 2:
            return False
        body = "Mötet" if body == "vi" else capitalise(body)
        what = "mandat" if (m.group("what") or "").startswith("mandat") else "i uppdrag"
        self._add_decision(f"{body} gav {who} {what} att {first_person(rest, u.name)}.", u, [u], 0.85)
        return True

    def _answered_call(self, u: Utt) -> bool:
        """The chair calls for a decision, reports the answer and closes it, all in one turn."""
        if u.idx + 1 >= len(self.utts) or not self._is_call(u):
            return False  # "Har alla läst protokollet? Ja. Då tar vi ekonomin.": a question, not a call
        answer, close = self.utts[u.idx + 1], self.utts[u.idx + 2] if u.idx + 2 < len(self.utts) else None
        a = _BARE_ANSWER.match(answer.low)
        if u.is_question and a and close is not None and answer.turn == u.turn == close.turn:
            if (a.group("a") == "ja") == bool(_NO_OBJECTION.search(u.low)):
                return False  # "Någon emot? Ja." or "Kan den fastställas? Nej."
        elif self.robust and answer.turn == u.turn and _CALL_PASSIVE.match(u.low.rstrip(" .!?") + "?"):
            answer, close = None, answer  # "Kan X fastställas<?> <Ja.> Klubbat.": the question mark and answer lost
        else:
            return False
        low = re.sub(r"^(?:(?:ja|bra|okej|tack)\b[\s,.]*)+", "", close.low)
        da = _DA_CLAUSE.match(low)
        confirmed = cues.CONFIRMATION.search(low) or re.match(r"^klubbat\b", low) or _HAVE_DECISION.match(low)
        after = (
            strip_tail(close.text[len(close.text) - len(low) + confirmed.end() :].strip(" ,.:")) if confirmed else ""
        )
        if confirmed and len(content_words(after)) >= 3:  # "Då kör vi på det, luciafirandet blir på eftermiddagen."
            text = capitalise(first_person(after, u.name)) + "."
        elif confirmed:
            text = self._called(u)
        elif da and re.fullmatch(r"(?:\w+\s+){0,2}(?:det|den|så|detta)\s*[.!]?", da.group("rest")):
            text = self._called(u)  # "Då tar vi med det": what was called for
        elif da and not cues.TENTATIVE.search(low) and not cues.AGENDA_TALK.search(da.group("rest")):
            neg = "inte " if da.group("neg") else ""
            rest = strip_tail(close.text[len(close.text) - len(da.group("rest")) :])
            text = decision_sentence(first_person(f"att {neg}{to_infinitive(da.group('v'))} {rest}", u.name))
        else:
            return False
        if not text:
            return False
        said = [x for x in (u, answer, close) if x is not None]
        self.used.update(x.idx for x in said)
        why = None if answer is not None else f"{PREFIX}frågan och svaret hördes ofullständigt"
        self._add_decision(text, u, said, 0.8 if answer is not None else 0.5, why)
        return True

    def _is_call(self, u: Utt) -> bool:
        """A call for a decision: 'Är alla med på det?', 'Någon emot?', 'Kan X fastställas?', 'Beviljar vi ...?'"""
        low = u.low.rstrip(" .!?") + "?"
        return bool(
            cues.CALL_FOR_DECISION.search(low)
            or _NO_OBJECTION.search(low)
            or _CALL_PASSIVE.match(low)
            or _CALL_BODY.match(low)
            or re.search(r"\bmed\s+på\s+(?:det|detta|det\s+här)\b|\b(?:kör|säger)\s+vi\s+(?:på\s+)?(?:det|så)\b", low)
            or re.fullmatch(r"(?:och\s+)?(?:bifall|bifalles\s+det)\s*\?", low.strip())  # "Bifall?"
            or _CALL_ACTIVE.match(low)
        )

    def closed_call(self, u: Utt) -> tuple[str, list[Utt]] | None:
        """'Kan stämman godkänna det?' - 'Ja.' - 'Klubbat.': the chair closes, in the next turn, the call that
        another member answered; what is decided is what the call asked."""
        if u.idx < 2:
            return None
        answer, call = self.utts[u.idx - 1], self.utts[u.idx - 2]
        a = _BARE_ANSWER.match(answer.low)
        if a is None or answer.speaker == u.speaker or call.speaker != u.speaker or call.idx in self.used:
            return None
        if not call.is_question or not self._is_call(call):
            return None
        if (a.group("a") == "ja") == bool(_NO_OBJECTION.search(call.low)):
            return None  # "Någon emot? Ja.": an objection, not a yes
        text = self._called(call)
        return (text, [call, answer]) if text else None

    def called_proposal(self, u: Utt) -> Utt | None:
        """The proposal a reply answers when the turn before it ended in a call: "Om X betalar hälften, så köper vi
        utrustningen. Säger vi det?" - "Ja, det säger vi." The call names what it asks about; an older proposal by
        the one who replies ("jag tycker X borde betala") is not it."""
        call = self.utts[u.idx - 1] if u.idx else None
        if call is None or call.speaker == u.speaker or not call.is_question or not self._is_call(call):
            return None
        return self.proposal_before_call(call)

    def proposal_before_call(self, call: Utt) -> Utt | None:
        """The statement a bare call ("Säger vi det?", "Alla med på det?") asks about: the one before it in its turn."""
        before = self.utts[call.idx - 1] if call.idx else None
        if before is not None and call.idx > 1 and re.match(r"^(?:men\s+)?jag\s+(?:vill|tycker|tror)\b", before.low):
            earlier = self.utts[call.idx - 2]  # "Om ... så hyr vi inte ut dem. Jag vill inte ha sladdar. Säger vi så?"
            before = earlier if earlier.turn == call.turn and not earlier.is_question else before
        if before is None or before.turn != call.turn or before.is_question or before.idx in self.used:
            return None
        if cues.UNDECIDED.search(before.low) or cues.REJECTED.search(before.low) or before.idx in self.decided:
            return None
        if personal_commitment(before.low) and not cues.PROPOSAL.search(before.low):
            return None  # "Jag meddelar fastigheten. Är alla med på det?": the speaker's task, the call is on before
        return before if len(content_words(before.text)) >= 3 else None

    def _called(self, u: Utt) -> str | None:
        """What the call asks to decide, as the minutes state it."""
        q = strip_tail(re.sub(r"^(?:(?:och|men|så|då|tack)\b[\s,.]*)+", "", u.text.strip()))
        low = q.lower() + "?"
        m = _CALL_PASSIVE.match(low)
        if m:  # "Kan resultaträkningen och balansräkningen fastställas?" -> "... fastställdes."
            past = _PAST_PASSIVE.get(m.group("v"), m.group("v")[:-2] + "ades")
            np, rest = q[m.start("np") : m.end("np")], (m.group("rest") or "").strip()
            return f"{capitalise(np)} {past}{' ' + rest if rest else ''}."
        m = _CALL_ACTIVE.match(low)
        if m and self._body_is_own(m.group("body")) and not _PRONOUN.match(m.group("np")):
            np = q[m.start("np") : m.end("np")]  # "Kan stämman fastställa resultaträkningen?" -> "... fastställdes."
            return f"{capitalise(np)} {_ACTIVE_PAST[m.group('v')]}."
        m = _CALL_BODY.match(low)
        if m and self._body_is_own(m.group("body")):  # "Beviljar årsmötet styrelsen ansvarsfrihet?"
            body = "Mötet" if m.group("body") == "vi" else capitalise(m.group("body"))
            return f"{body} {m.group('v')[:-1]}de {q[m.start('rest') : m.end('rest')]}."
        m = _AGAINST_THAT.search(q + "?")
        if m:
            x = first_person(strip_tail(m.group("x")), u.name)
            we = re.match(r"^vi\s+(?P<v>[a-zåäö]{3,}(?:ar|er|ör|år))\s+(?P<neg>inte\s+)?(?P<rest>\S.*)$", x)
            if we:
                neg = "inte " if we.group("neg") else ""
                return decision_sentence(f"att {neg}{to_infinitive(we.group('v'))} {we.group('rest')}")
            return capitalise(x) + "."
        before = self.utts[u.idx - 1] if u.idx else None
        if (
            before is not None
            and before.turn == u.turn
            and not before.is_question
            and len(content_words(before.text)) >= 4
        ):
            proposal, objections = before, []  # "Vi tar med det som ett krav, att ... Är alla med på det?"
        else:
            proposal, objections = self._find_proposal(u, strict=True)
        clause = self._clause(proposal) if proposal is not None and not objections else None
        if proposal is None or not clause or len(clause.split()) < 2:
            return None
        self.used.add(proposal.idx)
        return decision_sentence(clause)

    def _summing_up(self, u: Utt) -> bool:
        """The chair's summing-up: its items are more evidence for decisions, or decisions whose cue was lost."""
        m = _SUMMING_UP.search(u.low)
        if not m or u.is_question:
            return False
        items_at = u.text[m.end() :].lstrip(" .:")
        said = u
        if len(content_words(items_at)) < 2:
            nxt = self.utts[u.idx + 1] if u.idx + 1 < len(self.utts) else None
            if nxt is None or nxt.turn != u.turn:
                return False
            said, items_at = nxt, nxt.text
        if cues.UNDECIDED.search(said.low) or cues.NO_DECISIONS_PLANNED.search(said.low):
            return False  # "Vi har inte beslutat något i kväll"
        for item in _ITEM_SPLIT.split(strip_tail(items_at)):
            if re.search(
                r"\b(?:inte|inget|inga)\s+(?:\w+\s+){0,2}(?:något|några|nåt|i\s+kväll|i\s+dag)\b", item.lower()
            ):
                return True  # "vi har inte <bestämt> något i kväll": a summary of what stays open
            self._summary_item(item.strip(" ,.:;"), said)
        return True

    def _summary_item(self, item: str, said: Utt) -> None:
        low = item.lower()
        first = (low.split() or [""])[0]
        if len(content_words(item)) < 2 or first in ("jag", "du", "hon", "han", "ni") or self._named_person(first):
            return  # "Ahmed kollar byggservern": a task
        # "avslag på försäljningen" among the items summed up is the line the group decided, not a refusal
        if cues.REJECTED.search(re.sub(r"\bavslag\s+på\b", "", low)) or cues.UNDECIDED.search(low):
            return
        if cues.TENTATIVE.search(low):
            return
        if re.match(r"^(?:frågan|förslaget|motionen|önskemålet|begäran)\b", low):
            return  # a question or a proposal summed up: open, not decided
        for d in self.out.decisions:
            if similar(d.text, item, 0.4) or similar(item, d.text, 0.5):
                return  # restates a decision found earlier: _add_decision below would merge, nothing more to learn
        earlier = max(
            (v for v in self._window(said, back=80) if v.turn != said.turn),
            key=lambda v: len(stems(v.text) & stems(item)),
            default=None,
        )
        if earlier is None or len(stems(earlier.text) & stems(item)) < 2 or not (earlier.unsure or earlier.repairs):
            return  # heard clearly before and no decision found there: the summary alone does not make one
        we = re.match(r"^vi\s+(?P<v>[a-zåäö]{3,}(?:ar|er|ör|år))\s+(?P<neg>inte\s+)?(?P<rest>\S.*)", item, re.I)
        if we:
            neg = "inte " if we.group("neg") else ""
            text = decision_sentence(f"att {neg}{to_infinitive(we.group('v'))} {we.group('rest')}")
        else:
            text = capitalise(item) + "."
        why = f"{PREFIX}beslutet hördes otydligt där det fattades; det återges i sammanfattningen"
        self._add_decision(text, said, [earlier, said], 0.5, why)

    def _recaps(self, clause: str, u: Utt) -> bool:
        """A recap of a decision recorded earlier (two topic words shared): its evidence, not a new decision."""
        for d in self.out.decisions:
            if shared_topic(clause, d.text) >= 2 and not polarity_conflict(clause, d.text):
                d.evidence = merge_evidence(d.evidence, evidence_list([u]))
                return True
        return False

    def restatement(self, u: Utt) -> tuple[Utt, str] | None:
        """The chair's sentence right after a confirmation restating the decision as a fact, and the decision
        it makes: 'Då kör vi på det. Fallriskbedömningen görs vid inskrivningen ...' -> that sentence.
        """
        nxt = self.utts[u.idx + 1] if u.idx + 1 < len(self.utts) else None
        if nxt is None or nxt.turn != u.turn or nxt.is_question or nxt.idx in self.used:
            return None
        low = re.sub(r"^(?:alltså|så|och|då)\b[\s,:]*", "", nxt.low)
        if re.match(r"^(?:jag|du|ni|han|hon|det\s+(?:är|var|blir)|nästa|tack)\b", low) or personal_commitment(low):
            return None  # "Jag meddelar fastighet i morgon": a task, not the decision
        if self._named_person(low.split()[0] if low.split() else "") or _THEIR_TASK.search(low):
            return None  # "Och Samuel Tesfaye som kassör, omval.", "... hon får ta reda på ...": not this one restated
        if re.search(r"\bbeslut(?:et)?\b", low):
            return None  # "Styrelsens ledamöter deltar inte i det beslutet": about the decision, not the decision
        tentative = cues.TENTATIVE.search(re.sub(r"\boch\s+föreslår\b", "", low))  # "Rådet skriver ... och föreslår"
        if tentative or cues.HEDGE.search(low.replace(" inte ", " ")) or cues.AGENDA_TALK.search(low):
            return None
        if cues.NEXT_MEETING.search(low) or cues.CONFIRMATION.search(low) or len(content_words(nxt.text)) < 3:
            return None
        text = strip_tail(nxt.text[len(nxt.low) - len(low) :])
        if not any(shared_topic(text, v.text) or stems(text) & stems(v.text) for v in self._window(u, back=16)):
            return None  # "Då gör vi så. Kaffet står framme.": not what was talked about
        we = re.match(r"^vi\s+(?P<v>[a-zåäö]{3,}(?:ar|er|ör|år))\s+(?P<neg>inte\s+)?(?P<rest>\S.*)", text, re.I)
        if we:  # "Vi skriver inte under avtalet ..." -> "Mötet beslutade att inte skriva under avtalet ..."
            neg = "inte " if we.group("neg") else ""
            clause = f"att {neg}{to_infinitive(we.group('v'))} {we.group('rest')}"
            made = decision_sentence(first_person(clause, u.name))
        elif re.match(r"^vi\s", text, re.I):
            return None
        else:  # "Klubben betalar kursen för de fyra nya ledarna."
            made = capitalise(first_person(text, u.name)) + "."
        self.used.add(nxt.idx)
        return nxt, made

    def _proposed_names(self, u: Utt) -> tuple[str, str] | None:
        """Whom 'de'/'han' stands for in an election: the people the chair just proposed, and the role."""
        for v in self._window(u, back=4):
            m = _PROPOSED.search(v.text)
            if m and self._named_person(m.group("x").lower()):
                return m.group("x").strip(), f" till {m.group('role')}" if m.group("role") else ""
        return None

    def _polarity_differs(self, proposal: Utt | None, decided: str) -> str | None:
        """The proposal says "inte", the decision restating it does not (or the reverse): one was misheard."""
        if proposal is None or not self.robust:
            return None
        if polarity_conflict(proposal.text, decided) and similar(proposal.text, decided, 0.3):
            return f'{PREFIX}förslaget och beslutet skiljer sig i nekande – ett "inte" kan ha fallit bort'
        return None
