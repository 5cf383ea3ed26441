/** What every exchange shares: the proxy, metrics and logs, and the gateway's limits and policies. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { GatewayMetrics } from './metrics.js';
import type { PanicLog } from './panic-log.js';
import type { EjectionPolicy } from './replica.js';

export interface ExchangeDeps {
  /** Starts the proxied call of one attempt (the http-proxy-middleware handler). */
  proxy(req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void;
  metrics: GatewayMetrics;
  log: Logger;
  panic: PanicLog;
  policy: EjectionPolicy;
  limits: {
    bodyLimitBytes: number;
    bodyBufferBytes: number;
    requestTimeoutMs: number;
    connectTimeoutMs: number;
  };
  /** Seconds a client is told to wait when no replica could be reached. */
  retryAfterSeconds: number;
  /** Bytes of bodies read ahead by all exchanges (see request-body.ts). */
  buffered: { used: number; max: number };
  /** Exchanges in progress (the drain on shutdown waits for them). */
  active: { count: number };
}
