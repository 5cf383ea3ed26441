/**
 * Node-only additions to the SDK (`@tensorhop/sdk/node`): keep-alive agents to pass as
 * `agents`, so a long batch reuses its connections to the gateway.
 */
import http from 'node:http';
import https from 'node:https';
import type { HttpAgents } from './client-core.js';

/**
 * New keep-alive agents for the SDK's `agents` option.
 * @param maxSockets connections per host @default 64
 */
export function keepAliveAgents(maxSockets = 64): HttpAgents {
  return {
    http: new http.Agent({ keepAlive: true, maxSockets, keepAliveMsecs: 1000 }),
    https: new https.Agent({ keepAlive: true, maxSockets, keepAliveMsecs: 1000 }),
  };
}
