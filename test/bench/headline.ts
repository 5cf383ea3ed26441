/**
 * The headline benchmark: one URL workload (an origin in its own process answering after 50 ms,
 * 5% broken URLs), classified by the seeds' one-by-one loop (fetch → sharp → predict, batch 1,
 * in-process) and by pipe() through the gateway of the real stack in hybrid mode. Goals: ≥ 50×
 * the loop with MNIST, and ≥ 85% of the model-only ceiling with MobileNetV2 (skipped when
 * models/bench/mobilenet_v2 is missing: `npm run model:mobilenet -w services/model`), read twice:
 * every process on every core, and the model on cores of its own with the rest of the chain on the
 * others, each against the model's ceiling on the same cores (measured before and after the chain)
 * and in steady state, as the ceiling is: from the chain's first reply to its last. Also the bytes
 * the client sends and receives per image in each sequencing mode.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { classify, pipe, type Mode, type PipeOptions } from '@tensorhop/sdk';
import { benchCeiling, type CeilingRow } from '../../services/model/bench/harness.js';
import { best, placements } from './model-onnx.js';
import { sampleValues } from '../helpers/prometheus.js';
import { startStackProcess, type StackProcess } from '../helpers/stack-process.js';
import { countingAgent } from './counting-agent.js';
import { cpuPerRow, processTree, treeCpu } from './process-cpu.js';
import { allCores, canPin, pin } from './cpu-pin.js';
import { SERVICE_NODE_FLAGS } from '@tensorhop/kit';
import { startDecodeNeighbour } from './decode-neighbour.js';
import { startOriginProcess } from './origin-process.js';
import { printTable } from './report.js';
import { seedLoop } from './seed-loop.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MOBILENET = join(ROOT, 'models', 'bench', 'mobilenet_v2', '1', 'model.json');

/** `n` URLs on the origin, every 20th broken (5%), each distinct (a query number) over `images` images. */
function workload(base: string, kind: 'digits' | 'photo' | 'noise', n: number, from = 0): string[] {
  return Array.from({ length: n }, (_, j) => {
    const i = from + j;
    return i % 20 === 7 ? `${base}/broken/${i}.png` : `${base}/${kind}/${i % 100}?n=${i}`;
  });
}

/** What one pass of pipe() over a workload gave. */
interface Throughput {
  /** URLs per second over the whole run, from the first request to the last result. */
  perSecond: number;
  ok: number;
  /**
   * Images scored per second from the first reply to the last: the rate once the pipeline is
   * full, as a long job sees it. The rows of the first reply (and of any reply handed over in the
   * same turn of the event loop) are left out, because their work was done before that moment.
   */
  steadyPerSecond: number;
  /** Milliseconds from the first request to the first result: the pipeline filling. */
  firstResultMs: number;
}

/** pipe() over `urls`: its rates, and how many came back ok. */
async function throughput(urls: string[], options: PipeOptions): Promise<Throughput> {
  const t0 = performance.now();
  let ok = 0;
  let n = 0;
  let first: number | undefined;
  let firstBurst = false;
  let okAfterFirst = 0;
  for await (const r of pipe(
    urls.map((u) => ({ key: u, input: u })),
    options,
  )) {
    n++;
    if (first === undefined) {
      first = performance.now();
      firstBurst = true;
      setImmediate(() => (firstBurst = false));
    }
    if (r.ok) {
      ok++;
      if (!firstBurst) okAfterFirst++;
    }
  }
  const end = performance.now();
  if (n !== urls.length) throw new Error(`pipe gave ${n} results for ${urls.length} URLs`);
  return {
    perSecond: urls.length / ((end - t0) / 1000),
    ok,
    steadyPerSecond: okAfterFirst / ((end - first!) / 1000),
    firstResultMs: first! - t0,
  };
}

