// Shared behaviour for every page. No inline scripts or handlers: the CSP forbids them.
"use strict";

document.documentElement.classList.add("js");

// Forms with data-confirm ask first (approve, regenerate, reopen, cancel).
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});

// The CSRF token for fetch/XHR requests.
window.csrfToken = () => {
  const meta = document.querySelector('meta[name="csrf-token"]');
  return meta ? meta.getAttribute("content") : "";
};
