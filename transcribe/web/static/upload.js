// Drag-and-drop upload with per-file progress (XMLHttpRequest upload events). Each file is its own request.
"use strict";

(() => {
  const form = document.getElementById("upload-form");
  if (!form) return;
  const input = document.getElementById("file-input");
  const zone = document.getElementById("dropzone");
  const list = document.getElementById("file-list");
  const button = document.getElementById("upload-button");
  const maxBytes = Number(form.dataset.maxBytes);
  const chosen = document.getElementById("file-chosen");
  const agenda = document.getElementById("agenda-input");
  const agendaChosen = document.getElementById("agenda-chosen");
  const agendaClear = document.getElementById("agenda-clear");
  let files = [];

  // What is chosen, in the page's language instead of the browser's "No file chosen": a file's name, or how many.
  function showChosen(out, names) {
    if (!out) return;
    if (!names.length) out.textContent = out.dataset.none;
    else if (names.length === 1) out.textContent = names[0];
    else out.textContent = out.dataset.many.replace("{n}", String(names.length));
  }

  if (agenda && agendaChosen) {
    agenda.addEventListener("change", () => {
      const names = Array.from(agenda.files || [], (f) => f.name);
      showChosen(agendaChosen, names);
      if (agendaClear) agendaClear.hidden = !names.length;
    });
  }
  if (agendaClear) {
    agendaClear.addEventListener("click", () => {
      agenda.value = "";
      showChosen(agendaChosen, []);
      agendaClear.hidden = true;
      agenda.focus();
    });
  }

  // "0,5 MB" in Swedish, "0.5 MB" in English; a file under a megabyte in kB, never "0.0 MB"; one under a
  // kilobyte in bytes, so an empty file reads "0 byte" beside the message that it is empty (was "1 kB").
  const number = new Intl.NumberFormat(document.documentElement.lang || "sv", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  function mb(bytes) {
    if (bytes < 1024) return bytes + " byte";
    return bytes < 1048576 ? Math.ceil(bytes / 1024) + " kB" : number.format(bytes / 1048576) + " MB";
  }

  function render() {
    list.replaceChildren();
    showChosen(chosen, files.map((entry) => entry.file.name));
    files.forEach((entry) => {
      const li = document.createElement("li");
      const name = document.createElement("span");
      name.className = "file-name";
      name.textContent = entry.file.name + " (" + mb(entry.file.size) + ")";
      const bar = document.createElement("progress");
      bar.max = 100;
      bar.value = 0;
      const msg = document.createElement("span");
      msg.className = "file-msg";
      if (entry.file.size > maxBytes) {
        msg.textContent = form.dataset.tooLarge;
        li.classList.add("error");
      }
      li.append(name, bar, msg);
      entry.li = li; entry.bar = bar; entry.msg = msg;
      list.append(li);
    });
  }

  function add(fileList) {
    for (const file of fileList) files.push({ file });
    render();
  }

  input.addEventListener("change", () => { files = []; add(input.files); });
  ["dragenter", "dragover"].forEach((type) => zone.addEventListener(type, (e) => {
    e.preventDefault();
    zone.classList.add("over");
  }));
  ["dragleave", "drop"].forEach((type) => zone.addEventListener(type, (e) => {
    e.preventDefault();
    zone.classList.remove("over");
  }));
  zone.addEventListener("drop", (e) => { if (e.dataTransfer) add(e.dataTransfer.files); });

  function send(entry) {
    return new Promise((resolve) => {
      const data = new FormData();
      for (const field of ["csrf_token", "title", "date", "place", "speakers", "vocabulary", "series"]) {
        const el = form.elements.namedItem(field);
        if (el) data.append(field, el.value);
      }
      const agenda = form.elements.namedItem("agenda");
      if (agenda && agenda.files && agenda.files[0]) data.append("agenda", agenda.files[0], agenda.files[0].name);
      data.append("file", entry.file, entry.file.name);
      const xhr = new XMLHttpRequest();
      xhr.open("POST", form.action);
      xhr.setRequestHeader("Accept", "application/json");
      xhr.setRequestHeader("X-CSRF-Token", window.csrfToken());
      xhr.upload.addEventListener("progress", (e) => {
        if (e.lengthComputable) entry.bar.value = Math.round((e.loaded / e.total) * 100);
      });
      xhr.addEventListener("load", () => {
        let body = {};
        try { body = JSON.parse(xhr.responseText); } catch (err) { body = {}; }
        if (xhr.status >= 200 && xhr.status < 300) {
          entry.bar.value = 100;
          entry.msg.textContent = form.dataset.done;
          entry.li.classList.add("ok");
          resolve(true);
        } else {
          entry.msg.textContent = body.error || form.dataset.failed + " (" + xhr.status + ")";
          if (body.url && body.url.startsWith("/meetings/")) {  // the meeting this recording already is
            const link = document.createElement("a");
            link.href = body.url;
            link.textContent = form.dataset.open;
            entry.msg.append(" ", link);
          }
          entry.li.classList.add("error");
          resolve(false);
        }
      });
      xhr.addEventListener("error", () => {
        entry.msg.textContent = form.dataset.failed;
        entry.li.classList.add("error");
        resolve(false);
      });
      xhr.send(data);
    });
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const todo = files.filter((f) => f.file.size <= maxBytes && !f.li.classList.contains("ok"));
    if (!todo.length) {
      if (!files.length) { list.replaceChildren(); const li = document.createElement("li"); li.className = "error"; li.textContent = form.dataset.choose; list.append(li); }
      return;
    }
    button.disabled = true;
    let allOk = true;
    for (const entry of todo) {
      entry.li.classList.remove("error");
      entry.msg.textContent = "";
      allOk = (await send(entry)) && allOk;
    }
    button.disabled = false;
    if (allOk && files.every((f) => f.li.classList.contains("ok"))) window.location.assign("/meetings");
  });
})();
