/**
 * The one log line per proxied request. Health and readiness checks that go through the gateway
 * (probes of a replica via `/v1/<pool>/readyz`, OIP `/v2/health/*`) are logged at debug only:
 * they arrive every few seconds from every prober and would bury the requests that matter.
 */
import type { Logger } from 'pino';

export interface ExchangeFields {
  trace_id: string;
  pool: string;
  /** Path the replica received (query included). */
  path: string;
  replica: string;
  status: number;
  attempts: number;
  ms: number;
}

/** True for the paths probers call. */
export function isHealthPath(path: string): boolean {
  const bare = path.split('?')[0] ?? '';
  return bare === '/healthz' || bare === '/readyz' || bare.startsWith('/v2/health/');
}

/** Logs one finished exchange: at info, or at debug for a health path. */
export function logExchange(log: Logger, fields: ExchangeFields): void {
  const level = isHealthPath(fields.path) ? 'debug' : 'info';
  if (log.isLevelEnabled(level)) log[level](fields, 'proxy');
}