async function withStack<T>(
  port: number,
  env: Record<string, string>,
  body: (s: StackProcess) => Promise<T>,
): Promise<T> {
  const stack = await startStackProcess(port, {
    TENSORHOP_DOWNLOADER_ALLOW: '127.0.0.1/32',
    // One origin host stands in for many: lift the per-host cap a real crawl would spread out.
    TENSORHOP_DOWNLOADER_CONCURRENCY: '512',
    TENSORHOP_DOWNLOADER_PER_HOST_CONCURRENCY: '512',
    TENSORHOP_DOWNLOADER_RETRIES: '0',
    ...env,
  });
  try {
    return await body(stack);
  } finally {
    await stack.stop();
  }
}

/** Bytes the client sends and receives per URL, and its rate, in each sequencing mode. */
async function bytesPerMode(gateway: string, urls: string[], batchSize: number): Promise<string[][]> {
  const rows = [['mode', 'images/s', 'client sent / image', 'client received / image']];
  for (const mode of ['client', 'server', 'hybrid'] as Mode[]) {
    const counter = countingAgent();
    const t0 = performance.now();
    await classify(urls, { gateway, mode, batchSize, concurrency: 8, agents: { http: counter.agent } });
    const rate = urls.length / ((performance.now() - t0) / 1000);
    const kb = (n: number): string => `${(n / urls.length / 1024).toFixed(2)} KiB`;
    rows.push([mode, rate.toFixed(1), kb(counter.sent()), kb(counter.received())]);
    counter.agent.destroy();
  }
  return rows;
}

export interface HeadlineResult {
  mnistSpeedup: number;
  /** The chain's share of the model's ceiling in steady state, every process on every core. */
  mobilenetOfCeiling?: number;
  /** The same with the model on cores of its own and the rest of the chain on the others. */
  mobilenetOwnCores?: number;
}

type Origin = Awaited<ReturnType<typeof startOriginProcess>>;

/** The machine's state, since other work on it moves every number here. */
const machine = (): string =>
  `${allCores().length} cores, load average ${os.loadavg()[0]!.toFixed(1)} before the run`;

async function mnistSection(base: string): Promise<number> {
  const loop = await seedLoop(workload(base, 'digits', 60), join(ROOT, 'models'), 'mnist');
  return withStack(13080, {}, async (stack) => {
    const gateway = stack.urls.gateway;
    const options: PipeOptions = { gateway, mode: 'hybrid', concurrency: 32, batchSize: 64 };
    await throughput(workload(base, 'digits', 256, 100_000), options); // warm-up
    const state = machine();
    const names = new Map([[process.pid, 'client (pipe) + bench']]);
    const cpu0 = treeCpu([process.pid], names);
    const run = await throughput(workload(base, 'digits', 4000), options);
    const cpu = cpuPerRow(cpu0, treeCpu([process.pid], names), 4000);
    const speedup = run.perSecond / loop.urlsPerSecond;
    printTable(`MNIST: 4000 URLs, origin answering after 50 ms, 5% broken (wasm backend; ${state})`, [
      ['client', 'URLs/s', 'vs loop'],
      [
        'seeds: one by one, in-process (fetch → sharp → predict, batch 1)',
        loop.urlsPerSecond.toFixed(1),
        '1×',
      ],
      [
        `tensorhop: pipe() via the gateway, hybrid, 32 × 64 rows in flight (${run.ok} ok)`,
        run.perSecond.toFixed(1),
        `${speedup.toFixed(1)}× (goal ≥ 50×)`,
      ],
    ]);
    if (cpu.length) printTable('Where the CPU went during that run', [['process', 'CPU ms per URL'], ...cpu]);
    printTable(
      'Per sequencing mode (600 URLs, batches of 64): what the client carries',
      await bytesPerMode(gateway, workload(base, 'digits', 600, 200_000), 64),
    );
    return speedup;
  });
}

/** Which cores the model gets and which the rest of the chain (with the origin and the client) gets. */
interface CoreSplit {
  model: number[];
  feed: number[];
}

/** The model on the first half of the cores, everything else on the other half. */
function splitCores(): CoreSplit {
  const all = allCores();
  const half = Math.floor(all.length / 2);
  return { model: all.slice(0, half), feed: all.slice(half) };
}

