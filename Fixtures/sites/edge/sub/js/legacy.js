// Fallback for browsers without modules. A module-capable browser never downloads a nomodule script.
(function () {
  document.documentElement.setAttribute("data-wait", "12 minutes");
})();
