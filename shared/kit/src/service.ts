/**
 * The service kit: one HTTP server per stage with the protocol's binding (`POST /` in protobuf or
 * JSON, `GET /` metadata, health, readiness, metrics), a body limit, a bound on requests in
 * progress, hop routing, one log line per request and a graceful drain.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express, type Request as HttpRequest, type Response } from 'express';
import type { Logger } from 'pino';
import {
  TensorhopError,
  type Metadata,
  CONTENT_TYPES,
  decodeRequest,
  encodeMetadata,
  encodingOf,
  type Encoding,
} from '@tensorhop/protocol';
import { readBody } from './body.js';
import { handleInfer, parseConfig } from './infer-handler.js';
import { callDeps, createInferDoor, type InferDoor } from './infer-door.js';
import { mountOipRoutes, stageCatalog, type OipCatalog } from './oip/index.js';
import { createLogger } from './logger.js';
import { createMetrics, type ServiceMetrics } from './metrics.js';
import { createMemoryBudget } from './memory-budget.js';
import { createReadiness } from './readiness.js';
import { sendEncoded, sendError, sendReply, sendSpliced } from './respond.js';
import type { ServiceConfig } from './service-config.js';
import type { StageDefinition } from './stage.js';
import { traceCarrierOf, type TraceCarrier } from './trace-context.js';
import { createTracing, plainTracing, tracingSettings, type StageSpan, type Tracing } from './tracing.js';

export const SERVER_NAME = 'tensorhop/0.1.0';

export interface ServiceOptions {
  stage: StageDefinition;
  config: ServiceConfig;
  logger?: Logger;
  metrics?: ServiceMetrics;
  /** Mounts extra routes (e.g. TF Serving's REST API) before the protocol's own. */
  routes?: (app: Express, service: Service) => void;
  /** The models served under the Open Inference Protocol's `/v2/models`. @default the stage itself */
  oip?: OipCatalog;
  /** Where the OpenTelemetry variables are read. @default process.env */
  env?: NodeJS.ProcessEnv;
}

export interface Listening {
  port: number;
  url: string;
  server: Server;
}

export interface Service {
  app: Express;
  log: Logger;
  metrics: ServiceMetrics;
  config: ServiceConfig;
  /** Runs infer requests of other protocols (OIP REST, gRPC) under the same bounds as POST /. */
  door: InferDoor;
  /** This stage's metadata; `config` names what to describe (e.g. a model). */
  metadata(config?: Readonly<Record<string, unknown>>): Promise<Metadata>;
  /** Starts listening on the configured host and port (0 picks a free port). */
  listen(): Promise<Listening>;
  /** Stops taking requests, waits for those in progress (up to drainTimeoutMs), then releases the stage. */
  close(): Promise<void>;
  /**
   * Starts the span of one call, for every door into the stage (POST /, OIP REST with
   * `parameters.traceparent`, gRPC metadata): pass it to handleInfer as `span`, set
   * `span.traceId` as the request's traceId, send `span.responseHeaders()`, and `end` it.
   */
  startTrace(carrier: TraceCarrier, options?: { name?: string; startTimeMs?: number }): StageSpan;
  /** The service's tracer (exports only when an OTLP endpoint is configured). */
  readonly tracing: Tracing;
}

/** Sets reply headers on Node's response (POST / is served without Express). */
function setHeaders(res: ServerResponse, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}

/** `POST /` (any query string): the protocol's one hot route, served without Express's router. */
const isInferPost = (req: IncomingMessage): boolean =>
  req.method === 'POST' && (req.url === '/' || req.url?.startsWith('/?') === true);

/**
 * JSON carries bytes as base64 (4/3 larger) inside one string, and V8 strings stop near 512 MiB:
 * a JSON reply is held to a quarter of that (as tensor bytes), below the protobuf limit.
 */
const JSON_REPLY_BYTES = 96 * 1024 * 1024;

function replyLimit(maxReplyBytes: number, encoding: Encoding): number {
  return encoding === 'json' ? Math.min(maxReplyBytes, JSON_REPLY_BYTES) : maxReplyBytes;
}

/** `GET /?model=x&version=2`: the same options a metadata request's config carries. */
function queryConfig(query: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ['model', 'version']) if (typeof query[key] === 'string') out[key] = query[key];
  return out;
}

