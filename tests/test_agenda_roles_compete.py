"""Two roles competing for one person: a secretary and a justerare are different people, and the person's own answer
decides which one they took (roles._own_answer_decides). Hand-made meeting, ten seconds per line."""

from __future__ import annotations

from tests.agenda_meeting import lines_transcript
from transcribe.agenda import align_agenda, parse_agenda_text
from transcribe.minutes.model import Minutes
from transcribe.minutes.protokoll import build_protokoll

AGENDA = """Årsstämma
1. Stämmans öppnande
2. Val av stämmoordförande
3. Val av sekreterare
4. Val av två justerare tillika rösträknare
5. Avslutning
"""
NAMES = {"A": "Greta Holm", "B": "Bertil Sjö", "C": "Karin Vall", "D": "Olof Rask", "E": "Stina Berg"}
LINES = [
    ("A", "Välkomna. Jag förklarar stämman öppnad. Bertil, valberedningen?"),
    ("B", "Vi föreslår Karin Vall som ordförande för stämman."),
    ("A", "Då är Karin vald. Varsågod."),
    ("C", "Tack. Som sekreterare har jag tänkt Olof, men han vill hellre räkna. Så Stina skriver."),
    ("E", "Det går bra."),
    ("C", "Och två justerare tillika rösträknare. Olof?"),
    ("D", "Ja, jag justerar gärna."),
    ("B", "Jag också."),
    ("C", "Olof och Bertil justerar. Tack, stämman är avslutad."),
]


def test_one_named_near_the_secretarys_word_who_answers_for_justering_is_a_justerare() -> None:
    tr = lines_transcript(LINES, NAMES)
    ag = parse_agenda_text(AGENDA)
    prot = build_protokoll(Minutes(title="Årsstämma"), tr, ag, align_agenda(ag, tr))
    roles = {(r.role, r.name) for r in prot.roles}
    assert ("justerare", "Olof Rask") in roles  # his own "Ja, jag justerar gärna."
    assert ("sekreterare", "Olof Rask") not in roles
    assert ("justerare", "Bertil Sjö") in roles
