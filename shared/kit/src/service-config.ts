/** Configuration every service shares; a service spreads this into its own schema. */
import type { ConfigOf, Schema } from './config.js';
import { LOG_LEVELS } from './logger.js';

export const DEFAULT_PORTS = { gateway: 8080, downloader: 9001, preprocessor: 9002, model: 9003 } as const;

/** Env prefix of a service: `TENSORHOP_<NAME>_`. */
export function envPrefix(name: string): string {
  return `TENSORHOP_${name.toUpperCase()}_`;
}

export function serviceSchema(name: string, port: number) {
  return {
    port: { type: 'int', default: port, min: 0, max: 65535, doc: 'TCP port (0 picks a free one)' },
    host: { type: 'string', default: '127.0.0.1', doc: 'address to listen on (0.0.0.0 in containers)' },
    next: { type: 'string', default: '', doc: 'default successor: a name from TENSORHOP_HOPS' },
    hops: {
      type: 'map',
      default: {},
      env: 'TENSORHOP_HOPS',
      doc: 'hop table, `name=url,...`; `next` names must be in it',
    },
    hopsApiKey: {
      type: 'string',
      default: '',
      env: 'TENSORHOP_HOPS_API_KEY',
      doc: 'API key sent on calls to hops (when hops go through a gateway with keys on)',
    },
    bodyLimitBytes: { type: 'int', default: 256 * 1024 * 1024, min: 1, doc: 'largest request body' },
    bodyTimeoutMs: {
      type: 'int',
      default: 30_000,
      min: 1,
      doc: 'deadline to receive a request (headers and body); a slow sender gets 408 and holds no slot',
    },
    maxRows: {
      type: 'int',
      default: 4096,
      min: 1,
      doc: 'rows (keys) one request may carry, checked before any work (PAYLOAD_TOO_LARGE)',
    },
    maxReplyBytes: {
      type: 'int',
      default: 1024 * 1024 * 1024,
      min: 1024,
      doc: 'tensor bytes one reply may carry (JSON replies: a third of this, or what JSON can hold)',
    },
    memoryBudgetBytes: {
      type: 'int',
      default: 1024 * 1024 * 1024,
      min: 1024,
      doc: 'output bytes all requests in progress may hold at once; past it, OVERLOADED (429)',
    },
    requestTimeoutMs: {
      type: 'int',
      default: 120_000,
      min: 1,
      doc: 'deadline of one request, hops included',
    },
    hopTimeoutMs: { type: 'int', default: 60_000, min: 1, doc: 'deadline of a call to the next hop' },
    maxInflight: { type: 'int', default: 256, min: 1, doc: 'requests in progress before OVERLOADED (429)' },
    drainTimeoutMs: {
      type: 'int',
      default: 10_000,
      min: 0,
      doc: 'how long SIGTERM waits for requests in progress',
    },
    logLevel: {
      type: 'enum',
      values: LOG_LEVELS,
      default: process.env.TENSORHOP_LOG_LEVEL ?? 'info',
      doc: `log level (${name}); TENSORHOP_LOG_LEVEL sets all`,
    },
  } as const satisfies Schema;
}

export type ServiceConfig = ConfigOf<ReturnType<typeof serviceSchema>>;
