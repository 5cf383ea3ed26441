/**
 * The fuzz test of test/fuzz.test.ts against stages held tight (see TIGHT_FUZZ_ENV): the same
 * promise — no crash, no hang, documented statuses and codes, Retry-After on 429/503, every accepted
 * key exactly once — while requests are also refused for load, size and deadlines.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServiceProcesses, type ServiceProcesses } from './helpers/service-processes.js';
import { preparePayloads, type Payloads } from './fuzz/payloads.js';
import { fuzzSettings, runFuzz } from './fuzz/run.js';
import { TIGHT_FUZZ_ENV } from './fuzz/env.js';

let stack: ServiceProcesses;
let payloads: Payloads;

before(async () => {
  payloads = await preparePayloads();
  stack = await startServiceProcesses(16500, TIGHT_FUZZ_ENV);
});

after(async () => {
  await stack?.stop();
  await payloads?.close();
});

test(
  'fuzzed requests against tight bounds never crash, hang or lose a key',
  { timeout: 180_000 },
  async () => {
    const settings = fuzzSettings(2000);
    const summary = await runFuzz(stack, payloads, { ...settings, concurrency: 8 });
    console.log(
      `tight fuzz seed ${settings.seed}: ${summary.cases} cases in ${summary.seconds.toFixed(1)} s, ` +
        `slowest ${summary.maxMs} ms, statuses ${JSON.stringify(summary.statuses)}, codes ${JSON.stringify(summary.codes)}`,
    );
    const tails = Object.entries(stack.output).map(
      ([name, lines]) => `${name}:\n${lines.slice(-8).join('\n')}`,
    );
    assert.deepEqual(summary.failures, [], `seed ${settings.seed}\n${tails.join('\n')}`);
    if (!settings.only) {
      // The bounds are met: refusals for size and load, and still rows served.
      assert.ok((summary.codes.PAYLOAD_TOO_LARGE ?? 0) > 0, JSON.stringify(summary.codes));
      assert.ok((summary.statuses['200'] ?? 0) > 0, JSON.stringify(summary.statuses));
    }
  },
);
