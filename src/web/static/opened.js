// Tells the coordinators that a person opened their invitation's form.
// Mail scanners fetch links without running scripts, so they are not counted.
(function () {
  var form = document.querySelector("form[data-opened]");
  if (form && window.fetch) {
    fetch(form.getAttribute("data-opened"), { method: "POST", credentials: "same-origin" });
  }
})();
