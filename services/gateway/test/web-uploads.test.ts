/**
 * What the web page sends, in real Chromium at phone size against the real local stack: a
 * 4000×3000 photo shrunk in the browser to under 60 KB with the same top-1 label as the whole
 * upload; `data:` URLs shown as images and never as text, long URLs shortened; and the README's
 * "from an app" request (plain fetch + JSON to the preprocessor) without the SDK.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { classify as sdkClassify } from '@tensorhop/sdk';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import type { DigitOrigin } from '../../../test/helpers/digit-origin.js';
import { skipWithoutChromium } from '../../../test/helpers/chromium.js';
import { PHOTO, bigDigitPhoto } from './big-photo.js';
import { PHONE, classify, openPage, readCards, screenshot } from './web-driver.js';
import { KEY, startWebFixture, type WebFixture } from './web-fixture.js';

describe('web page uploads', { skip: skipWithoutChromium(), timeout: 240_000 }, () => {
  let fixture: WebFixture, browser: Browser, origin: DigitOrigin, gateway: string;

  before(async () => {
    fixture = await startWebFixture(22080);
    ({ browser, origin, gateway } = fixture);
  });

  after(async () => assert.equal(await fixture?.close(), 0));

  test('a 4000×3000 photo is shrunk in the browser to under 60 KB and keeps its top-1 label', async (t) => {
    const digit = origin.digits[3]!;
    const photo = await bigDigitPhoto(digit.body);
    const file = { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: photo };
    const [full] = await sdkClassify([photo], { gateway, headers: { 'x-api-key': KEY } });
    assert.ok(full?.ok);
    const upload = async (downscale: boolean) => {
      const opened = await openPage(browser, gateway, KEY);
      await classify(opened, { files: [file], downscale });
      const [card] = await readCards(opened.page);
      assert.deepEqual(opened.problems, []);
      await opened.page.context().close();
      assert.deepEqual(
        opened.posts.map((p) => p.path),
        ['/v1/preprocessor'],
      );
      return { bytes: opened.posts[0]!.bytes, top: card?.labels[0]?.label, note: card?.bytes ?? '' };
    };
    const small = await upload(true);
    const whole = await upload(false);
    t.diagnostic(`${photo.byteLength} B JPEG: uploaded ${small.bytes} B shrunk, ${whole.bytes} B whole`);
    assert.ok(small.bytes < 60_000, `${small.bytes} bytes uploaded`);
    assert.ok(whole.bytes > photo.byteLength, 'without shrinking, the whole photo crosses the network');
    assert.match(small.note, new RegExp(`shrunk from ${PHOTO.width}×${PHOTO.height} to 75×56`));
    assert.equal(small.top, whole.top);
    assert.equal(whole.top, full.classes[0]);
    assert.equal(small.top, digit.label);
  });

  test('a data: URL shows as an image, never as text; a long URL is shortened, in full in its title', async () => {
    const digit = origin.digits[5]!;
    const data = `data:image/png;base64,${(await sharp(digit.body).png().toBuffer()).toString('base64')}`;
    const long = `${origin.base}${digit.path}?${'long-query-'.repeat(40)}`;
    const opened = await openPage(browser, gateway, KEY);
    await classify(opened, { urls: [data, long] });
    const cards = await readCards(opened.page);
    assert.deepEqual(
      cards.map((c) => c.labels[0]?.label),
      [digit.label, digit.label],
    );
    assert.match(cards[0]!.name, /^data: URL \(image\/png, [\d.]+ KB\)$/);
    assert.equal(cards[0]!.title, '');
    assert.equal(cards[0]!.thumb?.src, data);
    assert.ok(cards[0]!.thumb?.loaded);
    assert.ok(cards[1]!.name.length <= 48 && cards[1]!.name.includes('…'), cards[1]!.name);
    assert.equal(cards[1]!.title, long);
    const text = await opened.page.textContent('main');
    assert.ok(!text?.includes(data.slice(22, 80)), 'no base64 on the page');
    const width = await opened.page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width, `no sideways scrolling: ${width} px wide`);
    await screenshot(opened.page, 'phone-data-url');
    await opened.page.context().close();
  });

  test("an app without the SDK: the README's fetch + JSON upload of a photo to the preprocessor", async () => {
    const photo = origin.digits[4]!;
    const res = await fetch(`${gateway}/v1/preprocessor`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': KEY },
      body: JSON.stringify({
        infer: {
          inputTensors: [{ type: 'STRING', shape: ['1'], stringVal: [photo.body.toString('base64')] }],
          route: { next: [{ target: 'model', config: '{"top_k":3}' }], mode: 'EXACT' },
        },
      }),
    });
    assert.equal(res.status, 200);
    type T = { shape: string[]; data?: string; stringVal?: string[] };
    const reply = (await res.json()) as { outputNames: string[]; outputTensors: T[]; keys: string[] };
    const out = (name: string) => reply.outputTensors[reply.outputNames.indexOf(name)]!;
    const classes = out('classes').stringVal!.map((s) => Buffer.from(s, 'base64').toString());
    const scores = new Float32Array(Uint8Array.from(Buffer.from(out('scores').data!, 'base64')).buffer);
    assert.deepEqual(reply.keys, ['0']);
    assert.equal(classes.length, 3);
    assert.equal(classes[0], photo.label);
    assert.ok(scores[0]! > 0.5 && scores[0]! <= 1);
  });
});
