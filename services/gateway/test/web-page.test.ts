/**
 * The gateway's web page in real Chromium at phone size (390×844), against the real local stack
 * (`tensorhop up`, default MNIST model) with API keys on: the page asks for the key, then two
 * digit files (made with sharp) and one good and one broken URL (a loopback origin) are
 * classified in each sequencing mode. Labels match the SDK's in Node, thumbnails load, the broken
 * URL's card says why in words with its code and stage, the waterfall shows each hop, the bytes the
 * page reports are the bytes the browser sent, the pools panel reads /v1/status, no sideways
 * scrolling, a request refused whole (over the gateway's body limit) fails every card with its
 * code, a wrong key is refused in words, the keyboard alone works, and axe-core finds no serious or
 * critical violation. Screenshots go to test-artifacts/web-page/.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { classify as sdkClassify } from '@tensorhop/sdk';
import type { Browser } from 'playwright-core';
import { bigDigitPhoto } from './big-photo.js';
import { skipWithoutChromium } from '../../../test/helpers/chromium.js';
import {
  PHONE,
  classify,
  openPage,
  readBatches,
  readCards,
  screenshot,
  seriousViolations,
} from './web-driver.js';
import { KEY, startWebFixture, type WebFixture } from './web-fixture.js';

const LIMIT = 256 * 1024;

describe('web page', { skip: skipWithoutChromium(), timeout: 240_000 }, () => {
  let fixture: WebFixture, browser: Browser, gateway: string;
  let files: { name: string; mimeType: string; buffer: Buffer }[];
  let urls: string[];
  let expected: string[];

  before(async () => {
    // A small body limit, so that a whole photo is refused by the gateway before any row is read.
    fixture = await startWebFixture(21080, { TENSORHOP_GATEWAY_BODY_LIMIT_BYTES: String(LIMIT) });
    ({ browser, gateway } = fixture);
    const { origin } = fixture;
    const [a, b, c] = origin.digits;
    files = [a!, b!].map((d) => ({
      name: `digit-${d.label}.${d.path.split('.').pop()}`,
      mimeType: `image/${d.path.split('.').pop()}`,
      buffer: d.body,
    }));
    urls = [`${origin.base}${c!.path}`, `${origin.base}/missing.png`];
    const reference = await sdkClassify([a!.body, b!.body, urls[0]!], {
      gateway,
      headers: { 'x-api-key': KEY },
    });
    expected = reference.map((r) => (r.ok ? r.classes[0]! : `failed ${r.code}`));
    assert.deepEqual(expected, [a!.label, b!.label, c!.label], 'the model reads the three digits right');
  });

  after(async () => assert.equal(await fixture?.close(), 0));

  for (const mode of ['hybrid', 'server', 'client'] as const) {
    test(`${mode}: two files and two URLs give four cards, labels, errors and a waterfall`, async () => {
      const opened = await openPage(browser, gateway, KEY);
      const { page, problems, posts } = opened;
      await classify(opened, { files, urls, mode });
      const cards = await readCards(page);
      assert.deepEqual(
        cards.map((c) => c.labels[0]?.label ?? c.error?.code),
        [...expected, 'DOWNLOAD_HTTP_STATUS'],
      );
      for (const card of cards.slice(0, 3)) {
        assert.equal(card.labels.length, 3, 'top 3 by default');
        assert.match(card.labels[0]!.pct, /^\d+(\.\d)?%$/);
        assert.ok(parseFloat(card.labels[0]!.pct) >= parseFloat(card.labels[1]!.pct));
        assert.ok(card.thumb?.loaded, `thumbnail of card ${card.key} loaded`);
      }
      assert.match(cards[0]!.thumb!.src, /^blob:/);
      assert.equal(cards[2]!.thumb!.src, urls[0]);
      assert.equal(cards[2]!.title, urls[0]);
      const broken = cards[3]!;
      assert.equal(broken.thumb, undefined, 'a broken URL shows "no preview", not a broken image');
      assert.equal(broken.error?.words, "The image's server answered with an error.");
      assert.match(broken.error?.detail ?? '', /^DOWNLOAD_HTTP_STATUS at downloader: .*404/);

      const batches = await readBatches(page);
      assert.deepEqual(
        batches.map((b) => b.kind),
        ['image', 'url'],
      );
      const stages = (i: number) => batches[i]!.hops.map((h) => h.stage);
      assert.deepEqual(stages(0), ['preprocessor', 'model']);
      assert.deepEqual(stages(1), ['downloader', 'preprocessor', 'model']);
      for (const hop of batches.flatMap((b) => b.hops)) {
        assert.match(hop.facts, /^rows \d+ → \d+ · bytes [\d.]+ [KM]?B → [\d.]+ [KM]?B/);
        assert.ok(hop.left >= 0 && hop.left + hop.width <= 100.6, `${hop.stage} bar inside its track`);
      }
      assert.match(batches[1]!.hops[0]!.facts, /^rows 2 → 1 /, 'the downloader lost the broken URL');
      // The page's byte counts are the bodies the browser really sent.
      const sent = posts.reduce((n, p) => n + p.bytes, 0);
      assert.equal(batches[0]!.sent + batches[1]!.sent, sent);
      assert.equal(posts.length, mode === 'client' ? 5 : 2);
      assert.ok(batches.every((b) => b.received > 0));

      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= PHONE.width, `no sideways scrolling: ${width} px wide`);
      await screenshot(page, `phone-${mode}`);
      assert.deepEqual(await seriousViolations(page), []);
      assert.deepEqual(problems, []);
      await page.context().close();
    });
  }

  test('a request refused whole (a photo over the body limit) puts its error on every card', async () => {
    const photo = await bigDigitPhoto(fixture.origin.digits[3]!.body);
    const file = { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: photo };
    const opened = await openPage(browser, gateway, KEY);
    await classify(opened, { files: [file, files[0]!], downscale: false });
    const cards = await readCards(opened.page);
    assert.deepEqual(
      cards.map((c) => [c.error?.code, c.error?.words]),
      Array(2).fill(['PAYLOAD_TOO_LARGE', 'Too much data for one request.']),
    );
    assert.match(
      cards[0]!.error!.detail,
      new RegExp(`^PAYLOAD_TOO_LARGE at gateway: .*limit of ${LIMIT} bytes`),
    );
    await classify(opened, { files: [file], downscale: true });
    assert.deepEqual(
      (await readCards(opened.page)).map((c) => c.labels[0]?.label),
      [fixture.origin.digits[3]!.label],
      'shrunk in the browser, the same photo passes',
    );
    await opened.page.context().close();
  });

  test('the pools panel shows each pool ready, and its throughput once requests went through', async () => {
    const opened = await openPage(browser, gateway, KEY);
    const { page } = opened;
    await classify(opened, { urls: [urls[0]!] });
    await page.waitForFunction(
      () => Number(document.querySelector('tr[data-pool="model"] td:last-child')?.textContent) > 0,
      null,
      { timeout: 10_000 },
    );
    const rows = await page.$$eval('#pool-table tbody tr', (trs) =>
      trs.map((tr) => Array.from(tr.children, (c) => c.textContent ?? '')),
    );
    assert.deepEqual(
      rows.map((r) => r.slice(0, 3)),
      ['downloader', 'preprocessor', 'model'].map((pool) => [pool, '1/1', '0']),
    );
    // In flight: the stages' readiness checks of their next hop go through the gateway too.
    for (const r of rows) assert.match(r[3] ?? '', /^\d+$/);
    // The model menu is filled from the model pool's repository index, reached through the gateway.
    const index = await fetch(`${gateway}/v2/repository/index`, {
      method: 'POST',
      headers: { 'x-api-key': KEY },
    });
    assert.deepEqual(
      ((await index.json()) as { name: string }[]).map((m) => m.name),
      ['mnist'],
    );
    const options = await page.$$eval('#model option', (os) => os.map((o) => o.getAttribute('value')));
    assert.deepEqual(options, ['mnist']);
    const reply = await fetch(`${gateway}/v1/status`, { headers: { 'x-api-key': KEY } });
    const status = (await reply.json()) as {
      pools: { name: string; rps: number; replicas: { url: string; ready: boolean }[] }[];
    };
    const model = status.pools.find((p) => p.name === 'model');
    assert.equal(model?.replicas[0]?.url, fixture.stack.urls.model);
    assert.ok((model?.rps ?? 0) > 0);
    await page.context().close();
  });

  test('a wrong API key is refused in words, and the right one then works', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${gateway}/`);
    await page.waitForSelector('#key-row:not([hidden])');
    assert.equal(await page.textContent('#status'), 'The gateway asks for an API key.');
    await page.fill('#urls', urls[0]!);
    await page.fill('#apikey', 'not-the-key');
    await page.click('#go');
    await page.waitForFunction(
      () => document.querySelector('#status')?.textContent === 'The API key was refused.',
    );
    assert.match((await page.textContent('#key-note')) ?? '', /refused that API key/);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'apikey');
    await page.fill('#apikey', KEY);
    await page.click('#go');
    await page.waitForFunction(() => document.querySelector('#status')?.textContent?.startsWith('Done'));
    assert.equal((await readCards(page))[0]?.labels[0]?.label, expected[2]);
    await page.close();
  });

  test('the hidden attribute hides the key field although its class lays it out as a grid', async () => {
    const { page } = await openPage(browser, gateway, KEY);
    assert.equal(await page.isVisible('#key-row'), true, 'asked for, the key field shows');
    // On a gateway without keys the field keeps its hidden attribute, as here after this line.
    await page.evaluate(() => document.getElementById('key-row')?.setAttribute('hidden', ''));
    assert.equal(await page.isVisible('#key-row'), false);
    assert.equal(await page.isVisible('#apikey'), false);
    await page.context().close();
  });

  test('keyboard only: Tab to the URLs, type, Tab to Classify, Enter', async () => {
    const { page, problems } = await openPage(browser, gateway, KEY);
    await page.focus('body');
    const tabTo = async (id: string): Promise<void> => {
      for (let i = 0; i < 20; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((want) => document.activeElement?.id === want, id)) return;
      }
      assert.fail(`Tab never reached #${id}`);
    };
    await tabTo('urls');
    await page.keyboard.type(urls[0]!);
    await tabTo('go');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#status')?.textContent?.startsWith('Done'));
    const cards = await readCards(page);
    assert.deepEqual(
      cards.map((c) => c.labels[0]?.label),
      [expected[2]],
    );
    assert.deepEqual(problems, []);
    await page.context().close();
  });
});
