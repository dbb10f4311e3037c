"""Benchmark of the minutes backends (rules, LLM, merge) on held-out meetings, true and noisy transcripts.

The LLM runs through a local replay server: an OpenAI-compatible endpoint on 127.0.0.1 that
serves answers recorded from a real model (`python -m transcribe.bench.llm record`), keyed
by the exact prompt. So the benchmark needs no model at run time, runs in CI, and exercises
the same HTTP client, schema validation, grounding and merge as a team's own server. A prompt
with no recording is answered with an error and counted (`missing`), falling back to the rules.

Per backend and transcript kind: decision and action precision/recall (micro over meetings),
false decisions, and hallucinated items in the draft. An item counts as hallucinated when less
than half of its content words occur in its cited passage (±1 segment), when its owner is
neither a participant nor said anywhere in the meeting, or when its date is said nowhere near
it. This check is deliberately simpler and looser than `grounding` and shares no code with it
beyond the number spelling and stemmer, so it does not grade grounding by its own rules. The
model's raw proposals are scored the same way, to show what grounding removed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from transcribe import errormodel
from transcribe.bench import matching
from transcribe.bench.core import BenchArgs, section, truth_transcript
from transcribe.config import REPO_DIR, SAMPLES_DIR
from transcribe.fsutil import atomic_write_text
from transcribe.minutes import extract_minutes
from transcribe.minutes.dates import find_whens
from transcribe.minutes.llm import Generator, draft_with_llm, generator_for
from transcribe.minutes.llm_schema import answer_json_schema
from transcribe.minutes.merge import SERVER_CHUNK_CHARS
from transcribe.minutes.openai_client import OpenAIChat, resolve_endpoint
from transcribe.sv.spoken import normalise
from transcribe.transcript import Transcript

REPLAY_DIR = REPO_DIR / "bench" / "llm-replay"
# The noisy transcripts the answers were recorded on: replay needs the very same prompts.
NOISY_DIR = REPLAY_DIR / "noisy"
HELDOUT_DIR = SAMPLES_DIR / "heldout"
NOISE_RATE = 0.2  # word error rate of the noisy transcripts (the recogniser's measured WER is higher on ogg)
NOISE_SEED = 7
BACKENDS = ("rules", "llm", "merge")
MAX_NEW_TOKENS = 512
MIN_SUPPORT = 0.5
GENERIC = matching.content_stems(
    "mötet möte beslutade beslutades beslut besluta bestämde enades överens styrelsen gruppen nätverket "
    "förslaget förslag frågan fråga ansvarig togs upp inget fattades avslogs"
)


def prompt_key(prompt: str) -> str:
    return hashlib.sha256(prompt.encode("utf-8")).hexdigest()[:32]


# --------------------------------------------------------------------------- meetings and transcripts


def shown(path: Path) -> Path:
    """A path as the report shows it: inside the checkout relative to it ($TRANSCRIBE_SAMPLES_DIR may be elsewhere)."""
    return path.relative_to(REPO_DIR) if path.is_relative_to(REPO_DIR) else path


def meetings() -> tuple[list[tuple[str, dict[str, Any]]], str]:
    """(id, truth) of the held-out meetings, else of the development samples; and which set it is."""
    for base, kind in ((HELDOUT_DIR, "held-out"), (SAMPLES_DIR, "development samples")):
        found = [(p.parent.name, json.loads(p.read_text(encoding="utf-8"))) for p in sorted(base.glob("*/truth.json"))]
        if found:
            return found, f"{kind} ({shown(base)})"
    return [], "none"


def noisy(transcript: Transcript, truth: dict[str, Any]) -> Transcript | None:
    """The transcript with recogniser-like word errors, when the learned error model is available."""
    if not errormodel.MODEL_PATH.exists():
        return None
    model = errormodel.ErrorModel.load()
    names = [sp["name"] for sp in truth.get("speakers", [])]
    return errormodel.corrupt_transcript(transcript, model, NOISE_RATE, NOISE_SEED, names)[0]


def variants(truth: dict[str, Any], save: bool = False) -> dict[str, Transcript]:
    """The true transcript and, when available, the noisy one (as recorded, else freshly corrupted and,
    with `save`, stored for recording; delete bench/llm-replay/noisy/ to record on a new error model)."""
    true = truth_transcript(truth)
    out = {"true": true}
    stored = NOISY_DIR / f"{truth['id']}.json"
    if stored.exists():  # recorded answers belong to exactly this noisy transcript
        out["noisy"] = Transcript.from_json(stored.read_text(encoding="utf-8"))
        return out
    bad = noisy(true, truth)
    if bad is not None:
        out["noisy"] = bad
        if save:
            atomic_write_text(stored, bad.to_json())
    return out


def meeting_date(truth: dict[str, Any]) -> dt.date | None:
    return dt.date.fromisoformat(truth["date"]) if truth.get("date") else None


# --------------------------------------------------------------------------- recording and replay


class Recorder:
    """A `Generator` that remembers every answer by its prompt."""

    def __init__(self, inner: Generator, known: dict[str, str] | None = None) -> None:
        self.inner = inner
        self.answers: dict[str, str] = dict(known or {})
        self.used: set[str] = set()

    def __call__(self, prompt: str, max_new_tokens: int) -> str:
        key = prompt_key(prompt)
        self.used.add(key)
        if key not in self.answers:  # greedy decoding: the same prompt gets the same answer
            self.answers[key] = self.inner(prompt, max_new_tokens)
        return self.answers[key]


def record(model: Path | Generator, name: str, only: list[str] | None = None) -> Path:
    """Ask the model (a local one, or a server's `OpenAIChat`) every prompt the benchmark sends; store the answers."""
    path = REPLAY_DIR / f"{name}.json"
    stored = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"answers": {}}
    rec = Recorder(generator_for(model), stored["answers"])
    found, _ = meetings()
    todo = [(mid, truth, kind, t) for mid, truth in found if not only or mid in only
            for kind, t in variants(truth, save=True).items()]  # fmt: skip
    for mid, truth, kind, transcript in sorted(todo, key=lambda x: x[2] != "true"):  # true transcripts first
        draft_with_llm(transcript, meeting_date(truth), rec, MAX_NEW_TOKENS, SERVER_CHUNK_CHARS)
        stored["answers"] = rec.answers
        stored.update(model=name, max_new_tokens=MAX_NEW_TOKENS, recorded=dt.date.today().isoformat())
        atomic_write_text(path, json.dumps(stored, indent=1, ensure_ascii=False) + "\n")
        print(f"{mid} {kind}: {len(rec.answers)} answers", flush=True)
    if not only:  # answers to prompts the benchmark no longer sends
        stored["answers"] = {k: v for k, v in rec.answers.items() if k in rec.used}
        atomic_write_text(path, json.dumps(stored, indent=1, ensure_ascii=False) + "\n")
    return path


