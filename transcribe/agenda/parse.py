"""Read a dagordning (txt, Markdown or Word) into numbered agenda items.

Secretaries write agendas in many ways: "1. Mötets öppnande", "§ 1 Mötets
öppnande", "Punkt 1: …", nested "4a"/"a)" under "4. Ekonomi", Markdown lists
and headings, or Word's automatic numbering (the number is then not in the
text at all). Everything ends up as the same `Agenda`; a file from which no
items can be read is an error, never an empty agenda.
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel, Field

from transcribe.errors import AgendaError, InputIsDirectory, InputNotFound, InputTooLarge
from transcribe.sv.text import content_words

MAX_BYTES = 2 * 1024 * 1024
SUFFIXES = ("", ".txt", ".md", ".markdown", ".text", ".docx")  # text by any of its usual names, or Word
MAX_ITEMS = 60

# Standard opening/closing items of Swedish meetings: kind -> title pattern.
# A title may name an election by the role's work: "Anteckningar och justering" elects who writes and who checks;
# the minutes named alone ("Föregående minnesanteckningar", "Protokoll från förra mötet") are read, not written
WORK_TITLES: dict[str, re.Pattern[str]] = {
    "secretary": re.compile(
        r"^(?!.*\b(?:föregående|förra|senaste|tidigare)\b).*\b\w*(?:anteckningar|protokoll)\b.*\bjustering\b"
    ),
    "adjusters": re.compile(r"\bjustering\b"),
}
STANDARD_KINDS: list[tuple[str, re.Pattern[str]]] = [
    ("open", re.compile(r"\böppna(nde|s|t)?\b|\bmötet öppnas\b|^inledning\b|^incheckning\b|\bvälkomm\w*")),
    ("chair", re.compile(r"\b(val av )?(mötes|stämmo)?ordförande\b|\bmötesledare\b|\bformalia\b")),
    ("secretary", re.compile(r"\b(val av )?(mötes)?sekreterare\b|\bprotokollförare\b|\bantecknare\b|\bformalia\b")),
    ("adjusters", re.compile(r"\bjusterar\w*|\bjusteringsm\w*|\brösträknare\b|\bformalia\b")),
    ("agenda", re.compile(r"\bdagordning\w*|\bföredragningslista\w*")),
    ("quorum", re.compile(r"\bbeslutsför\w*|\bbehörig\w* (utlys|kallat)|\bkallelse\b|\butlys\w*|\bkalla(?:t|ts|d)\b")),
    ("previous", re.compile(r"\b(föregående|förra) (mötes ?|mötets )?(protokoll|minnesanteckningar|anteckningar)\b")),
    ("other", re.compile(r"\bövriga frågor\b|^övrigt$")),
    ("next", re.compile(r"\bnästa möte\b")),
    ("close", re.compile(r"\bavslut\w*|\bmötet avslutas\b")),
]

_NUM = r"(\d{1,2})\s?([a-h])?"
_ITEM_PATTERNS = [
    re.compile(rf"^§\s*{_NUM}[.):]?\s+(.+)$", re.IGNORECASE),
    re.compile(rf"^(?:punkt|paragraf|p\.)\s*{_NUM}[.):]?\s*[-–:]?\s*(.+)$", re.IGNORECASE),
    re.compile(rf"^{_NUM}[.):]\s*(.+)$", re.IGNORECASE),
    re.compile(r"^(\d{1,2})()\s+([^\d\W].+)$"),  # "1 Mötets öppnande"
]
_SUB_LETTER = re.compile(r"^([a-h])[.)]\s+(.+)$", re.IGNORECASE)
_MD_PREFIX = re.compile(r"^(?:#{1,6}\s+|[-*+]\s+(?:\[[ x]\]\s+)?)")
_BULLET = re.compile(r"^[-*+•]\s+(.+)$")


class AgendaItem(BaseModel):
    """One point of the dagordning."""

    number: str  # "4", "4a"
    title: str
    level: int = 0  # 1 for a sub-item (4a under 4)
    parent: str | None = None
    kind: str | None = None  # a standard item (open, chair, secretary, adjusters, agenda, ... close)

    @property
    def label(self) -> str:
        return f"{self.number}. {self.title}"


class Agenda(BaseModel):
    title: str = ""
    preamble: list[str] = Field(default_factory=list)  # the lines above the first item: when, where
    items: list[AgendaItem] = Field(default_factory=list)
    source: str = ""

    def item(self, number: str) -> AgendaItem | None:
        return next((i for i in self.items if i.number == number), None)

    def children(self, number: str) -> list[AgendaItem]:
        return [i for i in self.items if i.parent == number]


def standard_kind(title: str) -> str | None:
    kinds = standard_kinds(title)
    return kinds[0] if kinds else None


def standard_kinds(title: str) -> list[str]:
    """Every standard item a title names: "Val av sekreterare och justerare" is both elections."""
    low = title.lower()
    return [
        kind
        for kind, pattern in STANDARD_KINDS
        if pattern.search(low) or kind in WORK_TITLES and WORK_TITLES[kind].search(low)
    ]


def _clean(line: str) -> str:
    line = line.replace("\u00a0", " ").strip()
    line = _MD_PREFIX.sub("", line).strip()
    line = re.sub(r"\*\*|__|`", "", line)
    return re.sub(r"\s+", " ", line).strip()


def _title_text(title: str) -> str:
    return re.sub(r"\s*[.:;]+$", "", title.strip(" -–\t")).strip()


def _match_item(line: str) -> tuple[int, str | None, str] | None:
    for pattern in _ITEM_PATTERNS:
        m = pattern.match(line)
        if m:
            number, letter, title = int(m.group(1)), m.group(2), _title_text(m.group(3))
            if title and re.search(r"[^\W\d_]", title):
                return number, letter.lower() if letter else None, title
    return None


def _add(items: list[AgendaItem], number: int, letter: str | None, title: str) -> None:
    if letter:
        items.append(
            AgendaItem(number=f"{number}{letter}", title=title, level=1, parent=str(number), kind=standard_kind(title))
        )
    else:
        items.append(AgendaItem(number=str(number), title=title, kind=standard_kind(title)))


def parse_lines(lines: list[tuple[str, int | None]], source: str = "") -> Agenda:
    """Lines as (text, list level or None); the list level comes from Word's numbering."""
    items: list[AgendaItem] = []
    title = ""
    auto = 0  # Word's automatic numbering: numbers not in the text
    bullets: list[str] = []
    preamble: list[str] = []
    for raw, list_level in lines:
        indented = raw[:1] in (" ", "\t") and list_level is None
        line = _clean(raw)
        if not line:
            continue
        found = _match_item(line)
        sub = _SUB_LETTER.match(line)
        if not found and not items and list_level is None:
            preamble.append(line)
        if found:
            number, letter, text = found
            parent = int(re.sub(r"\D", "", items[-1].parent or items[-1].number)) if items else 0
            if indented and letter is None and 0 < number <= min(parent, 8):
                # "   1. Underhållsplan" indented under "4. Ekonomi" is 4a
                letter, number = "abcdefgh"[number - 1], parent
            _add(items, number, letter, text)
            auto = number
        elif sub and items:
            parent = items[-1].parent or items[-1].number
            _add(items, int(re.sub(r"\D", "", parent)), sub.group(1).lower(), _title_text(sub.group(2)))
        elif list_level is not None:
            text = _title_text(line)
            if list_level > 0 and items:
                parent = items[-1].parent or items[-1].number
                used = len(_children(items, parent))
                _add(items, int(parent), "abcdefgh"[min(used, 7)], text)
            else:
                auto += 1
                _add(items, auto, None, text)
        elif _BULLET.match(raw.strip()):
            bullets.append(_title_text(_BULLET.match(raw.strip()).group(1)))  # type: ignore[union-attr]
        elif not items and not title:
            title = _title_text(line)
    if not items and bullets and any(standard_kind(b) for b in bullets):
        for n, text in enumerate(bullets, 1):  # an unnumbered list of the usual items
            _add(items, n, None, text)
    _check(items, source)
    return Agenda(title=title, preamble=preamble, items=items, source=source)


