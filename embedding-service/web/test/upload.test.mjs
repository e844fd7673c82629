// "Map my cell" against the running stack: a real recording uploaded through the page is placed and shown with
// the atlas's own cluster and confidence, the map's placed count goes up by one, and refused files show the
// ingest service's reason word for word.
// env: ATLAS_URL (the page), INGEST_URL (else the page's /api/config, else the page's origin), SHARED.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openAtlas, screenshot } from './lib.mjs';

const ATLAS_URL = process.env.ATLAS_URL ?? 'http://localhost:8080/';
const SHARED = process.env.SHARED ?? process.env.PATCHMAP_SHARED
  ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared');

/** Extracted by ingest-service (10 long-square sweeps; its UploadResourceTest). */
const ACCEPTED = 'nwb/LantyerEtAl2018_180817_ME_9_CC.nwb';
/** Voltage clamp only: accepted at the door, then failed "unreadable" with a reason naming the file. */
const REJECTED = 'nwb/2025053101.nwb';
/** Neither HDF5 nor ABF: refused with HTTP 415. */
const NOT_A_RECORDING = Buffer.from('hello, this is not a recording\n');

const MINUTES = 60_000;

async function json(url, init) {
  const res = await fetch(url, { ...init, headers: { Accept: 'application/json', ...init?.headers } });
  return { status: res.status, body: await res.json() };
}

async function ingestBase() {
  if (process.env.INGEST_URL) return process.env.INGEST_URL;
  const config = await fetch(new URL('api/config', ATLAS_URL));
  const configured = config.ok ? (await config.json()).ingestUrl : '';
  return configured || ATLAS_URL;
}

/** The map the API serves: its version and the ids of the cells placed on it. */
async function placedOnMap() {
  const { body } = await json(new URL('api/maps/current', ATLAS_URL));
  const ids = body.cells.id.filter((_, i) => body.cells.placed[i]);
  return { version: body.mapVersion ?? body.version, count: body.placedCount, ids: new Set(ids) };
}

/** The placed count #mapinfo shows (none shown: 0). */
const PLACED_SHOWN = () => {
  const m = /([\d,]+) placed/.exec(document.getElementById('mapinfo').textContent);
  return m ? Number(m[1].replace(/,/g, '')) : 0;
};

const itemOf = (page, name) => page.locator('.upload', { has: page.locator(`.upload-name:text-is("${name}")`) });

