/**
 * Two replicas of each stage behind the gateway, many concurrent hybrid clients, and one
 * preprocessor replica and one model replica killed with SIGKILL (then restarted by the stack):
 * every key comes back exactly once, errors only for requests that were inside a killed process,
 * and none once the dead replicas are ejected.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import sharp from 'sharp';
import { accountKeys, isTensorhopError, stringTensor } from '@tensorhop/protocol';
import { InferError, infer } from '@tensorhop/sdk';
import { SERVICE_NODE_FLAGS } from '@tensorhop/kit';
import { startStackProcess, type StackProcess } from './helpers/stack-process.js';
import { processTree } from './bench/process-cpu.js';

const BASE = 24080;
let origin: http.Server;
let stack: StackProcess;
let urls: string[] = [];

before(async () => {
  const png = await sharp({
    create: { width: 28, height: 28, channels: 3, background: { r: 255, g: 255, b: 255 } },
  })
    .composite([
      { input: Buffer.from('<svg width="28" height="28"><rect x="12" y="4" width="4" height="20"/></svg>') },
    ])
    .png()
    .toBuffer();
  origin = http.createServer(
    (_req, res) => void res.writeHead(200, { 'content-type': 'image/png' }).end(png),
  );
  await new Promise<void>((r) => origin.listen(0, '127.0.0.1', r));
  const port = (origin.address() as AddressInfo).port;
  urls = Array.from({ length: 200 }, (_, i) => `http://127.0.0.1:${port}/one-${i}.png`);
  stack = await startStackProcess(BASE, {
    TENSORHOP_DOWNLOADER_ALLOW: '127.0.0.1/32',
    TENSORHOP_REPLICAS: 'downloader=2,preprocessor=2,model=2',
    TENSORHOP_MODEL_INSTANCES: '1',
  });
});

after(async () => {
  await stack?.stop();
  origin?.close();
});

async function pidOf(url: string): Promise<number> {
  return ((await (await fetch(`${url}/healthz`)).json()) as { pid: number }).pid;
}

test('every replica and the gateway run with the services’ Node.js flags', (t) => {
  if (!existsSync('/proc/self/stat')) return t.skip('no /proc here');
  const children = processTree([stack.child.pid!])
    .filter((p) => p.ppid === stack.child.pid)
    .map((p) => p.pid);
  assert.equal(children.length, 7, 'two replicas of each stage and the gateway');
  for (const pid of children) {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const service = argv.find((a) => a.endsWith('main.js'));
    for (const flag of SERVICE_NODE_FLAGS) assert.ok(argv.includes(flag), `${service} runs with ${flag}`);
  }
});

test(
  'SIGKILL of a preprocessor and a model replica under load loses no key',
  { timeout: 120_000 },
  async () => {
    const preprocessor2 = `http://127.0.0.1:${BASE + 2 + 100}`;
    const model2 = `http://127.0.0.1:${BASE + 3 + 100}`;
    const victims = [await pidOf(preprocessor2), await pidOf(model2)];
    const started = Date.now();
    const failures: { at: number; code: string }[] = [];
    let requests = 0;
    let rowsOk = 0;

    const client = async (c: number): Promise<void> => {
      for (let i = 0; Date.now() - started < 14_000; i++) {
        const keys = Array.from({ length: 8 }, (_, j) => `c${c}-r${i}-${j}`);
        const batch = keys.map((_, j) => urls[(c * 31 + i * 8 + j) % urls.length] as string);
        const at = Date.now();
        requests++;
        try {
          const reply = await infer(`${stack.urls.gateway}/v1/downloader`, [stringTensor(batch)], {
            keys,
            route: { next: ['preprocessor', 'model'], mode: 'EXACT' },
            timeoutMs: 20_000,
          });
          assert.deepEqual(accountKeys(keys, reply.keys, reply.errors), {
            missing: [],
            duplicated: [],
            unexpected: [],
          });
          rowsOk += reply.keys.length;
          for (const e of reply.errors) failures.push({ at, code: e.code });
        } catch (error) {
          // A request-level error covers every key of the request: still exactly once, never silent.
          assert.ok(error instanceof InferError || isTensorhopError(error), String(error));
          failures.push({ at, code: (error as { code: string }).code });
        }
      }
    };
    const clients = Promise.all(Array.from({ length: 6 }, (_, c) => client(c)));
    await sleep(3000);
    const killedAt = Date.now();
    for (const pid of victims) process.kill(pid, 'SIGKILL');
    await clients;

    const settledAfter = killedAt + 4000;
    const late = failures.filter((f) => f.at > settledAfter);
    console.log(
      `requests ${requests}, rows ok ${rowsOk}, failed requests/rows ${failures.length} ` +
        `(${[...new Set(failures.map((f) => f.code))].join(', ') || 'none'}), after ejection ${late.length}`,
    );
    assert.ok(rowsOk > 500, 'traffic flowed');
    for (const f of failures)
      assert.ok(['HOP_UNAVAILABLE', 'HOP_TIMEOUT', 'UNAVAILABLE', 'INFER_FAILED'].includes(f.code), f.code);
    assert.deepEqual(late, [], 'no errors once the dead replicas are ejected');
    // The stack restarted both replicas: new processes answer on the same ports.
    for (const [url, old] of [
      [preprocessor2, victims[0]],
      [model2, victims[1]],
    ] as const) {
      let pid = old;
      for (let i = 0; i < 100 && pid === old; i++) {
        await sleep(200);
        pid = await pidOf(url).catch(() => old);
      }
      assert.notEqual(pid, old, `${url} was restarted`);
    }
  },
);
