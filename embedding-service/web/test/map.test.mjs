// The map renders: the page says how many cells the current map holds, the WebGL canvas shows them, and nothing
// on the page failed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { quantileSorted } from 'd3-array';
import { format } from 'd3-format';
import { env, getJson, mapPixels, openAtlas, screenshot } from './lib.mjs';

let atlas;
let current;

before(async () => {
  current = await getJson(env.atlasUrl, 'api/maps/current');
  atlas = await openAtlas(env.atlasUrl);
});

after(async () => {
  await atlas?.close();
});

test('the page draws the current map version', async () => {
  const drawn = await atlas.page.evaluate(() => document.body.dataset.mapVersion);
  assert.equal(drawn, current.mapVersion);
  const marks = await atlas.page.evaluate(() => performance.getEntriesByName('atlas:map-drawn').length);
  assert.equal(marks, 1);
});

test('#mapinfo shows the cell count of /api/maps/current', async () => {
  const info = await atlas.page.locator('#mapinfo').innerText();
  const shown = /([\d,]+) cells/.exec(info);
  assert.ok(shown, `#mapinfo: "${info}"`);
  assert.equal(Number(shown[1].replaceAll(',', '')), current.cellCount, `#mapinfo: "${info}"`);
  assert.ok(info.includes(current.mapVersion), `#mapinfo: "${info}" does not name ${current.mapVersion}`);
});

test('the canvas shows the cells', async () => {
  const shot = await screenshot(atlas.page, 'map');
  const { width, height, nonWhite } = await mapPixels(atlas.page);
  const fraction = nonWhite / (width * height);
  console.log(`canvas#map ${width}x${height}: ${nonWhite} non-white pixels (${(100 * fraction).toFixed(2)} %) for `
    + `${current.cellCount} cells${shot ? `; screenshot ${shot}` : ''}`);
  assert.ok(width >= 300 && height >= 300, `canvas#map is ${width}x${height}`);
  // each cell is a dot of several pixels; dots may overlap, so at least one pixel per cell and 0.1 % of the canvas
  assert.ok(nonWhite >= current.cellCount, `${nonWhite} non-white pixels for ${current.cellCount} cells`);
  assert.ok(fraction > 0.001, `${nonWhite} non-white pixels of ${width * height}`);
});

test('the colour menu offers every map input of the API', async () => {
  const offered = await atlas.page.locator('#colour option').evaluateAll((os) => os.map((o) => o.value));
  for (const f of current.features) assert.ok(offered.includes(`f:${f}`), `no colour option for ${f}`);
});

test('colour by a feature: the colour bar spans its 5th to 95th percentile, missing cells counted', async () => {
  const feature = 'ap_1_width_0_long_square_ms';
  const column = await getJson(env.atlasUrl, `api/maps/current/values?feature=${feature}`);
  assert.equal(column.mapVersion, current.mapVersion);
  const present = column.values.filter((v) => v !== null).map((v) => Math.fround(v)).sort((a, b) => a - b);
  const missing = column.values.length - present.length;
  const fmt = format('.3~g');
  await atlas.page.selectOption('#colour', `f:${feature}`);
  await atlas.page.locator('#legend .colour-bar').waitFor();
  assert.equal(await atlas.page.locator('#legend .legend-title').innerText(), 'first AP width (ms)');
  const ticks = await atlas.page.locator('#legend .colour-ticks span').allInnerTexts();
  assert.equal(ticks[0], `≤ ${fmt(quantileSorted(present, 0.05))}`);
  assert.equal(ticks[2], `≥ ${fmt(quantileSorted(present, 0.95))}`);
  const note = await atlas.page.locator('#legend .legend-note').innerText();
  assert.equal(note.includes(`${missing} cells without a value`), missing > 0, note);
  assert.ok(new URL(atlas.page.url()).searchParams.get('colour') === `f:${feature}`, atlas.page.url());
  // the cells are drawn in viridis (no palette colour is white): as many coloured pixels as cells at least
  const { nonWhite } = await mapPixels(atlas.page);
  assert.ok(nonWhite >= current.cellCount, `${nonWhite} non-white pixels for ${current.cellCount} cells`);
  await screenshot(atlas.page, 'colour-by-ap-width');
});

test('a landmark colours the map, frames its cells and explains itself', async () => {
  await atlas.page.selectOption('#landmark', 'sag');
  await atlas.page.locator('#landmark-note').waitFor({ state: 'visible' });
  assert.equal(await atlas.page.locator('#colour').inputValue(), 'f:sag_nearest_minus_100');
  assert.match(await atlas.page.locator('#landmark-note').innerText(), /sag/);
  assert.equal(await atlas.page.locator('#legend .legend-title').innerText(), 'sag at −100 mV (1)');
});

test('no console error, page error or failed request', () => {
  assert.deepEqual(atlas.errors, []);
});
