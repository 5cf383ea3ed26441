/**
 * The gateway: the one public port of tensorhop. Connections are limited per client; pool routes
 * go through CORS, API keys, the rate limit and the body limit to a replica picked round-robin (see
 * exchange.ts); the gateway's own paths serve the web page, health, readiness, metrics and status.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TensorhopError } from '@tensorhop/protocol';
import { createLogger, type Logger } from '@tensorhop/kit';
import { clientAddress, createAccess } from './access.js';
import { limitConnections } from './client-limits.js';
import type { GatewayConfig } from './config.js';
import { createCors } from './cors.js';
import { DnsDiscovery } from './dns-discovery.js';
import type { ExchangeDeps } from './exchange-deps.js';
import { Exchange } from './exchange.js';
import { createGatewayTracing } from './gateway-trace.js';
import { HealthChecker } from './health-checker.js';
import { createGatewayMetrics, type GatewayMetrics } from './metrics.js';
import { createOwnRoutes } from './own-routes.js';
import { createPanicLog } from './panic-log.js';
import { answerOip, matchOipRoute } from './oip-routes.js';
import { Pool } from './pool.js';
import { createProxy } from './proxy.js';
import { createRateLimiter } from './rate-limit.js';
import { linger, sendError, setHeaders } from './respond.js';
import { forwardedFor, matchRoute, stripHeaders } from './routes.js';
import { traceIdOf } from './trace-id.js';
import { parseUpstreams } from './upstreams.js';
import { createHttpServer } from './http-server.js';

export { loadGatewayConfig, gatewaySchema, type GatewayConfig } from './config.js';

export interface GatewayOptions {
  logger?: Logger;
  /** Process metrics (CPU, memory, event loop) in /metrics. @default true */
  defaultMetrics?: boolean;
}

export interface Listening {
  port: number;
  url: string;
  server: http.Server;
}

export interface Gateway {
  config: GatewayConfig;
  log: Logger;
  metrics: GatewayMetrics;
  pools: ReadonlyMap<string, Pool>;
  server: http.Server;
  /** Checks every replica, resolves DNS pools, then listens on the configured host and port. */
  listen(): Promise<Listening>;
  /** Runs one round of health checks now (the periodic ones go on). */
  checkHealth(): Promise<void>;
  /** Stops taking connections, waits for requests in progress (up to drainTimeoutMs), stops checks. */
  close(): Promise<void>;
}

