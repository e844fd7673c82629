// The map renders: the page says how many cells the current map holds, the WebGL canvas shows them, and nothing
// on the page failed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
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

test('no console error, page error or failed request', () => {
  assert.deepEqual(atlas.errors, []);
});
