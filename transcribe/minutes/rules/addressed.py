"""Tasks given to someone else: said to "du", asked and echoed, or handed to a person by name.

Who owns a task follows from the turn structure, not from a list of phrases: "du" is the
participant named in the sentence or, failing that, the one who answers and agrees; a reply
that repeats the verb of the question put to its speaker accepts that task whatever the verb;
"vi ber Sirpa att …" gives the task to the person named, present or not; a request put to a participant
by name and accepted by that participant is theirs, in the words of the request.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.fuzzy import known_word
from transcribe.minutes.phrasing import is_present_verb, strip_discourse, strip_tail, task_phrase, to_infinitive
from transcribe.minutes.rules.objects import ObjectTasks
from transcribe.minutes.rules.slips import tolerant_verb
from transcribe.minutes.rules.utterances import NOT_TASKS, Utt, action_verb, is_agreement, stems
from transcribe.sv.text import capitalise, content_words

# "jag anmäler dem senast på måndag": a first-person verb (modal optional) and what follows it.
FIRST_PERSON = re.compile(r"\bjag\s+(?:(?P<modal>ska|kan|får|måste)\s+)?(?P<v>[a-zåäö]+)(?P<rest>[^.?!]*)")
# "Vi ber Sirpa att göra affischen", "Vi ber Malin gå igenom de sju eleverna".
_DELEGATION = re.compile(
    r"\b(?:[Vv]i|[Jj]ag)\s+ber\s+(?P<name>[A-ZÅÄÖ][a-zåäöé]+)\s+(?:att\s+)?(?P<v>[a-zåäö]+a|gå|ta|se|be)(?P<rest>\s[^.?!]+)"
)
# "Då skickar du ut kallelsen", "du tar kontakt med leverantören": a task said to the person addressed.
_YOU = re.compile(r"^(?:(?:då|så|och|men)\s+)?(?:(?P<v1>[a-zåäö]+r)\s+du|du\s+(?P<v2>[a-zåäö]+r))\s+(?P<rest>[^?]+)$")
# "Linh och Johan, ni uppdaterar era innan jul": the people named first, then "ni" or "du" and the task.
_NAMED_YOU = re.compile(
    r"^(?:(?:[Oo]ch|[Mm]en|[Ss]å|[Dd]å)\s+)?(?P<names>[A-ZÅÄÖ][a-zåäöé]+(?:(?:,\s*|\s+och\s+)[A-ZÅÄÖ][a-zåäöé]+)*),"
    r"\s+(?:ni|du)\s+(?P<v>[a-zåäö]+r)\s+(?P<rest>[^?]+)$"
)
_NAME_LAST = re.compile(r",\s+(?P<name>[A-ZÅÄÖ][a-zåäöé]+)\s*[.!]?\s*$")
# "Alva, handlar du?", "Annika, svarar du Bertil som föreslog det?": a participant asked by name
_NAMED_ASK = re.compile(
    r"^(?:(?:[Oo]ch|[Mm]en|[Ss]å|[Dd]å)\s+)?(?P<name>[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?),\s+"
)
# "Tacos då. Alva, handlar du?": the verb alone asks for the task the talk is about
_BARE_ASK = re.compile(r"^(?:[a-zåäö]+,\s+)?(?P<v>[a-zåäö]+r)\s+du\s*\?")
# "Kan du titta på det?": a request put to "du" with no name, the one who spoke last
_ASKED_YOU = re.compile(r"^(?:\w+,?\s+)?(?:kan|vill|skulle|orkar|hinner)\s+du\s+(?:kunna\s+)?[a-zåäö]+a\b")
# "Jag mejlar det i morgon.": the one asked, their own verb on the thing asked for (not "jag träffar henne")
_OWN_VERB = re.compile(
    r"^(?:(?:ja|okej|visst|absolut),?\s+)?jag\s+(?:ska\s+|kan\s+)?(?P<v>[a-zåäö]+r)\s+"
    r"(?:(?P<p>om|upp|in|ut|med|fram|över|till)\s+)?(?:det|den|dem)\b"
)
# "Ringa dem i kväll", "Höra med dem": a task whose object is only a pronoun for a thing or a body
_PRONOUN_TASK = re.compile(r"^\S+(?:\s+(?:med|till|för|på|upp|in|ut))?\s+(?:dem|den|det)\b")
# "Ta hand om det", "Fixa det": a request that names nothing; the reply's own words say the task
_NAMES_NOTHING = re.compile(r"^(?:ta\s+hand\s+om|göra|fixa|ordna|sköta|kolla|lösa|ta)\s+(?:det|den|dem|detta)\b")
# Verbs that say nothing of the task without their object: "tar du det?" is read by the anaphor rules
_GENERIC = frozenset("ta göra fixa ordna sköta kolla lösa".split())
# "Jonas, du ställer in det till måndag.": a task said to the one named
_TOLD_YOU = re.compile(
    r"^[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?,\s+du\s+(?P<v>[a-zåäö]+r)\s+(?P<rest>[^?]+?)[.!?]?$"
)
# "Japp, jag ringer i morgon bitti", "Det gör jag", "Jag fixar det i kväll": the request taken on
TAKEN_ON = re.compile(
    r"^(?:ja|japp|javisst|jadå|jo|absolut|visst|okej|ok|självklart|gärna|klart|det\s+(?:gör|har|ska|kan)\s+(?:jag|vi))\b"
)

# "…, Rebecka, du får ringa runt till de som jobbade förra sommaren": a task put on the one named, mid-sentence too
_NAMED_MUST = re.compile(
    r"(?:^|[,.]\s+)(?:(?:[Oo]ch|[Ss]å|[Dd]å)\s+)?(?P<name>[A-ZÅÄÖ][a-zåäöé]+),\s+(?:[^,.?!]{1,60},\s+)?du\s+(?:får|ska|måste)\s+"
    r"(?P<polite>gärna\s+)?(?P<v>[a-zåäö]+)(?P<rest>[^.?!,]*)"
)
# "Ska jag ta emot teknikern då, på torsdag?" - "Ja, gärna.": an offer taken up is the one who offered it's
_OFFER = re.compile(r"^(?:\w+,\s+)?(?:ska|kan|får)\s+jag\s+(?P<v>[a-zåäö]+)(?P<rest>[^?]*)\?")
# "följa med", "åka med", "komma med": going along with someone
_GOING = frozenset("följa åka gå komma resa hänga vara".split())
_OFFER_TAKEN = re.compile(r"^(?:ja|jo|gärna|absolut|visst|javisst|okej|gör\s+det|tack)\b")

# "kan du be leverantören om …?", "Jonas, tar du kontakt med en besiktningsfirma?"
ASKED = re.compile(
    r"\b(?:(?:kan|skulle|vill|orkar|hinner)\s+du\s+(?:kunna\s+|ta\s+och\s+)?(?P<r>.+)|"
    r"^(?:[a-zåäö]+,\s+)?(?P<v>[a-zåäö]+r)\s+du\s+(?P<r2>.+))"
)

# Infinitives that ask for a state, a view, a presence, a role in this meeting or a turn to speak in it, not a
# task: "kan du vara med?", "kan du föra protokollet i kväll?" (the secretary), "vill du börja med en kort
# lägesrapport?" (said at once, in the meeting).
NOT_ASKED = frozenset("vara bli ha komma tycka tänka tro veta höra känna hinna orka vilja kunna låta stanna sitta "
                       "stå ligga leva hålla föra leda börja inleda avsluta berätta presentera fortsätta svara "
                       "förklara behöva slippa gilla minnas".split())  # fmt: skip


def task_verb(word: str, rest: str) -> bool:
    """What "kan du …?" asks to be done: a task verb, any other infinitive that acts on something ("hämta
    pressen"), or a word no Swedish has that is a letter or so from a task verb ("binga" for "ringa")."""
    if action_verb(word, rest):
        return True
    if not known_word(word):
        return tolerant_verb(word) is not None
    return len(word) >= 4 and word.endswith("a") and word not in NOT_ASKED and word not in NOT_TASKS


class AddressedTasks(ObjectTasks):
    """Rules for tasks whose owner is someone other than the speaker."""

    def _you_task(self, u: Utt) -> bool:
        """A task said to "du": the participant named in the sentence, else the one who answers and agrees."""
        m = _YOU.match(strip_discourse(u.low))
        if not m or u.is_question or cues.HEDGE.search(u.low) or cues.TENTATIVE.search(u.low):
            return False
        verb, rest = m.group("v1") or m.group("v2"), m.group("rest")
        if verb in NOT_TASKS or not action_verb(verb, rest) or not content_words(rest):
            return False
        named = _NAME_LAST.search(u.text)
        person = self._named_person(named.group("name").lower()) if named else None
        reply = next((v for v in self.utts[u.idx + 1 : u.idx + 3] if v.speaker != u.speaker), None)
        if person is not None and person[0] != u.speaker:
            owner, utts = person[1], [u]
        elif reply is not None and is_agreement(reply) and not cues.HEDGE.search(reply.low):
            owner, utts = reply.name, [u, reply]
        else:
            return False
        at = u.low.rfind(rest)
        rest = _NAME_LAST.sub("", u.text[at : at + len(rest)] if at >= 0 else rest)
        self._add_action(capitalise(f"{to_infinitive(verb)} {strip_tail(rest).strip()}"), owner, utts, 0.7)
        return True

    def _named_must(self, u: Utt) -> bool:
        """'Rebecka, du får ringa runt till de som jobbade förra sommaren': the one named, a participant other
        than the speaker, gets the task, anywhere in the turn ("…, Yonas, du har ju kontakten, du får boka in dem")."""
        if cues.HEDGE.search(u.low) or cues.TENTATIVE.search(u.low):
            return False
        found = False
        for m in _NAMED_MUST.finditer(u.text):
            verb, rest = m.group("v").lower(), m.group("rest")
            person = self._named_person(m.group("name").lower())
            if person is None or person[0] == u.speaker or verb in NOT_ASKED or not task_verb(verb, rest.lower()):
                continue
            if m.group("polite") and not any(w.date is not None for w in self.whens(u)):
                continue  # "Kenneth, du får gärna stänga av mobilen": a polite word about now, no task
            if not content_words(rest) and not re.fullmatch(r"\s*(?:in\s+|upp\s+)?(?:dem|den|det)\s*", rest.lower()):
                continue
            reply = next((v for v in self.utts[u.idx + 1 : u.idx + 3] if v.speaker == person[0]), None)
            utts = [u, reply] if reply is not None and is_agreement(reply) else [u]
            self._add_action(capitalise(f"{verb} {strip_tail(rest).strip()}"), person[1], utts, 0.7)
            found = True
        return found

    def _offer_task(self, u: Utt) -> bool:
        """'Ska jag ta emot teknikern då, på torsdag?' - 'Ja, gärna. Tack.': the one who offered takes the task."""
        last = self.utts[u.idx - 1] if u.idx > 0 else None
        if last is None or last.turn == u.turn or last.speaker == u.speaker or not _OFFER_TAKEN.match(u.low):
            return False
        prev = next((v for v in reversed(self.utts[: u.idx]) if v.turn == last.turn and v.is_question), last)
        m = _OFFER.match(strip_discourse(prev.low)) if prev.is_question else None
        if m is None or cues.HEDGE.search(u.low) or cues.DATE_REJECT.search(u.low) or re.search(r"\bnej\b", u.low):
            return False
        verb, rest = to_infinitive(m.group("v")), m.group("rest")
        particle = re.match(r"\s*(?:emot|fram|med|in|upp|hand|över|hem|ut)\b", rest)  # "ta emot teknikern"
        if verb in _GOING and re.match(r"\s*med\b", rest):
            return False  # "Får jag följa med till Bollnäs?" - "Gärna.": going along, nothing done
        if verb in NOT_ASKED or verb in NOT_TASKS or not (task_verb(verb, rest) or particle) or not content_words(rest):
            return False
        at = prev.low.find(m.group("rest"), m.start("rest"))
        what = strip_tail(prev.text[at : at + len(rest)] if at >= 0 else rest).strip()
        self._add_action(capitalise(f"{verb} {what}"), prev.name, [prev, u], 0.7)
        return True

    def _named_you(self, u: Utt) -> bool:
        """'Linh och Johan, ni uppdaterar era innan jul, och skickar dem till mig': each participant named
        gets the task said to them."""
        m = _NAMED_YOU.match(u.text)
        if not m or u.is_question or cues.HEDGE.search(u.low) or cues.TENTATIVE.search(u.low):
            return False
        verb, rest = m.group("v").lower(), m.group("rest")
        timed = any(w.date is not None or w.kind in ("week", "vague") for w in self.whens(u))
        if verb in NOT_TASKS or not (action_verb(verb, rest.lower()) or timed) or not content_words(rest):
            return False
        people = [self._named_person(n.lower()) for n in re.split(r",\s*|\s+och\s+", m.group("names"))]
        if not people or any(p is None or p[0] == u.speaker for p in people):
            return False
        what = task_phrase(f"{verb} {strip_tail(rest)}")
        for person in people:
            self._add_action(what, person[1], [u], 0.7)
        return True

    def _delegation(self, u: Utt) -> bool:
        """'Vi ber Sirpa att göra affischen': the person named gets the task (known participant or not)."""
        m = _DELEGATION.search(u.text)
        if not m or u.is_question or cues.HEDGE.search(u.low) or cues.REPORTED.search(u.low):
            return False
        rest = re.split(r",", m.group("rest"))[0]
        if len(content_words(rest)) < 1:
            return False
        person = self._named_person(m.group("name").lower())
        owner = person[1] if person else m.group("name")
        self._add_action(capitalise(f"{m.group('v').lower()} {strip_tail(rest).strip()}"), owner, [u], 0.7)
        return True

    def _echoed_request(self, u: Utt) -> bool:
        """A reply that repeats the verb of the question put to its speaker accepts that task, whatever the verb."""
        m = FIRST_PERSON.search(u.low)
        if not m or cues.HEDGE.search(u.low) or re.match(r"\s*(?:inte|aldrig)\b", m.group("rest")):
            return False
        asked = self._question_to(u)
        if asked is not None and asked[0] == m.group("v"):
            self._add_action(asked[1], u.name, [asked[2], u], 0.75)
            return True
        return False

    def _accepted_request(self, u: Utt) -> bool:
        """'Annika, svarar du Bertil som föreslog det?' - 'Ja, jag ringer honom.': a request put to a participant
        by name and taken on in the first words of that participant's reply ("ja", "det gör jag", "jag fixar
        det i kväll", "På fredag.") is theirs, in the words of the request; how the reply says it will be done
        ("jag ringer honom") is no second task."""
        prev = self.utts[u.idx - 1] if u.idx > 0 else None
        if u.is_question or prev is None or prev.turn == u.turn or prev.speaker == u.speaker:
            return False
        low = strip_discourse(u.low)
        dated = any(w.date is not None for w in self.whens(u)) and len(content_words(u.text)) <= 2
        said = re.match(r"jag\s+(?:ska\s+|kan\s+)?[a-zåäö]+r?\s+(?!inte|aldrig)", low)  # "Jag gör lappar i dag"
        asked = next((v for v in reversed(self.utts[: u.idx]) if v.turn == prev.turn and v.is_question), prev)
        taken = TAKEN_ON.match(u.low) or cues.COMMIT_ANAPHOR.search(low) or dated or said or self._thing_dated(u, asked)
        if not taken or cues.HEDGE.search(u.low) or cues.DATE_REJECT.search(u.low):
            return False
        named = _NAMED_ASK.match(asked.text)
        person = self._named_person(named.group("name").lower()) if named else None
        to_last = asked.is_question and _ASKED_YOU.search(asked.low) and self._last_speaker(asked) == u.speaker
        to_last = to_last and not self._says_own_task(u)
        if named is None and to_last:
            person = (u.speaker, u.name or "", 0, 0)  # "Min." - "Kan du titta på det …?" - "Jag klättrar upp …"
        if person is None or person[0] != u.speaker:
            return False
        # "Noor, du gör blanketten?": a task said to the one named, asked as a question
        what = (self._asked_task(asked) or self._told_you(asked)) if asked.is_question else self._told_you(asked)
        if what is None or (named is None and _NAMES_NOTHING.match(what.lower())):
            return False
        what = self._own_verb(what, low)
        self._add_action(self._pronoun_said(what, asked), u.name, [asked, u], 0.75)
        return True

    def _thing_dated(self, u: Utt, asked: Utt) -> bool:
        """'Sanna, du gör en lista där folk kan skriva upp sig?' - 'Listan sitter uppe på fredag.': the reply names
        the thing asked for and the day ahead it will be done by, with no negation; it takes the request on."""
        ahead = any(w.date is not None and w.date >= self.ref for w in self.whens(u))
        if not ahead or u.is_question or cues.NEG.search(u.low):
            return False
        said = stems(u.text)  # "listan" and "lista" bent alike
        return any(a[:4] == b[:4] and (a.startswith(b) or b.startswith(a)) for a in said for b in stems(asked.text)
                   if min(len(a), len(b)) >= 4)  # fmt: skip

    def _says_own_task(self, u: Utt) -> bool:
        """'Jag gör en kalkyl på caféalternativet och skickar den till styrelsen': a reply that names a task of its
        own (more than one word beside its verb, its times left out), read by the first-person rules."""
        m = re.search(r"\bjag\s+(?:ska\s+|kan\s+)?[a-zåäö]+\s+(?P<rest>.*)", u.low)
        if m is None:
            return False
        rest = m.group("rest")
        for w in self.whens(u):
            rest = rest.replace(w.text.lower(), " ")
        return len(content_words(rest)) > 1

    def _last_speaker(self, asked: Utt) -> str | None:
        """Who spoke last before the turn that asks: the "du" of a request put to no one by name."""
        before = [v for v in self.utts[: asked.idx] if v.turn != asked.turn]
        return before[-1].speaker if before else None

    @staticmethod
    def _own_verb(what: str, low: str) -> str:
        """'Jan, kan du skicka beslutet till oss?' - 'Jag mejlar det i morgon.': the one asked says with their own
        verb what they will do with the thing asked for; the task is that verb on the request's object (never a
        verb with a particle of its own, "ta fram")."""
        m = _OWN_VERB.match(low)
        verb, _, rest = what.partition(" ")
        if m is None or not rest:
            return what
        mine = to_infinitive(m.group("v"))
        first = rest.split()[0].lower()
        particle = f"{verb.lower()} {first}" in cues.PARTICLE_VERBS or first in ("om", "upp", "ut", "in", "fram")
        if mine == verb.lower() or (particle and m.group("p") != first) or mine in NOT_ASKED or mine in _GENERIC:
            return what  # "göra om dem" - "jag målar om dem": "måla om dem"; "ta fram" - "jag mejlar den": kept
        if mine in NOT_TASKS or not (action_verb(mine, "") or is_present_verb(m.group("v"))):
            return what
        return capitalise(f"{mine} {rest}")

    def _pronoun_said(self, what: str, asked: Utt) -> str:
        """'Jonas, du ringer dem i kväll?': a task whose object is a pronoun, with what was said just before the
        request in its turn, what the pronoun stands for ("Norrvind får laga växellådan …")."""
        if not _PRONOUN_TASK.match(what.lower()) or "(" in what:
            return what
        before = self.utts[asked.idx - 1] if asked.idx else None
        if before is None or before.turn != asked.turn or before.is_question or len(content_words(before.text)) < 3:
            return what
        return f"{what} ({strip_tail(before.text).rstrip(' .!')})"

    @staticmethod
    def _told_you(v: Utt) -> str | None:
        """'Jonas, du ställer in det till måndag.': the task said to the one named, a pronoun object allowed
        since the reply takes it on."""
        m = _TOLD_YOU.match(v.text)
        if m is None or m.group("v").lower() in NOT_TASKS or cues.HEDGE.search(v.low):
            return None
        verb, rest = to_infinitive(m.group("v").lower()), strip_tail(m.group("rest")).strip()
        return capitalise(f"{verb} {rest}") if rest and (action_verb(verb, rest) or task_verb(verb, rest)) else None

    @staticmethod
    def _asked_task(v: Utt) -> str | None:
        """The task a question asks for ('kan du åka och titta på den?', 'svarar du Bertil?', 'handlar du?')."""
        bare = _BARE_ASK.match(v.low)
        if bare is not None:
            verb = to_infinitive(bare.group("v"))
            ok = is_present_verb(bare.group("v")) and verb not in NOT_ASKED and bare.group("v") not in NOT_TASKS
            return capitalise(verb) if ok else None
        rm = ASKED.search(v.low)
        if rm is None:
            return None
        if rm.group("r") is not None:  # "kan du och Rania ha …": the one asked and another
            at = rm.start("r") + (m.end() if (m := re.match(r"och\s+[a-zåäöé]+\s+", rm.group("r"))) else 0)
            what = task_phrase(strip_tail(v.text[at:]), None)
        else:
            what = f"{to_infinitive(rm.group('v'))} {strip_tail(v.text[rm.start('r2') :])}"
        words = what.split()
        verb, rest = (words[0].lower(), " ".join(words[1:])) if words else ("", "")
        # "Emma, svarar du dem?": a pronoun object will do when the verb says what to do with it
        particle = f"{verb} {rest.split()[0]}" in cues.PARTICLE_VERBS if rest.split() else False  # "höra med dem"
        reach = bool(re.fullmatch(r"(?:dem|honom|henne|det|den)\W*", rest.lower())) or (
            particle and re.match(r"\w+\s+(?:dem|honom|henne|det|den)\b", rest.lower()) is not None
        )  # "titta på det innan det blir värre"
        reach = reach and verb not in _GENERIC and (verb not in NOT_ASKED or verb == "svara" or particle)
        if not words or not (content_words(rest) or reach):
            return None
        # "svarar du Bertil": a verb of this meeting's talk is a task when it is someone's to reach
        person = re.search(r"\b[A-ZÅÄÖ][a-zåäöé]+", rest) and verb in ("svara", "berätta", "förklara")
        if verb == "ha" and re.search(r"\b(?:klar|klart|klara|färdig|färdigt|färdiga)\b", rest.lower()):
            return capitalise(what)  # "ha ett första program klart till den tredje april"
        then = re.match(r"och\s+(\w+)(.*)", rest.lower())  # "åka och titta på den"
        acts = task_verb(verb, rest.lower()) or (then is not None and task_verb(then.group(1), then.group(2)))
        return capitalise(what) if acts or person or reach else None
