// Review page: audio synced with the transcript, evidence links that play a passage, editing comforts.
"use strict";

(() => {
  const audio = document.getElementById("player");
  const grid = document.getElementById("review-grid");
  const pane = document.getElementById("transcript-pane");
  const follow = document.getElementById("follow");
  if (!audio || !grid) return;
  const meetingId = audio.dataset.meeting;
  const segments = Array.from(document.querySelectorAll(".segment")).map((el) => ({
    el, id: el.dataset.id, start: Number(el.dataset.start), end: Number(el.dataset.end),
  }));
  let current = null;
  let userScrolledAt = 0;

  // --- tabs (narrow screens only; CSS hides them on wide ones) -----------------------------
  const tabs = document.querySelector(".tabs");
  if (tabs) {
    tabs.hidden = false;
    tabs.addEventListener("click", (e) => {
      const button = e.target.closest("button[data-tab]");
      if (!button) return;
      showTab(button.dataset.tab);
    });
  }
  function showTab(name) {
    grid.dataset.tab = name;
    if (tabs) tabs.querySelectorAll("button[data-tab]").forEach((b) => b.setAttribute("aria-selected", String(b.dataset.tab === name)));
    // Textareas measured while their pane was hidden have no height yet.
    document.querySelectorAll("textarea.autosize").forEach(autosize);
  }
  const hash = window.location.hash;
  if (hash.startsWith("#item-") || hash.startsWith("#sec-") || hash === "#minutes") showTab("minutes");
  const speakersPanel = document.getElementById("speakers");
  if (hash === "#speakers" && speakersPanel) speakersPanel.open = true;

  // --- seeking ------------------------------------------------------------------------------
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
  function select(id) {
    document.querySelectorAll(".segment.selected").forEach((el) => el.classList.remove("selected"));
    const el = document.getElementById("seg-" + id);
    if (el) el.classList.add("selected");
    document.querySelectorAll(".js-segment-target").forEach((input) => { input.value = id; });
  }

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
    const editing = document.activeElement && seg.el.contains(document.activeElement);
    const transcriptVisible = grid.dataset.tab !== "minutes" || paneScrolls();
    if (follow && follow.checked && !editing && transcriptVisible && Date.now() - userScrolledAt > 4000) {
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
  document.querySelectorAll("select.spk-select").forEach((el) => el.addEventListener("change", () => {
    if (el.form) el.form.requestSubmit();
  }));
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

  // Segments with uncertain words show them marked; a click turns the text into the editor.
  function startEditing(form) {
    if (!form || form.classList.contains("editing")) return;
    form.classList.add("editing");
    const area = form.querySelector("textarea");
    if (area) { autosize(area); area.focus(); }
  }
  document.querySelectorAll(".seg-marked").forEach((el) => el.addEventListener("keydown", (e) => {
    if (e.key === "Enter" || e.key === " ") { e.preventDefault(); startEditing(el.closest(".seg-form")); }
  }));

  // --- editing comforts ---------------------------------------------------------------------------
  function autosize(el) {
    el.style.height = "auto";
    el.style.height = el.scrollHeight + 2 + "px";
  }
  document.querySelectorAll("textarea.autosize").forEach((el) => {
    autosize(el);
    el.addEventListener("input", () => {
      autosize(el);
      const form = el.closest(".seg-form");
      if (form) form.classList.add("dirty");
    });
  });
  // Textareas inside closed <details> have no size until opened.
  document.querySelectorAll("details").forEach((d) => d.addEventListener("toggle", () => {
    d.querySelectorAll("textarea.autosize").forEach(autosize);
  }));
  window.addEventListener("resize", () => document.querySelectorAll("textarea.autosize").forEach(autosize));

  // Every form reloads the page: keep the playback position across it.
  const key = "protokoll-pos-" + meetingId;
  document.addEventListener("submit", () => {
    try { sessionStorage.setItem(key, String(audio.currentTime)); } catch (err) { /* private mode */ }
  });
  let saved = null;
  try { saved = sessionStorage.getItem(key); sessionStorage.removeItem(key); } catch (err) { saved = null; }
  if (saved) {
    const restore = () => { audio.currentTime = Number(saved); };
    if (audio.readyState >= 1) restore(); else audio.addEventListener("loadedmetadata", restore, { once: true });
  }

  // Regenerating in the background: look again shortly.
  if (document.querySelector("[data-reload-soon]")) {
    window.setTimeout(() => window.location.reload(), 2000);
  }
})();
