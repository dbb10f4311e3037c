"""Whether the room agreed before a member states what the group does: the assent the commitment rules need.

"Okej, om de kan ringa så är jag med." - "Då tar vi ...": the turn just before, by someone else, agreed. Under
recognition errors the short "ja" or "okej" that opens a reply is the word most often misheard; a reply heard with
its first word unsure, saying nothing against, lets the turn before it (another member's "Ja.") carry the assent,
and the decision built on it is flagged for a check against the audio.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.rules.resolutions import ResolutionRules
from transcribe.minutes.rules.safety import PREFIX
from transcribe.minutes.rules.utterances import Utt
from transcribe.sv.text import content_words, stopwords

# Agreement to what was proposed: "Okej, om de kan ringa Birgitta så är jag med.", "Ja, okej. Det är sorgligt."
AGREED = re.compile(
    r"^(?:ja|okej|ok|absolut|precis|exakt|gärna|visst|bra)\b|\bokej\s*[.!]?$|\b(?:jag\s+är\s+med|är\s+jag\s+med|jag\s+är\s+för|håller\s+med|"
    r"jag\s+köper\s+det|jag\s+ger\s+mig|kan\s+leva\s+med|det\s+funkar|instämmer|låter\s+bra)\b"
)


class AssentRules(ResolutionRules):
    """The room's assent before a statement; the statements it was read through an unsure reply for are kept."""

    assent_unsure: frozenset[int] = frozenset()  # sentences whose assent came through a reply heard unsure

    def agreed_before(self, u: Utt, unrecorded: bool = False) -> bool:
        """The turn just before, by someone else, agreed: 'Okej, om de kan ringa så är jag med.' - 'Då tar vi ...'
        With `unrecorded`, not an agreement to a call already recorded as a decision (this only closes it)."""
        at = u.idx - 1
        while at >= 0 and self.utts[at].turn == u.turn and not content_words(self.utts[at].text):
            at -= 1  # "Bra. Lagern tappas på burk.": the assent before the statement is the speaker's own
        prev = self.utts[at] if at >= 0 else None
        if prev is None or prev.speaker == u.speaker or prev.is_question:
            return False
        if unrecorded and any(v.idx in self.decided for v in self._window(u, back=4)):
            return False
        said = [v for v in self._window(u, back=3) if v.turn == prev.turn]
        if any(AGREED.search(v.low) for v in said):
            return True
        if self.robust and self._agreed_under_garble(u, said):
            self.assent_unsure = self.assent_unsure | {u.idx}
            return True
        return False

    def _agreed_under_garble(self, u: Utt, said: list[Utt]) -> bool:
        """'Ja.' - '<Hitkan>, han då. Men ingen rör mitt växthus ...' - 'Alla. Då köper vi ...': the reply just
        before was heard with its first word unsure, where its "ja" or "okej" would stand; the turn before it, by
        another member, agreeing and no one objecting between, carries the assent."""
        first = min(said, key=lambda v: v.idx) if said else None
        head = re.findall(r"[\w-]+", first.low)[:1] if first else []
        if first is None or not head or not any(w.strip(",.!?;:") == head[0] for w in first.unsure):
            return False
        if head[0] in stopwords() or cues.NEG.search(first.low) or cues.REJECTED.search(first.low):
            return False  # "<Och> kafeterian.": a word that opens a remark of its own, heard unsure
        before = [v for v in self.utts[max(0, first.idx - 3) : first.idx] if v.turn == first.turn - 1]
        if not before or before[0].speaker in (u.speaker, first.speaker):
            return False
        # the member before said a bare yes ("Ja.", "Okej, jag är med."), nothing of their own beside it
        return AGREED.search(before[0].low) is not None and all(len(v.low.split()) <= 4 for v in before)

    def assent_reason(self, u: Utt, why: str) -> str:
        """The review reason of a decision stated after the room agreed: its own, or that the assent was unsure."""
        return f"{PREFIX}medhållet före beslutet hördes otydligt" if u.idx in self.assent_unsure else why
