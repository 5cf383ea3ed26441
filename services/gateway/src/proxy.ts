/**
 * The proxy's two halves on Node's http module alone: the request one attempt sends to its replica
 * (the client's headers as a flat list, Host set to the replica, keep-alive connections) and the
 * head of the reply the client gets (the replica's headers without hop-by-hop ones, plus the
 * gateway's own). Flat header lists go into Node's header writer as they are, without a setHeader
 * call per header: with no proxy library in between, this is what keeps the gateway's CPU per
 * request near that of a bare `http` pipe (`npm run bench -- gateway`).
 */
import http, { type ClientRequest, type IncomingHttpHeaders } from 'node:http';
import type { Replica } from './replica.js';
import { HOP_BY_HOP } from './routes.js';

/** Reply headers that describe the replica's connection, not the reply. */
const HOP_BY_HOP_REPLY = new Set(['connection', ...HOP_BY_HOP]);

export interface Proxy {
  agent: http.Agent;
  /** Creates (does not send) the request of one attempt to `replica`. */
  request(replica: Replica, method: string, path: string, headers: IncomingHttpHeaders): ClientRequest;
}

export function createProxy(): Proxy {
  const agent = new http.Agent({
    keepAlive: true,
    keepAliveMsecs: 1000,
    maxFreeSockets: 256,
    scheduling: 'lifo',
  });
  return {
    agent,
    request(replica, method, path, headers) {
      const { hostname, port, host, path: prefix } = replica.address;
      return http.request({
        hostname,
        port,
        method,
        path: prefix === '' ? path : prefix + path,
        headers: requestHeaders(headers, host),
        agent,
      });
    },
  };
}

/**
 * The client's headers for the replica: Host names the replica (its virtual host, as a load
 * balancer's backend sees it); Connection is the gateway's own (Node's agent writes keep-alive).
 * Hop-by-hop headers and credentials were taken off before (routes.ts).
 */
export function requestHeaders(headers: IncomingHttpHeaders, host: string): string[] {
  const flat: string[] = ['host', host];
  for (const name in headers) {
    if (name === 'host' || name === 'connection') continue;
    const value = headers[name];
    if (typeof value === 'string') flat.push(name, value);
    else if (value !== undefined) for (const v of value) flat.push(name, v);
  }
  return flat;
}

/**
 * The head of the reply for the client: the replica's headers as it sent them (duplicates kept),
 * without the hop-by-hop ones, then the gateway's own (`extra`, a flat list) in place of any of the
 * replica's with the same name (Vary excepted: both are kept).
 */
export function replyHeaders(rawHeaders: readonly string[], extra: readonly string[]): string[] {
  const flat: string[] = [];
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = (rawHeaders[i] as string).toLowerCase();
    // Vary adds up: the reply varies with what the replica said and with the caller's Origin.
    if (HOP_BY_HOP_REPLY.has(name) || (name !== 'vary' && overridden(extra, name))) continue;
    flat.push(name, rawHeaders[i + 1] as string);
  }
  for (const item of extra) flat.push(item);
  return flat;
}

function overridden(extra: readonly string[], name: string): boolean {
  for (let i = 0; i < extra.length; i += 2) if (extra[i] === name) return true;
  return false;
}
