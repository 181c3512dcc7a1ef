// Polls /api/live every second and redraws the progress table (values set as text only).
const body = document.querySelector("#live-table tbody");
const summary = document.getElementById("live-summary");

function eta(s) {
  if (s === null || !Number.isFinite(s)) return "?";
  if (s < 60) return `${Math.round(s)}s`;
  return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, "0")}s`;
}

function row(e) {
  const tr = document.createElement("tr");
  const done = e.epochs && e.epoch
    ? ((e.epoch - 1) + (e.batches && e.batch ? e.batch / e.batches : 1)) / e.epochs
    : 0;
  const frac = e.status === "running" ? Math.min(1, Math.max(0, done)) : 1;
  const cells = [
    e.time.slice(11, 19),
    e.suiteId,
    e.run ? `${e.run}/${e.runs ?? "?"}` : "",
    e.experimentId,
    e.backend,
    String(e.seed),
    e.epoch ? `${e.epoch}/${e.epochs ?? "?"}` : "—",
    null,
    e.status === "running" ? eta(e.etaS) : "",
    null,
  ];
  cells.forEach((text, i) => {
    const td = tr.insertCell();
    if (i === 7) {
      const bar = document.createElement("span");
      bar.className = "progress";
      const fill = document.createElement("span");
      fill.style.width = `${(frac * 100).toFixed(0)}%`;
      bar.appendChild(fill);
      td.appendChild(bar);
    } else if (i === 9) {
      const b = document.createElement("span");
      b.className = `badge ${String(e.status).replace(/[^a-z_-]/gi, "")}`;
      b.textContent = e.status;
      td.appendChild(b);
    } else {
      td.textContent = text;
      if ([2, 5, 8].includes(i)) td.className = "num";
    }
  });
  return tr;
}

async function tick() {
  try {
    const r = await fetch("/api/live", { cache: "no-store" });
    if (r.ok) {
      const s = await r.json();
      body.replaceChildren(...s.runs.map(row));
      summary.textContent = !s.exists
        ? "No bench has reported progress yet. Start one with `deno task bench`; its runs appear here as they train."
        : s.active > 0
        ? `${s.active} run${s.active > 1 ? "s" : ""} in progress.`
        : "No run in progress; the latest runs are below.";
      document.body.dataset.liveUpdated = s.updatedAt ?? "";
    }
  } catch {
    // The server may be restarting; try again on the next tick.
  }
  setTimeout(tick, 1000);
}
setTimeout(tick, 1000);
