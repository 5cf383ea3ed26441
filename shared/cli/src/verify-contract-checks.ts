/**
 * `tensorhop verify`, the contract (ARCHITECTURE.md, "Rows, keys and errors" and "Sequencing and
 * hops"): broken inputs mixed with good ones come back key for key with their documented codes;
 * routes past the hop limit or to an unknown hop are refused; the downloader's SSRF guard is
 * closed to loopback. Only loopback targets are ever asked for, never another address.
 */
import { isErrorCode, accountKeys } from '@tensorhop/protocol';
import { buildInferRequest, inferRaw, stringTensor } from '@tensorhop/sdk';
import { BROKEN_BYTES, BROKEN_URLS, TEST_IMAGES, type BrokenInput } from './verify-images.js';
import { fail, pass, urlOf, type Check, type CheckOutcome, type VerifyContext } from './verify-run.js';

type RawReply = Awaited<ReturnType<typeof inferRaw>>;

interface Batch {
  what: string;
  keys: string[];
  broken: readonly BrokenInput[];
  reply: RawReply;
}

const GOOD = TEST_IMAGES.slice(0, 3);
const batches = new WeakMap<VerifyContext, Promise<Batch[]>>();

/** Good and broken inputs mixed, in hybrid mode: URLs to the downloader, bytes to the preprocessor. */
function brokenBatches(ctx: VerifyContext): Promise<Batch[]> {
  let made = batches.get(ctx);
  if (!made) {
    made = (async () => {
      const send = async (
        what: string,
        stage: 'downloader' | 'preprocessor',
        broken: readonly BrokenInput[],
      ) => {
        const good = GOOD.map((t) => ({
          key: `digit-${t.label}`,
          input: stage === 'downloader' ? t.url : t.png,
        }));
        // Broken rows first, between and last: a failed row must not shift its neighbours.
        const rows = [broken[0], good[0], ...broken.slice(1), ...good.slice(1)].filter(
          (r) => r !== undefined,
        );
        const keys = rows.map((r) => r.key);
        const next = stage === 'downloader' ? ['preprocessor', 'model'] : ['model'];
        const request = buildInferRequest([stringTensor(rows.map((r) => r.input))], {
          keys,
          route: { next, mode: 'EXACT' },
        });
        return { what, keys, broken, reply: await inferRaw(urlOf(ctx, stage), request, ctx.call) };
      };
      return [
        await send('URLs', 'downloader', BROKEN_URLS),
        await send('bytes', 'preprocessor', BROKEN_BYTES),
      ];
    })();
    batches.set(ctx, made);
  }
  return made;
}

export const keysCheck: Check = {
  name: 'keys-exactly-once',
  async run(ctx) {
    const problems: string[] = [];
    const seen: string[] = [];
    for (const b of await brokenBatches(ctx)) {
      const { response, status } = b.reply;
      const account = accountKeys(b.keys, response.keys, response.errors);
      for (const [what, keys] of Object.entries(account)) {
        if (keys.length) problems.push(`${b.what}: ${what} ${keys.join(', ')}`);
      }
      if (status !== 200) problems.push(`${b.what}: HTTP ${status}`);
      seen.push(
        `${b.what} ${response.keys.length} results + ${response.errors.length} row errors for ${b.keys.length} keys`,
      );
    }
    return problems.length ? fail(problems.join('; ')) : pass(seen.join('; '));
  },
};

export const codesCheck: Check = {
  name: 'error-codes',
  async run(ctx) {
    const problems: string[] = [];
    const codes = new Set<string>();
    for (const b of await brokenBatches(ctx)) {
      const errors = b.reply.response.errors;
      for (const e of errors) {
        codes.add(e.code);
        if (!isErrorCode(e.code)) problems.push(`${e.key}: ${e.code} is not in the error table`);
        if (e.key === '') problems.push(`${b.what}: request-level ${e.code}: ${e.message}`);
      }
      for (const x of b.broken) {
        const got = errors.find((e) => e.key === x.key);
        if (got?.code !== x.code || got.stage !== x.stage) {
          const saw = got ? `${got.code} at ${got.stage}` : 'no error';
          problems.push(`${x.key}: expected ${x.code} at ${x.stage}, got ${saw}`);
        }
      }
    }
    return problems.length
      ? fail(problems.join('; '))
      : pass(`as documented: ${[...codes].sort().join(', ')}`);
  },
};

