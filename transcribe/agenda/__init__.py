"""The meeting's own dagordning: parse it, align it with the transcript, feed its words to recognition."""

from transcribe.agenda.align import Alignment, ItemSpan, align_agenda
from transcribe.agenda.parse import (
    Agenda,
    AgendaItem,
    agenda_vocabulary,
    merge_vocabulary,
    parse_agenda,
    parse_agenda_text,
)

__all__ = [
    "Agenda",
    "AgendaItem",
    "Alignment",
    "ItemSpan",
    "agenda_vocabulary",
    "align_agenda",
    "merge_vocabulary",
    "parse_agenda",
    "parse_agenda_text",
]
