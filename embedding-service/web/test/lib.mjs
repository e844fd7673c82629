// Browser tests of the web atlas against a running stack: Debian's Chromium driven by playwright-core, headless,
// with a fresh profile per browser, and a record of everything that went wrong on the page (console errors, page
// errors, failed requests) so that each test can assert there was nothing.
//
// Environment: ATLAS_URL (embedding-service, e.g. http://localhost:8080/), INGEST_URL (ingest-service),
// SHARED (the shared test material, ../shared), ATLAS_SHOTS (a folder for screenshots; none when unset),
// ATLAS_WAIT_MS (how long to wait for the page to reach a state, default 120000: a loaded 2-core machine),
// ATLAS_ADMIN_TOKEN (a bearer token with role admin, for the operator's requests: the local stack's
// <data>/auth/admin-token).
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = '/usr/bin/chromium';

/** The Chromium flags of every run; Playwright's own defaults are not used. */
export const CHROMIUM_FLAGS = Object.freeze(['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']);

export const env = Object.freeze({
  atlasUrl: process.env.ATLAS_URL ?? 'http://localhost:8080/',
  ingestUrl: process.env.INGEST_URL ?? 'http://localhost:8081/',
  shared: process.env.SHARED ?? '../shared',
  shots: process.env.ATLAS_SHOTS || null,
  waitMs: Number(process.env.ATLAS_WAIT_MS ?? 120_000),
  adminToken: process.env.ATLAS_ADMIN_TOKEN ?? '',
});

/**
 * Starts Chromium with exactly CHROMIUM_FLAGS plus what Playwright needs to talk to it (its pipe) and a profile
 * folder made for this browser (removed by close()).
 */
export async function launchBrowser() {
  const profile = mkdtempSync(join(tmpdir(), 'atlas-chromium-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    ignoreDefaultArgs: true,
    args: [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, '--remote-debugging-pipe'],
    timeout: env.waitMs,
  });
  return {
    browser,
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A URL of `baseUrl` with `query` (a string "a=1&b=2" or an object) as its query string. */
export function atlasUrl(baseUrl, query) {
  const url = new URL(baseUrl);
  const params = typeof query === 'string' ? new URLSearchParams(query) : new URLSearchParams(query ?? {});
  for (const [k, v] of params) url.searchParams.append(k, v);
  return url.toString();
}

/**
 * Opens the atlas in a new browser (fresh profile) and waits until the page has drawn a map
 * (`document.body.dataset.mapVersion` set). Returns {page, context, browser, errors, expectFailure, close}:
 * `errors` lists every console error, page error and failed request (a response of 400 or more, or a request
 * that never got one) from the start, as strings naming the URL; `expectFailure(urlPart, status)` declares a
 * failure the test provokes on purpose (a request whose URL contains urlPart answered with that status, and the
 * console error Chromium logs for it), which is then not a problem. Options: `expected` (a list of
 * {url, status} to declare before loading), `viewport` ({width, height}).
 */
export async function openAtlas(baseUrl = env.atlasUrl, query = '', options = {}) {
  const { browser, close } = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 } });
    const page = await context.newPage();
    const expected = [...(options.expected ?? [])];
    const isExpected = (url, status) => expected.some((e) => url.includes(e.url) && (e.status ?? status) === status);
    const errors = [];
    let closing = false;
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const url = msg.location()?.url ?? '';
      const status = /status of (\d{3})/.exec(msg.text());
      if (status && isExpected(url, Number(status[1]))) return;
      errors.push(`console error: ${msg.text()}${url ? ` (${url})` : ''}`);
    });
    page.on('pageerror', (e) => errors.push(`page error: ${e.stack ?? e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 400 && !isExpected(r.url(), r.status())) {
        errors.push(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`);
      }
    });
    page.on('requestfailed', (r) => {
      // requests still open when the test closes the page (the map's event stream) are aborted by the browser
      if (closing && r.failure()?.errorText === 'net::ERR_ABORTED') return;
      errors.push(`request failed: ${r.method()} ${r.url()}: ${r.failure()?.errorText}`);
    });
    await page.goto(atlasUrl(baseUrl, query), { timeout: env.waitMs });
    await waitForMap(page);
    return {
      page, context, browser, errors,
      expectFailure(url, status) { expected.push({ url, status }); },
      async close() {
        closing = true;
        await context.close();
        await close();
      },
    };
  } catch (e) {
    await close();
    throw e;
  }
}

/** Waits until the page has drawn a map version (other than `previous`, when given); returns the version. */
export async function waitForMap(page, previous = null) {
  const handle = await page.waitForFunction((prev) => {
    const v = document.body.dataset.mapVersion;
    return v && v !== prev ? v : null;
  }, previous, { timeout: env.waitMs });
  return handle.jsonValue();
}

/** Writes a screenshot of the page to $ATLAS_SHOTS/<name>.png; returns its path, or null when ATLAS_SHOTS is unset. */
export async function screenshot(page, name) {
  if (!env.shots) return null;
  mkdirSync(env.shots, { recursive: true });
  const path = join(env.shots, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** GET `path` relative to `baseUrl` as JSON (from node, not the page); fails on a status other than 200. */
export async function getJson(baseUrl, path) {
  const res = await fetch(new URL(path, baseUrl), { headers: { Accept: 'application/json' } });
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/**
 * The drawn map's pixels: a screenshot of canvas#map alone (the legend, tools and overlay hidden while it is
 * taken), decoded by the browser. Returns {width, height, nonWhite}: the pixels of the screenshot that are not
 * the map's white background (any channel below 245).
 */
export async function mapPixels(page) {
  const png = await page.locator('canvas#map').screenshot({
    style: '#legend, #map-tools, #overlay, #landmark-note, #tip { visibility: hidden !important; }',
    timeout: env.waitMs,
  });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = new OffscreenCanvas(img.naturalWidth, img.naturalHeight);
    const g = canvas.getContext('2d');
    g.drawImage(img, 0, 0);
    const { data } = g.getImageData(0, 0, canvas.width, canvas.height);
    let nonWhite = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] < 245 || data[i + 1] < 245 || data[i + 2] < 245) nonWhite++;
    }
    return { width: canvas.width, height: canvas.height, nonWhite };
  }, png.toString('base64'));
}
