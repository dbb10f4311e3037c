"""Rule-based extraction of decisions, open items, actions and the next meeting.

Precision over recall: a decision is only recorded when the meeting said so
("vi beslutar att ...", "då är dagordningen godkänd", or a confirmation such as
"då kör vi på det" after a proposal). Negated, hedged, postponed or rejected
proposals never become decisions; they are listed as open items instead.
"""

from transcribe.minutes.rules.extractor import RuleExtractor
from transcribe.minutes.rules.utterances import Extracted, Utt, audio_doubt, build_utts, evidence

__all__ = ["Extracted", "RuleExtractor", "Utt", "audio_doubt", "build_utts", "evidence"]
