// Keeps a mailing's progress current without reloading the page.
(function () {
  "use strict";
  var box = document.getElementById("mailing-progress");
  if (!box || !window.fetch) { return; }
  var source = box.getAttribute("data-source");
  function field(name) { return box.querySelector('[data-field="' + name + '"]'); }
  function refresh() {
    fetch(source, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data) { return; }
        Object.keys(data.progress).forEach(function (state) {
          var el = field(state);
          if (el) { el.textContent = data.progress[state]; }
        });
        var bar = field("done");
        if (bar) { bar.max = Math.max(data.total, 1); bar.value = data.done; }
        var status = field("status");
        if (status) { status.textContent = data.status_label; }
        if (data.active) { setTimeout(refresh, 2000); }
      })
      .catch(function () { setTimeout(refresh, 5000); });
  }
  setTimeout(refresh, 1000);
})();