export function createServer(config: GatewayConfig, options: GatewayOptions = {}): Gateway {
  const log = options.logger ?? createLogger('gateway', config.logLevel);
  const specs = parseUpstreams(config.upstreams);
  const tracing = createGatewayTracing(log);
  const pools = new Map(specs.map((s) => [s.name, new Pool(s.name, config.maxInflightPerReplica)]));
  for (const spec of specs) pools.get(spec.name)?.setReplicas(spec.urls);
  const view = () =>
    [...pools.values()].flatMap((p) =>
      p.replicas.map((r) => ({
        pool: p.name,
        replica: r.url,
        ready: r.ready,
        ejected: r.isEjected(Date.now()),
        inflight: r.inflight,
      })),
    );
  const metrics = createGatewayMetrics(view, { defaultMetrics: options.defaultMetrics ?? true });
  const health = new HealthChecker(() => [...pools.values()], {
    intervalMs: config.healthIntervalMs,
    timeoutMs: config.healthTimeoutMs,
    thresholds: { unhealthy: config.unhealthyThreshold, healthy: config.healthyThreshold },
    log,
  });
  const dnsEntries = specs
    .filter((s) => s.dns.length > 0)
    .map((spec) => ({ pool: pools.get(spec.name) as Pool, spec }));
  const dns = new DnsDiscovery(dnsEntries, {
    intervalMs: config.dnsIntervalMs,
    log,
    onAdded: (pool, added) => void Promise.all(added.map((r) => health.check(pool, r))),
  });
  const proxy = createProxy();
  const deps: ExchangeDeps = {
    proxy,
    metrics,
    log,
    panic: createPanicLog(log),
    policy: {
      afterFailures: config.ejectAfterFailures,
      baseMs: config.ejectBaseMs,
      maxMs: config.ejectMaxMs,
    },
    limits: config,
    retryAfterSeconds: Math.max(1, Math.ceil(config.healthIntervalMs / 1000)),
    active: { count: 0 },
    buffered: { used: 0, max: config.bodyBufferTotalBytes },
  };
  const cors = createCors(config.corsOrigins);
  const access = createAccess(config, () => metrics.refused.inc({ reason: 'auth' }));
  const limiter = createRateLimiter({ ratePerSecond: config.rateLimitRps, burst: config.rateLimitBurst });
  let draining = false;
  const ownRoutes = createOwnRoutes({ pools, metrics, access, isDraining: () => draining });

  /** Refuses a request before it reaches a pool, counted under the pool it asked for. */
  function reject(req: IncomingMessage, res: ServerResponse, pool: string, error: unknown): void {
    sendError(req, res, error);
    linger(req);
    const status = error instanceof TensorhopError ? error.status : 500;
    metrics.requests.inc({ pool, replica: 'none', status: String(status) });
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    if (connections.isRefused(req.socket)) return; // answered 429 on arrival, closing
    const traceId = traceIdOf(req);
    // The gateway's own reply headers, on every reply: set on `res` for the gateway's own answers,
    // written with the replica's headers in one go for a proxied reply.
    const own = ['x-trace-id', traceId];
    if (draining) own.push('connection', 'close');
    cors.addHeaders(req, own);
    if (cors.answerPreflight(req, res, own)) return;
    const url = req.url ?? '/';
    const route = matchRoute(url) ?? matchOipRoute(url);
    if (!route) {
      setHeaders(res, own);
      const path = url.split('?')[0] ?? '/';
      if (answerOip(req, res, path, { pools, isDraining: () => draining, version: '0.1.0' })) return;
      ownRoutes(req, res, path).catch((error: unknown) => sendError(req, res, error));
      return;
    }
    const pool = pools.get(route.pool);
    try {
      const caller = access.identify(req);
      // Past the key check (or keys are off): the caller may see the pool list.
      if (!pool) {
        const names = [...pools.keys()].join(', ');
        throw new TensorhopError('NOT_FOUND', `no pool ${route.pool}: pools are ${names}`);
      }
      if (limiter.enabled) limiter.take(caller ?? `ip:${clientAddress(req)}`);
      const declared = Number(req.headers['content-length']);
      if (declared > config.bodyLimitBytes) {
        throw new TensorhopError(
          'PAYLOAD_TOO_LARGE',
          `request body of ${declared} bytes is over the limit of ${config.bodyLimitBytes} bytes`,
        );
      }
    } catch (error) {
      setHeaders(res, own);
      return reject(req, res, pool ? route.pool : 'none', error);
    }
    stripHeaders(req.headers, access.enabled);
    req.headers['x-trace-id'] = traceId;
    forwardedFor(req);
    req.url = route.path;
    tracing.begin(req, res, route.pool, traceId);
    void new Exchange(req, res, pool, deps, traceId, own).start();
  }

  const server = createHttpServer(config, handle);
  const perClient = { max: config.maxConnectionsPerClient, exempt: config.connectionLimitExempt };
  const connections = limitConnections(server, perClient, (address) => {
    metrics.refused.inc({ reason: 'connections' });
    log.debug({ client: address }, 'connection refused: per-client limit');
  });

  async function listen(): Promise<Listening> {
    await tracing.ready;
    await dns.start();
    await health.start();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const port = (server.address() as AddressInfo).port;
    const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    const summary = Object.fromEntries([...pools].map(([name, p]) => [name, p.replicas.map((r) => r.url)]));
    log.info({ port, host: config.host, pools: summary, apiKeys: access.enabled }, 'gateway listening');
    return { port, url, server };
  }

  async function close(): Promise<void> {
    draining = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const deadline = Date.now() + config.drainTimeoutMs;
    while (deps.active.count > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    server.closeAllConnections();
    await closed;
    health.stop();
    dns.stop();
    proxy.agent.destroy();
    await tracing.shutdown();
  }

  return { config, log, metrics, pools, server, listen, close, checkHealth: () => health.checkAll() };
}