/** The model's best on `cores` (every core when undefined): each placement, batch sizes small to large. */
async function mobilenetCeiling(
  repository: string,
  model: string,
  onnx: boolean,
  cores?: number[],
): Promise<CeilingRow[]> {
  const rows: CeilingRow[] = [];
  const count = cores?.length ?? os.availableParallelism();
  const places = onnx
    ? placements(count).map(([instances, onnxThreads]) => ({ instances, onnxThreads }))
    : [{}];
  return whilePinned(cores, async () => {
    for (const place of places) {
      rows.push(...(await benchCeiling({ repository, model, batchSizes: [1, 8, 32], seconds: 3, ...place })));
    }
    return rows;
  });
}

/** Runs `body` with this process on `cores` (left alone when undefined), then on every core again. */
async function whilePinned<T>(cores: number[] | undefined, body: () => Promise<T>): Promise<T> {
  if (cores) pin([process.pid], cores);
  try {
    return await body();
  } finally {
    if (cores) pin([process.pid], allCores());
  }
}

/** `top`'s configuration measured once more, on the same cores. */
async function ceilingAgain(
  repository: string,
  model: string,
  top: CeilingRow,
  cores?: number[],
): Promise<number> {
  const [row] = await whilePinned(cores, () =>
    benchCeiling({
      repository,
      model,
      batchSizes: [top.batchSize],
      seconds: 3,
      instances: top.instances,
      onnxThreads: top.threads,
    }),
  );
  return row!.imagesPerSecond;
}

/**
 * The MobileNetV2 URL workload against its own model's ceiling, in the runtime that serves it best
 * here: the ONNX copy when it exists (`npm run model:mobilenet-onnx -w services/model`), else the
 * TensorFlow.js one. `TENSORHOP_BENCH_MOBILENET` names another model of models/bench. Measured twice
 * where processes can be pinned: on shared cores, and with the model on cores of its own (as a
 * stage on its own machine), each against the model's ceiling on the same cores.
 */
async function mobilenetSection(
  origin: Origin,
): Promise<Pick<HeadlineResult, 'mobilenetOfCeiling' | 'mobilenetOwnCores'>> {
  if (!existsSync(MOBILENET)) {
    console.log(
      `\nMobileNetV2: skipped, ${MOBILENET} is missing (make it: npm run model:mobilenet -w services/model)`,
    );
    return {};
  }
  const repository = join(ROOT, 'models', 'bench');
  // The ONNX copy that takes uint8 pixels, else the float one, else the TensorFlow.js original.
  const made = ['mobilenet_v2_onnx_uint8', 'mobilenet_v2_onnx'].find((name) =>
    existsSync(join(repository, name, '1', 'model.onnx')),
  );
  const model = process.env.TENSORHOP_BENCH_MOBILENET ?? made ?? 'mobilenet_v2';
  const onnx = existsSync(join(repository, model, '1', 'model.onnx'));
  const workloadOf = { repository, model, onnx };
  if (!SERVICE_NODE_FLAGS.every((flag) => process.execArgv.includes(flag)))
    console.log(
      `note: this process runs without ${SERVICE_NODE_FLAGS.join(' ')}, which every service starts with, ` +
        'so the model-only ceilings below pay for more garbage collection than the chain does ' +
        '(npm run bench passes the flags)',
    );
  const mobilenetOfCeiling = await mobilenetRun(origin, workloadOf);
  if (!canPin()) {
    console.log('MobileNetV2 on cores of its own: skipped (needs taskset(1) and 2 or more cores)');
    return { mobilenetOfCeiling };
  }
  const mobilenetOwnCores = await mobilenetRun(origin, workloadOf, splitCores());
  return { mobilenetOfCeiling, mobilenetOwnCores };
}

/**
 * One MobileNetV2 run: the ceiling, the chain run the way that won, then the winner's ceiling once
 * more (a shared machine drifts within a minute); the chain's share of the mean of the two.
 */
