// The web atlas render bench (not a test): opens the atlas at --url in Chromium --runs times, each in a fresh
// browser context (empty cache), and prints per run and in summary: the time from navigation to the first map
// drawn (performance mark 'atlas:map-drawn'), the page's JS heap then (CDP Performance.getMetrics), the bytes
// the map and the other API requests took on the wire, and the frame rate while the map is panned and zoomed
// for --pan-ms (wheel and drag events; frames counted with requestAnimationFrame).
//   node bench/map-render.mjs --url http://localhost:8080/ [--runs 5] [--pan-ms 2000]
// Normally started by embedding-service/web-bench.sh, which serves SIMULATED cells first.
import { parseArgs } from 'node:util';
import { cpus, loadavg } from 'node:os';
import { env, launchBrowser } from '../test/lib.mjs';

const { values: opts } = parseArgs({
  options: { url: { type: 'string' }, runs: { type: 'string', default: '5' }, 'pan-ms': { type: 'string', default: '2000' } },
});
if (!opts.url) throw new Error('--url is required (the embedding-service serving the atlas)');
const runs = Number(opts.runs);
const panMs = Number(opts['pan-ms']);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const kB = (b) => `${(b / 1e3).toFixed(1)} kB`;
const MB = (b) => `${(b / 1e6).toFixed(1)} MB`;

/** Wheel zooms and drags over the map for `ms`, counting animation frames; returns fps and the longest frame. */
async function panAndZoom(page, ms) {
  const box = await page.locator('canvas#map').boundingBox();
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.evaluate(() => {
    const w = window;
    w.benchFrames = [];
    w.benchStop = false;
    const tick = (t) => {
      w.benchFrames.push(t);
      if (!w.benchStop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.mouse.move(cx, cy);
  const end = Date.now() + ms;
  for (let i = 0; Date.now() < end; i++) {
    if (i % 2 === 0) {
      await page.mouse.wheel(0, i % 4 === 0 ? -120 : 120); // zoom in, then out again
    } else {
      const a = (i / 2) * 0.9;
      await page.mouse.down();
      await page.mouse.move(cx + 60 * Math.cos(a), cy + 60 * Math.sin(a), { steps: 5 });
      await page.mouse.move(cx, cy, { steps: 5 });
      await page.mouse.up();
    }
  }
  const frames = await page.evaluate(() => {
    window.benchStop = true;
    return window.benchFrames;
  });
  let longest = 0;
  for (let i = 1; i < frames.length; i++) longest = Math.max(longest, frames[i] - frames[i - 1]);
  const span = frames.length > 1 ? frames[frames.length - 1] - frames[0] : 0;
  return { fps: span > 0 ? (frames.length - 1) / (span / 1000) : 0, longestFrameMs: longest };
}

async function measure(browser) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(opts.url, { timeout: env.waitMs });
    await page.waitForFunction(() => performance.getEntriesByName('atlas:map-drawn').length > 0, null,
      { timeout: env.waitMs, polling: 50 });
    const timing = await page.evaluate(() => {
      const api = performance.getEntriesByType('resource').filter((r) => new URL(r.name).pathname.includes('/api/'));
      const map = api.filter((r) => new URL(r.name).pathname.endsWith('/api/maps/current'));
      const sum = (rs, k) => rs.reduce((s, r) => s + r[k], 0);
      return {
        drawnMs: performance.getEntriesByName('atlas:map-drawn')[0].startTime,
        mapTransfer: sum(map, 'transferSize'), mapDecoded: sum(map, 'decodedBodySize'),
        mapFetchMs: map.length ? map[0].responseEnd - map[0].startTime : NaN,
        apiTransfer: sum(api, 'transferSize'), apiRequests: api.length,
        cells: document.querySelector('#mapinfo')?.textContent ?? '',
      };
    });
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name) => metrics.find((m) => m.name === name)?.value ?? NaN;
    const pan = await panAndZoom(page, panMs);
    return { ...timing, heapUsed: metric('JSHeapUsedSize'), heapTotal: metric('JSHeapTotalSize'), ...pan, errors };
  } finally {
    await context.close();
  }
}

console.log(`web atlas render bench: ${opts.url}, ${runs} runs, pan/zoom ${panMs} ms each; ${cpus().length} cores, `
  + `load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const { browser, close } = await launchBrowser();
const results = [];
try {
  for (let r = 1; r <= runs; r++) {
    const m = await measure(browser);
    results.push(m);
    console.log(`run ${r}: map drawn ${m.drawnMs.toFixed(0)} ms after navigation (map fetched in `
      + `${m.mapFetchMs.toFixed(0)} ms); map ${kB(m.mapTransfer)} on the wire, ${kB(m.mapDecoded)} decoded; `
      + `${m.apiRequests} API requests ${kB(m.apiTransfer)}; JS heap ${MB(m.heapUsed)} used of ${MB(m.heapTotal)}; `
      + `pan/zoom ${m.fps.toFixed(1)} fps, longest frame ${m.longestFrameMs.toFixed(0)} ms`
      + (m.errors.length ? `; page errors: ${m.errors.join(' | ')}` : ''));
  }
} finally {
  await close();
}
const col = (k) => results.map((m) => m[k]);
console.log(`mapinfo: ${results[0].cells.trim()}`);
console.log(`map drawn after navigation: median ${median(col('drawnMs')).toFixed(0)} ms, `
  + `max ${Math.max(...col('drawnMs')).toFixed(0)} ms`);
console.log(`JS heap used when drawn: median ${MB(median(col('heapUsed')))}, max ${MB(Math.max(...col('heapUsed')))}`);
console.log(`map on the wire: ${kB(median(col('mapTransfer')))} (${kB(median(col('mapDecoded')))} decoded); all API `
  + `requests until drawn: ${kB(median(col('apiTransfer')))}`);
console.log(`pan/zoom: median ${median(col('fps')).toFixed(1)} fps (min ${Math.min(...col('fps')).toFixed(1)}), `
  + `longest frame ${Math.max(...col('longestFrameMs')).toFixed(0)} ms`);
console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
