/**
 * The gateway's configuration: the shared service fields it uses (port, host, body limit, drain,
 * log level) and its own (pools, health checks, ejection, client limits, keys, CORS, rate limit),
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
  healthTimeoutMs: {
    type: 'int',
    default: 3000,
    min: 1,
    doc: 'deadline of one /readyz check; generous, so a loaded machine is not taken for a dead one',
  },
  unhealthyThreshold: {
    type: 'int',
    default: 3,
    min: 1,
    doc: 'unanswered /readyz checks in a row before a ready replica is taken out (a non-200 answer or a refused connection: at once)',
  },
  healthyThreshold: {
    type: 'int',
    default: 2,
    min: 1,
    doc: 'passed /readyz checks in a row before an unready replica is taken back (one at start-up)',
  },
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
    doc: 'requests in flight to one replica before it is skipped (429 OVERLOADED when all are)',
  },
  bodyBufferBytes: {
    type: 'int',
    default: 1024 * 1024,
    min: 0,
    doc: 'bodies up to this size are read whole before a replica is picked (a slow client holds no replica); larger ones stream once this much arrived',
  },
  bodyBufferTotalBytes: {
    type: 'int',
    default: 256 * 1024 * 1024,
    min: 0,
    doc: 'bytes of bodies read ahead by all requests together; past it bodies stream at once',
  },
  headersTimeoutMs: {
    type: 'int',
    default: 10_000,
    min: 1,
    doc: "deadline to receive a request's headers (408 and the connection closed after)",
  },
  bodyTimeoutMs: {
    type: 'int',
    default: 60_000,
    min: 1,
    doc: 'deadline to receive a whole request, headers and body (408 and the connection closed after)',
  },
  maxConnectionsPerClient: {
    type: 'int',
    default: 64,
    min: 0,
    doc: 'open connections per client IP; more get 429 OVERLOADED and are closed unread; 0 turns it off',
  },
  connectionLimitExempt: {
    type: 'list',
    default: ['127.0.0.1', '::1', '::ffff:127.0.0.1'],
    doc: 'client addresses without a connection limit, comma-separated (the stages of a local stack call their hops through the gateway from loopback)',
  },
  apiKeys: { type: 'list', default: [], doc: 'accepted API keys, comma-separated; empty turns keys off' },
  authFailureLimit: {
    type: 'int',
    default: 10,
    min: 1,
    doc: 'wrong API keys per client IP within the window; past it the client gets 429 OVERLOADED',
  },
  authFailureWindowMs: {
    type: 'int',
    default: 60_000,
    min: 1,
    doc: 'window of the wrong-key count (the client is refused until it ends)',
  },
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
