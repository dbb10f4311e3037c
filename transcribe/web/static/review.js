// Review page: audio synced with the transcript, evidence links that play a passage, edits saved in place.
"use strict";

(() => {
  const audio = document.getElementById("player");
  const grid = document.getElementById("review-grid");
  const pane = document.getElementById("transcript-pane");
  const follow = document.getElementById("follow");
  const status = document.getElementById("save-status");
  if (!audio || !grid) return;
  const meetingId = audio.dataset.meeting;
  const text = (key, fallback) => (status && status.dataset[key]) || fallback;
  let segments = [];
  let current = null;
  let userScrolledAt = 0;
  const store = {
    get(key) { try { return window.localStorage.getItem(key); } catch (err) { return null; } },
    set(key, value) { try { window.localStorage.setItem(key, value); } catch (err) { /* private mode */ } },
  };

  function indexSegments() {
    segments = Array.from(document.querySelectorAll(".segment")).map((el) => ({
      el, id: el.dataset.id, start: Number(el.dataset.start), end: Number(el.dataset.end),
    }));
    current = null;
  }
  indexSegments();
  document.querySelectorAll(".js-only").forEach((el) => { el.hidden = false; });

  // --- tabs (narrow screens only; CSS hides them on wide ones) -----------------------------
  const tabs = document.querySelector(".tabs");
  if (tabs) {
    tabs.hidden = false;
    tabs.addEventListener("click", (e) => {
      const button = e.target.closest("button[data-tab]");
      if (button) showTab(button.dataset.tab);
    });
    tabs.addEventListener("keydown", (e) => {
      if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
      const next = grid.dataset.tab === "minutes" ? "transcript" : "minutes";
      showTab(next);
      tabs.querySelector(`button[data-tab="${next}"]`).focus();
    });
  }
  function showTab(name) {
    grid.dataset.tab = name;
    if (tabs) {
      tabs.querySelectorAll("button[data-tab]").forEach((b) => {
        const on = b.dataset.tab === name;
        b.setAttribute("aria-selected", String(on));
        b.tabIndex = on ? 0 : -1;
      });
    }
    // Textareas measured while their pane was hidden have no height yet.
    document.querySelectorAll("textarea.autosize").forEach(autosize);
  }
  showTab(grid.dataset.tab || "transcript");
  const hash = window.location.hash;
  if (hash.startsWith("#item-") || hash.startsWith("#sec-") || hash.startsWith("#add-") || hash === "#minutes") {
    showTab("minutes");
  }
  const speakersPanel = document.getElementById("speakers");
  if (hash === "#speakers" && speakersPanel) speakersPanel.open = true;

  // --- playback: seeking, speed, shortcuts ---------------------------------------------------
  let stopAt = null; // evidence buttons play just their passage
  function seek(seconds, play, until) {
    audio.currentTime = Math.max(0, seconds);
    stopAt = until && until > seconds ? until : null;
    if (play) audio.play().catch(() => {});
  }
  audio.addEventListener("timeupdate", () => {
    if (stopAt !== null && audio.currentTime >= stopAt) { stopAt = null; audio.pause(); }
  });
  audio.addEventListener("seeking", () => { if (stopAt !== null && Math.abs(audio.currentTime - stopAt) > 60) stopAt = null; });

  function togglePlay() { if (audio.paused) audio.play().catch(() => {}); else audio.pause(); }
  function back5() { audio.currentTime = Math.max(0, audio.currentTime - 5); }
  function nextUncertain() {
    const onlyEvidence = document.getElementById("unc-evidence");
    const selector = onlyEvidence && onlyEvidence.checked ? ".segment.uncertain.evidence-seg" : ".segment.uncertain";
    const selected = document.querySelector(".segment.selected");
    const from = Math.max(audio.currentTime, selected ? Number(selected.dataset.start) : -1);
    const next = Array.from(document.querySelectorAll(selector)).find((el) => Number(el.dataset.start) > from + 0.05);
    if (!next) { announce(text("noMore", "Inga fler osäkra ställen."), false); return; }
    seek(Number(next.dataset.start), false);
    select(next.dataset.id);
    showTab("transcript");
    next.scrollIntoView({ block: "center" });
    const target = next.querySelector(".seg-marked, .time");
    if (target) target.focus({ preventScroll: true });
  }
  const buttons = { back5, playpause: togglePlay, "next-uncertain": nextUncertain };
  Object.entries(buttons).forEach(([id, fn]) => {
    const el = document.getElementById(id);
    if (el) el.addEventListener("click", fn);
  });
  // Alt+K / Alt+J / Alt+N work anywhere, also while typing in a segment (e.code: Alt changes e.key on some layouts).
  document.addEventListener("keydown", (e) => {
    if (!e.altKey || e.ctrlKey || e.metaKey) return;
    const fn = { KeyK: togglePlay, KeyJ: back5, KeyN: nextUncertain }[e.code];
    if (fn) { e.preventDefault(); fn(); }
  });
  const speed = document.getElementById("speed");
  if (speed) {
    const rate = store.get("protokoll-rate");
    if (rate && speed.querySelector(`option[value="${rate}"]`)) speed.value = rate;
    const apply = () => { audio.playbackRate = Number(speed.value) || 1; };
    apply();
    audio.addEventListener("loadedmetadata", apply);
    speed.addEventListener("change", () => { apply(); store.set("protokoll-rate", speed.value); });
  }
  // Following playback moves the page; it is on only when the reviewer turns it on.
  if (follow) {
    follow.checked = store.get("protokoll-follow") === "1";
    follow.addEventListener("change", () => store.set("protokoll-follow", follow.checked ? "1" : "0"));
  }

  document.addEventListener("click", (e) => {
    const button = e.target.closest("[data-seek]");
    if (button) {
      e.preventDefault();
      seek(Number(button.dataset.seek), true, Number(button.dataset.until) || null);
      const seg = button.closest(".segment");
      if (seg) select(seg.dataset.id);
      return;
    }
    const link = e.target.closest('a[href^="#seg-"]');
    if (link) showTab("transcript");
    const itemLink = e.target.closest('a[href^="#item-"]');
    if (itemLink) showTab("minutes");
    const seg = e.target.closest(".segment");
    if (!seg) return;
    if (splitting() && !e.target.closest("select, textarea, button, a, input")) {
      e.preventDefault();
      toggleSplit(seg);
      return;
    }
    select(seg.dataset.id);
    const marked = e.target.closest(".seg-marked");
    if (marked) startEditing(marked.closest(".seg-form"));
  });

  // A link from a series answer (?t=12.3#seg-4) lands on the passage, ready to play.
  const startAt = Number(new URLSearchParams(window.location.search).get("t"));
  if (startAt > 0) {
    const go = () => { audio.currentTime = startAt; };
    if (audio.readyState >= 1) go(); else audio.addEventListener("loadedmetadata", go, { once: true });
    if (hash.startsWith("#seg-")) select(hash.slice(5));
  }

  // The last clicked segment becomes the evidence for items the reviewer adds.
  let selectedId = null;
  function select(id) {
    selectedId = id;
    document.querySelectorAll(".segment.selected").forEach((el) => el.classList.remove("selected"));
    const el = document.getElementById("seg-" + id);
    if (el) el.classList.add("selected");
    document.querySelectorAll(".js-segment-target").forEach((input) => { input.value = id; });
  }

  // Keyboard users choose the evidence by moving into a segment, as a click does.
  document.addEventListener("focusin", (e) => {
    const seg = e.target instanceof HTMLElement ? e.target.closest(".segment") : null;
    if (seg && seg.dataset.id !== selectedId) select(seg.dataset.id);
  });

  // --- highlight the playing segment ------------------------------------------------------------
  function find(t) {
    let lo = 0, hi = segments.length - 1, best = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (segments[mid].start <= t) { best = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    if (best === null) return null;
    return t <= segments[best].end + 0.5 ? segments[best] : null;
  }
  function paneScrolls() {
    return pane && pane.scrollHeight > pane.clientHeight + 4 && getComputedStyle(pane).overflowY !== "visible";
  }
  audio.addEventListener("timeupdate", () => {
    const seg = find(audio.currentTime);
    if (seg === current) return;
    if (current) current.el.classList.remove("playing");
    current = seg;
    if (!seg) return;
    seg.el.classList.add("playing");
    const busy = document.activeElement && document.activeElement.matches("textarea, input, select");
    const transcriptVisible = grid.dataset.tab !== "minutes" || paneScrolls();
    if (follow && follow.checked && !busy && transcriptVisible && Date.now() - userScrolledAt > 4000) {
      if (paneScrolls()) {
        const top = seg.el.offsetTop - pane.offsetTop - pane.clientHeight / 3;
        pane.scrollTo({ top, behavior: "smooth" });
      } else {
        seg.el.scrollIntoView({ block: "center", behavior: "smooth" });
      }
    }
  });
  if (pane) {
    ["wheel", "touchmove"].forEach((type) => pane.addEventListener(type, () => { userScrolledAt = Date.now(); }, { passive: true }));
  }

  // --- speakers ------------------------------------------------------------------------------------
  // Changing a segment's speaker saves at once (without JS the segment's Save button does it).
  document.addEventListener("change", (e) => {
    const el = e.target;
    if (el.matches && el.matches("select.spk-select") && el.form) el.form.requestSubmit();
  });
  // Split: with the tool open, clicking segments collects them into the form.
  const splitTool = document.getElementById("split-tool");
  const splitInput = document.getElementById("split-segments");
  const splitLabel = document.getElementById("split-label");
  function splitting() { return Boolean(splitTool && splitTool.open && splitInput); }
  function splitIds() { return splitInput.value.split(/[\s,;]+/).filter(Boolean); }
  function toggleSplit(seg) {
    let ids = splitIds();
    if (ids.length === 0 && splitLabel && seg.dataset.speaker) splitLabel.value = seg.dataset.speaker;
    ids = ids.includes(seg.dataset.id) ? ids.filter((id) => id !== seg.dataset.id) : ids.concat(seg.dataset.id);
    splitInput.value = ids.join(", ");
    markSplit();
  }
  function markSplit() {
    const ids = splitting() ? new Set(splitIds()) : new Set();
    segments.forEach((s) => s.el.classList.toggle("marked-split", ids.has(s.id)));
  }
  if (splitTool && splitInput) {
    splitTool.addEventListener("toggle", markSplit);
    splitInput.addEventListener("input", markSplit);
  }

  // Segments with uncertain words show them marked; a click (or Enter) turns the text into the editor.
  function startEditing(form) {
    if (!form || form.classList.contains("editing")) return;
    form.classList.add("editing");
    const area = form.querySelector("textarea");
    if (area) { autosize(area); area.focus(); }
  }

  // --- editing comforts ---------------------------------------------------------------------------
  function autosize(el) {
    el.style.height = "auto";
    el.style.height = el.scrollHeight + 2 + "px";
  }
  document.querySelectorAll("textarea.autosize").forEach(autosize);
  document.addEventListener("input", (e) => {
    const el = e.target;
    if (!(el instanceof HTMLElement)) return;
    if (el.matches("textarea.autosize")) autosize(el);
    const form = el.closest("form");
    if (form && form.matches(".seg-form")) form.classList.add("dirty");
    if (form) form.dataset.dirty = "1";
    if (form) form.querySelectorAll(".save-note").forEach((n) => n.remove());
  });
  document.addEventListener("keydown", (e) => {
    const el = e.target;
    if (!(el instanceof HTMLElement)) return;
    if (el.matches(".seg-marked") && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      startEditing(el.closest(".seg-form"));
    } else if (el.matches("textarea") && e.key === "Enter" && (e.ctrlKey || e.metaKey) && el.form) {
      e.preventDefault(); // Ctrl+Enter saves, as the Save button would
      el.form.requestSubmit(el.form.querySelector("button[type=submit]:not([value]), button[value=edit]") || undefined);
    }
  });
  // Textareas inside closed <details> have no size until opened.
  document.addEventListener("toggle", (e) => {
    if (e.target instanceof HTMLDetailsElement) e.target.querySelectorAll("textarea.autosize").forEach(autosize);
  }, true);
  window.addEventListener("resize", () => document.querySelectorAll("textarea.autosize").forEach(autosize));

  // --- saving in place ----------------------------------------------------------------------------------
  function announce(message, ok) {
    if (!status) return;
    status.textContent = "";
    status.classList.toggle("error", !ok);
    window.setTimeout(() => { status.textContent = message; }, 30); // a change screen readers notice
  }
  function clearErrors(form) {
    form.querySelectorAll(".field-error, .save-note").forEach((el) => el.remove());
    form.querySelectorAll("[aria-invalid]").forEach((el) => {
      el.removeAttribute("aria-invalid");
      el.removeAttribute("aria-describedby");
    });
  }
  function note(form, message, ok) {
    const span = document.createElement("span");
    span.className = ok ? "save-note" : "save-note error";
    span.textContent = message;
    const actions = form.querySelector(".item-actions") || form;
    actions.appendChild(span);
  }
  function showFieldError(form, field, message) {
    const input = field && form.elements.namedItem(field);
    if (!(input instanceof HTMLElement)) { note(form, message, false); return; }
    const span = document.createElement("span");
    span.className = "field-error";
    span.id = "err-" + Math.random().toString(36).slice(2);
    span.textContent = message;
    input.insertAdjacentElement("afterend", span);
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", span.id);
    input.focus();
  }
  // The meeting was deleted under the reviewer: the reason and, below the form, the text typed into it to copy.
  function keepTyped(form, message) {
    const typed = Array.from(form.elements)
      .filter((el) => (el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && ["text", "date", "time", "search"].includes(el.type))) && el.value.trim())
      .map((el) => el.value.trim());
    const earlier = form.nextElementSibling;  // a second try replaces the first box, never stacks them
    if (earlier && earlier.classList.contains("kept-text")) earlier.remove();
    const box = document.createElement("div");
    box.className = "kept-text";
    box.setAttribute("role", "alert");
    const head = document.createElement("p");
    head.textContent = message + (typed.length ? " " + text("deletedKept", "") : "");
    box.appendChild(head);
    if (typed.length) {
      const copy = document.createElement("textarea");
      copy.readOnly = true;
      copy.rows = Math.min(12, typed.join("\n").split("\n").length + 1);
      copy.value = typed.join("\n\n");
      box.appendChild(copy);
    }
    form.insertAdjacentElement("afterend", box);
  }
  // Where the focus was, by ids and names that survive re-rendering the pane.
  function focusKey(form) {
    const el = document.activeElement;
    const holder = (el && el !== document.body ? el : form).closest("[id]");
    return {
      holder: holder ? holder.id : null,
      name: el && el.getAttribute ? el.getAttribute("name") : null,
      value: el && el.tagName === "BUTTON" ? el.value : null,
    };
  }
  function restoreFocus(key, fallback) {
    const holder = key.holder && document.getElementById(key.holder);
    let el = null;
    if (holder) {
      if (key.name) {
        const candidates = Array.from(holder.querySelectorAll(`[name="${key.name}"]`));
        el = candidates.find((c) => key.value === null || c.value === key.value) || null;
      }
      el = el || holder.querySelector("textarea, input:not([type=hidden]), button");
    }
    el = el || fallback;
    if (el) {
      el.focus({ preventScroll: true });
      el.scrollIntoView({ block: "nearest" });
    }
  }
  async function refreshParts(form) {
    const response = await fetch(window.location.pathname + "?partial=1", { credentials: "same-origin" });
    if (!response.ok) { window.location.reload(); return; }
    const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
    const ids = ["review-status", "minutes"];
    const seg = form.closest(".segment");
    if (seg) ids.push(seg.id);
    const scroll = { x: window.scrollX, y: window.scrollY, panes: Array.from(document.querySelectorAll(".pane")).map((p) => p.scrollTop) };
    // Text typed in other forms of the re-rendered parts, and which add forms were open, must survive.
    const kept = [];
    ids.forEach((id) => {
      const old = document.getElementById(id);
      if (!old) return;
      old.querySelectorAll("form[data-dirty]").forEach((f) => {
        if (f === form) return;
        const holder = f.closest("[id]");
        Array.from(f.elements).forEach((el) => {
          if (el.name && el.matches("input:not([type=hidden]), textarea, select")) {
            kept.push({ holder: holder && holder.id, name: el.name, value: el.value });
          }
        });
      });
      old.querySelectorAll("details[id]").forEach((d) => { if (d.open && !d.contains(form)) kept.push({ open: d.id }); });
    });
    ids.forEach((id) => {
      const old = document.getElementById(id);
      const replacement = fresh.getElementById(id);
      if (old && replacement) old.replaceWith(document.importNode(replacement, true));
    });
    kept.forEach((k) => {
      if (k.open) { const d = document.getElementById(k.open); if (d) d.open = true; return; }
      const holder = k.holder && document.getElementById(k.holder);
      const el = holder && holder.querySelector(`[name="${k.name}"]`);
      if (el) { el.value = k.value; if (el.form) el.form.dataset.dirty = "1"; }
    });
    document.querySelectorAll(".pane").forEach((p, i) => { p.scrollTop = scroll.panes[i] || 0; });
    window.scrollTo(scroll.x, scroll.y);
    indexSegments();
    if (selectedId !== null) select(selectedId);
    document.querySelectorAll("textarea.autosize").forEach(autosize);
  }
  // A 403 "csrf" means the session changed (logged in again elsewhere) or ended: fetch a fresh token if
  // still logged in and say so if not; the typed text stays in the form either way.
  async function renewToken() {
    const response = await fetch(window.location.pathname + "?partial=1", { credentials: "same-origin" });
    if (!response.ok || response.redirected) return false;
    const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
    const token = fresh.querySelector('meta[name="csrf-token"]');
    const meta = document.querySelector('meta[name="csrf-token"]');
    if (!token || !meta) return false;
    meta.setAttribute("content", token.getAttribute("content"));
    return true;
  }
  async function save(form, submitter, retried) {
    const data = new FormData(form, submitter || undefined);
    const key = focusKey(form);
    const seg = form.closest(".segment");
    const added = form.dataset.add ? new Set(Array.from(document.querySelectorAll(`#sec-${form.dataset.add} article.item`)).map((a) => a.id)) : null;
    clearErrors(form);
    form.classList.add("saving");
    announce(text("saving", "Sparar …"), true);
    let response;
    try {
      response = await fetch(form.action, {
        method: "POST", body: new URLSearchParams(data), credentials: "same-origin",
        headers: { Accept: "application/json", "X-CSRF-Token": window.csrfToken ? window.csrfToken() : "" },
      });
    } catch (err) {
      form.classList.remove("saving");
      note(form, text("failed", "Kunde inte spara"), false);
      announce(text("failed", "Kunde inte spara"), false);
      return;
    }
    form.classList.remove("saving");
    let body = {};
    try { body = await response.json(); } catch (err) { body = {}; }
    if (response.status === 403 && body.error === "csrf" && !retried) {
      if (await renewToken()) { await save(form, submitter, true); return; }
      response = { ok: false, status: 401 };
    }
    if (body.error === "deleted" || body.error === "changed") { keepTyped(form, body.message); announce(body.message, false); return; }
    if (!response.ok) {
      const known = { locked: "errLocked", csrf: "errCsrf" }[body.error];
      const message = response.status === 401 ? text("loggedOut", "Du har loggats ut.")
        : body.message || (known && text(known, "")) || text("failed", "Kunde inte spara");
      showFieldError(form, body.field, message);
      announce(message, false);
      return;
    }
    await refreshParts(form);
    const saved = body.message || text("saved", "Sparat");
    announce(saved, true);
    if (added) {
      const fresh = Array.from(document.querySelectorAll(`#sec-${form.dataset.add} article.item`)).find((a) => !added.has(a.id));
      if (fresh) {
        fresh.querySelectorAll("form").forEach((f) => note(f, saved, true));
        restoreFocus({ holder: fresh.id, name: null, value: null }, null);
        return;
      }
    }
    const holder = key.holder && document.getElementById(key.holder);
    const target = seg ? document.getElementById(seg.id) : holder && holder.closest(".item, .msec");
    const newForm = target && (target.matches("form") ? target : target.querySelector("form[data-save]"));
    if (newForm) note(newForm, saved, true);
    restoreFocus(key, target);
    if (seg) {
      const line = document.getElementById(seg.id);
      if (line) line.scrollIntoView({ block: "nearest" });
    }
  }
  document.addEventListener("submit", (e) => {
    const form = e.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-save") || e.defaultPrevented) return;
    e.preventDefault();
    save(form, e.submitter);
  });

  // --- approving: ask first, naming what nobody has reviewed ---------------------------------------------------
  document.addEventListener("submit", (e) => {
    const form = e.target;
    if (!(form instanceof HTMLFormElement) || form.id !== "approve-form") return;
    const open = Array.from(document.querySelectorAll("[data-unreviewed]")).map((a) => "– " + a.textContent.trim());
    const parts = [];
    if (open.length) {
      const shown = open.slice(0, 12);
      if (open.length > shown.length) shown.push((form.dataset.more || "… {n}").replace("{n}", String(open.length - shown.length)));
      parts.push((form.dataset.confirmHead || "{n}").replace("{n}", String(open.length)) + "\n" + shown.join("\n"));
    }
    const nameless = document.querySelector("[data-nameless]");  // "SPEAKER_01" would stand in the minutes
    if (nameless) parts.push(nameless.textContent.trim());
    const message = parts.length ? parts.join("\n\n") + "\n\n" + form.dataset.confirmEnd : form.dataset.confirmPlain;
    if (!window.confirm(message)) { e.preventDefault(); return; }
    if (form.elements.namedItem("confirmed")) form.elements.namedItem("confirmed").value = "1";
  });

  // Forms that still reload the page (speakers, approval): keep the playback position across it.
  const posKey = "protokoll-pos-" + meetingId;
  document.addEventListener("submit", (e) => {
    if (e.defaultPrevented) return;
    try { sessionStorage.setItem(posKey, String(audio.currentTime)); } catch (err) { /* private mode */ }
  });
  let saved = null;
  try { saved = sessionStorage.getItem(posKey); sessionStorage.removeItem(posKey); } catch (err) { saved = null; }
  if (saved) {
    const restore = () => { audio.currentTime = Number(saved); };
    if (audio.readyState >= 1) restore(); else audio.addEventListener("loadedmetadata", restore, { once: true });
  }

  // Regenerating in the background: look again shortly.
  if (document.querySelector("[data-reload-soon]")) {
    window.setTimeout(() => window.location.reload(), 2000);
  }
})();