class JSONHandler(BaseHTTPRequestHandler):
    """A quiet request handler that answers JSON: the base of the local OpenAI-compatible servers."""

    def log_message(self, *args: Any) -> None:
        pass

    def send_json(self, code: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@contextmanager
def replay_server(answers: dict[str, str], model: str) -> Iterator[dict[str, Any]]:
    """An OpenAI-compatible server on 127.0.0.1 answering recorded prompts; yields {url, hits, missing}."""
    state: dict[str, Any] = {"hits": 0, "missing": 0}

    class Handler(JSONHandler):
        def do_GET(self) -> None:
            self.send_json(200, {"object": "list", "data": [{"id": model}]})

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            answer = answers.get(prompt_key(body["messages"][-1]["content"]))
            if answer is None:
                state["missing"] += 1
                self.send_json(404, {"error": {"message": "no recorded answer for this prompt"}})
                return
            state["hits"] += 1
            self.send_json(200, {"choices": [{"index": 0, "message": {"role": "assistant", "content": answer}}]})

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    state["url"] = f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()


# --------------------------------------------------------------------------- scoring


def _passage(transcript: Transcript, ids: list[int], before: int, after: int) -> str:
    order = [s for s in transcript.segments if s.text.strip()]
    pos = [i for i, s in enumerate(order) if s.id in set(ids)]
    if not pos:
        return ""
    return " ".join(s.text for s in order[max(0, min(pos) - before) : max(pos) + after + 1])


def unsupported(text: str, owner: str | None, day: dt.date | None, ids: list[int], transcript: Transcript,
                ref: dt.date) -> bool:  # fmt: skip
    """True when the item is not backed by its passage (see the module docstring)."""
    passage = _passage(transcript, ids, 1, 1)
    if not passage:
        return True
    words = matching.content_stems(text) - GENERIC
    if words and len(words & matching.content_stems(passage)) / len(words) < MIN_SUPPORT:
        return True
    if owner:
        said = normalise(" ".join(s.text for s in transcript.segments)).split()
        people = {w for sp in transcript.speakers if sp.name for w in normalise(sp.name).split()}
        if not all(w in people or w in said for w in normalise(owner).split()):
            return True
    if day is not None:
        near = _passage(transcript, ids, 2, 2)
        if day not in {w.date for w in find_whens(near, ref)}:
            return True
    return False


def _when(item: Any) -> dt.date | None:
    value = getattr(item, "when", None) or getattr(item, "due", None) or getattr(item, "date", None)
    return value.date() if isinstance(value, dt.datetime) else value


def draft_hallucinations(minutes: Any, transcript: Transcript, ref: dt.date) -> list[str]:
    items = [*minutes.decisions, *minutes.actions, *minutes.not_decided]
    if minutes.next_meeting is not None:
        items.append(minutes.next_meeting)
    out = []
    for it in items:
        text = getattr(it, "text", None) or getattr(it, "what", "")
        if unsupported(text if not hasattr(it, "when") else "", getattr(it, "owner", None), _when(it),
                       [e.segment_id for e in it.evidence], transcript, ref):  # fmt: skip
            out.append(f"{it.source}: {text}")
    return out


def raw_hallucinations(draft: Any, transcript: Transcript, ref: dt.date) -> tuple[int, int]:
    """(proposals, hallucinated proposals) among everything the model proposed, kept or dropped."""
    raw = [item for _, item, _ in draft.dropped]
    kept = draft.extracted
    raw += [*kept.decisions, *kept.actions, *kept.not_decided] + ([kept.next_meeting] if kept.next_meeting else [])
    bad = 0
    for it in raw:
        ids = getattr(it, "segment_ids", None) or [e.segment_id for e in getattr(it, "evidence", [])]
        text = getattr(it, "text", None) or getattr(it, "what", "") or ""
        day = _when(it)
        if isinstance(day, str):
            try:
                day = dt.date.fromisoformat(day[:10])
            except ValueError:
                day = None
        bad += unsupported(text if not hasattr(it, "date") else "", getattr(it, "owner", None), day, ids,
                           transcript, ref)  # fmt: skip
    return len(raw), bad


def _total(rows: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in ("decisions", "actions"):
        tp = sum(r[key]["tp"] for r in rows)
        npred = sum(r[key]["n_predicted"] for r in rows)
        ntruth = sum(r[key]["n_truth"] for r in rows)
        out[key] = {"precision": round(tp / npred, 4) if npred else 1.0,
                    "recall": round(tp / ntruth, 4) if ntruth else 1.0, "tp": tp, "n_predicted": npred,
                    "n_truth": ntruth}  # fmt: skip
    out["false_decisions"] = sum(r["false_decisions"] for r in rows)
    out["hallucinated_items"] = sum(len(r["hallucinated"]) for r in rows)
    out["items"] = sum(r["items"] for r in rows)
    out["from_llm"] = sum(r["from_llm"] for r in rows)
    return out


def run(model_name: str = "gemma3-270m") -> dict[str, Any]:
    path = REPLAY_DIR / f"{model_name}.json"
    if not path.exists():
        return {"skipped": f"no recorded answers in {shown(path)}"}
    answers = json.loads(path.read_text(encoding="utf-8"))["answers"]
    found, which = meetings()
    rows: dict[str, dict[str, list[dict[str, Any]]]] = {}
    raw = {"proposals": 0, "hallucinated": 0}
    with replay_server(answers, model_name) as srv:
        for mid, truth in found:
            ref = meeting_date(truth) or dt.date.today()
            for kind, transcript in variants(truth).items():
                names = {sp.label: sp.name for sp in transcript.speakers if sp.name}
                for backend in BACKENDS:
                    m = extract_minutes(transcript, meeting_date=meeting_date(truth), backend=backend,
                                        llm_url=srv["url"], llm_model=model_name)  # fmt: skip
                    scores = matching.score_minutes(truth["truth"], m, names)
                    items = [*m.decisions, *m.actions, *m.not_decided] + ([m.next_meeting] if m.next_meeting else [])
                    rows.setdefault(kind, {}).setdefault(backend, []).append({
                        "meeting": mid, "decisions": scores["decisions"], "actions": scores["actions"],
                        "false_decisions": scores["false_decisions"]["count"],
                        "hallucinated": draft_hallucinations(m, transcript, ref), "items": len(items),
                        "from_llm": sum(i.source != "rules" for i in items), "notes": m.notes,
                    })  # fmt: skip
                if kind == "true":  # the same recorded answers, looked up directly, before grounding's verdicts
                    d = draft_with_llm(transcript, meeting_date(truth), lambda p, n: answers.get(prompt_key(p), ""),
                                       MAX_NEW_TOKENS, SERVER_CHUNK_CHARS)  # fmt: skip
                    n, bad = raw_hallucinations(d, transcript, ref)
                    raw["proposals"] += n
                    raw["hallucinated"] += bad
        replayed = {"hits": srv["hits"], "missing": srv["missing"]}
    return {
        "meetings": [mid for mid, _ in found], "set": which, "model": model_name, "replay": replayed,
        "noise": {"rate": NOISE_RATE, "seed": NOISE_SEED} if "noisy" in rows else "error model not available",
        "llm_raw_proposals_true": raw,
        "totals": {kind: {b: _total(r) for b, r in by.items()} for kind, by in rows.items()},
        "per_meeting": rows,
    }  # fmt: skip


@section("minutes_llm")
def minutes_llm_section(args: BenchArgs) -> dict[str, Any]:
    return run()


def main() -> None:
    parser = argparse.ArgumentParser(description="Record a local model's answers for the minutes benchmark.")
    sub = parser.add_subparsers(dest="cmd", required=True)
    rec = sub.add_parser("record")
    rec.add_argument("--model", type=Path, help="local model directory or .gguf")
    rec.add_argument("--llm-url", help="or an OpenAI-compatible server, http://host:port/v1")
    rec.add_argument("--llm-model", help="the model's name on that server")
    rec.add_argument("--name", default="gemma3-270m")
    rec.add_argument("--only", nargs="*")
    show = sub.add_parser("run")
    show.add_argument("--name", default="gemma3-270m")
    a = parser.parse_args()
    if a.cmd == "record":
        endpoint = resolve_endpoint(a.llm_url, a.llm_model) if a.llm_url else None
        if endpoint is None and a.model is None:
            parser.error("record needs --model or --llm-url")
        source = OpenAIChat(endpoint, answer_json_schema()) if endpoint else a.model
        print(record(source, a.name, a.only))
    else:
        print(json.dumps({k: v for k, v in run(a.name).items() if k != "per_meeting"}, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
