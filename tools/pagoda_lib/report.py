# SPDX-License-Identifier: MIT
"""`pagoda trace': one self-contained HTML page of a traced run.

The page holds the decoded events as JSON and a small script (no network,
no libraries) that replays them: each process's address space as a map of
pages coloured by state, a slider (and playback) over the events, a
timeline of faults, evictions and swap I/O per process, the frame table
with its owners, sharers and the clock hand, and the counters, which the
script counts from the events themselves.  Hovering a page shows its
history; hovering a frame shows its sharers.  docs/tracing.md shows a
screenshot."""

import html
import json

from . import tracefile

# Event columns in the page's JSON: seq is the index.
#   [tsc, type, pid, a, b, arg, extra]: extra is exec's program name,
#   evict's slot (b is then the frame alone).
_KEEP = {"boot", "fork", "exec", "exit", "fault", "alloc", "claim", "zero",
         "zero_page",
         "file_in", "swap_in", "stack", "cow_share", "cow_copy", "cow_last",
         "evict", "swap_out", "writeback", "free", "mmap", "munmap"}


def page_data(trace, title):
    """The JSON-able dict the page's script reads."""
    t0 = trace.events[0].tsc if trace.events else 0
    rows = []
    for e in trace.events:
        if e.type not in _KEEP:
            continue
        b = e.b
        extra = e.name
        if e.type == "exit":
            b = b - (1 << 64) if b >= 1 << 63 else b   # signed status
        elif e.type == "evict":     # frame | slot << 32: two numbers
            b, slot = b & tracefile.NONE32, b >> 32
            extra = -1 if slot == tracefile.NONE32 else slot
        rows.append([e.tsc - t0, e.type, e.pid, e.a, b, e.arg, extra])
    # (fork: a is the child's pid, b the parent's, extra its name.)
    return {"title": title, "frames": trace.frames, "slots": trace.slots,
            "events": rows}


def render(trace, title):
    """The HTML text of the report."""
    data = json.dumps(page_data(trace, title), separators=(",", ":"))
    # </script> cannot appear in JSON we make (names are escaped below).
    data = data.replace("</", "<\\/")
    return (_TEMPLATE.replace("@TITLE@", html.escape(title))
            .replace("@DATA@", data).replace("@SCRIPT@", _SCRIPT)
            .replace("@STYLE@", _STYLE))


def write(trace_path, out_path, title):
    """Read TRACE_PATH, write the report to OUT_PATH."""
    trace = tracefile.read(trace_path)
    with open(out_path, "w") as f:
        f.write(render(trace, title))
    return trace


_STYLE = """
body{font:13px/1.4 system-ui,sans-serif;margin:16px;color:#222;background:#fff}
h1{font-size:18px;margin:0 0 4px} h2{font-size:15px;margin:18px 0 4px}
h3{font-size:13px;margin:10px 0 2px}
#controls{position:sticky;top:0;background:#f4f4f4;padding:6px 8px;
 border:1px solid #ddd;z-index:2}
#slider{width:60%;vertical-align:middle}
table{border-collapse:collapse;margin:4px 0}
td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}
th{background:#eee} td.l,th.l{text-align:left}
.legend span{display:inline-block;width:12px;height:12px;margin:0 3px 0 10px;
 vertical-align:middle;border:1px solid #888}
#tip{position:fixed;display:none;background:#ffffe8;border:1px solid #999;
 padding:4px 6px;font:12px monospace;white-space:pre;max-width:520px;
 pointer-events:none;z-index:3}
canvas{display:block;margin:2px 0}
#errors{color:#b00;font-weight:bold}
.proc{border-top:1px solid #ddd;margin-top:8px}
"""

_TEMPLATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Pagoda trace: @TITLE@</title>
<style>@STYLE@</style></head>
<body>
<h1>Pagoda VM trace: @TITLE@</h1>
<div id="summary"></div>
<div id="errors"></div>
<div id="controls">
 <button id="play">&#9654; play</button>
 <input type="range" id="slider" min="0" max="0" value="0">
 <span id="step"></span>
 <div id="now"></div>