export function createService(options: ServiceOptions): Service {
  const { stage, config } = options;
  const log = options.logger ?? createLogger(stage.name, config.logLevel);
  const metrics = options.metrics ?? createMetrics(stage.name);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  let inflight = 0;
  let draining = false;
  let server: Server | undefined;
  const readiness = createReadiness({ stage, isDraining: () => draining });
  const budget = createMemoryBudget(config.memoryBudgetBytes);
  // Settings are checked now (a bad value stops start-up); the SDK loads, if at all, before listen.
  let tracing: Tracing = plainTracing;
  const tracingReady = createTracing(
    tracingSettings(options.env),
    { service: stage.name, version: stage.version ?? '1' },
    log,
  ).then((t) => void (tracing = t));
  const startTrace: Service['startTrace'] = (carrier, o) =>
    tracing.startStage(o?.name ?? `${stage.name} infer`, carrier, o?.startTimeMs);

  const metadata = async (asked: Readonly<Record<string, unknown>> = {}): Promise<Metadata> => ({
    name: stage.name,
    version: stage.version ?? '1',
    server: SERVER_NAME,
    description: stage.description ?? '',
    inputs: stage.inputs,
    outputs: stage.outputs,
    defaultNext: config.next,
    preprocess: '',
    ...(await stage.metadata?.(asked)),
  });

  const door = createInferDoor({
    ...{ stage, config, log, metrics, budget, isDraining: () => draining },
    enter: () => {
      if (inflight >= config.maxInflight) return false;
      metrics.inflight.set(++inflight);
      return true;
    },
    leave: () => void metrics.inflight.set(--inflight),
    startTrace: (carrier, o) => startTrace(carrier, o),
  });
  const service: Service = {
    app,
    log,
    metrics,
    config,
    door,
    metadata,
    listen,
    close,
    startTrace,
    get tracing() {
      return tracing;
    },
  };
  options.routes?.(app, service);
  mountOipRoutes(app, {
    config,
    door,
    catalog: options.oip ?? stageCatalog(metadata, stage.name),
    server: { name: 'tensorhop', version: SERVER_NAME.split('/')[1] ?? '' },
    ready: async () => (await readiness.check()).ready,
  });

  app.get('/', async (_req, res) => {
    res.json(
      JSON.parse(
        Buffer.from(encodeMetadata(await metadata(queryConfig(_req.query)), 'json')).toString('utf8'),
      ),
    );
  });
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok', stage: stage.name, pid: process.pid }));
  app.get('/readyz', async (_req, res) => {
    const state = await readiness.check();
    res.status(state.ready ? 200 : 503).json(state);
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.post('/', (req, res) => void handlePost(req, res));
  app.use((req, res) => {
    sendError(
      res,
      new TensorhopError('NOT_FOUND', `no route for ${req.method} ${req.path}`),
      stage.name,
      'json',
    );
  });
  app.use((error: unknown, _req: HttpRequest, res: Response, _next: unknown) => {
    log.error({ err: error }, 'unhandled error');
    if (!res.headersSent) sendError(res, error, stage.name, 'json');
  });

  async function handlePost(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = process.hrtime.bigint();
    const startTimeMs = Date.now();
    const carrier = traceCarrierOf(req.headers);
    let span: StageSpan | undefined;
    const encoding: Encoding | undefined = encodingOf(req.headers['content-type']);
    const replyEncoding: Encoding = encoding ?? encodingOf(req.headers.accept) ?? 'json';
    const controller = new AbortController();
    const releases: (() => void)[] = [];
    res.on('close', () => {
      if (!res.writableFinished) controller.abort(new Error('client went away'));
    });
    let status = 500;
    let rows = { rowsIn: 0, rowsOut: 0, next: undefined as string | undefined };
    let holdsSlot = false;
    let rowsInFlight = 0;
    const timer = setTimeout(() => controller.abort(new Error('request deadline')), config.requestTimeoutMs);
    try {
      if (draining) throw new TensorhopError('UNAVAILABLE', `${stage.name} is shutting down`);
      if (!encoding) {
        throw new TensorhopError(
          'UNSUPPORTED_MEDIA_TYPE',
          `unsupported content type ${JSON.stringify(req.headers['content-type'] ?? '')}: use ${CONTENT_TYPES.protobuf} or ${CONTENT_TYPES.json}`,
        );
      }
      // The slot is taken only once the body is complete, so slow senders cannot hold slots.
      const body = await readBody(req, config.bodyLimitBytes, config.bodyTimeoutMs);
      if (inflight >= config.maxInflight) {
        throw new TensorhopError(
          'OVERLOADED',
          `${stage.name} has ${config.maxInflight} requests in progress`,
        );
      }
      inflight++;
      holdsSlot = true;
      metrics.inflight.set(inflight);
      const request = decodeRequest(body, encoding);
      if ('metadata' in request) {
        span = startTrace(carrier, { name: `${stage.name} metadata`, startTimeMs });
        setHeaders(res, span.responseHeaders());
        status = 200;
        sendEncoded(
          res,
          200,
          encodeMetadata(await metadata(parseConfig(request.metadata.config)), encoding),
          encoding,
        );
        span.end({ status });
        return;
      }
      if (request.infer.traceId !== '') carrier.traceId = request.infer.traceId;
      span = startTrace(carrier, { startTimeMs });
      request.infer.traceId = span.traceId;
      setHeaders(res, span.responseHeaders());
      rowsInFlight = request.infer.keys.length || Number(request.infer.inputs[0]?.shape[0] ?? 0);
      metrics.inflightRows.inc(rowsInFlight);
      const outcome = await handleInfer(
        callDeps(
          { stage, config, metrics, budget },
          { span, releases, maxReplyBytes: replyLimit(config.maxReplyBytes, encoding) },
        ),
        request.infer,
        controller.signal,
        log.child({ trace_id: span.traceId, span_id: span.spanId }),
      );
      status = outcome.status;
      rows = { rowsIn: outcome.rowsIn, rowsOut: outcome.rowsOut, next: outcome.next };
      metrics.rowsIn.inc(outcome.rowsIn);
      metrics.rowsOut.inc(outcome.rowsOut);
      if (outcome.passThrough && encoding === 'protobuf') sendSpliced(res, outcome, outcome.passThrough);
      else sendReply(res, outcome.status, outcome.reply, encoding, outcome.retryAfterSeconds);
      const own = outcome.reply.trace[0];
      const bytes = own ? { bytesIn: own.bytesIn, bytesOut: own.bytesOut } : {};
      span.end({ status, ...rows, ...bytes, errors: outcome.reply.errors });
    } catch (error) {
      status = error instanceof TensorhopError ? error.status : 500;
      span ??= startTrace(carrier, { startTimeMs });
      span.end({ status, error });
      if (status === 500) log.error({ err: error, trace_id: span.traceId }, 'request failed');
      if (error instanceof TensorhopError && error.code === 'REQUEST_TIMEOUT') res.shouldKeepAlive = false;
      if (!res.headersSent) {
        setHeaders(res, span.responseHeaders());
        sendError(res, error, stage.name, replyEncoding);
      }
    } finally {
      clearTimeout(timer);
      for (const give of releases) give();
      if (holdsSlot) inflight--;
      metrics.inflight.set(inflight);
      metrics.inflightRows.dec(rowsInFlight);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.requests.inc({ status: String(status) });
      metrics.latency.observe({ status: String(status) }, seconds);
      const traceIds = span ? { trace_id: span.traceId, span_id: span.spanId } : {};
      log.info({ ...traceIds, status, ms: Math.round(seconds * 1e4) / 10, ...rows }, 'infer');
    }
  }

  async function listen(): Promise<Listening> {
    await tracingReady;
    return new Promise((resolve, reject) => {
      // Every other route goes through Express (mounted routes first, as before).
      const s = createServer((req, res) => {
        if (isInferPost(req)) void handlePost(req, res);
        else app(req, res);
      });
      s.once('error', reject);
      s.listen(config.port, config.host, () => {
        s.off('error', reject);
        const port = (s.address() as AddressInfo).port;
        const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
        const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
        log.info(
          { port, host: config.host, next: config.next, hops: config.hops },
          `${stage.name} listening`,
        );
        resolve({ port, url, server: s });
      });
      s.keepAliveTimeout = 65_000;
      // Node answers 408 itself when headers or the whole request arrive too late.
      s.requestTimeout = config.bodyTimeoutMs + 1000;
      s.headersTimeout = Math.min(66_000, s.requestTimeout);
      server = s;
    });
  }

  async function close(): Promise<void> {
    draining = true;
    const s = server;
    if (s) {
      const closed = new Promise<void>((resolve) => s.close(() => resolve()));
      s.closeIdleConnections();
      const deadline = Date.now() + config.drainTimeoutMs;
      while (inflight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      s.closeAllConnections();
      await closed;
    }
    await stage.close?.();
    await tracing.shutdown();
  }

  return service;
}
