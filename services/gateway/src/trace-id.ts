/**
 * The trace id of a request through the gateway: the trace of a valid W3C `traceparent`, else the
 * caller's `x-trace-id` when it is a sane token, else a new random 32-hex id (drawn from a pooled
 * buffer: one getrandom call per 256 ids, not one per request). Resolved as every stage does it
 * (`resolveTrace` in the kit), so the gateway's log line and the stages' agree.
 */
import type { IncomingMessage } from 'node:http';
import { resolveTrace, traceCarrierOf } from '@tensorhop/kit';

export function traceIdOf(req: IncomingMessage): string {
  return resolveTrace(traceCarrierOf(req.headers)).traceId;
}
