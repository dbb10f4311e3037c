"""Decisions under the right §: a decision the chair states in the turn that announces the next item, ahead of
the announcement, closes the item before; one stated after it belongs to the new item. Hand-made meetings,
ten seconds per line."""

from __future__ import annotations

from tests.agenda_meeting import lines_transcript
from transcribe.agenda import align_agenda, parse_agenda_text
from transcribe.bench.agenda import evaluate_meeting, load_samples
from transcribe.minutes import extract_minutes
from transcribe.minutes.protokoll import build_protokoll
from transcribe.transcript import Transcript

AGENDA = """Styrelsemöte
1. Mötets öppnande
2. Budget för 2027
3. Fasaden
4. Tvättstugan
5. Parkeringen
6. Mötets avslutande
"""


def spoken(lines: list[tuple[str, str]]) -> Transcript:
    """Ten seconds per (speaker, text) line, spoken by Anna Berg (A), Bo Ek (B) and Cilla Ny (C)."""
    return lines_transcript(lines, {"A": "Anna Berg", "B": "Bo Ek", "C": "Cilla Ny"})


def decisions_by_paragraph(lines: list[tuple[str, str]]) -> dict[str, list[str]]:
    tr = spoken(lines)
    agenda = parse_agenda_text(AGENDA)
    prot = build_protokoll(extract_minutes(tr), tr, agenda, align_agenda(agenda, tr))
    return {p.number: [d.text for d in p.decisions] for p in prot.paragraphs}


def test_a_decision_before_the_transition_in_the_same_turn_stays_with_the_item_before() -> None:
    got = decisions_by_paragraph(
        [
            ("A", "Jag förklarar mötet öppnat. Punkt två, budgeten."),
            ("B", "Jag föreslår att vi höjer avgiften med fem procent."),
            ("A", "Kan förslaget godkännas? Ja. Klubbat. Nästa punkt, fasaden."),  # one turn: decided, then on
            ("B", "Fasaden behöver målas om i vår."),
            ("A", "Då beslutar vi så och går vidare till punkt fyra, tvättstugan."),  # one sentence
            ("C", "Tvättstugan är sliten men fungerar."),
            ("A", "Tack. Nästa punkt, parkeringen. Vi har fyra platser. Då beslutar vi att hyra ut platserna."),
            ("A", "Jag förklarar mötet avslutat."),
        ]
    )
    assert [len(got[n]) for n in "23456"] == [1, 1, 0, 1, 0], got
    assert "godkändes" in got["2"][0]  # "Klubbat" closed the budget, not the façade
    assert "fasaden" in got["3"][0]  # "Då beslutar vi så och går vidare …" closed the façade
    assert "platserna" in got["5"][0]  # said after "Nästa punkt, parkeringen" in the same turn: the new item


def test_a_decision_after_the_announcement_in_one_sentence_belongs_to_the_new_item() -> None:
    got = decisions_by_paragraph(
        [
            ("A", "Jag förklarar mötet öppnat. Punkt två, budgeten."),
            ("B", "Budgeten är klar och i balans."),
            ("A", "Då går vi vidare till punkt tre, fasaden, och styrelsen beslutar att måla om den i vår."),
            ("C", "Bra."),
            ("A", "Jag förklarar mötet avslutat."),
        ]
    )
    assert got["3"] and "måla om" in got["3"][0], got
    assert got["2"] == []


def test_the_bench_accounts_for_every_true_decision() -> None:
    """Of all true decisions: right, not found, under the wrong § by the item boundary or inside the turn."""
    directory, truth = next((d, t) for d, t in load_samples() if t["id"] == "brf-tallen")
    row = evaluate_meeting(directory, truth, seeds=(1,))
    for cond in ("true", "wer_0.1", "wer_0.2"):
        r = row[cond]
        missed = r["decisions_not_found"] + r["decisions_wrong_boundary"] + r["decisions_wrong_within_turn"]
        assert r["decisions_right"] + missed == r["decisions"], (cond, r)
    assert row["true"]["decisions_right"] == row["true"]["decisions"] == 5
    assert row["true_no_numbers"]["items"] == row["true"]["items"]
