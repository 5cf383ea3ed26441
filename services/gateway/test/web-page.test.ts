/**
 * The gateway's web page in headless Chromium: paste URLs, pick a mode, press Classify, read the
 * table. Three toy stages made with the service kit stand in for downloader, preprocessor and model
 * (labels from the URL's last letter, a URL with "broken" in it fails to download); their hop
 * tables point at the gateway's pool routes. Skipped without Chromium.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { DType, float32Tensor, stringTensor, type StringTensor } from '@tensorhop/protocol';
import { createService, loadConfig, serviceSchema, type Service, type StageDefinition } from '@tensorhop/kit';
import { chromium, type Browser } from 'playwright-core';
import { startGateway, until } from './helpers.js';
import type { Gateway } from '../src/server.js';

/** The little of the DOM these page functions use (the tests are type-checked without the DOM lib). */
interface Cell {
  textContent: string | null;
  querySelectorAll(selector: string): Iterable<Cell> & ArrayLike<Cell>;
}
interface BrowserGlobals {
  document: { querySelector(selector: string): Cell | null };
}

const CHROMIUM = process.env.TENSORHOP_CHROMIUM ?? '/usr/bin/chromium';
const text = (t: StringTensor, i: number): string => Buffer.from(t.strings[i] as Uint8Array).toString();
const io = (name: string, type: DType) => [{ name, shape: [-1], type }];

const downloader: StageDefinition = {
  name: 'downloader',
  inputs: io('urls', DType.STRING),
  outputs: io('images', DType.STRING),
  apply: async (ctx) => {
    const urls = ctx.input('urls') as StringTensor;
    const ok = ctx.keys.flatMap((key, i) =>
      text(urls, i).includes('broken') ? [] : [{ key, url: text(urls, i) }],
    );
    const errors = ctx.keys
      .filter((key) => !ok.some((o) => o.key === key))
      .map((key) => ({ key, code: 'DOWNLOAD_HTTP_STATUS' as const, message: 'origin answered 404' }));
    return { outputs: { images: stringTensor(ok.map((o) => o.url)) }, keys: ok.map((o) => o.key), errors };
  },
};

const preprocessor: StageDefinition = {
  name: 'preprocessor',
  inputs: io('images', DType.STRING),
  outputs: io('pixels', DType.STRING),
  apply: async (ctx) => {
    const size = (ctx.config.size as number[] | undefined)?.join('x') ?? 'default';
    const images = ctx.input('images') as StringTensor;
    const out = ctx.keys.map((_, i) => `${text(images, i)}@${size}`);
    return { outputs: { pixels: stringTensor(out) }, keys: [...ctx.keys], errors: [] };
  },
};

const model: StageDefinition = {
  name: 'model',
  inputs: io('pixels', DType.STRING),
  outputs: [...io('classes', DType.STRING), ...io('scores', DType.FLOAT32)],
  metadata: () => ({ preprocess: JSON.stringify({ size: [28, 28] }) }),
  apply: async (ctx) => {
    const pixels = ctx.input('pixels') as StringTensor;
    const n = ctx.keys.length;
    const classes = ctx.keys.flatMap((_, i) => {
      const p = text(pixels, i);
      // The label says which size the preprocessor used, so client mode's metadata step shows.
      return [`${p.split('@')[0]?.slice(-1)}${p.endsWith('@28x28') ? '' : '?'}`, 'other'];
    });
    const scores = Float32Array.from({ length: n * 2 }, (_, j) => (j % 2 === 0 ? 0.875 : 0.125));
    return {
      outputs: { classes: stringTensor(classes, [n, 2]), scores: float32Tensor([n, 2], scores) },
      keys: [...ctx.keys],
      errors: [],
    };
  },
};

async function startStage(
  stage: StageDefinition,
  hops: Record<string, string>,
  next: string,
): Promise<{ service: Service; url: string }> {
  const config = loadConfig(serviceSchema(stage.name, 0), {
    prefix: 'TENSORHOP_WEBTEST_',
    env: {},
    explicit: { port: 0, host: '127.0.0.1', logLevel: 'silent', hops, next, drainTimeoutMs: 0 },
  });
  const service = createService({ stage, config });
  return { service, url: (await service.listen()).url };
}

