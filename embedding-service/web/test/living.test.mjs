// A new map version reaches an open page through the server-sent events: the page says so and draws it, and the
// view survives: the colour, the open cell and the selected cells (by id) stay.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { env, getJson, openAtlas, screenshot, waitForMap } from './lib.mjs';

let atlas;

after(async () => {
  await atlas?.close();
});

test('a new map version is announced and drawn without losing the view', async () => {
  const before = await getJson(env.atlasUrl, 'api/maps/current');
  const cellId = before.cells.id[0];
  const query = `colour=species&cell=${encodeURIComponent(cellId)}`;
  atlas = await openAtlas(env.atlasUrl, query);
  const { page } = atlas;
  assert.equal(await page.evaluate(() => document.body.dataset.mapVersion), before.mapVersion);
  await page.locator('#cell').getByText(cellId).first().waitFor();

  assert.ok(env.adminToken, 'ATLAS_ADMIN_TOKEN: a build request needs a bearer token with role admin');
  const res = await fetch(new URL('api/admin/maps', env.atlasUrl),
    { method: 'POST', headers: { Authorization: `Bearer ${env.adminToken}` } });
  assert.equal(res.status, 202);
  const { mapVersion: next } = await res.json();
  const drawn = await waitForMap(page, before.mapVersion);
  assert.equal(drawn, next, 'the page draws the version the build request announced');

  assert.match(await page.locator('#status').innerText(), new RegExp(`new map version ${next}`));
  assert.ok((await page.locator('#mapinfo').innerText()).includes(next));
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('colour'), 'species');
  assert.equal(url.searchParams.get('cell'), cellId);
  assert.equal(await page.locator('#colour').inputValue(), 'species');
  assert.equal(await page.locator('#legend .legend-title').innerText(), 'species');
  assert.ok((await page.locator('#cell').innerText()).includes(cellId), 'the open cell stays open');
  await screenshot(page, 'new-map-version');
  assert.deepEqual(atlas.errors, []);
});
