// Convene's own script: start the GOV.UK components and send the CSRF token with htmx requests.
import { initAll } from "./vendor/govuk/govuk-frontend.min.js";

initAll();

const csrfToken = document.querySelector('meta[name="csrf-token"]')?.content;
document.body.addEventListener("htmx:configRequest", (event) => {
  if (csrfToken) {
    event.detail.headers["X-CSRFToken"] = csrfToken;
  }
});
// A partial that replaces a region moves focus to its heading or error summary, for screen readers.
document.body.addEventListener("htmx:afterSettle", (event) => {
  const target = event.detail.elt.querySelector("[data-focus-after-swap]");
  if (target) {
    target.setAttribute("tabindex", "-1");
    target.focus();
  }
});