describe(
  'web page',
  { skip: !existsSync(CHROMIUM) && `${CHROMIUM} is not installed`, timeout: 60_000 },
  () => {
    let gateway: Gateway, url: string, browser: Browser;
    const services: Service[] = [];

    before(async () => {
      // The stages' hop tables need the gateway's URL, so the gateway starts first and learns the
      // stages' URLs after.
      const placeholder = 'http://127.0.0.1:9';
      ({ gateway, url } = await startGateway({
        upstreams: { downloader: placeholder, preprocessor: placeholder, model: placeholder },
      }));
      const via = (pool: string) => `${url}/v1/${pool}`;
      const stages = await Promise.all([
        startStage(downloader, { preprocessor: via('preprocessor'), model: via('model') }, 'preprocessor'),
        startStage(preprocessor, { model: via('model') }, 'model'),
        startStage(model, {}, ''),
      ]);
      services.push(...stages.map((s) => s.service));
      for (const [i, name] of ['downloader', 'preprocessor', 'model'].entries()) {
        gateway.pools.get(name)?.setReplicas([stages[i]?.url as string]);
      }
      // A stage is ready once its next hop answers through the gateway (the kit caches that answer
      // for 2 s), so readiness settles from the model back to the downloader.
      await until(() => [...gateway.pools.values()].every((p) => p.readyCount() === 1), 10_000);
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu'],
      });
    });
    after(async () => {
      await browser?.close();
      await gateway?.close();
      await Promise.all(services.map((s) => s.close()));
    });

    async function classify(mode: string): Promise<string[][]> {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      // A 503 the page shows as a row is still logged by the browser as a failed load.
      const logged = (t: string) => !t.startsWith('Failed to load resource');
      page.on('console', (m) => m.type() === 'error' && logged(m.text()) && problems.push(m.text()));
      try {
        await page.goto(`${url}/`);
        await page.fill(
          '#urls',
          'https://img.example/seven-a\n\nhttps://img.example/broken-b\nhttps://img.example/c',
        );
        await page.selectOption('#mode', mode);
        await page.click('#go');
        await page.waitForSelector('#results:not([hidden]) tbody tr');
        await page.waitForFunction(() =>
          (globalThis as unknown as BrowserGlobals).document
            .querySelector('#status')
            ?.textContent?.startsWith('Done'),
        );
        const rows = await page.$$eval('#results tbody tr', (trs) =>
          trs.map((tr) =>
            Array.from((tr as unknown as Cell).querySelectorAll('td'), (td) => td.textContent ?? ''),
          ),
        );
        assert.deepEqual(problems, []);
        return rows;
      } finally {
        await page.close();
      }
    }

    for (const mode of ['hybrid', 'server', 'client']) {
      test(`${mode} sequencing: a row per URL with its label and score, or its error code`, async () => {
        const rows = await classify(mode);
        assert.equal(rows.length, 3);
        assert.deepEqual(rows[0], [
          '1',
          'https://img.example/seven-a',
          mode === 'client' ? 'a' : 'a?',
          '0.8750',
          'other (0.125)',
        ]);
        assert.deepEqual(rows[1]?.slice(0, 3), ['2', 'https://img.example/broken-b', 'DOWNLOAD_HTTP_STATUS']);
        assert.match(rows[1]?.[4] ?? '', /origin answered 404 \[downloader\]/);
        assert.equal(rows[2]?.[2], mode === 'client' ? 'c' : 'c?');
      });
    }

    test('a request-level error shows its code on every row', async () => {
      const pool = gateway.pools.get('downloader');
      const replicas = pool?.replicas ?? [];
      for (const r of replicas) r.ready = false;
      // Health checks would make them ready again within 50 ms: take them out of the pool instead.
      pool?.setReplicas([]);
      try {
        const rows = await classify('hybrid');
        assert.deepEqual(
          rows.map((r) => r[2]),
          ['UNAVAILABLE', 'UNAVAILABLE', 'UNAVAILABLE'],
        );
      } finally {
        pool?.setReplicas(replicas.map((r) => r.url));
        await until(() => pool?.readyCount() === 1, 10_000);
      }
    });
  },
);