</div>
<div class="legend">Pages:
 <span style="background:#c8c8c8"></span>uninit
 <span style="background:#2e9d4f"></span>resident
 <span style="background:#8e44ad"></span>resident, COW-shared
 <span style="background:#2f6fd6"></span>swapped
 <span style="background:#e08a1e"></span>file (not resident)
<br>Timeline rows: faults by kind
 <span style="background:#7fc97f"></span>zero
 <span style="background:#e08a1e"></span>file
 <span style="background:#2f6fd6"></span>swap-in
 <span style="background:#999"></span>stack
 <span style="background:#8e44ad"></span>COW
 <span style="background:#d62728"></span>bad;
 evictions (to swap, file, or dropped in grey); swap reads (upper) and
 writes (lower, red).  The black line is the slider's time.
</div>
<h2>Counters</h2>
<p>Counted by this page from the events; each process's row is taken at its
exit, as the kernel logs it (<code>vm[NAME]:</code> lines on COM2); the last
row is the whole machine at power-off (<code>vm:</code>).</p>
<table id="counters"><thead></thead><tbody></tbody></table>
<h2>Frame table</h2>
<div id="framesinfo"></div>
<canvas id="frames"></canvas>
<h2>Processes</h2>
<div id="procs"></div>
<div id="tip"></div>
<script type="application/json" id="data">@DATA@</script>
<script>@SCRIPT@</script>
</body></html>
"""

_SCRIPT = r"""
"use strict";
window.addEventListener("error", function (ev) {
  document.getElementById("errors").textContent += "script error: " +
    ev.message + "\n";
  document.body.dataset.failed = "1";
});
(function () {
const D = JSON.parse(document.getElementById("data").textContent);
const EV = D.events;
const N = EV.length;
const COLS = ["zero", "zero_page", "file", "swap_in", "stack", "cow", "bad",
              "evictions",
              "swap_reads", "swap_writes", "writebacks"];
const STATE_COLOUR = {uninit: "#c8c8c8", resident: "#2e9d4f",
  shared: "#8e44ad", swapped: "#2f6fd6", file: "#e08a1e"};
const KIND_COLOUR = {zero: "#7fc97f", zero_page: "#d9f0d3", file: "#e08a1e",
  swap_in: "#2f6fd6",
  stack: "#999999", cow: "#8e44ad", cow_last: "#c39bd3", bad: "#d62728",
  none: "#cccccc", nomem: "#000000"};
const CELL = 10, PER_ROW = 64;
const hex = v => "0x" + v.toString(16);
const zeroCounters = () => Object.fromEntries(COLS.map(c => [c, 0]));

/* ---------- one full pass: processes, pages, counters, histories ------ */
const procs = new Map();        // pid -> process
const order = [];               // pids in order of first appearance
const exits = [];               // {pid, name, counters} in exit order
const total = zeroCounters();
function proc(pid) {
  let p = procs.get(pid);
  if (!p) {
    p = {pid: pid, name: "pid " + pid, parent: 0, pages: new Map(),
         counters: zeroCounters(), kind: null, marks: [], exited: false};
    procs.set(pid, p); order.push(pid);
  }
  return p;
}
function page(p, va) {
  let g = p.pages.get(va);
  if (!g) { g = {va: va, hist: []}; p.pages.set(va, g); }
  return g;
}
function describe(e) {
  const [tsc, t, pid, a, b, arg, x] = e;
  switch (t) {
  case "fault":
    return "fault " + hex(a) + ((b & 1) ? " write" : " read") +
      ((b & 4) ? "" : " (protection)") + " -> " +
      ["resolved", "bad", "nomem"][b >> 8];
  case "alloc": return "alloc " + hex(a) + " " +
      ["uninit", "anon", "file"][b & 7] + ((b & 8) ? " stack" : "") +
      ((b >> 8) & 1 ? " rw" : " ro");
  case "claim": return "claim " + hex(a) + " -> frame " + b;
  case "zero_page": return "zero page " + hex(a) + " (shared, read-only)";
  case "evict": return "evict " + hex(a) + " from frame " + b +
      ((arg & 1) ? " dirty" : " clean") + " -> " +
      ["dropped", "swap slot " + x, "file"][arg >> 1];
  case "swap_in": return "swap in " + hex(a) + " from slot " + b;
  case "swap_out": return "swap out " + hex(a) + " to slot " + b;
  case "cow_share": return "COW share " + hex(a) + " frame " + b;
  case "cow_copy": return "COW copy " + hex(a) + " -> frame " + b;
  case "cow_last": return "COW last sharer " + hex(a) + " frame " + b;
  case "exec": return "exec " + x;
  case "fork": return "fork: pid " + a + " (" + x + ") from pid " + b;
  case "exit": return "exit(" + b + ")";
  case "mmap": return "mmap " + hex(a) + " " + b + " bytes";
  case "munmap": return "munmap " + hex(a);
  case "boot": return "boot: " + D.frames + " frames, " + D.slots + " slots";
  default: return t + " " + hex(a);
  }
}
for (let i = 0; i < N; i++) {
  const e = EV[i];
  const [tsc, t, pid, a, b, arg, x] = e;
  const p = pid ? proc(pid) : null;
  const c = p ? p.counters : null;
  const add = k => { total[k]++; if (c) c[k]++; };
  switch (t) {
  case "fork": if (p) { p.parent = b; p.name = x || p.name;
    p.counters = zeroCounters(); } break;
  case "exec": if (p) { p.name = x; p.counters = zeroCounters(); } break;
  case "exit":
    if (p) { p.exited = true;
      exits.push({pid: pid, name: p.name, counters: Object.assign({}, c)}); }
    break;
  case "zero": add("zero"); if (p) p.kind = "zero"; break;
  case "zero_page": add("zero_page"); if (p) p.kind = "zero_page"; break;
  case "file_in": add("file"); if (p) p.kind = "file"; break;
  case "swap_in": add("swap_in"); add("swap_reads");
    if (p) p.kind = "swap_in"; break;
  case "stack": add("stack"); if (p) p.kind = "stack"; break;
  case "cow_copy": add("cow"); if (p) p.kind = "cow"; break;
  case "cow_last": if (p) p.kind = "cow_last"; break;
  case "evict": add("evictions"); break;
  case "swap_out": add("swap_writes"); break;
  case "writeback": add("writebacks"); break;
  case "fault": {
    const bad = (b >> 8) === 1;
    if (bad) { total.bad++; if (c && !(b & 8)) c.bad++; }
    if (p) {
      const kind = bad ? "bad" : (b >> 8) === 2 ? "nomem" : (p.kind || "none");
      p.marks.push([tsc, "fault", kind]); p.kind = null;
    }
    break; }
  }
  if (p && (t === "evict")) p.marks.push([tsc, "evict", arg >> 1]);
  if (p && (t === "swap_in" || t === "swap_out")) p.marks.push([tsc, t]);
  if (p && ["alloc", "claim", "zero", "zero_page", "file_in", "swap_in",
            "stack",
            "cow_share", "cow_copy", "cow_last", "evict", "swap_out",
            "writeback", "free"].includes(t))
    page(p, a - a % 4096).hist.push(i);
}

/* ---------- the counters table ---------------------------------------- */
(function () {
  const tab = document.getElementById("counters");
  tab.tHead.innerHTML = "<tr><th class=l>pid</th><th class=l>process</th>" +
    COLS.map(k => "<th>" + k + "</th>").join("") + "</tr>";
  const body = tab.tBodies[0];
  const row = (cls, pid, name, c, idx) => {
    const tr = document.createElement("tr");
    tr.className = cls; tr.dataset.pid = pid;
    if (idx !== undefined) tr.dataset.exit = idx;
    tr.innerHTML = "<td class=l>" + pid + "</td><td class=l></td>" +
      COLS.map(k => "<td data-k=\"" + k + "\">" + c[k] + "</td>").join("");
    tr.children[1].textContent = name;
    body.appendChild(tr);
  };
  exits.forEach((x, i) => row("proc", x.pid, x.name, x.counters, i));
  row("machine", "-", "machine", total);
})();

/* ---------- replay to a step ------------------------------------------ */
// State at step S (events [0, S) applied): page -> state, frames.
function replay(S) {
  const st = new Map();         // pid -> Map(va -> {state, frame, slot, type})
  const frames = new Array(D.frames).fill(null).map(() => []);
  let hand = 0;
  const get = (pid, va) => {
    let m = st.get(pid); if (!m) { m = new Map(); st.set(pid, m); }
    let g = m.get(va);
    if (!g) { g = {state: "uninit", frame: -1, slot: -1, type: 1};
              m.set(va, g); }
    return g;
  };
  const drop = (f, pid, va) => {
    if (f >= 0 && f < frames.length)
      frames[f] = frames[f].filter(s => !(s[0] === pid && s[1] === va));
  };
  for (let i = 0; i < S; i++) {
    const [tsc, t, pid, a, b, arg, x] = EV[i];
    switch (t) {
    case "alloc": { const g = get(pid, a); g.type = (b & 7) || 1;
      g.state = "uninit"; g.frame = -1; break; }
    case "claim": case "cow_copy": { const g = get(pid, a);
      if (g.frame >= 0) drop(g.frame, pid, a);
      g.state = "resident"; g.frame = b; frames[b].push([pid, a]); break; }
    case "cow_share": { const g = get(pid, a); g.state = "resident";
      g.frame = b; frames[b].push([pid, a]); break; }
    case "evict": { const g = get(pid, a); const f = b;
      drop(f, pid, a); g.frame = -1; hand = (f + 1) % D.frames;
      const dest = arg >> 1;
      g.state = dest === 1 ? "swapped" : (g.type === 2 ? "file" : "uninit");
      if (dest === 1) g.slot = x;
      break; }
    case "swap_out": get(pid, a).slot = b; break;
    case "free": { const m = st.get(pid); if (m && m.has(a)) {
      const g = m.get(a); if (g.frame >= 0) drop(g.frame, pid, a);
      m.delete(a); } break; }
    }
  }
  return {st: st, frames: frames, hand: hand};
}

/* ---------- drawing --------------------------------------------------- */
const tip = document.getElementById("tip");
function showTip(ev, text) {
  tip.textContent = text; tip.style.display = "block";
  tip.style.left = Math.min(ev.clientX + 14, innerWidth - 540) + "px";
  tip.style.top = (ev.clientY + 14) + "px";
}
function hideTip() { tip.style.display = "none"; }
const t1 = N ? EV[N - 1][0] : 1;
const procDivs = [];
function layoutPages(p) {      // fixed cell positions, one line per segment
  const vas = Array.from(p.pages.keys()).sort((x, y) => x - y);
  const cells = []; const labels = [];
  let row = -1, col = PER_ROW, prev = -1e18;
  for (const va of vas) {
    if (va !== prev + 4096 || col >= PER_ROW) {
      row++; col = 0;
      if (va !== prev + 4096) labels.push([row, va]);
    }
    cells.push({va: va, x: col, y: row}); col++; prev = va;
  }
  return {cells: cells, labels: labels, rows: row + 1};
}
const LABEL_W = 110;
for (const pid of order) {
  const p = procs.get(pid);
  const div = document.createElement("div"); div.className = "proc";
  const h = document.createElement("h3");
  h.textContent = "pid " + pid + ": " + p.name +
    (p.parent ? " (child of pid " + p.parent + ")" : "") + ", " +
    p.pages.size + " pages seen";
  div.appendChild(h);
  const tl = document.createElement("canvas");
  tl.width = 1000; tl.height = 48; tl.className = "timeline";
  const map = document.createElement("canvas");
  const lay = layoutPages(p);
  map.width = LABEL_W + PER_ROW * CELL; map.height = Math.max(1, lay.rows) * CELL;
  map.className = "pagemap"; map.dataset.pid = pid;
  div.appendChild(tl); div.appendChild(map);
  document.getElementById("procs").appendChild(div);
  const byPos = new Map(lay.cells.map(c => [c.y * PER_ROW + c.x, c]));
  map.addEventListener("mousemove", ev => {
    const r = map.getBoundingClientRect();
    const x = Math.floor((ev.clientX - r.left - LABEL_W) / CELL);
    const y = Math.floor((ev.clientY - r.top) / CELL);
    const c = x >= 0 ? byPos.get(y * PER_ROW + x) : null;
    if (!c) return hideTip();
    const g = p.pages.get(c.va);
    const lines = g.hist.slice(-14).map(i => "#" + i + " t=" + EV[i][0] +
      "  " + describe(EV[i]));
    const now = cur.st.get(pid) && cur.st.get(pid).get(c.va);
    showTip(ev, "page " + hex(c.va) + " of pid " + pid + ": " +
      (now ? now.state + (now.frame >= 0 ? ", frame " + now.frame : "") +
             (now.slot >= 0 ? ", slot " + now.slot : "") : "not mapped") +
      "\n" + (g.hist.length > 14 ? "... " + (g.hist.length - 14) +
      " earlier events\n" : "") + lines.join("\n"));
  });
  map.addEventListener("mouseleave", hideTip);
  procDivs.push({p: p, map: map, tl: tl, lay: lay});
}
function drawTimeline(d, tnow) {
  const g = d.tl.getContext("2d"); const W = d.tl.width;
  g.fillStyle = "#fafafa"; g.fillRect(0, 0, W, d.tl.height);
  g.fillStyle = "#666"; g.font = "10px sans-serif";
  g.fillText("faults", 2, 10); g.fillText("evict", 2, 26);
  g.fillText("swap", 2, 42);
  for (const m of d.p.marks) {
    const x = 40 + Math.floor((m[0] / t1) * (W - 42));
    if (m[1] === "fault") { g.fillStyle = KIND_COLOUR[m[2]] || "#ccc";
      g.fillRect(x, 2, 1, 12); }
    else if (m[1] === "evict") { g.fillStyle = ["#999", "#2f6fd6",
      "#e08a1e"][m[2]]; g.fillRect(x, 18, 1, 12); }
    else { g.fillStyle = m[1] === "swap_in" ? "#2f6fd6" : "#d62728";
      g.fillRect(x, m[1] === "swap_in" ? 34 : 40, 1, 6); }
  }
  const x = 40 + Math.floor((tnow / t1) * (W - 42));
  g.fillStyle = "#000"; g.fillRect(x, 0, 1, d.tl.height);
}
function drawMap(d, st) {
  const g = d.map.getContext("2d");
  g.clearRect(0, 0, d.map.width, d.map.height);
  g.fillStyle = "#444"; g.font = "9px monospace";
  for (const [row, va] of d.lay.labels) g.fillText(hex(va), 2, row * CELL + 8);
  const m = st.get(d.p.pid);
  for (const c of d.lay.cells) {
    const s = m && m.get(c.va);
    let col = "#f2f2f2";
    if (s) col = STATE_COLOUR[s.state === "resident" &&
      cur.frames[s.frame] && cur.frames[s.frame].length > 1 ? "shared" :
      s.state];
    g.fillStyle = col;
    g.fillRect(LABEL_W + c.x * CELL, c.y * CELL, CELL - 1, CELL - 1);
  }
}
const fc = document.getElementById("frames");
const FPR = D.frames > 1024 ? 128 : 64;
const FC = D.frames > 1024 ? 6 : CELL;
fc.width = FPR * FC; fc.height = Math.ceil(D.frames / FPR) * FC || 1;
const hue = pid => (pid * 137) % 360;
function drawFrames() {
  const g = fc.getContext("2d");
  g.clearRect(0, 0, fc.width, fc.height);
  let used = 0, shared = 0;
  for (let f = 0; f < D.frames; f++) {
    const s = cur.frames[f]; const x = (f % FPR) * FC,
      y = Math.floor(f / FPR) * FC;
    if (s.length) used++;
    if (s.length > 1) shared++;
    g.fillStyle = s.length ? "hsl(" + hue(s[0][0]) + ",60%,55%)" : "#eeeeee";
    g.fillRect(x, y, FC - 1, FC - 1);
    if (s.length > 1) { g.strokeStyle = "#000";
      g.strokeRect(x + 1.5, y + 1.5, FC - 4, FC - 4); }
  }
  const hx = (cur.hand % FPR) * FC, hy = Math.floor(cur.hand / FPR) * FC;
  g.strokeStyle = "#d62728"; g.lineWidth = 2;
  g.strokeRect(hx, hy, FC - 1, FC - 1); g.lineWidth = 1;
  document.getElementById("framesinfo").textContent = D.frames +
    " frames in the user pool: " + used + " in use, " + shared +
    " shared copy-on-write; clock hand at frame " + cur.hand +
    " (red).  Colour: owning process.";
}
fc.addEventListener("mousemove", ev => {
  const r = fc.getBoundingClientRect();
  const f = Math.floor((ev.clientY - r.top) / FC) * FPR +
    Math.floor((ev.clientX - r.left) / FC);
  if (f < 0 || f >= D.frames) return hideTip();
  const s = cur.frames[f];
  showTip(ev, "frame " + f + (f === cur.hand ? " (clock hand)" : "") + ": " +
    (s.length ? s.map(x => "pid " + x[0] + " " + hex(x[1])).join(", ") :
     "free"));
});
fc.addEventListener("mouseleave", hideTip);

/* ---------- controls -------------------------------------------------- */
// Start just before the first exit: every page of that process is there.
let start = EV.findIndex(e => e[1] === "exit");
if (start < 0) start = N;
let cur = replay(start);
const slider = document.getElementById("slider");
slider.max = N; slider.value = start;
function show(S) {
  cur = replay(S);
  const tnow = S > 0 ? EV[S - 1][0] : 0;
  document.getElementById("step").textContent = "event " + S + " of " + N +
    ", t = " + tnow;
  document.getElementById("now").textContent = S > 0 ?
    "last: pid " + EV[S - 1][2] + " " + describe(EV[S - 1]) : "boot";
  for (const d of procDivs) { drawMap(d, cur.st); drawTimeline(d, tnow); }
  drawFrames();
}
slider.addEventListener("input", () => show(+slider.value));
let timer = null;
document.getElementById("play").addEventListener("click", () => {
  if (timer) { clearInterval(timer); timer = null; return; }
  if (+slider.value >= N) slider.value = 0;
  timer = setInterval(() => {
    const v = Math.min(N, +slider.value + Math.max(1, Math.ceil(N / 300)));
    slider.value = v; show(v);
    if (v >= N) { clearInterval(timer); timer = null; }
  }, 40);
});
document.getElementById("summary").textContent = N + " events, " +
  order.length + " processes, " + D.frames + " frames, " + D.slots +
  " swap slots; t counts guest instructions when run with --icount " +
  "(otherwise time-stamp-counter cycles).";
show(start);
document.body.dataset.ready = "1";
})();
"""
