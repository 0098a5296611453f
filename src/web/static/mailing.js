// Keeps a mailing's progress, the lines of the delivery log on this page
// and the pause/resume/cancel buttons current without reloading the page.
// Text goes in with textContent only: addresses and replies come from
// outside and are never read as HTML.
(function () {
  "use strict";
  var box = document.getElementById("mailing-progress");
  if (!box || !window.fetch) { return; }
  var source = box.getAttribute("data-source");
  var CELLS = ["state_label", "attempts", "reply", "sent_at"];
  function field(name) { return box.querySelector('[data-field="' + name + '"]'); }
  // The log's rows by address, found once: the page never adds rows.
  var rows = {};
  var log = document.getElementById("mailing-log");
  if (log) {
    Array.prototype.forEach.call(log.querySelectorAll("tr[data-recipient]"), function (tr) {
      rows[tr.getAttribute("data-recipient")] = tr;
    });
  }
  function updateRow(line) {
    var tr = rows[line.recipient];
    if (!tr) { return; }
    CELLS.forEach(function (name) {
      var cell = tr.querySelector('[data-cell="' + name + '"]');
      if (cell) { cell.textContent = String(line[name]); }
    });
  }
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
        (data.rows || []).forEach(updateRow);
        var controls = document.getElementById("mailing-controls");
        if (controls && !data.open) { controls.parentNode.removeChild(controls); }
        if (data.active) { setTimeout(refresh, 2000); }
      })
      .catch(function () { setTimeout(refresh, 5000); });
  }
  setTimeout(refresh, 1000);
})();
