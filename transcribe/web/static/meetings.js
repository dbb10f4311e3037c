// Live status on the meetings list and the "processing" page: polls a small JSON endpoint every 2 s.
"use strict";

(() => {
  const cards = () => Array.from(document.querySelectorAll("[data-meeting]"));
  if (!cards().length) return;
  const ACTIVE = ["queued", "running"];

  async function poll() {
    let data;
    try {
      const response = await fetch("/api/meetings", { headers: { Accept: "application/json" }, cache: "no-store" });
      if (response.status === 401) { window.location.assign("/login"); return; }
      if (!response.ok) return;
      data = await response.json();
    } catch (err) {
      return; // server restarting: try again next tick
    }
    const byId = new Map(data.meetings.map((m) => [m.id, m]));
    let finished = false;
    for (const card of cards()) {
      const info = byId.get(card.dataset.meeting);
      if (!info) continue;
      const label = card.querySelector("[data-status]");
      const bar = card.querySelector("[data-progress]");
      if (label) {
        label.textContent = info.label;
        label.className = "status status-" + info.state;
      }
      if (bar) {
        bar.hidden = info.state !== "running";
        bar.value = info.percent || 0;
      }
      if (ACTIVE.includes(card.dataset.state) && !ACTIVE.includes(info.state)) finished = true;
      card.dataset.state = info.state;
    }
    // A meeting finished: reload so its buttons (open, retry) appear.
    if (finished) window.location.reload();
  }

  if (cards().some((c) => ACTIVE.includes(c.dataset.state))) {
    window.setInterval(poll, 2000);
  }
})();
