/** Options checked once per `classify()` or `pipe()` call, and what every chunk of the call shares. */
import { metadataRaw as metadata, type CallOptions } from './client-core.js';
import { badRequest } from '@tensorhop/protocol';
import { endpointsOf } from './endpoints.js';
import { preprocessConfig } from './preprocess-hint.js';
import { retryPolicy, type RetryPolicy } from './retry.js';
import type { ChainContext } from './sequencing.js';
import type { ClassifyOptions, Mode } from './types.js';

const MODES: readonly Mode[] = ['client', 'server', 'hybrid'];

export interface RunContext {
  chain: ChainContext;
  policy: RetryPolicy;
}

function positiveInt(name: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isInteger(value) && value > 0)) {
    throw badRequest(`${name} must be a positive integer, got ${value}`);
  }
}

/** @throws BAD_REQUEST for an invalid option, or a model asked of server sequencing */
export function runContext(options: ClassifyOptions): RunContext {
  const mode = options.mode ?? 'hybrid';
  if (!MODES.includes(mode)) throw badRequest(`mode must be one of ${MODES.join(', ')}, got ${String(mode)}`);
  positiveInt('topK', options.topK);
  positiveInt('batchSize', options.batchSize);
  positiveInt('concurrency', options.concurrency);
  if (mode === 'server' && options.model !== undefined) {
    throw badRequest(
      'server sequencing runs the model the chain forwards to; use mode hybrid or client to pick a model',
    );
  }
  const call: CallOptions = {
    timeoutMs: options.timeoutMs ?? 60_000,
    ...(options.encoding ? { encoding: options.encoding } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
    ...(options.agents ? { agents: options.agents } : {}),
  };
  const endpoints = endpointsOf(options);
  let hint: Promise<Record<string, unknown>> | undefined;
  const chain: ChainContext = {
    mode,
    endpoints,
    modelConfig: {
      ...(options.model === undefined ? {} : { model: options.model }),
      ...(options.topK === undefined ? {} : { top_k: options.topK }),
    },
    topK: options.topK,
    call,
    preprocessConfig() {
      // Read once per call; a failed read is not cached, so a retry reads again.
      // The model the call names, not the service's default one.
      const named = options.model === undefined ? {} : { config: { model: options.model } };
      hint ??= metadata(endpoints.model, { ...call, ...named }).then(preprocessConfig);
      hint.catch(() => (hint = undefined));
      return hint;
    },
  };
  return { chain, policy: retryPolicy(options.retry) };
}
