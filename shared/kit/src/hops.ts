/**
 * Hop routing: where a stage sends its surviving rows next. `next` holds names from the hop table,
 * never URLs, so a request cannot make a service call an arbitrary host, and `hops_left` bounds
 * every route, loops included.
 */
import { callHop, type HopReply } from './hop-client.js';
import {
  TensorhopError,
  isTensorhopError,
  type Hop,
  type InferRequest,
  type Route,
  type Tensor,
} from '@tensorhop/protocol';

/** Hops a request may take when the client leaves `hops_left` unset. */
export const DEFAULT_HOPS_LEFT = 8;

/** Hop name → base URL of the service (or of a gateway pool route). */
export type HopTable = Readonly<Record<string, string>>;

export interface NextHop {
  name: string;
  url: string;
  hop: Hop;
  /** The route the next stage receives. */
  route: Route;
}

/**
 * The hop this stage forwards to, or undefined when the route stops here: the first of `next`, or
 * with DEFAULT mode and an empty `next`, the stage's configured successor.
 */
export function planNextHop(route: Route, defaultNext: string, table: HopTable): NextHop | undefined {
  if (route.hopsLeft > DEFAULT_HOPS_LEFT) {
    throw new TensorhopError(
      'HOP_LIMIT',
      `hops_left ${route.hopsLeft} is above the limit of ${DEFAULT_HOPS_LEFT} hops a request`,
    );
  }
  const hopsLeft = route.hopsLeft > 0 ? route.hopsLeft : DEFAULT_HOPS_LEFT;
  let hop: Hop | undefined = route.next[0];
  let rest = route.next.slice(1);
  if (!hop && route.mode === 'DEFAULT' && defaultNext !== '') {
    hop = { target: defaultNext };
    rest = [];
  }
  if (!hop) return undefined;
  const url = Object.hasOwn(table, hop.target) ? table[hop.target] : undefined;
  if (url === undefined) {
    const known = Object.keys(table);
    throw new TensorhopError(
      'UNKNOWN_HOP',
      `unknown hop ${JSON.stringify(hop.target)}: known hops are ${known.length ? known.join(', ') : '(none)'}`,
    );
  }
  if (hopsLeft <= 1) {
    throw new TensorhopError(
      'HOP_LIMIT',
      `hop limit reached before ${JSON.stringify(hop.target)}: no hops left`,
    );
  }
  return { name: hop.target, url, hop, route: { next: rest, mode: route.mode, hopsLeft: hopsLeft - 1 } };
}

export interface ForwardInput {
  next: NextHop;
  outputNames: string[];
  outputs: Tensor[];
  keys: string[];
  traceId: string;
  timeoutMs: number;
  signal: AbortSignal;
  /** Headers for the hop call (an API key when hops go through a gateway). */
  headers?: Record<string, string>;
}

/** The headers a stage sends to its hops: the hop API key, when one is configured. */
export function hopHeaders(apiKey: string): Record<string, string> {
  return apiKey === '' ? {} : { authorization: `Bearer ${apiKey}` };
}

/** Sends the surviving rows to the next hop; transport failures name the hop. */
export async function forward(input: ForwardInput): Promise<HopReply> {
  const { next } = input;
  const request: InferRequest = {
    config: next.hop.config ?? '',
    inputNames: input.outputNames,
    inputs: input.outputs,
    outputNames: next.hop.outputNames ?? [],
    keys: input.keys,
    route: next.route,
    traceId: input.traceId,
  };
  try {
    return await callHop(next.url, request, {
      timeoutMs: input.timeoutMs,
      signal: input.signal,
      ...(input.headers ? { headers: input.headers } : {}),
    });
  } catch (error) {
    if (isTensorhopError(error) && (error.code === 'HOP_TIMEOUT' || error.code === 'HOP_UNAVAILABLE')) {
      const why = error.code === 'HOP_TIMEOUT' ? `did not answer in time` : `is unavailable`;
      throw new TensorhopError(error.code, `next hop ${JSON.stringify(next.name)} ${why} (${error.message})`);
    }
    throw error;
  }
}
