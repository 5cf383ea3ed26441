/**
 * One batch of images through the chain in the chosen sequencing mode, keeping what the SDK's
 * `classify()` does not hand back: every response's StageTiming trace and the bytes on the wire.
 * URLs start at the downloader, image bytes at the preprocessor; the plans are the SDK's
 * (see shared/sdk/src/sequencing.ts), so the three modes give the same labels.
 */
import {
  TensorhopError,
  buildInferRequest,
  stringTensor,
  type InferOptions,
  type InferResponse,
  type Stage,
  type StageTiming,
  type Tensor,
} from '@tensorhop/sdk';
import { KeyNeeded, callStage } from './api.js';
import { readLabels, type RowResult } from './labels.js';
import { measure, type Tally } from './meter.js';

type Hop = Exclude<NonNullable<NonNullable<InferOptions['route']>['next']>[number], string>;

export type Mode = 'client' | 'server' | 'hybrid';
export type Kind = 'url' | 'image';

/** What the person chose. */
export interface Choice {
  mode: Mode;
  /** The model hop's config in client and hybrid modes: `{model, top_k}`. */
  modelConfig: Record<string, unknown>;
  /** The preprocessor's config in client mode, from the model's metadata. */
  preprocess: Record<string, unknown>;
}

interface Step {
  stage: Stage;
  config?: Record<string, unknown>;
  next: Hop[];
  mode: 'EXACT' | 'DEFAULT';
}

function plan(kind: Kind, choice: Choice): Step[] {
  const model: Hop = { target: 'model', config: JSON.stringify(choice.modelConfig) };
  const pre: Hop = { target: 'preprocessor', config: '' };
  if (choice.mode === 'client') {
    const steps: Step[] = [
      { stage: 'preprocessor', config: choice.preprocess, next: [], mode: 'EXACT' },
      { stage: 'model', config: choice.modelConfig, next: [], mode: 'EXACT' },
    ];
    return kind === 'url' ? [{ stage: 'downloader', next: [], mode: 'EXACT' }, ...steps] : steps;
  }
  const first: Stage = kind === 'url' ? 'downloader' : 'preprocessor';
  if (choice.mode === 'hybrid') {
    return [{ stage: first, next: kind === 'url' ? [pre, model] : [model], mode: 'EXACT' }];
  }
  // Server: DEFAULT mode, so each stage's own default successor runs (the downloader's hop to the
  // preprocessor is named because the local stack gives the downloader no default successor).
  return [{ stage: first, next: kind === 'url' ? [pre] : [], mode: 'DEFAULT' }];
}

/** The outcome of a batch: a result per key, the traces in call order, and the bytes. */
export interface BatchResult {
  kind: Kind;
  mode: Mode;
  rows: Map<string, RowResult>;
  trace: StageTiming[];
  tally: Tally;
  /** Wall time of the batch as the page saw it. */
  ms: number;
}

const requestError = (response: InferResponse, status: number) =>
  response.errors.find((e) => e.key === '') ??
  response.errors[0] ?? { key: '', code: 'INTERNAL', message: `HTTP ${status}`, stage: 'gateway' };

async function runSteps(kind: Kind, input: Tensor, keys: string[], choice: Choice, out: BatchResult) {
  let rowKeys = keys;
  let inputs = [input];
  let inputNames: string[] = [];
  const steps = plan(kind, choice);
  for (const [i, step] of steps.entries()) {
    const request = buildInferRequest(inputs, {
      keys: rowKeys,
      inputNames,
      ...(step.config ? { config: step.config } : {}),
      route: { next: step.next, mode: step.mode },
    });
    let reply;
    try {
      reply = await callStage(step.stage, request);
    } catch (error) {
      if (error instanceof KeyNeeded) throw error;
      const code = error instanceof TensorhopError ? error.code : 'HOP_UNAVAILABLE';
      const failure = { ok: false as const, code, message: (error as Error).message, stage: 'page' };
      for (const key of rowKeys) out.rows.set(key, failure);
      return;
    }
    const { response, status } = reply;
    out.trace.push(...response.trace);
    for (const e of response.errors) if (e.key !== '') out.rows.set(e.key, { ok: false, ...e });
    if (status < 200 || status >= 300) {
      const e = requestError(response, status);
      for (const key of rowKeys) {
        if (!out.rows.has(key))
          out.rows.set(key, { ok: false, code: e.code, message: e.message, stage: e.stage });
      }
      return;
    }
    if (i === steps.length - 1) {
      for (const [key, row] of readLabels(response)) out.rows.set(key, row);
      return;
    }
    ({ keys: rowKeys, outputs: inputs, outputNames: inputNames } = response);
    if (rowKeys.length === 0) return;
  }
}

/**
 * Classifies `items` (URLs, or encoded images) keyed by `keys`; every key gets a result.
 * @throws KeyNeeded when the gateway asks for an API key
 */
export async function runBatch(
  kind: Kind,
  items: readonly (string | Uint8Array)[],
  keys: string[],
  choice: Choice,
): Promise<BatchResult> {
  const out: BatchResult = {
    kind,
    mode: choice.mode,
    rows: new Map(),
    trace: [],
    tally: { sent: 0, received: 0, calls: 0 },
    ms: 0,
  };
  const started = performance.now();
  const { tally } = await measure(() => runSteps(kind, stringTensor(items), keys, choice, out));
  out.tally = tally;
  out.ms = performance.now() - started;
  for (const key of keys) {
    if (!out.rows.has(key)) {
      out.rows.set(key, { ok: false, code: 'INTERNAL', message: 'no result came back', stage: 'page' });
    }
  }
  return out;
}
