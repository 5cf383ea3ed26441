/**
 * API keys: `Authorization: Bearer <key>` or `x-api-key: <key>`. Keys are compared as SHA-256
 * digests with `timingSafeEqual`, against every configured key without stopping at a match, so
 * the time taken says nothing about how close a guess was. No keys configured: no check.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { TensorhopError } from '@tensorhop/protocol';

const digest = (key: string): Buffer => createHash('sha256').update(key, 'utf8').digest();

export interface KeyCheck {
  enabled: boolean;
  /** Who the caller is (`key:<n>`, never the key itself), or throws 401 UNAUTHORIZED. */
  identify(req: IncomingMessage): string | undefined;
}

/** The key the request presents, if any. */
export function presentedKey(req: IncomingMessage): string | undefined {
  const header = req.headers['x-api-key'];
  if (typeof header === 'string' && header !== '') return header.trim();
  const auth = req.headers.authorization;
  const match = typeof auth === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(auth) : null;
  return match?.[1];
}

export function createKeyCheck(keys: readonly string[]): KeyCheck {
  const digests = keys.filter((k) => k !== '').map(digest);
  const enabled = digests.length > 0;
  return {
    enabled,
    identify(req) {
      if (!enabled) return undefined;
      const key = presentedKey(req);
      if (key === undefined) {
        throw new TensorhopError(
          'UNAUTHORIZED',
          'an API key is required: send Authorization: Bearer <key> or x-api-key: <key>',
        );
      }
      const given = digest(key);
      let found = -1;
      for (const [i, d] of digests.entries()) {
        if (timingSafeEqual(given, d) && found < 0) found = i;
      }
      if (found < 0) throw new TensorhopError('UNAUTHORIZED', 'the API key is not valid');
      return `key:${found}`;
    },
  };
}
