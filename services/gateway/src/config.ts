/**
 * The gateway's configuration: the shared service fields it uses (port, host, body limit, drain,
 * log level) and its own (pools, health checks, ejection, retry buffer, keys, CORS, rate limit),
 * read from `TENSORHOP_GATEWAY_*` and validated at start-up.
 */
import {
  DEFAULT_PORTS,
  envPrefix,
  loadConfig,
  serviceSchema,
  type ConfigOf,
  type LoadOptions,
  type Schema,
} from '@tensorhop/kit';

export const GATEWAY_PREFIX = envPrefix('gateway');

const shared = serviceSchema('gateway', DEFAULT_PORTS.gateway);

/** Pools of a local chain started with `npm start`: every stage on its default port. */
const LOCAL_UPSTREAMS = {
  downloader: `http://127.0.0.1:${DEFAULT_PORTS.downloader}`,
  preprocessor: `http://127.0.0.1:${DEFAULT_PORTS.preprocessor}`,
  model: `http://127.0.0.1:${DEFAULT_PORTS.model}`,
};

export const gatewaySchema = {
  port: shared.port,
  host: shared.host,
  logLevel: shared.logLevel,
  drainTimeoutMs: shared.drainTimeoutMs,
  upstreams: {
    type: 'map',
    default: LOCAL_UPSTREAMS,
    doc: 'pools, `name=url,url;name=dns://host:port`; each name is served at /v1/<name>',
  },
  bodyLimitBytes: { type: 'int', default: 64 * 1024 * 1024, min: 1, doc: 'largest request body (413 above)' },
  requestTimeoutMs: {
    type: 'int',
    default: 120_000,
    min: 1,
    doc: 'deadline of one proxied request until its reply has been received (504 after)',
  },
  connectTimeoutMs: {
    type: 'int',
    default: 2000,
    min: 1,
    doc: 'deadline of a connection to a replica (then retried on another)',
  },
  healthIntervalMs: { type: 'int', default: 2000, min: 10, doc: 'period of the /readyz checks of replicas' },
  healthTimeoutMs: { type: 'int', default: 1000, min: 1, doc: 'deadline of one /readyz check' },
  dnsIntervalMs: { type: 'int', default: 5000, min: 10, doc: 'period of re-resolving dns:// pools' },
  ejectAfterFailures: {
    type: 'int',
    default: 3,
    min: 1,
    doc: 'consecutive failed calls (refused, reset, timed out) before a replica is ejected',
  },
  ejectBaseMs: {
    type: 'int',
    default: 1000,
    min: 1,
    doc: 'first ejection time; doubles on each re-ejection',
  },
  ejectMaxMs: { type: 'int', default: 30_000, min: 1, doc: 'longest ejection time' },
  maxInflightPerReplica: {
    type: 'int',
    default: 256,
    min: 1,
    doc: 'requests in flight to one replica before it is skipped (503 OVERLOADED when all are)',
  },
  retryBufferBytes: {
    type: 'int',
    default: 1024 * 1024,
    min: 0,
    doc: 'request bytes kept to replay on a retry after a reset (a refused connection is always retried)',
  },
  apiKeys: { type: 'list', default: [], doc: 'accepted API keys, comma-separated; empty turns keys off' },
  corsOrigins: { type: 'list', default: ['*'], doc: 'origins allowed by CORS, comma-separated, or *' },
  rateLimitRps: {
    type: 'number',
    default: 0,
    min: 0,
    doc: 'requests per second per API key (per client IP without keys); 0 turns it off',
  },
  rateLimitBurst: {
    type: 'int',
    default: 0,
    min: 0,
    doc: 'bucket size of the rate limit; 0 means twice the rate (at least 1)',
  },
} as const satisfies Schema;

export type GatewayConfig = ConfigOf<typeof gatewaySchema>;

/** Explicit values, then `TENSORHOP_GATEWAY_*`, then defaults; throws ConfigError naming a bad variable. */
export function loadGatewayConfig(
  options: Omit<LoadOptions<typeof gatewaySchema>, 'prefix'> = {},
): GatewayConfig {
  return loadConfig(gatewaySchema, { prefix: GATEWAY_PREFIX, ...options });
}
