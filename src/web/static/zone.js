// Fills an empty time-zone field with the browser's own zone, so a new
// coalition starts in the zone its owner lives in. Only a zone the field
// offers is used; without scripts the field stays empty and the server
// keeps UTC until the owner chooses.
(function () {
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (e) {
    return;
  }
  if (!zone) {
    return;
  }
  var fields = document.querySelectorAll("input[data-guess-zone]");
  for (var i = 0; i < fields.length; i++) {
    var field = fields[i];
    var offered = field.list && Array.prototype.some.call(field.list.options, function (option) {
      return option.value === zone;
    });
    if (offered && !field.value) {
      field.value = zone;
    }
  }
})();
