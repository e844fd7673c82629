// The cell panel in a real browser against a running stack: a cell opened from the URL shows its id, one
// path per sweep of the traces API, axes with units, a feature value as the API states it (formatted as the
// panel formats numbers), a missing feature as "—" with its QC reason, and a neighbour click opens that cell.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { format } from 'd3-format';
import { env, getJson, openAtlas, screenshot } from './lib.mjs';

// The panel's number format (src/cell/format.ts).
const plain = format('.4~r');
const tiny = format('.3~e');
const formatted = (v) => (v !== 0 && Math.abs(v) < 1e-3 ? tiny(v) : plain(v));

const cellPath = (id) => `api/cells/${encodeURIComponent(id)}`;

/** A cell of the current map with display traces and neighbours, and what the API says of it. */
async function aMappedCell() {
  const map = await getJson(env.atlasUrl, 'api/maps/current');
  const ids = map.cells.id.filter((_, i) => !map.cells.placed[i]);
  for (const id of ids.slice(0, 20)) {
    const cell = await getJson(env.atlasUrl, cellPath(id));
    if (cell.map?.status !== 'mapped' || !cell.map.neighbours.length || !cell.features) continue;
    const traces = await getJson(env.atlasUrl, `${cellPath(id)}/traces`).catch(() => null);
    if (traces?.sweeps.length) return { id, cell, traces };
  }
  throw new Error('no mapped cell with traces and neighbours among the first 20 of the current map');
}

test('the cell panel shows a cell opened from the URL, and opens its neighbour on a click', async () => {
  const { id, cell, traces } = await aMappedCell();
  // A cell without an action potential answers 404 there, by contract; the panel says so in words.
  const atlas = await openAtlas(env.atlasUrl, { cell: id }, { expected: [{ url: '/first-spike', status: 404 }] });
  const { page } = atlas;
  try {
    const panel = page.locator('section#cell');
    await panel.locator('h2.cell-id').waitFor({ timeout: env.waitMs });
    assert.equal(await panel.locator('h2.cell-id').textContent(), id);

    const sweeps = panel.locator('svg.sweeps');
    await sweeps.waitFor({ timeout: env.waitMs });
    assert.equal(await sweeps.locator('path.sweep').count(), traces.sweeps.length);
    const labels = (await sweeps.locator('.axis-label').allTextContents()).join(' | ');
    assert.match(labels, /\bms\b/);
    assert.match(labels, /\bmV\b/);
    assert.match(labels, /\bpA\b/);

    const table = panel.locator('table.features');
    await table.waitFor({ timeout: env.waitMs });
    const [name, f] = Object.entries(cell.features).find(([, v]) => typeof v.value === 'number');
    assert.equal(await table.locator(`tr[data-feature="${name}"] td.value`).textContent(), formatted(f.value));
    const missing = Object.entries(cell.features).find(([n, v]) => typeof v.value !== 'number' && cell.qc?.[n]);
    if (missing) {
      const row = table.locator(`tr[data-feature="${missing[0]}"]`);
      assert.equal(await row.locator('td.value').textContent(), '—');
      assert.match(await row.textContent(), new RegExp(cell.qc[missing[0]].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    }
    await screenshot(page, 'cell-panel');

    const neighbour = cell.map.neighbours[0].cellId;
    await panel.locator(`button.neighbour[data-cell="${neighbour}"]`).click();
    await page.waitForFunction((n) => document.querySelector('#cell h2.cell-id')?.textContent === n, neighbour,
      { timeout: env.waitMs });
    assert.equal(new URL(page.url()).searchParams.get('cell'), neighbour);
    await panel.locator('svg.sweeps').waitFor({ timeout: env.waitMs });
    await screenshot(page, 'cell-panel-neighbour');

    assert.deepEqual(atlas.errors, []);
  } finally {
    await atlas.close();
  }
});
