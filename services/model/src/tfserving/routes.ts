import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { traceCarrierOf, type StageSpan, type TraceCarrier } from '@tensorhop/kit';
import type { Logger } from '../logger.js';
import type { ModelRuntime } from '../runtime/model-runtime.js';
import { handleTfServing } from './tfserving.js';

/** What {@link mountTfServingRoutes} needs. */
export interface TfServingRouteOptions {
  runtime: ModelRuntime;
  logger: Logger;
  /** Largest JSON body (b64 images make big ones). @default '32mb' */
  bodyLimit?: string;
  /** Starts a call's span (the kit's `Service.startTrace`): traceparent in, trace id in logs and reply. */
  trace?: (carrier: TraceCarrier, options: { name: string }) => StageSpan;
}

/** The logger with the call's trace and span ids on every line. */
function withTrace(log: Logger, span: StageSpan): Logger {
  const ids = { trace_id: span.traceId, span_id: span.spanId };
  return {
    debug: (o, m) => log.debug({ ...ids, ...o }, m),
    info: (o, m) => log.info({ ...ids, ...o }, m),
    warn: (o, m) => log.warn({ ...ids, ...o }, m),
    error: (o, m) => log.error({ ...ids, ...o }, m),
  };
}

/** Mounts TF Serving's REST API under `/v1/models` on an express 5 app or router. */
export function mountTfServingRoutes(
  router: { use(path: string, handler: Router): unknown },
  options: TfServingRouteOptions,
): void {
  const routes = express.Router();
  // TF Serving clients often send JSON without a JSON content type; parse whatever comes.
  routes.use(express.json({ limit: options.bodyLimit ?? '32mb', type: () => true }));
  routes.use(async (req: Request, res: Response) => {
    const span = options.trace?.(traceCarrierOf(req.headers), { name: `model tfserving ${req.method}` });
    const log = span ? withTrace(options.logger, span) : options.logger;
    const reply = await handleTfServing(options.runtime, req.method, req.path, req.body, log);
    res
      .status(reply.status)
      .set({ ...span?.responseHeaders(), ...reply.headers })
      .json(reply.body);
    span?.end({ status: reply.status });
  });
  routes.use(
    (error: { status?: number; message?: string }, _req: Request, res: Response, _next: NextFunction) => {
      const status =
        typeof error.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
      if (status === 500) options.logger.error({ err: error }, 'tfserving route failed');
      res
        .status(status)
        .json({ error: status === 500 ? 'internal error' : `bad request body: ${error.message ?? ''}` });
    },
  );
  router.use('/v1/models', routes);
}
