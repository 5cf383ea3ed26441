/** What every exchange shares: the proxy, metrics and logs, and the gateway's limits and policies. */
import type { Logger } from 'pino';
import type { GatewayMetrics } from './metrics.js';
import type { PanicLog } from './panic-log.js';
import type { Proxy } from './proxy.js';
import type { EjectionPolicy } from './replica.js';

export interface ExchangeDeps {
  /** Makes the request of each attempt. */
  proxy: Proxy;
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
