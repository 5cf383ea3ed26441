/**
 * The ledger of one request's rows: every key ends with exactly one outcome. Row errors and
 * results settle their own keys; a request-level failure settles every key it reached that is
 * still open; a key no reply mentions is never dropped but reported as lost.
 */
import { isTensorhopError, isTransientCode, type InferResponse, type RowError } from '@tensorhop/protocol';
import { InferError } from './client-core.js';
import { isRetryable } from './retry.js';
import type { ClassifyOk, ClassifyResult } from './types.js';

/** A failure of a whole request (a call that did not answer, or answered with an empty-key error). */
export interface RequestFailure {
  code: string;
  message: string;
  stage: string;
  retryable: boolean;
  /** The server's Retry-After, in milliseconds. */
  retryAfterMs?: number;
}

export interface RowOutcome {
  result: ClassifyResult;
  /** Set when the row failed with a retryable request-level failure. */
  retry?: { afterMs: number };
}

const STATUS_CODES: Record<number, string> = {
  429: 'OVERLOADED',
  502: 'HOP_UNAVAILABLE',
  503: 'UNAVAILABLE',
  504: 'HOP_TIMEOUT',
};

/** The request-level failure of a reply, if it has one (any status with an empty-key error, or a non-2xx). */
export function replyFailure(
  status: number,
  response: InferResponse,
  retryAfterSeconds?: number,
): RequestFailure | undefined {
  const error = response.errors.find((e) => e.key === '');
  const ok = status >= 200 && status < 300;
  if (ok && !error) return undefined;
  const code = error?.code || STATUS_CODES[status] || 'INTERNAL';
  return {
    code,
    message: error?.message || `HTTP ${status}`,
    stage: error?.stage || 'gateway',
    retryable: isRetryable(code, ok ? undefined : status),
    ...(retryAfterSeconds === undefined ? {} : { retryAfterMs: retryAfterSeconds * 1000 }),
  };
}

/** A thrown call as a request-level failure; transport failures are the client's own (`client`). */
export function thrownFailure(error: unknown): RequestFailure {
  if (error instanceof InferError) {
    const failure = replyFailure(error.reply.status, error.reply.response, error.reply.retryAfterSeconds);
    if (failure) return failure;
  }
  if (isTensorhopError(error)) {
    return {
      code: error.code,
      message: error.message,
      stage: error.stage ?? 'client',
      retryable: isRetryable(error.code),
      ...(error.retryAfterSeconds === undefined ? {} : { retryAfterMs: error.retryAfterSeconds * 1000 }),
    };
  }
  return {
    code: 'INTERNAL',
    message: String((error as Error)?.message ?? error),
    stage: 'client',
    retryable: false,
  };
}

export class RowBook {
  private readonly outcomes = new Map<string, RowOutcome>();
  private readonly known: ReadonlySet<string>;

  constructor(readonly keys: readonly string[]) {
    this.known = new Set(keys);
  }

  /**
   * Settles the keys named by row errors (a key this request did not send is ignored). A row that
   * failed for a passing reason (a hop down, overloaded, timed out) is marked to be sent again.
   */
  rowErrors(errors: readonly RowError[], retryAfterMs = 0): void {
    for (const e of errors) {
      if (e.key === '' || this.outcomes.has(e.key) || !this.known.has(e.key)) continue;
      const result: ClassifyResult = { ok: false, code: e.code, message: e.message, stage: e.stage };
      this.outcomes.set(
        e.key,
        isTransientCode(e.code) ? { result, retry: { afterMs: retryAfterMs } } : { result },
      );
    }
  }

  /** Settles every still-open key of `keys` with a request-level failure. */
  fail(keys: readonly string[], failure: RequestFailure): void {
    const result: ClassifyResult = {
      ok: false,
      code: failure.code,
      message: failure.message,
      stage: failure.stage,
    };
    const outcome = failure.retryable
      ? { result, retry: { afterMs: failure.retryAfterMs ?? 0 } }
      : { result };
    for (const k of keys) if (!this.outcomes.has(k)) this.outcomes.set(k, outcome);
  }

  succeed(rows: ReadonlyMap<string, ClassifyOk>): void {
    for (const [k, r] of rows)
      if (this.known.has(k) && !this.outcomes.has(k)) this.outcomes.set(k, { result: r });
  }

  /** One outcome per key, in key order. */
  settle(): RowOutcome[] {
    return this.keys.map(
      (k) =>
        this.outcomes.get(k) ?? {
          result: { ok: false, code: 'INTERNAL', message: 'no reply mentioned this row', stage: 'client' },
        },
    );
  }
}