def _children(items: list[AgendaItem], parent: str) -> list[AgendaItem]:
    return [i for i in items if i.parent == parent]


def _check(items: list[AgendaItem], source: str) -> None:
    where = f"{source}: " if source else ""
    if not items:
        raise AgendaError(f'{where}ingen dagordning hittades (inga numrerade punkter som "1. Mötets öppnande")')
    if len(items) > MAX_ITEMS:
        raise AgendaError(f"{where}för många punkter ({len(items)}) för en dagordning")
    seen: set[str] = set()
    for item in items:
        if item.number in seen:
            raise AgendaError(f"{where}punkt {item.number} förekommer två gånger i dagordningen")
        seen.add(item.number)


def parse_agenda_text(text: str, source: str = "") -> Agenda:
    return parse_lines([(ln, None) for ln in text.splitlines()], source)


def _docx_lines(path: Path) -> list[tuple[str, int | None]]:
    from docx import Document  # python-docx is already a dependency (DOCX minutes)
    from docx.opc.exceptions import PackageNotFoundError

    try:
        doc = Document(str(path))
    except (PackageNotFoundError, ValueError, KeyError, OSError) as exc:
        raise AgendaError(f"{path}: kan inte läsa Word-filen: den är skadad eller inte en .docx-fil") from exc
    lines: list[tuple[str, int | None]] = []
    for par in doc.paragraphs:
        level = None
        ppr = par._p.pPr  # python-docx has no public API for a paragraph's list numbering
        if ppr is not None and ppr.numPr is not None:
            ilvl = ppr.numPr.ilvl
            level = int(ilvl.val) if ilvl is not None else 0
        elif par.style is not None and par.style.name.startswith("List Number"):
            level = 1 if par.style.name.rstrip().endswith("2") else 0
        if level is not None and _match_item(_clean(par.text)):
            level = None  # the number is typed as well: read it from the text
        lines.append((par.text, level))
    for table in doc.tables:  # agendas laid out as a table: number | title
        for row in table.rows:
            cells = [c.text.strip() for c in row.cells]
            if len(cells) >= 2 and cells[0]:
                lines.append((f"{cells[0]} {cells[1]}", None))
    return lines


