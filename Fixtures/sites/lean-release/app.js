// Booking form helpers: no framework, no DOM nodes added, runs after parsing (defer).
(function () {
  "use strict";
  var form = document.querySelector("form.booking");
  if (!form) return;
  var date = form.elements.namedItem("date");
  var summary = document.getElementById("summary");
  var today = new Date().toISOString().slice(0, 10);
  date.min = today;

  function describe() {
    var service = form.elements.namedItem("service");
    var time = form.querySelector("input[name=time]:checked");
    if (!time || !date.value) {
      summary.textContent = "No time chosen yet.";
      return;
    }
    summary.textContent = service.options[service.selectedIndex].text + " on " + date.value + " at " + time.value + ".";
  }

  form.addEventListener("change", describe);
})();
