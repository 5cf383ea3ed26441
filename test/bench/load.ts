/**
 * Load generation for the robustness benchmarks: one hybrid request through the gateway
 * (downloader → preprocessor → model) seen from outside — status, Retry-After, rows ok and failed —
 * a closed loop that measures capacity, and an open loop whose clients honour Retry-After.
 */
import { performance } from 'node:perf_hooks';
import {
  decodeInferResponse,
  encodeInferRequest,
  encodingOf,
  inferRequest,
  stringTensor,
} from '@tensorhop/protocol';

/**
 * The stack settings of the load benches: the loopback origin allowed, enough download slots for
 * the offered load, and no downloader retries, so what is measured is the chain's own answer.
 */
export const LOAD_STACK_ENV = {
  TENSORHOP_DOWNLOADER_ALLOW: '127.0.0.1/32',
  TENSORHOP_DOWNLOADER_CONCURRENCY: '512',
  TENSORHOP_DOWNLOADER_PER_HOST_CONCURRENCY: '512',
  TENSORHOP_DOWNLOADER_RETRIES: '0',
} as const;

export interface Outcome {
  status: number;
  /** Seconds from Retry-After, when the reply had one. */
  retryAfter?: number;
  ok: number;
  failed: number;
  ms: number;
  codes: string[];
  /** A non-200 whose errors are per key: rows were worked on before a later hop refused them. */
  afterWork?: boolean;
}

let serial = 0;

/** One request of `rows` distinct digit URLs to `entry` (the gateway's /v1/downloader). */
export async function hybridRequest(entry: string, origin: string, rows: number): Promise<Outcome> {
  const urls = Array.from({ length: rows }, () => `${origin}/digits/${serial % 100}?n=${serial++}`);
  const body = encodeInferRequest(
    inferRequest({
      inputs: [stringTensor(urls)],
      keys: urls,
      route: { next: [{ target: 'preprocessor' }, { target: 'model' }], mode: 'EXACT', hopsLeft: 0 },
    }),
    'protobuf',
  );
  const t0 = performance.now();
  try {
    const res = await fetch(entry, {
      method: 'POST',
      headers: { 'content-type': 'application/x-protobuf' },
      body: Buffer.from(body),
      signal: AbortSignal.timeout(60_000),
    });
    const bytes = new Uint8Array(await res.arrayBuffer());
    const retry = res.headers.get('retry-after');
    const encoding = encodingOf(res.headers.get('content-type') ?? '') ?? 'json';
    const reply = decodeInferResponse(bytes, encoding);
    const rowErrors = reply.errors.filter((e) => e.key !== '');
    return {
      status: res.status,
      ...(retry === null ? {} : { retryAfter: Number(retry) }),
      ok: reply.keys.length,
      failed: res.status === 200 ? rowErrors.length : rows,
      ms: performance.now() - t0,
      codes: reply.errors.map((e) => `${e.code}@${e.stage}`),
      ...(res.status !== 200 && rowErrors.length > 0 ? { afterWork: true } : {}),
    };
  } catch (error) {
    const code = (error as Error).name === 'TimeoutError' ? 'CLIENT_TIMEOUT' : 'CLIENT_NETWORK';
    return { status: 0, ok: 0, failed: rows, ms: performance.now() - t0, codes: [code] };
  }
}

export type Send = () => Promise<Outcome>;

/**
 * Capacity: the best closed-loop rate over a few concurrencies, since the model batches better the
 * more rows wait — 16 clients alone would understate what the stack serves under overload.
 */
export async function peakCapacity(
  send: Send,
  seconds = 6,
): Promise<{ rowsPerSecond: number; clients: number }> {
  let best = { rowsPerSecond: 0, clients: 0 };
  for (const clients of [16, 32, 64]) {
    const rowsPerSecond = await capacity(send, clients, seconds);
    if (rowsPerSecond > best.rowsPerSecond) best = { rowsPerSecond, clients };
  }
  return best;
}

/** Rows per second served ok by `clients` callers in a closed loop for `seconds`. */
export async function capacity(send: Send, clients: number, seconds: number): Promise<number> {
  const until = performance.now() + seconds * 1000;
  let ok = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        // Not `ok += (await send()).ok`: that reads `ok` before the await and loses other clients' rows.
        const o = await send();
        ok += o.ok;
      }
    }),
  );
  return ok / seconds;
}

export interface OpenLoopResult {
  outcomes: Outcome[];
  /** Rows ok per second over the window, from requests that started in it. */
  goodput: number;
  /** Requests given up because they were still being retried at the end. */
  abandoned: number;
}

/**
 * Starts `perSecond` jobs a second for `seconds`; a job answered 429/503 waits its Retry-After
 * (1 s without one) and tries again, until it is served or the window closes.
 */
export async function openLoop(send: Send, perSecond: number, seconds: number): Promise<OpenLoopResult> {
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  const outcomes: Outcome[] = [];
  const jobs: Promise<void>[] = [];
  let ok = 0;
  let abandoned = 0;
  const job = async (): Promise<void> => {
    for (;;) {
      const o = await send();
      outcomes.push(o);
      if (performance.now() <= end) ok += o.ok;
      if (o.status !== 429 && o.status !== 503) return;
      const wait = (o.retryAfter ?? 1) * 1000;
      if (performance.now() + wait > end) return void abandoned++;
      await new Promise((r) => setTimeout(r, wait));
    }
  };
  for (let n = 0; performance.now() < end; n++) {
    const due = t0 + (n * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    jobs.push(job());
  }
  await Promise.all(jobs);
  return { outcomes, goodput: ok / seconds, abandoned };
}