test('map my cell: a recording is placed, refused files show the reason', { timeout: 30 * MINUTES }, async () => {
  const atlas = await openAtlas(ATLAS_URL, 'tab=upload');
  const { page } = atlas;
  // Console errors with the URL they are about: the refused upload's 4xx and the atlas's 404 for the uploaded
  // cell until it has arrived there are expected; nothing else is.
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push({ text: m.text(), url: m.location().url ?? '' }); });
  page.on('pageerror', (e) => errors.push({ text: e.message, url: '' }));
  try {
    const ingest = await ingestBase();
    const before = await placedOnMap();
    const shownBefore = await page.evaluate(PLACED_SHOWN);
    assert.equal(shownBefore, before.count, 'the page shows the API\'s placed count');

    // A name of its own: the cell id is upload:<digest>/<name>, so each run places a new cell.
    const name = `map-my-cell-${Date.now()}.nwb`;
    await page.setInputFiles('#upload-file', { name, mimeType: 'application/x-hdf5',
      buffer: readFileSync(join(SHARED, 'data/cells', ACCEPTED)) });
    const item = itemOf(page, name);
    await page.waitForFunction((n) => [...document.querySelectorAll('.upload')].some((u) =>
      u.querySelector('.upload-name')?.textContent === n && ['placed', 'refused'].includes(u.dataset.state)),
    name, { timeout: 20 * MINUTES });
    assert.equal(await item.getAttribute('data-state'), 'placed', await item.innerText());
    const cellId = await item.getAttribute('data-cell-id');
    const upload = await json(new URL(`api/uploads/${await item.getAttribute('data-upload-id')}`, ingest));
    assert.equal(upload.body.status, 'extracted');
    assert.equal(cellId, upload.body.cellId);

    const cell = await json(new URL(`api/cells/${encodeURIComponent(cellId)}`, ATLAS_URL));
    assert.equal(cell.body.map.status, 'placed');
    assert.equal(await item.locator('.result-cluster').textContent(), String(cell.body.map.cluster));
    assert.equal(await item.locator('.result-cluster').getAttribute('data-value'), String(cell.body.map.cluster));
    assert.equal(await item.locator('.result-confidence').textContent(), cell.body.map.confidence.toFixed(3));
    assert.equal(await item.locator('.result-confidence').getAttribute('data-value'), String(cell.body.map.confidence));
    assert.equal(await item.locator('.result-probability').getAttribute('data-value'),
      String(cell.body.map.clusterProbability));
    assert.equal(await item.locator('.result-runners-up').getAttribute('data-value'),
      String(cell.body.map.runnersUp.length));
    for (const r of cell.body.map.runnersUp) {
      assert.ok((await item.locator('.result-runners-up').textContent()).includes(`${r.cluster} (${Math.round(r.probability * 100)} %)`));
    }
    assert.equal(await item.locator('.result-unlike').count(), cell.body.map.unlikeAtlas ? 1 : 0);
    assert.deepEqual(await item.locator('.result-neighbours li').evaluateAll((lis) => lis.map((l) => l.dataset.cellId)),
      cell.body.map.neighbours.map((n) => n.cellId));
    await item.locator('.thumb svg').first().waitFor();
    assert.equal(await item.locator('.thumb').count(), 1 + Math.min(3, cell.body.map.neighbours.length));

    // The map reloads with the cell on it: its placed count went up by this one cell.
    // (the atlas prepares the served map again about a second after a placement)
    let after = await placedOnMap();
    for (let i = 0; i < 60 && !after.ids.has(cellId); i++) {
      await new Promise((r) => setTimeout(r, 1000));
      after = await placedOnMap();
    }
    assert.equal(after.version, before.version, 'a new map version was built meanwhile: the count cannot be compared');
    assert.ok(after.ids.has(cellId) && !before.ids.has(cellId), `${cellId} is newly placed on the served map`);
    const others = [...after.ids].filter((id) => !before.ids.has(id) && id !== cellId);
    assert.deepEqual(others, [], 'other cells were placed meanwhile: the count cannot be compared');
    await page.waitForFunction(`(${PLACED_SHOWN})() === ${before.count + 1}`, null, { timeout: 2 * MINUTES });
    assert.equal(await page.evaluate(PLACED_SHOWN), shownBefore + 1);
    await item.scrollIntoViewIfNeeded();
    await screenshot(page, 'upload-placed');

    // A recording ingest cannot use: the upload fails with the reason ingest gives, shown word for word.
    const rejectedName = REJECTED.split('/').pop();
    await page.setInputFiles('#upload-file', { name: rejectedName, mimeType: 'application/x-hdf5',
      buffer: readFileSync(join(SHARED, 'data/cells', REJECTED)) });
    const rejected = itemOf(page, rejectedName);
    await page.waitForFunction((n) => [...document.querySelectorAll('.upload')].some((u) =>
      u.querySelector('.upload-name')?.textContent === n && ['placed', 'refused'].includes(u.dataset.state)),
    rejectedName, { timeout: 20 * MINUTES });
    assert.equal(await rejected.getAttribute('data-state'), 'refused');
    const failed = await json(new URL(`api/uploads/${await rejected.getAttribute('data-upload-id')}`, ingest));
    assert.equal(failed.body.status, 'failed');
    assert.equal(await rejected.locator('.upload-reason').textContent(), failed.body.reason);
    assert.ok((await rejected.locator('.upload-lead').textContent()).startsWith(`${rejectedName}: `));

    // Not a recording at all: refused at once (415) with the service's {"error"} text.
    const form = new FormData();
    form.append('file', new Blob([NOT_A_RECORDING]), 'notes.nwb');
    const refusal = await json(new URL('api/uploads', ingest), { method: 'POST', body: form });
    assert.equal(refusal.status, 415);
    await page.setInputFiles('#upload-file', { name: 'notes.nwb', mimeType: 'text/plain', buffer: NOT_A_RECORDING });
    const notes = itemOf(page, 'notes.nwb');
    await notes.locator('.upload-reason').waitFor();
    assert.equal(await notes.locator('.upload-reason').textContent(), refusal.body.error);
    assert.equal(await notes.getAttribute('data-state'), 'refused');

    // The session's uploads, the most recent first.
    assert.deepEqual(await page.locator('.uploads > .upload .upload-name').allTextContents(),
      ['notes.nwb', rejectedName, name]);
    await screenshot(page, 'upload-refused');

    const encodedCell = encodeURIComponent(cellId);
    const unexpected = errors.filter((e) => !(
      (e.url.endsWith('/api/uploads') && /status of 4\d\d/.test(e.text))
      || (e.url.endsWith(`/api/cells/${encodedCell}`) && /status of 404/.test(e.text))));
    assert.deepEqual(unexpected, []);
  } finally {
    await (atlas.close ? atlas.close() : atlas.browser.close());
  }
});
