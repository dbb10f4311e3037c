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

// A field the browser checks (a date's pattern) says what is wrong in the page's language, not the browser's.
document.addEventListener("invalid", (event) => {
  const field = event.target;
  if (field instanceof HTMLInputElement && field.dataset.invalid && field.validity.patternMismatch) {
    field.setCustomValidity(field.dataset.invalid);
  }
}, true);
document.addEventListener("input", (event) => {
  const field = event.target;
  if (field instanceof HTMLInputElement && field.dataset.invalid) field.setCustomValidity("");
});
