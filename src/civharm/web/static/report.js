// Small progressive enhancement: clicking a claim in the list flashes its span in the text.
// The page works without it (plain #anchor links).
document.addEventListener("click", function (event) {
  var link = event.target.closest("a[data-span-link]");
  if (!link) { return; }
  var target = document.getElementById(link.getAttribute("href").slice(1));
  if (!target) { return; }
  document.querySelectorAll("mark.focus").forEach(function (m) { m.classList.remove("focus"); });
  target.classList.add("focus");
});
