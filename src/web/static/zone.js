// Fills an empty time-zone field with the browser's own zone, so a new
// coalition starts in the zone its owner lives in. Without scripts the
// field stays empty and the server keeps UTC until the owner chooses.
(function () {
  var fields = document.querySelectorAll("input[data-guess-zone]");
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (e) {
    return;
  }
  for (var i = 0; i < fields.length; i++) {
    if (zone && !fields[i].value) {
      fields[i].value = zone;
    }
  }
})();
