// "Republish this": the Copy button puts the snippet on the clipboard and says so.
// Without JavaScript the snippet can still be selected and copied by hand.
document.addEventListener("click", function (event) {
  "use strict";
  var button = event.target.closest("button[data-copy]");
  if (!button) { return; }
  var field = document.getElementById(button.getAttribute("data-copy"));
  var status = document.getElementById(button.getAttribute("data-status"));
  function done(text) { if (status) { status.textContent = text; } }
  function fallback() {
    field.focus();
    field.select();
    try {
      done(document.execCommand("copy") ? "Copied." : "Select the text and copy it.");
    } catch (e) {
      done("Select the text and copy it.");
    }
  }
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(field.value).then(function () { done("Copied."); }, fallback);
  } else {
    fallback();
  }
});
