// The web map: a canvas scatter of /api/maps/current, a cell panel from /api/cells/{id} and its traces.
// No build step and no external script, so it works offline.
"use strict";
const canvas = document.getElementById("map");
const ctx = canvas.getContext("2d");
const tip = document.getElementById("tip");
const colourBy = document.getElementById("colour");
const statusLine = document.getElementById("status");
let map = null;
let screen = [];

const PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
  "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd"];

function colourOf(value, levels) {
  if (value === null || value === undefined) return "#cccccc";
  return PALETTE[levels.indexOf(value) % PALETTE.length];
}

async function load() {
  const r = await fetch("api/maps/current");
  if (r.status === 404) { statusLine.textContent = "no map yet"; return; }
  map = await r.json();
  const rows = map.cells.id.length;
  const simulated = (map.cells.simulatedType || []).filter(t => t !== null).length;
  statusLine.textContent = `map ${map.mapVersion}: ${map.cellCount} cells`
    + (map.placedCount > 0 ? `, ${map.placedCount} placed on it (outlined)` : "")
    + (simulated > 0 ? ` (${simulated === rows ? "all" : simulated} SIMULATED: a demo atlas, not real recordings)` : "");
  draw();
}

function draw() {
  if (!map) return;
  canvas.width = canvas.clientWidth; canvas.height = canvas.clientHeight;
  const c = map.cells, n = c.id.length, pad = 12;
  // loops, not Math.min(...c.x): a spread of 100,000 arguments overflows some browsers' stacks
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, c.x[i]); maxX = Math.max(maxX, c.x[i]);
    minY = Math.min(minY, c.y[i]); maxY = Math.max(maxY, c.y[i]);
  }
  const sx = (canvas.width - 2 * pad) / ((maxX - minX) || 1), sy = (canvas.height - 2 * pad) / ((maxY - minY) || 1);
  const column = c[colourBy.value];
  const levels = [...new Set(column)].sort();
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  screen = new Array(n);
  for (let i = 0; i < n; i++) {
    const px = pad + (c.x[i] - minX) * sx, py = canvas.height - pad - (c.y[i] - minY) * sy;
    screen[i] = [px, py];
    if (c.placed && c.placed[i]) { // placed on the map, not built into it
      ctx.strokeStyle = colourOf(column[i], levels);
      ctx.strokeRect(px - 3, py - 3, 6, 6);
    } else {
      ctx.fillStyle = colourOf(column[i], levels);
      ctx.fillRect(px - 2, py - 2, 4, 4);
    }
  }
}

function nearest(ev) {
  const r = canvas.getBoundingClientRect(), x = ev.clientX - r.left, y = ev.clientY - r.top;
  let best = -1, bestD = 64;
  for (let i = 0; i < screen.length; i++) {
    const d = (screen[i][0] - x) ** 2 + (screen[i][1] - y) ** 2;
    if (d < bestD) { bestD = d; best = i; }
  }
  return best;
}

canvas.addEventListener("mousemove", ev => {
  const i = map ? nearest(ev) : -1;
  if (i < 0) { tip.style.display = "none"; return; }
  tip.textContent = map.cells.id[i];
  tip.style.left = (ev.clientX + 10) + "px"; tip.style.top = (ev.clientY + 10) + "px"; tip.style.display = "block";
});
canvas.addEventListener("click", ev => { const i = map ? nearest(ev) : -1; if (i >= 0) openCell(map.cells.id[i]); });
colourBy.addEventListener("change", draw);
window.addEventListener("resize", draw);

function text(s) { const d = document.createElement("div"); d.textContent = s; return d.innerHTML; }

async function openCell(id) {
  const panel = document.getElementById("cell");
  const cell = await (await fetch("api/cells/" + id)).json();
  const md = cell.metadata || {};
  let html = `<h3>${text(id)}</h3>`;
  // A simulated cell says so first, with the type its archive states it was drawn from.
  const sim = md.simulated;
  if (sim) html += `<p class="simulated">simulated (${text(sim.type)})${sim.model ? ": " + text(sim.model) : ""}${sim.seed != null ? ", seed " + text(String(sim.seed)) : ""}</p>`;
  // a simulated cell's dandiset exists only in the demo's local archive, not on DANDI
  if (cell.links && sim) html += `<p>no DANDI links: this dandiset exists only in the demo's local archive</p>`;
  else if (cell.links) html += `<p><a href="${text(cell.links.dandiset)}" target="_blank">dandiset</a> · <a href="${text(cell.links.download)}">file</a></p>`;
  html += "<h4>Metadata</h4><table>";
  for (const f of ["species", "brainRegion", "ageDays", "sex", "genotype", "temperatureC"]) {
    const v = md[f];
    if (v) html += `<tr><td>${f}</td><td>${text(v.label ?? v.value)}</td><td>${text(v.source)} ${v.confidence ?? ""}</td></tr>`;
  }
  html += "</table>";
  if (cell.map) {
    html += `<h4>On map ${text(cell.map.mapVersion)}: ${text(cell.map.status)}</h4>`;
    if (cell.map.reason) html += `<p>${text(cell.map.reason)}</p>`;
    if (cell.map.status === "placed") html += `<p>cluster ${cell.map.cluster} (p ${cell.map.clusterProbability.toFixed(2)}), confidence ${cell.map.confidence.toFixed(2)}${cell.map.unlikeAtlas ? ", unlike the atlas" : ""}</p>`;
    if (cell.map.neighbours) {
      html += "<table>" + cell.map.neighbours.map(n => `<tr><td><a href="#" data-cell="${text(n.cellId)}">${text(n.cellId)}</a></td><td class="n">${n.distance.toFixed(4)}</td></tr>`).join("") + "</table>";
    }
  }
  html += '<h4>Traces</h4><canvas id="traces" width="400" height="220"></canvas><h4>Features</h4><table>';
  const qc = cell.qc || {};
  for (const [name, f] of Object.entries(cell.features || {})) {
    html += `<tr><td>${name}</td><td class="n">${f.value === null ? "" : Number(f.value).toPrecision(4)}</td><td>${text(f.unit)}</td><td>${text(qc[name] ?? "")}</td></tr>`;
  }
  panel.innerHTML = html + "</table>";
  panel.querySelectorAll("a[data-cell]").forEach(a => a.addEventListener("click", e => { e.preventDefault(); openCell(a.dataset.cell); }));
  const tr = await fetch("api/cells/" + id + "/traces");
  if (tr.ok) drawTraces(await tr.json());
}

function drawTraces(traces) {
  const tc = document.getElementById("traces"), g = tc.getContext("2d");
  let tMax = 0, vMin = Infinity, vMax = -Infinity;
  for (const s of traces.sweeps) for (let i = 0; i < s.t.length; i++) {
    tMax = Math.max(tMax, s.t[i]);
    if (Number.isFinite(s.v[i])) { vMin = Math.min(vMin, s.v[i]); vMax = Math.max(vMax, s.v[i]); }
  }
  traces.sweeps.forEach((s, k) => {
    g.strokeStyle = PALETTE[k % PALETTE.length]; g.beginPath();
    for (let i = 0; i < s.t.length; i++) {
      const x = s.t[i] / tMax * tc.width, y = tc.height - (s.v[i] - vMin) / ((vMax - vMin) || 1) * tc.height;
      if (i === 0 || !Number.isFinite(s.v[i])) g.moveTo(x, y); else g.lineTo(x, y);
    }
    g.stroke();
  });
}

new EventSource("api/maps/events").onmessage = () => load();
load();
