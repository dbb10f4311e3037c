"""Synthesise the agenda sample meetings and add the agenda truth to their truth.json.

    python -m samples.agenda.build            # every samples/agenda/<id>/
    python -m samples.agenda.build kfn-skelleftea

Each directory holds the agenda (agenda.txt, .md or .docx), `script.yaml` (the
ordinary sample schema, spoken by samples.generate) and `agenda-truth.yaml`:
the turn where each agenda item starts (null: not treated), the turns outside
any item, the elected roles, items the chair treated together (`merged`: a
passage or decision under any of them counts as right), the item of a decision
said in a turn that opens the next item before its announcement
(`decision_items`) and whether the meeting is for development or held out. The audio and truth files come from
`samples.generate.generate_meeting`, so they are deterministic in the same way;
truth.json gains an `agenda` block with times. An agenda.docx is built from `agenda.txt.in` ("*1" = numbered item,
"*2" = sub-item, Word's automatic numbering) only when it is missing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import yaml

from samples.generate import generate_meeting, load_script
from transcribe.agenda.parse import parse_agenda

AGENDA_DIR = Path(__file__).resolve().parent


def meeting_dirs() -> list[Path]:
    return sorted(p for p in AGENDA_DIR.iterdir() if (p / "script.yaml").exists())


def build_docx(src: Path, dst: Path) -> None:
    from docx import Document

    doc = Document()
    lines = src.read_text(encoding="utf-8").splitlines()
    doc.add_heading(lines[0], level=1)
    for line in lines[1:]:
        if line.startswith("*1 "):
            doc.add_paragraph(line[3:], style="List Number")
        elif line.startswith("*2 "):
            doc.add_paragraph(line[3:], style="List Number 2")
        elif line.strip():
            doc.add_paragraph(line)
    doc.core_properties.author = "protokoll samples"
    doc.save(str(dst))


def agenda_truth(directory: Path, truth: dict[str, Any]) -> dict[str, Any]:
    spec = yaml.safe_load((directory / "agenda-truth.yaml").read_text(encoding="utf-8"))
    agenda = parse_agenda(directory / spec["agenda"])
    starts: dict[str, int | None] = {str(k): v for k, v in spec["items"].items()}
    segs = sorted(truth["segments"], key=lambda s: s["turn"])
    by_turn = {s["turn"]: s for s in segs}
    parents = {it.parent for it in agenda.items if it.parent}
    missing = [it.number for it in agenda.items if it.number not in parents and it.number not in starts]
    if missing:
        raise SystemExit(f"{directory.name}: agenda-truth.yaml has no start for item(s) {missing}")
    other = set(spec.get("other_turns") or [])
    treated = sorted(((t, n) for n, t in starts.items() if t is not None), key=lambda x: x[0])

    def item_at(turn: int) -> str | None:
        if turn in other:
            return None
        current = [n for t, n in treated if t <= turn]
        return current[-1] if current else None

    items = []
    for it in agenda.items:
        kids = [k.number for k in agenda.items if k.parent == it.number]
        turns = [starts[k] for k in kids if starts.get(k) is not None] if kids else [starts.get(it.number)]
        turns = [t for t in turns if t is not None]
        turn = min(turns) if turns else None
        items.append(
            {
                "number": it.number,
                "title": it.title,
                "parent": it.parent,
                "kind": it.kind,
                "treated": turn is not None,
                "turn": turn,
                "start": by_turn[turn]["start"] if turn is not None else None,
            }
        )
    # A decision said in the turn that announces the next item, before the announcement ("Klubbat. Nästa punkt …"),
    # belongs to the item before: `decision_items: {turn: item}` says so where the turn alone cannot.
    said_under = {int(t): str(n) for t, n in (spec.get("decision_items") or {}).items()}
    decisions = [
        {
            "text": d["text"],
            "turn": d["turn"],
            "start": d["start"],
            "item": said_under.get(d["turn"]) or item_at(d["turn"]),
        }
        for d in truth["truth"].get("decisions") or []
    ]
    return {
        "split": spec["split"],
        "agenda_file": spec["agenda"],
        "items": items,
        "turn_items": [item_at(s["turn"]) for s in segs],
        "decisions": decisions,
        "roles": spec["roles"],
        "merged": [[str(n) for n in group] for group in spec.get("merged") or []],
    }


def build(directory: Path) -> dict[str, Any]:
    if (directory / "agenda.txt.in").exists() and not (directory / "agenda.docx").exists():
        build_docx(directory / "agenda.txt.in", directory / "agenda.docx")
    truth = generate_meeting(load_script(directory / "script.yaml"), directory)
    truth["agenda"] = agenda_truth(directory, truth)
    (directory / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return truth


def main(argv: list[str] | None = None) -> int:
    names = (argv if argv is not None else sys.argv[1:]) or [p.name for p in meeting_dirs()]
    for name in names:
        truth = build(AGENDA_DIR / name)
        print(
            f"{name}: {truth['duration']:.0f} s, {len(truth['segments'])} turns, "
            f"{sum(i['treated'] for i in truth['agenda']['items'])} items treated"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
