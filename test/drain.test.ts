/**
 * Graceful drain: a service process that gets SIGTERM stops taking requests, finishes the ones in
 * progress, and exits 0. A bad configuration value stops it at start-up, naming the variable.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import sharp from 'sharp';
import { stringTensor } from '@tensorhop/protocol';
import { infer } from '@tensorhop/sdk';

const PORT = 23001;

test('SIGTERM lets a request in progress finish, then the process exits 0', { timeout: 30_000 }, async () => {
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } })
    .png()
    .toBuffer();
  const origin = http.createServer((_req, res) => {
    setTimeout(() => res.writeHead(200, { 'content-type': 'image/png' }).end(png), 1500);
  });
  await new Promise<void>((r) => origin.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(origin.address() as AddressInfo).port}/slow.png`;
  const child = spawn(process.execPath, ['services/downloader/dist/main.js'], {
    env: {
      ...process.env,
      TENSORHOP_DOWNLOADER_PORT: String(PORT),
      TENSORHOP_DOWNLOADER_ALLOW: '127.0.0.1/32',
      TENSORHOP_LOG_LEVEL: 'silent',
    },
    stdio: 'ignore',
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    const base = `http://127.0.0.1:${PORT}`;
    for (let i = 0; i < 100; i++) {
      if (
        await fetch(`${base}/readyz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const pending = infer(base, [stringTensor([url])], { keys: ['slow'], route: { mode: 'EXACT' } });
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGTERM');
    const reply = await pending;
    assert.deepEqual(reply.keys, ['slow']);
    assert.equal(await exited, 0);
    await assert.rejects(fetch(`${base}/healthz`), 'no longer listening');
  } finally {
    child.kill('SIGKILL');
    origin.close();
  }
});

test('a bad configuration value stops the service at start-up, naming the variable', async () => {
  const child = spawn(process.execPath, ['services/preprocessor/dist/main.js'], {
    env: { ...process.env, TENSORHOP_PREPROCESSOR_PORT: 'ninety' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  assert.equal(code, 2);
  assert.match(stderr, /TENSORHOP_PREPROCESSOR_PORT: expected an integer/);
});
