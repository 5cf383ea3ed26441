/**
 * Who may call what: API keys (see api-keys.ts) with the per-client count of wrong keys in front
 * (see auth-failures.ts). With keys off everything is open. With keys on, pool routes, `/metrics`,
 * `/v1/status`, the pool list of a 404 and the detail of `/readyz` need a valid key; `/healthz`,
 * the status code of `/readyz` (for probes that send no headers) and the web page stay open.
 */
import type { IncomingMessage } from 'node:http';
import { createAuthFailures } from './auth-failures.js';
import { createKeyCheck, presentedKey } from './api-keys.js';

export interface AccessOptions {
  apiKeys: readonly string[];
  authFailureLimit: number;
  authFailureWindowMs: number;
}

export interface Access {
  enabled: boolean;
  /** Who the caller is (`key:<n>`), or throws 401 UNAUTHORIZED, or 429 OVERLOADED after too many wrong keys. */
  identify(req: IncomingMessage): string | undefined;
  /** Like identify, without throwing: may the caller see internals? */
  allows(req: IncomingMessage): boolean;
}

/** The client's address as the connection limit and the wrong-key count see it (the socket's peer). */
export function clientAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? '';
}

/** @param onLimited called when a client is refused for its wrong keys (for the metrics). */
export function createAccess(options: AccessOptions, onLimited: () => void = () => undefined): Access {
  const keys = createKeyCheck(options.apiKeys);
  const failures = createAuthFailures({
    limit: options.authFailureLimit,
    windowMs: options.authFailureWindowMs,
  });
  const identify = (req: IncomingMessage): string | undefined => {
    if (!keys.enabled) return undefined;
    const client = clientAddress(req);
    try {
      failures.check(client);
    } catch (error) {
      onLimited();
      throw error;
    }
    try {
      return keys.identify(req);
    } catch (error) {
      if (presentedKey(req) !== undefined) failures.fail(client);
      throw error;
    }
  };
  return {
    enabled: keys.enabled,
    identify,
    allows(req) {
      try {
        identify(req);
        return true;
      } catch {
        return false;
      }
    },
  };
}
