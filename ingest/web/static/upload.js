// Upload page: files dropped or chosen are listed, then sent one by one so each gets its own answer.
(function () {
  "use strict";
  var form = document.getElementById("upload-form");
  if (!form) return;
  var input = document.getElementById("files");
  var zone = document.getElementById("dropzone");
  var pendingList = document.getElementById("pending");
  var results = document.querySelector("#results tbody");
  var dossier = document.getElementById("dossier_code");
  var note = document.getElementById("dossier-note");
  var csrf = form.querySelector("input[name=csrf_token]").value;
  var pending = [];

  function showPending() {
    pendingList.textContent = "";
    pending.forEach(function (f) {
      var li = document.createElement("li");
      li.textContent = f.name + " (" + Math.max(1, Math.round(f.size / 1024)) + " KB)";
      pendingList.appendChild(li);
    });
  }
  function add(files) {
    for (var i = 0; i < files.length; i++) pending.push(files[i]);
    showPending();
  }
  input.addEventListener("change", function () { add(input.files); input.value = ""; });
  ["dragenter", "dragover"].forEach(function (ev) {
    zone.addEventListener(ev, function (e) { e.preventDefault(); zone.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (ev) {
    zone.addEventListener(ev, function (e) { e.preventDefault(); zone.classList.remove("over"); });
  });
  zone.addEventListener("drop", function (e) { if (e.dataTransfer) add(e.dataTransfer.files); });

  function checkDossier() {
    var code = dossier.value.trim();
    if (!code) { note.textContent = ""; return; }
    fetch("/web/dossiers/check.json?code=" + encodeURIComponent(code), {credentials: "same-origin"})
      .then(function (r) { return r.json(); })
      .then(function (d) { note.textContent = d.message || ""; note.className = d.valid ? "note" : "flash error"; })
      .catch(function () {});
  }
  dossier.addEventListener("change", checkDossier);

  var labels = {accepted: "Đã nhận", duplicate: "Trùng", refused: "Bị từ chối"};
  function row(name) {
    var tr = document.createElement("tr");
    tr.className = "pending";
    ["", "Đang tải lên…", ""].forEach(function (t, i) {
      var td = document.createElement("td");
      td.textContent = i === 0 ? name : t;
      tr.appendChild(td);
    });
    results.insertBefore(tr, results.firstChild);
    return tr;
  }
  function show(tr, r) {
    tr.className = r.outcome;
    tr.children[1].textContent = labels[r.outcome] || r.outcome;
    tr.children[2].textContent = r.message + " ";
    if (r.detail) tr.children[2].title = r.detail;
    if (r.document_id && r.visible) {
      var a = document.createElement("a");
      a.href = "/web/documents/" + r.document_id;
      a.textContent = "Xem";
      tr.children[2].appendChild(a);
    }
  }
  function sendOne(file) {
    var tr = row(file.name);
    var data = new FormData();
    data.append("csrf_token", csrf);
    data.append("dossier_code", dossier.value);
    var agency = form.querySelector("input[name=agency]");
    if (agency) data.append("agency", agency.value);
    data.append("files", file, file.name);
    return fetch("/web/upload", {method: "POST", body: data, credentials: "same-origin",
                                 headers: {"Accept": "application/json", "X-CSRF-Token": csrf}})
      .then(function (resp) {
        return resp.json().then(function (body) {
          if (!resp.ok) throw new Error(body.detail || ("HTTP " + resp.status));
          show(tr, body.results[0]);
        });
      })
      .catch(function (err) { show(tr, {outcome: "refused", message: "Không gửi được: " + err.message}); });
  }
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    if (!pending.length) { zone.focus(); return; }
    var files = pending.slice();
    pending = [];
    showPending();
    var button = document.getElementById("send");
    button.disabled = true;
    files.reduce(function (p, f) { return p.then(function () { return sendOne(f); }); }, Promise.resolve())
      .then(function () { button.disabled = false; });
  });
})();
