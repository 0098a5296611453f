// Shows the progress of a background task (a contact import) on its page:
// polls the JSON address in data-progress and reloads the page when the
// task has ended, so the server renders the outcome. Without scripts the
// page still shows the state at each refresh.
(function () {
  var box = document.querySelector("[data-progress]");
  if (!box || !window.fetch) { return; }
  var url = box.getAttribute("data-progress");
  var bar = box.querySelector("progress");
  var text = box.querySelector("[data-progress-text]");
  function poll() {
    fetch(url, { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (p) {
        if (p.state !== "running" && p.state !== "waiting") { window.location.reload(); return; }
        if (bar) { bar.max = Math.max(p.total, 1); bar.value = p.done; }
        if (text) { text.textContent = p.done + " / " + p.total; }
        window.setTimeout(poll, 700);
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 300);
})();