async function mobilenetRun(
  origin: Origin,
  { repository, model, onnx }: { repository: string; model: string; onnx: boolean },
  split?: CoreSplit,
): Promise<number> {
  const cores = os.availableParallelism();
  const ceilingRows = await mobilenetCeiling(repository, model, onnx, split?.model);
  const top = best(ceilingRows);
  const loop = split ? undefined : await seedLoop(workload(origin.base, 'photo', 16), repository, model);
  const env = {
    TENSORHOP_MODEL_REPOSITORY: repository,
    TENSORHOP_MODEL_MODELS: model,
    ...(onnx
      ? {
          TENSORHOP_MODEL_INSTANCES: String(top.instances),
          TENSORHOP_MODEL_ONNX_THREADS: String(top.threads),
        }
      : {}),
    TENSORHOP_MODEL_MAX_BATCH_SIZE: String(top.batchSize),
  };
  const n = Math.min(3000, Math.max(200, Math.round(top.imagesPerSecond * 20)));
  return withStack(13080, env, async (stack) => {
    if (split) {
      const tree = processTree([stack.child.pid!]);
      pin(
        tree.filter((p) => p.name === 'model').map((p) => p.pid),
        split.model,
      );
      const rest = tree.filter((p) => p.name !== 'model').map((p) => p.pid);
      pin([...rest, origin.pid, process.pid], split.feed);
    }
    try {
      // Noise JPEGs, a decoder's worst case, only where the cores are shared.
      const runs = await chainRuns(stack, origin, n, split ? ['photo'] : ['photo', 'noise'], top.instances);
      const after = await ceilingAgain(repository, model, top, split?.model);
      // Cores of one machine are not separate machines: what the feeding cores do slows the model's.
      const crowded = split
        ? await besideDecoder(split, () => ceilingAgain(repository, model, top, split.model))
        : undefined;
      return report({ model, onnx, n, runs, ceilingRows, top, after, crowded, loop, split, cores });
    } finally {
      if (split) pin([origin.pid, process.pid], allCores());
    }
  });
}

/** Runs `measure` while a process decodes JPEGs on the feeding cores (the rest of the chain idles). */
async function besideDecoder<T>(split: CoreSplit, measure: () => Promise<T>): Promise<T> {
  const neighbour = await startDecodeNeighbour(split.feed);
  try {
    return await measure();
  } finally {
    neighbour.stop();
  }
}

/** One pass of the chain over a workload: its rates and where the CPU went. */
interface ChainRun extends Throughput {
  kind: 'photo' | 'noise';
  state: string;
  imagesPerSecond: number;
  cpu: string[][];
  /** Share of the run the model's instances had a batch in flight (its /metrics). */
  modelBusy: number;
}

/** The model service's instance-seconds so far (`tensorhop_model_compute_seconds_total`, every version). */
async function computeSeconds(modelUrl: string): Promise<number> {
  const text = await (await fetch(`${modelUrl}/metrics`)).text();
  return sampleValues(text, 'tensorhop_model_compute_seconds_total').reduce((sum, v) => sum + v, 0);
}

/** The chain over `n` URLs of each kind, after a warm-up. */
async function chainRuns(
  stack: StackProcess,
  origin: Origin,
  n: number,
  kinds: readonly ('photo' | 'noise')[],
  instances: number,
): Promise<ChainRun[]> {
  const options: PipeOptions = { gateway: stack.urls.gateway, mode: 'hybrid', concurrency: 4, batchSize: 32 };
  await throughput(workload(origin.base, 'photo', 64, 100_000), options); // warm-up
  const runs: ChainRun[] = [];
  for (const kind of kinds) {
    const state = machine();
    const names = new Map([
      [process.pid, 'client (pipe) + bench'],
      [origin.pid, 'origin'],
    ]);
    const roots = [process.pid, stack.child.pid!, origin.pid];
    const cpu0 = treeCpu(roots, names);
    const busy0 = await computeSeconds(stack.urls.model);
    const t0 = performance.now();
    const result = await throughput(workload(origin.base, kind, n), options);
    const seconds = (performance.now() - t0) / 1000;
    const cpu = cpuPerRow(cpu0, treeCpu(roots, names), n);
    runs.push({
      ...result,
      kind,
      state,
      imagesPerSecond: result.ok / seconds,
      cpu,
      modelBusy: ((await computeSeconds(stack.urls.model)) - busy0) / (seconds * instances),
    });
  }
  return runs;
}

