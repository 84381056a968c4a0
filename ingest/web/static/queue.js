// Queue page: documents still queued or processing are polled every 2 s for pages done / total.
(function () {
  "use strict";
  var table = document.getElementById("queue");
  if (!table) return;
  var ACTIVE = {queued: true, processing: true};
  function active() {
    return Array.prototype.filter.call(table.querySelectorAll("tbody tr"), function (tr) {
      return ACTIVE[tr.dataset.status];
    });
  }
  function poll() {
    var rows = active();
    if (!rows.length) return;
    var ids = rows.map(function (tr) { return tr.dataset.id; }).join(",");
    fetch("/web/queue/status.json?ids=" + ids, {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (r) { return r.json(); })
      .then(function (data) {
        var failed = false;
        rows.forEach(function (tr) {
          var d = data[tr.dataset.id];
          if (!d) return;
          tr.dataset.status = d.status;
          tr.className = "st-" + d.status;
          tr.querySelector(".status").textContent = d.label;
          var bar = tr.querySelector("progress");
          bar.max = d.page_count; bar.value = d.pages_done;
          tr.querySelector(".pages").textContent = d.pages_done + "/" + d.page_count + " trang";
          if (d.status === "failed") failed = true;
        });
        if (failed) { window.location.reload(); return; }  // shows the reason and the retry button
        setTimeout(poll, 2000);
      })
      .catch(function () { setTimeout(poll, 5000); });
  }
  setTimeout(poll, 1000);
})();
