/* A former id's page: on to the record's page, at the same paragraph (#p3); a file, as a
   strict Content-Security-Policy blocks inline scripts. */
(function () {
  var to = document.currentScript && document.currentScript.getAttribute("data-to");
  if (to) location.replace(to + location.hash);
})();
