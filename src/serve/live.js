// dossier serve: reload this page when a rebuild changes it, and show the
// problems of a failed rebuild over it. Injected by the preview server only.
(function () {
  "use strict";
  var me = document.currentScript;
  var build = Number(me.dataset.build);
  var extra = me.dataset.extra === "1";
  var path = decodeURIComponent(location.pathname).replace(/^\//, "");
  if (path === "" || path.slice(-1) === "/") path += "index.html";

  function overlay(html) {
    var old = document.getElementById("__dossier-overlay");
    if (old) old.remove();
    if (html) document.body.insertAdjacentHTML("beforeend", html);
  }

  function mine(changed) {
    if (!changed) return true;
    for (var i = 0; i < changed.length; i++) {
      var p = changed[i];
      // A style sheet, script or image may be used by any page.
      if (p === path || !/\.html$/.test(p)) return true;
    }
    return false;
  }

  // The page is named so that a rebuild renders it before the reload.
  var events = new EventSource("/__dossier/events?path=" + encodeURIComponent(path));
  events.addEventListener("state", function (e) {
    var m = JSON.parse(e.data);
    if (m.build !== build) {
      if (!extra && mine(m.changed)) {
        events.close();
        location.reload();
        return;
      }
      build = m.build;
    }
    overlay(m.error);
  });
  events.addEventListener("extras", function (e) {
    var m = JSON.parse(e.data);
    if (extra && m.build >= build) {
      events.close();
      location.reload();
    }
  });
})();