/** A route sent to the downloader with the first digit; returns the reply. */
function route(ctx: VerifyContext, next: string[], hopsLeft?: number): Promise<RawReply> {
  const keys = GOOD.map((t) => `digit-${t.label}`);
  const request = buildInferRequest([stringTensor(GOOD.map((t) => t.url))], {
    keys,
    route: { next, mode: 'EXACT', ...(hopsLeft === undefined ? {} : { hopsLeft }) },
  });
  return inferRaw(urlOf(ctx, 'downloader'), request, ctx.call);
}

function refused(reply: RawReply, status: number, code: string): CheckOutcome {
  const error = reply.response.errors.find((e) => e.key === '');
  const ok = reply.status === status && error?.code === code && reply.response.keys.length === 0;
  const saw = `HTTP ${reply.status}, ${error ? `${error.code}: ${error.message}` : 'no request-level error'}`;
  return ok ? pass(`refused before any work: ${saw}`) : fail(`expected HTTP ${status} ${code}, got ${saw}`);
}

export const hopLimitCheck: Check = {
  name: 'hop-limit',
  run: async (ctx) => refused(await route(ctx, ['preprocessor', 'model'], 1), 508, 'HOP_LIMIT'),
};

export const unknownHopCheck: Check = {
  name: 'unknown-hop',
  run: async (ctx) => refused(await route(ctx, ['tensorhop-verify-no-such-hop']), 400, 'UNKNOWN_HOP'),
};

/**
 * hops_left=2 for a three-stage route: the preprocessor, which has rows in hand, must refuse the
 * model hop. ARCHITECTURE.md wants each forwarded key back as a row error; a body that carries only
 * the request-level error is reported as a warning (the SDK settles such keys itself).
 */
export const laterHopCheck: Check = {
  name: 'later-hop-limit',
  async run(ctx) {
    const reply = await route(ctx, ['preprocessor', 'model'], 2);
    const { keys, errors } = reply.response;
    const sent = GOOD.map((t) => `digit-${t.label}`);
    if (keys.length) return fail(`the model ran with hops_left=2: ${keys.length} results`);
    const limit = errors.find((e) => e.code === 'HOP_LIMIT');
    if (!limit)
      return fail(
        `no HOP_LIMIT: HTTP ${reply.status}, ${errors.map((e) => e.code).join(', ') || 'no errors'}`,
      );
    const missing = accountKeys(sent, keys, errors).missing;
    if (missing.length === 0) return pass(`HOP_LIMIT at ${limit.stage}, every key accounted for`);
    // The contract: once a stage accepted rows, every forwarded key comes back in the body.
    return fail(
      `HOP_LIMIT at ${limit.stage}, but ${missing.length} forwarded keys are only in the request-level error`,
    );
  },
};

/** Loopback only: the downloader's own machine, never another address. */
const LOOPBACK = [
  { key: 'ipv4-loopback', url: 'http://127.0.0.1:9/' },
  { key: 'ipv6-loopback', url: 'http://[::1]/' },
];

export const ssrfCheck: Check = {
  name: 'ssrf-guard',
  async run(ctx) {
    const request = buildInferRequest([stringTensor(LOOPBACK.map((l) => l.url))], {
      keys: LOOPBACK.map((l) => l.key),
      route: { next: [], mode: 'EXACT' },
    });
    const { response } = await inferRaw(urlOf(ctx, 'downloader'), request, ctx.call);
    const got = LOOPBACK.map((l) => ({
      ...l,
      code:
        response.errors.find((e) => e.key === l.key)?.code ??
        (response.keys.includes(l.key) ? 'FETCHED' : 'LOST'),
    }));
    const data = Object.fromEntries(got.map((g) => [g.url, g.code]));
    if (got.some((g) => g.code === 'LOST')) return fail('keys missing from the reply', data);
    const open = got.filter((g) => g.code !== 'DOWNLOAD_BLOCKED');
    if (open.length === 0)
      return pass(`closed: ${LOOPBACK.map((l) => l.url).join(' and ')} are DOWNLOAD_BLOCKED`, data);
    const seen = open.map((g) => `${g.url} ${g.code}`).join(', ');
    return { status: 'warn', detail: `loopback is allowed (TENSORHOP_DOWNLOADER_ALLOW?): ${seen}`, data };
  },
};
