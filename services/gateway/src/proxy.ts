/**
 * The proxy itself, built on http-proxy-middleware: one handler for every pool, whose router sends
 * each attempt to the replica its exchange picked. Its default plugins are ejected: errors are
 * handled by the exchange (retry or a tensorhop error), and one pass inserted before http-proxy's
 * `stream` pass swaps the client stream for the exchange's attempt stream, which is what makes a
 * streamed body replayable.
 */
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createProxyMiddleware, type Plugin } from 'http-proxy-middleware';
import { exchangeOf } from './exchange.js';

/** http-proxy's pass API (not in its type definitions). */
interface PassApi {
  before(
    type: 'web',
    passName: string,
    pass: (req: IncomingMessage, res: ServerResponse, options: { buffer?: unknown }) => void,
  ): void;
}

const exchangePlugin: Plugin = (server) => {
  (server as unknown as PassApi).before('web', 'stream', (req, _res, options) => {
    const exchange = exchangeOf(req);
    if (exchange?.stream) options.buffer = exchange.stream;
  });
  server.on('proxyRes', (upstreamRes, req) => exchangeOf(req)?.onResponse(upstreamRes));
  server.on('error', (error, req, _res, target) => exchangeOf(req)?.onUpstreamError(error, target));
  // The client went away; the exchange accounts for it when its response closes.
  server.on('econnreset', () => undefined);
};

export interface ProxyHandler {
  (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void;
  agent: http.Agent;
}

/** The handler that proxies one attempt of an exchange, with keep-alive connections to replicas. */
export function createProxy(): ProxyHandler {
  const agent = new http.Agent({
    keepAlive: true,
    keepAliveMsecs: 1000,
    maxFreeSockets: 256,
    scheduling: 'lifo',
  });
  const middleware = createProxyMiddleware<IncomingMessage, ServerResponse>({
    router: (req) => exchangeOf(req)?.target,
    changeOrigin: true,
    agent,
    ejectPlugins: true,
    plugins: [exchangePlugin],
  });
  const handler = ((req, res, next) => void middleware(req, res, next)) as ProxyHandler;
  handler.agent = agent;
  return handler;
}
