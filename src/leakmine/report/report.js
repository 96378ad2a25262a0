// The report's only script: page crops decoded when their value opens, and the reviewer's decisions
// gathered into a corrections.csv to download (the corrections already applied come first).
(function () {
  "use strict";
  const COLUMNS = ["paper", "patient", "field", "value", "action", "reviewer", "note"];
  const applied = JSON.parse(document.getElementById("corrections").textContent);
  const decisions = new Map();
  const keyOf = (r) => [r.paper, r.patient, r.field, r.value].join("\u0000");
  const count = document.getElementById("review-count");

  function showPictures(root) {
    root.querySelectorAll("image[data-img]").forEach((img) => {
      if (img.getAttribute("href")) return;
      const data = document.getElementById("img-" + img.dataset.img);
      if (data) img.setAttribute("href", "data:image/png;base64," + data.textContent.trim());
    });
  }

  function decide(holder, action, value) {
    const card = holder.closest("article.patient");
    const row = {paper: card.dataset.paper, patient: card.dataset.number, field: holder.dataset.key,
                 value: value, action: action, reviewer: document.getElementById("reviewer").value.trim(),
                 note: ""};
    decisions.set(keyOf(row), row);
    count.textContent = String(decisions.size);
  }

  document.addEventListener("toggle", (e) => {
    if (e.target.open) showPictures(e.target);
  }, true);

  document.addEventListener("click", (e) => {
    const button = e.target.closest("button[data-action]");
    if (!button) return;
    e.preventDefault();
    const holder = button.closest("[data-key]");
    const action = button.dataset.action;
    if (action === "missing") {
      const value = window.prompt("Value the paper states for " + holder.dataset.key + ":");
      if (value && value.trim()) decide(holder, action, value.trim());
      return;
    }
    decide(holder, action, holder.dataset.raw);
    holder.classList.remove("marked-right", "marked-wrong");
    holder.classList.add("marked-" + action);
  });

  function cell(value) {
    const text = value == null ? "" : String(value);
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  document.getElementById("download").addEventListener("click", () => {
    const rows = applied.filter((r) => !decisions.has(keyOf(r))).concat(Array.from(decisions.values()));
    const lines = [COLUMNS.join(",")].concat(rows.map((r) => COLUMNS.map((c) => cell(r[c])).join(",")));
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([lines.join("\n") + "\n"], {type: "text/csv"}));
    link.download = "corrections.csv";
    document.body.appendChild(link);
    link.click();
    link.remove();
  });
})();
