/**
 * The gateway's part in tracing. Without an OTLP endpoint it only keeps `traceparent` and
 * `tracestate` on their way to the replica (the proxy passes them like any end-to-end header).
 * With one, each pool request gets a server span and a client span for the call to the pool,
 * and the replica receives a traceparent naming that client span as its parent.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  createTracing,
  plainTracing,
  traceCarrierOf,
  tracingSettings,
  type Logger,
  type Tracing,
} from '@tensorhop/kit';

export interface GatewayTracing {
  /** Resolves once the tracer (and the SDK, when exporting) is loaded. */
  ready: Promise<void>;
  /** Starts the spans of one request to `pool`, carries the trace to the replica, ends them with the reply. */
  begin(req: IncomingMessage, res: ServerResponse, pool: string, traceId: string): void;
  /** Exports what is buffered; bounded in time. */
  shutdown(): Promise<void>;
}

/** Reads the OpenTelemetry variables now: a bad value stops the gateway at start-up. */
export function createGatewayTracing(log: Logger, env: NodeJS.ProcessEnv = process.env): GatewayTracing {
  let tracing: Tracing = plainTracing;
  const ready = createTracing(tracingSettings(env), { service: 'gateway' }, log).then(
    (t) => void (tracing = t),
  );
  return {
    ready,
    begin(req, res, pool, traceId) {
      if (!tracing.exporting) return;
      const span = tracing.startStage(`gateway ${pool}`, { ...traceCarrierOf(req.headers), traceId });
      const hop = span.hop(pool);
      Object.assign(req.headers, hop.headers);
      res.once('close', () => {
        // 499: the client went away before its reply was sent, as the gateway's metrics count it.
        const status = res.writableFinished ? res.statusCode : 499;
        hop.end({ status });
        span.end({ status });
      });
    },
    shutdown: () => tracing.shutdown(),
  };
}
