/**
 * The gateway's HTTP server with deadlines on what clients send: the headers within
 * `headersTimeoutMs`, the whole request (headers and body) within `bodyTimeoutMs`, else Node
 * answers 408 and closes the connection. Node checks these deadlines on a timer (30 s by default),
 * so the check runs at a fraction of the shortest deadline, or a slow client would get up to 30 s
 * more than it is allowed.
 */
import http from 'node:http';

export interface ClientDeadlines {
  /** @default 10000 */
  headersTimeoutMs: number;
  /** @default 60000 */
  bodyTimeoutMs: number;
}

/** Idle keep-alive connections are kept longer than the usual 60 s of load balancers in front. */
const KEEP_ALIVE_MS = 65_000;

/** An HTTP server for `handler` with the client deadlines set and checked often enough. */
export function createHttpServer(deadlines: ClientDeadlines, handler: http.RequestListener): http.Server {
  const requestTimeout = deadlines.bodyTimeoutMs;
  // Node refuses a headers deadline longer than the request's.
  const headersTimeout = Math.min(deadlines.headersTimeoutMs, requestTimeout);
  const connectionsCheckingInterval = Math.max(10, Math.min(1000, Math.floor(headersTimeout / 4)));
  const server = http.createServer(
    { requestTimeout, headersTimeout, connectionsCheckingInterval, keepAliveTimeout: KEEP_ALIVE_MS },
    handler,
  );
  return server;
}
