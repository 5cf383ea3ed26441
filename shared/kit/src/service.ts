/**
 * The service kit: one HTTP server per stage with the protocol's binding (`POST /` in protobuf or
 * JSON, `GET /` metadata, health, readiness, metrics), a body limit, a bound on requests in
 * progress, hop routing, one log line per request and a graceful drain.
 */
import { randomBytes } from 'node:crypto';
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
import { hopHeaders } from './hops.js';
import { handleInfer } from './infer-handler.js';
import { createLogger } from './logger.js';
import { createMetrics, type ServiceMetrics } from './metrics.js';
import { createMemoryBudget } from './memory-budget.js';
import { createReadiness } from './readiness.js';
import { sendEncoded, sendError, sendReply, sendSpliced } from './respond.js';
import type { ServiceConfig } from './service-config.js';
import type { StageDefinition } from './stage.js';

export const SERVER_NAME = 'tensorhop/0.1.0';

export interface ServiceOptions {
  stage: StageDefinition;
  config: ServiceConfig;
  logger?: Logger;
  metrics?: ServiceMetrics;
  /** Mounts extra routes (e.g. TF Serving's REST API) before the protocol's own. */
  routes?: (app: Express, service: Service) => void;
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
  metadata(): Promise<Metadata>;
  /** Starts listening on the configured host and port (0 picks a free port). */
  listen(): Promise<Listening>;
  /** Stops taking requests, waits for those in progress (up to drainTimeoutMs), then releases the stage. */
  close(): Promise<void>;
}

/**
 * A trace id is unique, not secret: a random prefix per process and a counter give 16 hex digits
 * like 8 random bytes did, without a call into the CSPRNG on every request.
 */
const TRACE_PREFIX = randomBytes(4).toString('hex');
let traceCounter = 0;

const traceId = (req: IncomingMessage): string => {
  const header = req.headers['x-trace-id'];
  if (typeof header === 'string' && /^[\w.-]{1,64}$/.test(header)) return header;
  traceCounter = (traceCounter + 1) >>> 0;
  return TRACE_PREFIX + traceCounter.toString(16).padStart(8, '0');
};

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

  const metadata = async (): Promise<Metadata> => ({
    name: stage.name,
    version: stage.version ?? '1',
    server: SERVER_NAME,
    description: stage.description ?? '',
    inputs: stage.inputs,
    outputs: stage.outputs,
    defaultNext: config.next,
    preprocess: '',
    ...(await stage.metadata?.()),
  });

  const service: Service = { app, log, metrics, config, metadata, listen, close };
  options.routes?.(app, service);

  app.get('/', async (_req, res) => {
    res.json(JSON.parse(Buffer.from(encodeMetadata(await metadata(), 'json')).toString('utf8')));
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
    const trace = traceId(req);
    const encoding: Encoding | undefined = encodingOf(req.headers['content-type']);
    const replyEncoding: Encoding = encoding ?? encodingOf(req.headers.accept) ?? 'json';
    const controller = new AbortController();
    let release = (): void => {};
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
        status = 200;
        sendEncoded(res, 200, encodeMetadata(await metadata(), encoding), encoding);
        return;
      }
      request.infer.traceId ||= trace;
      rowsInFlight = request.infer.keys.length || Number(request.infer.inputs[0]?.shape[0] ?? 0);
      metrics.inflightRows.inc(rowsInFlight);
      const outcome = await handleInfer(
        {
          stage,
          hops: config.hops,
          defaultNext: config.next,
          hopTimeoutMs: config.hopTimeoutMs,
          hopHeaders: hopHeaders(config.hopsApiKey),
          metrics,
          maxRows: config.maxRows,
          maxReplyBytes: replyLimit(config.maxReplyBytes, encoding),
          reserve: (bytes: number, what: string) => {
            const give = budget.reserve(bytes, what);
            const before = release;
            release = () => {
              before();
              give();
            };
          },
        },
        request.infer,
        controller.signal,
        log.child({ trace_id: request.infer.traceId }),
      );
      status = outcome.status;
      rows = { rowsIn: outcome.rowsIn, rowsOut: outcome.rowsOut, next: outcome.next };
      metrics.rowsIn.inc(outcome.rowsIn);
      metrics.rowsOut.inc(outcome.rowsOut);
      if (outcome.passThrough && encoding === 'protobuf') sendSpliced(res, outcome, outcome.passThrough);
      else sendReply(res, outcome.status, outcome.reply, encoding, outcome.retryAfterSeconds);
    } catch (error) {
      status = error instanceof TensorhopError ? error.status : 500;
      if (status === 500) log.error({ err: error, trace_id: trace }, 'request failed');
      if (error instanceof TensorhopError && error.code === 'REQUEST_TIMEOUT') res.shouldKeepAlive = false;
      if (!res.headersSent) sendError(res, error, stage.name, replyEncoding);
    } finally {
      clearTimeout(timer);
      release();
      if (holdsSlot) inflight--;
      metrics.inflight.set(inflight);
      metrics.inflightRows.dec(rowsInFlight);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.requests.inc({ status: String(status) });
      metrics.latency.observe({ status: String(status) }, seconds);
      log.info({ trace_id: trace, status, ms: Math.round(seconds * 1e4) / 10, ...rows }, 'infer');
    }
  }

  function listen(): Promise<Listening> {
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
  }

  return service;
}
