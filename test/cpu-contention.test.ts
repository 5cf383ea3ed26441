/**
 * CPU contention (issue 9, "Prove it"): with three busy-loop processes on a 2-core machine, the
 * stack of `npm start` — gateway health checks included — still answers every key of hybrid
 * requests through the gateway, ok, with no UNAVAILABLE from replicas marked unready by slow probes.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { accountKeys, stringTensor } from '@tensorhop/protocol';
import { infer } from '@tensorhop/sdk';
import { startBusyLoops, type BusyLoops } from './bench/busy-loops.js';
import { startDigitOrigin, type DigitOrigin } from './helpers/digit-origin.js';
import { startStackProcess, type StackProcess } from './helpers/stack-process.js';

let origin: DigitOrigin;
let stack: StackProcess;
let busy: BusyLoops | undefined;

before(async () => {
  origin = await startDigitOrigin(20);
  stack = await startStackProcess(14380, {
    TENSORHOP_DOWNLOADER_ALLOW: '127.0.0.1/32',
    TENSORHOP_DOWNLOADER_RETRIES: '0',
  });
});

after(async () => {
  busy?.stop();
  await stack?.stop();
  await origin?.close();
});

test('under three busy loops every key is answered, ok', { timeout: 180_000 }, async () => {
  busy = startBusyLoops(3);
  // Long enough for several rounds of the gateway's health checks to run on a starved machine.
  await sleep(5000);
  const failures: string[] = [];
  let ok = 0;
  const client = async (c: number): Promise<void> => {
    for (let i = 0; i < 6; i++) {
      const keys = Array.from({ length: 10 }, (_, j) => `c${c}-${i}-${j}`);
      const urls = keys.map(
        (_, j) => `${origin.base}${origin.digits[(c * 7 + i + j) % 20]!.path}?k=${c}-${i}-${j}`,
      );
      try {
        const reply = await infer(`${stack.urls.gateway}/v1/downloader`, [stringTensor(urls)], {
          keys,
          route: { next: ['preprocessor', 'model'], mode: 'EXACT' },
          timeoutMs: 60_000,
        });
        assert.deepEqual(accountKeys(keys, reply.keys, reply.errors), {
          missing: [],
          duplicated: [],
          unexpected: [],
        });
        ok += reply.keys.length;
        failures.push(...reply.errors.map((e) => `${e.key}: ${e.code} (${e.stage}) ${e.message}`));
      } catch (error) {
        failures.push(
          `request ${c}-${i}: ${(error as { code?: string }).code ?? ''} ${(error as Error).message}`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: 4 }, (_, c) => client(c)));
  assert.deepEqual(failures, []);
  assert.equal(ok, 240);
  const health = await (await fetch(`${stack.urls.gateway}/readyz`)).json();
  assert.equal((health as { ready?: boolean }).ready ?? true, true, JSON.stringify(health));
});
