// Puts each content-check warning under the field it is about, in the page editor. The same
// warnings are also at the top of the editor (messages), so nothing depends on this script.
(function () {
  "use strict";
  var match = window.location.pathname.match(/\/pages\/(\d+)\/edit\/?$/);
  var script = document.currentScript;
  if (!match || !script) {
    return;
  }
  var url = script.dataset.findingsUrl.replace(/\/0\/$/, "/" + match[1] + "/");
  fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then(function (response) {
      return response.ok ? response.json() : { findings: [] };
    })
    .then(function (data) {
      data.findings.forEach(function (finding) {
        var field = document.querySelector('[data-contentpath="' + CSS.escape(finding.field) + '"]');
        if (!field) {
          return;
        }
        var note = document.createElement("p");
        note.className = "help-block help-warning safeguards-warning";
        note.setAttribute("role", "note");
        note.textContent = finding.message;
        field.appendChild(note);
      });
    })
    .catch(function () {});
})();