/** Prints a run's tables and bounds; returns the chain's steady-state share of the ceiling. */
function report(run: {
  model: string;
  onnx: boolean;
  n: number;
  runs: ChainRun[];
  ceilingRows: CeilingRow[];
  top: CeilingRow;
  after: number;
  /** The ceiling again while the feeding cores decode JPEGs (split runs only). */
  crowded: number | undefined;
  loop: { imagesPerSecond: number } | undefined;
  split: CoreSplit | undefined;
  cores: number;
}): number {
  const { model, onnx, n, runs, ceilingRows, top, after, crowded, loop, split, cores } = run;
  const ceiling = (top.imagesPerSecond + after) / 2;
  const [photo, noise] = runs as [(typeof runs)[0], (typeof runs)[0] | undefined];
  // The goal is read in steady state, as the ceiling is: a model fed pre-made tensors has no
  // pipeline to fill, while the chain's first reply waits for the origin and the first decodes.
  const share = photo.steadyPerSecond / ceiling;
  const placed = onnx ? `${top.instances}×${top.threads}` : `${top.instances} instances`;
  const where = split
    ? `the model on core${split.model.length > 1 ? 's' : ''} ${split.model.join(',')}, the other stages, the origin and the client on ${split.feed.join(',')}`
    : `${cores} shared cores`;
  const pct = (x: number): string => `${((100 * x) / ceiling).toFixed(0)}%`;
  printTable(
    `MobileNetV2 224×224 (${model}), ${where}: ${n} URLs of 640×480 JPEGs, origin after 50 ms, 5% broken (${photo.state})`,
    [
      ['client', 'whole run: images/s', 'of ceiling', 'steady state: images/s', 'of ceiling'],
      [
        `model only on the same cores: pre-made tensors, batch ${top.batchSize}, ${placed} (the best of ${ceilingRows.length}, and the chain's batch size and placement): ` +
          `${top.imagesPerSecond.toFixed(1)} before the chain, ${after.toFixed(1)} after, mean`,
        ceiling.toFixed(1),
        '100%',
        ceiling.toFixed(1),
        '100%',
      ],
      ...(loop
        ? [
            [
              'seeds: one by one, in-process (batch 1)',
              loop.imagesPerSecond.toFixed(1),
              pct(loop.imagesPerSecond),
              '',
              '',
            ],
          ]
        : []),
      [
        `tensorhop: pipe() via the gateway, hybrid, 4 × 32 rows in flight, photographs (${photo.ok} ok, first reply after ${photo.firstResultMs.toFixed(0)} ms)`,
        photo.imagesPerSecond.toFixed(1),
        pct(photo.imagesPerSecond),
        photo.steadyPerSecond.toFixed(1),
        `${pct(photo.steadyPerSecond)} (goal ≥ 85%)`,
      ],
      ...(noise
        ? [
            [
              `the same, JPEGs of noise, a decoder's worst case (${noise.ok} ok)`,
              noise.imagesPerSecond.toFixed(1),
              pct(noise.imagesPerSecond),
              noise.steadyPerSecond.toFixed(1),
              pct(noise.steadyPerSecond),
            ],
          ]
        : []),
    ],
  );
  const msOf = (cpu: string[][], name: string): number => Number(cpu.find(([p]) => p === name)?.[1] ?? 0);
  printTable('Where the CPU went during those runs', [
    ['process', 'CPU ms per URL, photographs', ...(noise ? ['noise'] : [])],
    ...photo.cpu.map(([name = '', ms = '']) => [
      name,
      ms,
      ...(noise ? [noise.cpu.find(([o]) => o === name)?.[1] ?? ''] : []),
    ]),
  ]);
  // The table is per URL; a bound in images/s needs the CPU per image scored (a broken URL's cost
  // included), as the rates count the images that came back ok.
  const perImage = (msPerUrl: number, r: { ok: number }): number => (msPerUrl * n) / r.ok;
  if (split) {
    // Each side of the split is a bound of its own: the model's cores, and the cores feeding it.
    const modelMs = perImage(msOf(photo.cpu, 'model'), photo);
    const feedMs = perImage(
      photo.cpu.filter(([name]) => name !== 'model').reduce((sum, [, ms]) => sum + Number(ms), 0),
      photo,
    );
    const modelBound = (split.model.length * 1000) / modelMs;
    const feedBound = (split.feed.length * 1000) / feedMs;
    const bound = Math.min(modelBound, feedBound);
    console.log(
      `the model used ${modelMs.toFixed(2)} ms of CPU per image scored (${modelBound.toFixed(0)} images/s on its ` +
        `${split.model.length} core${split.model.length > 1 ? 's' : ''}), everything else ${feedMs.toFixed(2)} ms ` +
        `(${feedBound.toFixed(0)}/s on ${split.feed.length}): the chain cannot pass ${bound.toFixed(0)} images/s ` +
        `(${pct(bound)} of the ceiling); in steady state it ran at ${((100 * photo.steadyPerSecond) / bound).toFixed(0)}% of that. ` +
        `The model's instance had a batch in flight ${(100 * photo.modelBusy).toFixed(0)}% of the whole run (its /metrics).`,
    );
    if (crowded !== undefined)
      console.log(
        `the model alone on the same core${split.model.length > 1 ? 's' : ''} while core${split.feed.length > 1 ? 's' : ''} ` +
          `${split.feed.join(',')} decode${split.feed.length > 1 ? '' : 's'} JPEGs: ${crowded.toFixed(1)} images/s ` +
          `(${pct(crowded)} of the ceiling); the chain's steady state is ` +
          `${((100 * photo.steadyPerSecond) / crowded).toFixed(0)}% of that.`,
      );
    return share;
  }
  const ceilingCpu = (cores * 1000) / ceiling;
  for (const r of runs) {
    const stages = perImage(
      r.cpu.filter(([name]) => STAGES.has(name ?? '')).reduce((sum, [, ms]) => sum + Number(ms), 0),
      r,
    );
    const bound = (cores * 1000) / stages;
    console.log(
      `${r.kind}: the four stages used ${stages.toFixed(2)} ms of CPU per image scored, the model alone ` +
        `${ceilingCpu.toFixed(2)} at its ceiling: on ${cores} shared cores the chain cannot pass ` +
        `${bound.toFixed(0)} images/s (${pct(bound)} of the ceiling); ` +
        `in steady state it ran at ${((100 * r.steadyPerSecond) / bound).toFixed(0)}% of that; ` +
        `the model's instances had a batch in flight ${(100 * r.modelBusy).toFixed(0)}% of the whole run.`,
    );
  }
  return share;
}

/** The chain's own processes (not the benchmark's origin and client). */
const STAGES = new Set(['downloader', 'preprocessor', 'model', 'gateway']);

/** Runs the MNIST section, then the MobileNetV2 one (or only those named). */
export async function benchHeadline(
  sections: readonly ('mnist' | 'mobilenet')[] = ['mnist', 'mobilenet'],
): Promise<HeadlineResult> {
  const origin = await startOriginProcess(50, true);
  try {
    const mnistSpeedup = sections.includes('mnist') ? await mnistSection(origin.base) : NaN;
    const mobilenet = sections.includes('mobilenet') ? await mobilenetSection(origin) : {};
    return { mnistSpeedup, ...mobilenet };
  } finally {
    origin.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const only = process.argv.slice(2) as ('mnist' | 'mobilenet')[];
  await benchHeadline(only.length ? only : undefined);
}
