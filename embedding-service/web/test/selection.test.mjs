// The selection drawer and the filters tab against a running atlas (ATLAS_URL): a lasso's count equals the
// API's count for the same polygon, sorting reorders, the CSV holds every selected cell, and a species filter
// from the URL passes exactly the cells the API's species filter lists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openAtlas, screenshot } from './lib.mjs';

const BASE = process.env.ATLAS_URL ?? 'http://localhost:8080/';

async function api(path) {
  const res = await fetch(new URL(path, BASE), { headers: { Accept: 'application/json' } });
  if (res.status !== 200) assert.fail(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Every cell the API lists for a query, all pages. */
async function allCells(query) {
  const cells = [];
  for (let page = 0; ; page++) {
    const p = await api(`api/cells?${query}&size=1000&page=${page}`);
    cells.push(...p.cells);
    if (cells.length >= p.total) return { total: p.total, mapVersion: p.mapVersion, cells };
  }
}

async function lasso(page) {
  await page.click('#tool-lasso');
  const box = await page.locator('#map').boundingBox();
  const cx = box.x + box.width / 2, cy = box.y + box.height / 2, r = Math.min(box.width, box.height) * 0.3;
  await page.mouse.move(cx + r, cy);
  await page.mouse.down();
  for (let k = 1; k <= 48; k++) {
    const a = (2 * Math.PI * k) / 48;
    await page.mouse.move(cx + r * Math.cos(a), cy + r * Math.sin(a), { steps: 2 });
  }
  await page.mouse.up();
}

test('a lasso selection: count, sorting, CSV and clear', async () => {
  const { page, errors, close } = await openAtlas(BASE, '');
  try {
    const version = await page.evaluate(() => document.body.dataset.mapVersion);
    const simulated = await page.locator('#simulated-badge').count() > 0;
    await lasso(page);
    await page.waitForURL(/[?&]sel=/);
    await page.locator('#selection').waitFor({ state: 'visible' });
    const sel = new URL(page.url()).searchParams.get('sel');
    const listed = await allCells(`polygon=${encodeURIComponent(sel)}`);
    assert.equal(listed.mapVersion, version, 'the map changed during the test');
    const shown = Number(await page.locator('.selection-count').textContent());
    assert.equal(shown, listed.total);
    assert.ok(shown > 0, 'the lasso over the map centre holds cells');

    // Sorting by cluster: the first row holds the smallest, then (descending) the largest cluster.
    const clusters = listed.cells.map((c) => c.cluster);
    const headers = await page.locator('table.selection-table thead th').evaluateAll((ths) => ths.map((t) => t.dataset.key));
    const firstCluster = async () =>
      Number(await page.locator('table.selection-table tbody tr').first().locator('td').nth(headers.indexOf('cluster')).textContent());
    const clusterHeader = page.locator('table.selection-table th[data-key="cluster"]');
    await clusterHeader.locator('button').click();
    assert.equal(await clusterHeader.getAttribute('aria-sort'), 'ascending');
    assert.equal(await firstCluster(), Math.min(...clusters));
    await clusterHeader.locator('button').click();
    assert.equal(await clusterHeader.getAttribute('aria-sort'), 'descending');
    assert.equal(await firstCluster(), Math.max(...clusters));
    await page.locator('.dist-grid figure.dist').first().waitFor();
    await screenshot(page, 'selection');

    // The CSV: a comment line, a header, one line per selected cell (the API's cells).
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.selection-csv')]);
    const csv = (await readFile(await download.path(), 'utf8')).trimEnd().split('\n');
    assert.equal(csv.length, shown + 2);
    assert.match(csv[0], /^# PatchMap selection/);
    assert.ok(csv[0].includes(version), csv[0]);
    assert.ok(csv[0].includes('map units'), csv[0]);
    assert.equal(csv[0].includes('SIMULATED'), simulated, csv[0]);
    assert.match(csv[1], /^id,dandiset,species,region,cluster,x,y,log10_input_resistance \(log10 MΩ\),/);
    assert.equal(csv[1].split(',').length, 7 + 16);
    const ids = csv.slice(2).map((line) => (line.startsWith('"') ? line.slice(1, line.indexOf('"', 1)) : line.split(',')[0]));
    assert.deepEqual(ids.sort(), listed.cells.map((c) => c.cellId).sort());
    assert.match(download.suggestedFilename(), /^patchmap-selection-.+\.csv$/);

    await page.click('.selection-clear');
    await page.locator('#selection').waitFor({ state: 'hidden' });
    assert.equal(new URL(page.url()).searchParams.get('sel'), null);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('a species filter in the URL passes the cells the API lists for that species', async () => {
  const species = (await api('api/cells?size=1')).cells[0].species;
  assert.ok(species, 'the first cell has a species');
  const { page, errors, close } = await openAtlas(BASE, `?tab=filters&sp=${encodeURIComponent(species)}`);
  try {
    const line = page.locator('.filter-count[data-map-version]');
    await line.waitFor();
    const listed = await api(`api/cells?species=${encodeURIComponent(species)}&size=1`);
    assert.equal(await line.getAttribute('data-map-version'), listed.mapVersion, 'the map changed during the test');
    assert.equal(Number(await line.getAttribute('data-pass')), listed.total);
    assert.match(await line.textContent(), new RegExp(`^${listed.total.toLocaleString('en')} of [\\d,]+ cells pass`));
    assert.ok(listed.total < Number(await line.getAttribute('data-of')), 'the filter leaves cells out');
    assert.ok(await page.locator(`fieldset[data-key="sp"] input[value="${species}"]`).isChecked());
    await screenshot(page, 'filters');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
