/**
 * Counts the bytes of request and response bodies the page sends and receives. The SDK's axios
 * uses XMLHttpRequest in browsers and takes no transport hook, so `send` is wrapped once: every
 * measurement open while a request is sent gets that request's bytes. Headers are not counted.
 */

/** Bytes and calls of one measurement. */
export interface Tally {
  sent: number;
  received: number;
  calls: number;
}

const open = new Set<Tally>();
let installed = false;

function bodySize(body: unknown): number {
  if (body === null || body === undefined) return 0;
  if (typeof body === 'string') return new TextEncoder().encode(body).byteLength;
  if (body instanceof Blob) return body.size;
  if (ArrayBuffer.isView(body) || body instanceof ArrayBuffer) return body.byteLength;
  return 0;
}

function responseSize(xhr: XMLHttpRequest): number {
  const r: unknown = xhr.response;
  if (r instanceof ArrayBuffer) return r.byteLength;
  if (typeof r === 'string') return new TextEncoder().encode(r).byteLength;
  return Number(xhr.getResponseHeader('content-length') ?? 0);
}

/** The measurements each request counts towards, set when it is sent. */
const counted = new WeakMap<XMLHttpRequest, Tally[]>();

function install(): void {
  if (installed) return;
  installed = true;
  const proto = XMLHttpRequest.prototype;
  const { open: openRequest, send } = proto;
  // The listener is added at open(), before axios sets its own onloadend, so the received bytes
  // are counted before the caller's promise settles.
  proto.open = function (this: XMLHttpRequest, ...args: Parameters<XMLHttpRequest['open']>) {
    this.addEventListener('loadend', () => {
      const n = responseSize(this);
      for (const t of counted.get(this) ?? []) t.received += n;
    });
    return (openRequest as (...a: unknown[]) => void).apply(this, args);
  } as XMLHttpRequest['open'];
  proto.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    const tallies = [...open];
    const size = bodySize(body);
    for (const t of tallies) {
      t.sent += size;
      t.calls++;
    }
    counted.set(this, tallies);
    send.call(this, body);
  };
}

/** Runs `fn` and counts the bytes of the calls it makes. */
export async function measure<T>(fn: () => Promise<T>): Promise<{ value: T; tally: Tally }> {
  install();
  const tally: Tally = { sent: 0, received: 0, calls: 0 };
  open.add(tally);
  try {
    return { value: await fn(), tally };
  } finally {
    open.delete(tally);
  }
}