def _text(data: bytes, path: Path) -> str:
    """A text file's words: UTF-8, UTF-16 with its byte-order mark (Windows Notepad's "Unicode"), else the Windows
    code page older Swedish files were written in; bytes no text file holds are refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:4096]:
        raise AgendaError(f"{path}: filen är inte en textfil")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def parse_agenda(path: str | Path) -> Agenda:
    """Read a .txt, .md or .docx agenda. Every fault is one line, "<path>: <why>" (the web shows the why alone),
    said here for the command line and the web upload alike; a missing file, a directory and a file too large
    have the exit codes of those faults for any input, the rest that of an unreadable agenda."""
    path = Path(path)
    if not path.exists():
        raise InputNotFound(f"dagordningen {path} finns inte")
    if path.is_dir():
        raise InputIsDirectory(f"{path} är en katalog, inte en dagordning")
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise AgendaError(f"{path}: okänt format ({suffix}); använd .txt, .md eller .docx")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputTooLarge(f"{path}: filen är större än {MAX_BYTES // 1024**2} MB, gränsen för en dagordning")
    if size == 0:
        raise AgendaError(f"{path}: filen är tom")
    if suffix == ".docx":
        return parse_lines(_docx_lines(path), str(path))
    try:
        data = path.read_bytes()
    except OSError as exc:  # no right to read it, or a disk or network share that fails
        why = "behörighet saknas" if isinstance(exc, PermissionError) else "läsfel"
        raise AgendaError(f"{path}: filen kan inte läsas ({why})") from exc
    text = _text(data, path)
    if not text.strip():
        raise AgendaError(f"{path}: filen är tom")
    return parse_agenda_text(text, str(path))


def agenda_vocabulary(agenda: Agenda, limit: int = 60) -> list[str]:
    """Names and topic words from the agenda for Whisper's hotwords and the extractor.

    Capitalised words (names, organisations) first, then long (compound) topic words of
    the agenda's own items; short and standard-item words are left out, since everything
    in Whisper's prompt can leak into the transcript on silence.
    """
    names: list[str] = []
    topics: list[str] = []
    for item in agenda.items:
        words = re.findall(r"[A-ZÅÄÖÉ][\wåäöéü-]+(?:\s+[A-ZÅÄÖÉ][\wåäöéü-]+)*", item.title)
        first = item.title.split()[0] if item.title.split() else ""
        for w in words:
            if w == first and " " not in w:
                continue  # the title's own first word is capitalised anyway
            names.append(w)
        if item.kind is None:  # the standard items' words are common ones Whisper knows
            topics += [w for w in content_words(item.title) if len(w) >= 8]
    for line in [agenda.title]:
        names += re.findall(r"[A-ZÅÄÖÉ][\wåäöéü-]+(?:\s+[A-ZÅÄÖÉ][\wåäöéü-]+)+", line)
    return list(dict.fromkeys(names + topics))[:limit]


def merge_vocabulary(*lists: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for terms in lists:
        for term in terms:
            seen.setdefault(term.lower(), term)
    return list(seen.values())
